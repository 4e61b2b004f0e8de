// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ThreadPoolTuning.h"

#include <QThreadPool>

namespace Tramontane {

bool applyThreadExpiryFromEnvironment() {
    if (!qEnvironmentVariableIsSet(kThreadExpiryVariable))
        return false;
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue(kThreadExpiryVariable, &ok);
    if (!ok) {
        qWarning("%s is not a number of milliseconds; ignored", kThreadExpiryVariable);
        return false;
    }
    QThreadPool::globalInstance()->setExpiryTimeout(ms);
    return true;
}

} // namespace Tramontane
