// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

//! How readable one colour is on another, as the Web Content Accessibility Guidelines measure
//! it: the status lines and the highlighted code pick their colours with it.
namespace Tramontane::ColourContrast {

//! The contrast ratio wanted for text (WCAG AA).
inline constexpr double Readable = 4.5;

//! The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
double ratio(const QColor &a, const QColor &b);

} // namespace Tramontane::ColourContrast
