// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tramontane::BidiControls {

//! Untrusted text (model output, tool results, server-supplied names) may carry Unicode's
//! explicit direction controls: embeddings (U+202A, U+202B), overrides (U+202D, U+202E),
//! their terminator (U+202C) and isolates (U+2066–U+2069). An override makes "evil" display
//! as "live" and can reorder the words of a sentence or of a command a person is about to
//! copy, while the stored text says otherwise ("Trojan Source").
//!
//! neutralised() replaces each of them with a visible marker naming the code point, such as
//! "‹U+202E›", so the text reads in its logical order and the person sees that something was
//! hidden in it. Implicit marks (U+200E, U+200F, U+061C) stay: they only place neutral
//! characters and cannot reverse letters. Each control is one UTF-16 unit and is replaced on
//! its own, so neutralising a text piece by piece gives the same result as all at once.

//! Whether \a text holds any explicit direction control.
bool contains(QStringView text);
//! \a text with every explicit direction control replaced by its marker; \a text itself
//! (no copy) when it holds none.
QString neutralised(const QString &text);
QString neutralised(QStringView text);

} // namespace Tramontane::BidiControls
