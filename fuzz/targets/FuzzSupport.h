// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers shared by the fuzz targets.
#pragma once

#include <QByteArrayView>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace Tramontane::Fuzz {

//! Stops the run with a message when an invariant does not hold (libFuzzer saves the input).
inline void require(bool condition, const char *what) {
    if (!condition) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

//! Cut points for \a size bytes, derived from \a seed: pieces of 1 to 16 bytes.
inline QList<qsizetype> cutsFor(qsizetype size, std::uint32_t seed) {
    QList<qsizetype> cuts;
    qsizetype at = 0;
    while (true) {
        seed = seed * 1103515245u + 12345u;
        at += 1 + qsizetype((seed >> 16) % 16);
        if (at >= size)
            break;
        cuts.append(at);
    }
    return cuts;
}

inline QByteArrayView view(const std::uint8_t *data, std::size_t size) {
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace Tramontane::Fuzz
