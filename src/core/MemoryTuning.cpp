// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/MemoryTuning.h"

#include <QtGlobal>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Tramontane {

bool tuneMemoryAllocator() {
#ifdef __GLIBC__
    if (qEnvironmentVariableIsSet("MALLOC_MMAP_THRESHOLD_"))
        return false;
    // Setting the threshold also turns glibc's dynamic adjustment off.
    return mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes) == 1;
#else
    return false;
#endif
}

} // namespace Tramontane
