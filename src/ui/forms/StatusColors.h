// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QLabel;
class QPalette;

//! The colours of status lines (an error under a field, a warning, a test that passed), derived
//! from the palette so that they stay readable on light and dark windows alike.
namespace Tramontane::StatusColors {

enum class Kind { Normal, Error, Warning, Ok };

//! The text colour of \a kind on \a palette's window: a red, amber or green of the palette's
//! brightness with a contrast ratio of at least 4.5 (WCAG AA) against QPalette::Window.
//! Normal is the palette's own window text.
QColor color(Kind kind, const QPalette &palette);
//! Gives \a label's text the colour of \a kind on \a palette (the palette the label is shown
//! on); call again after that palette changed.
void paint(QLabel *label, Kind kind, const QPalette &palette);

} // namespace Tramontane::StatusColors
