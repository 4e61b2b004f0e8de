// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/RunEnding.h"

#include "core/net/StreamJob.h"

namespace Tramontane {

RunEnding RunEnding::of(const StreamJob &job) {
    RunEnding end;
    end.requestId = job.requestId();
    end.error = job.error();
    switch (job.status()) {
    case ApiJob::Status::Succeeded:
        end.outcome = RunOutcome::Completed;
        break;
    case ApiJob::Status::Canceled:
        end.outcome = RunOutcome::Canceled;
        break;
    case ApiJob::Status::Failed:
    case ApiJob::Status::Pending:
        end.outcome = end.error.kind() == ApiError::Kind::StreamInterrupted
                          ? RunOutcome::Interrupted
                          : RunOutcome::Failed;
        break;
    }
    if (end.error.isError() && end.error.requestId().isEmpty())
        end.error.setRequestId(end.requestId);
    return end;
}

} // namespace Tramontane
