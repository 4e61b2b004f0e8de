// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tramontane {

//! Allocator settings for the whole process; call once, first thing in main().
//!
//! With glibc, a freed block larger than the mmap threshold raises that threshold (up to
//! 32 MiB), so later image buffers and decoded pictures come from the heap instead of mmap and
//! may stay resident after they are freed: scrolling back and forth through a chat full of
//! images would keep growing the process. A fixed threshold of 128 KiB keeps large buffers on
//! mmap, returned to the system as soon as they are freed.
//!
//! Does nothing elsewhere, or when MALLOC_MMAP_THRESHOLD_ is set in the environment (the user's
//! choice wins). Returns true when the setting was applied.
bool tuneMemoryAllocator();

//! The threshold tuneMemoryAllocator() sets, in bytes.
inline constexpr int kMmapThresholdBytes = 128 * 1024;

} // namespace Tramontane
