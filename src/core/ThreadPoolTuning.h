// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tramontane {

//! The environment variable that sets how long an idle thread of the global thread pool lives
//! before it exits, in milliseconds (Qt's default is 30 s). Soak tests shorten it to reach the
//! moment pool threads exit within seconds.
inline constexpr char kThreadExpiryVariable[] = "TRAMONTANE_THREAD_EXPIRY_MS";

//! Applies TRAMONTANE_THREAD_EXPIRY_MS, when set to a whole number of milliseconds, to
//! QThreadPool::globalInstance() (a negative number: threads never expire); call once in
//! main(). Returns true when it was applied.
bool applyThreadExpiryFromEnvironment();

} // namespace Tramontane
