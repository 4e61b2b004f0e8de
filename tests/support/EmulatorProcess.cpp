// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmulatorProcess.h"

#include <QDeadlineTimer>

using namespace Qt::StringLiterals;

namespace Tramontane::Test {

EmulatorProcess::~EmulatorProcess() {
    stop();
}

bool EmulatorProcess::start(const QString &apiKey, const QStringList &extraArguments,
                            int timeoutMs) {
    const QString program = qEnvironmentVariable("TRAMONTANE_EMULATOR");
    if (program.isEmpty()) {
        m_error = u"TRAMONTANE_EMULATOR is not set"_s;
        return false;
    }
    m_apiKey = apiKey;
    QStringList arguments{u"--port"_s, u"0"_s, u"--api-key"_s, apiKey};
    arguments += extraArguments;
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = u"emulator did not start: "_s + m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (m_process.state() != QProcess::Running || deadline.hasExpired()) {
            m_error = u"emulator printed no base URL: "_s + QString::fromUtf8(standardError());
            return false;
        }
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    m_baseUrl = QUrl(line);
    if (!m_baseUrl.isValid() || m_baseUrl.scheme() != u"http"_s) {
        m_error = u"emulator printed an invalid base URL: "_s + line;
        return false;
    }
    return true;
}

void EmulatorProcess::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

QByteArray EmulatorProcess::standardError() {
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

} // namespace Tramontane::Test
