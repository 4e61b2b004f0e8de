// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"

#include <QString>

namespace Tramontane {

class StreamJob;

//! How a streamed run (a chat completion or a conversation turn) ended.
enum class RunOutcome { Running, Completed, Interrupted, Failed, Canceled };

//! What a finished stream job says about its run: the outcome, the error and the request id.
//! A stream cut short is Interrupted (what arrived is kept), any other failure Failed; the
//! error carries the request id even when the failure came before the server gave one.
struct RunEnding {
    RunOutcome outcome = RunOutcome::Running;
    ApiError error;
    QString requestId;

    static RunEnding of(const StreamJob &job);
};

} // namespace Tramontane
