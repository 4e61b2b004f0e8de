// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Tramontane::Emulator {

//! Paints a deterministic picture for a prompt: a gradient sky, a sun or moon, hills and a few
//! shapes, their colours and places seeded from the prompt. No text is drawn, so no font (and no
//! GUI application) is needed. Returns PNG bytes.
QByteArray renderImage(const QString &prompt, int size = 512);

} // namespace Tramontane::Emulator
