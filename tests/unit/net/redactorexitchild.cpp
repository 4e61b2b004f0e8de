// SPDX-License-Identifier: GPL-3.0-or-later
// A program for tst_redactor: installs the redacting message handler, then writes lines that
// carry a secret from an atexit function and from the destructor of a static, that is while
// the program's statics are being destroyed. stderr must hold no secret, and under
// AddressSanitizer the run must be clean.
#include "core/net/Redactor.h"

#include <QString>
#include <QtGlobal>

#include <cstdlib>

namespace {

constexpr char kSecret[] = "sk-exit-canary-5d1e8b27c9";

struct LateLogger {
    LateLogger() = default;
    LateLogger(const LateLogger &) = delete;
    LateLogger &operator=(const LateLogger &) = delete;
    ~LateLogger() {
        qDebug("late debug line from a static destructor: key %s", kSecret);
        qWarning("late warning from a static destructor: Authorization: Bearer %s", kSecret);
    }
};

// Built before main(), so destroyed after every static that the redactor creates in main().
LateLogger g_lateLogger;

} // namespace

int main() {
    Tramontane::Redactor::installMessageHandler();
    Tramontane::Redactor::addSecret(QString::fromLatin1(kSecret));
    // Registered before the redactor's statics exist, so it runs after they are destroyed.
    std::atexit([] { qWarning("late line from atexit: key %s", kSecret); });
    qWarning("line from main: key %s", kSecret);
    return 0;
}
