// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/EmulatorLauncher.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Tramontane {

EmulatorLauncher::EmulatorLauncher(QObject *parent)
    : QObject(parent) {
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("The offline emulator did not start in time.")); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &EmulatorLauncher::readFirstLine);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        // The emulator logs requests on stderr; keep them in our debug log only.
        const QByteArray text = m_process.readAllStandardError();
        qCDebug(lcEmulator).noquote() << QString::fromUtf8(text).trimmed();
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The offline emulator could not be started: %1").arg(m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (m_stopping)
            return;
        const QString reason = status == QProcess::CrashExit
                                   ? tr("The offline emulator crashed.")
                                   : tr("The offline emulator exited with code %1.").arg(code);
        if (m_baseUrl.isValid())
            Q_EMIT stopped(reason);
        else
            fail(reason);
    });
}

EmulatorLauncher::~EmulatorLauncher() {
    stop();
}

QString EmulatorLauncher::locateEmulator() {
    const QString fromEnv = qEnvironmentVariable("TRAMONTANE_EMULATOR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QCoreApplication::applicationDirPath()).filePath(u"tramontane-emulator"_s);
}

void EmulatorLauncher::start(const QString &apiKey, int timeoutMs) {
    const QString program = locateEmulator();
    if (!QFileInfo(program).isExecutable()) {
        // Report asynchronously, like every other outcome.
        QMetaObject::invokeMethod(
            this,
            [this, program] {
                fail(tr("The offline emulator was not found at %1.")
                         .arg(QDir::toNativeSeparators(program)));
            },
            Qt::QueuedConnection);
        return;
    }
    m_stopping = false;
    m_baseUrl.clear();
    m_stdout.clear();
    m_process.setProgram(program);
    // --exit-with-stdin: the emulator ends with the app, even when the app is killed.
    m_process.setArguments(
        {u"--port"_s, u"0"_s, u"--api-key"_s, apiKey, u"--demo"_s, u"--exit-with-stdin"_s});
    m_timeout.start(timeoutMs);
    m_process.start();
}

void EmulatorLauncher::readFirstLine() {
    m_stdout += m_process.readAllStandardOutput();
    if (m_baseUrl.isValid())
        return;
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0)
        return;
    const QUrl url(QString::fromUtf8(m_stdout.left(newline)).trimmed());
    m_timeout.stop();
    if (!url.isValid() || url.scheme() != u"http"_s || url.host() != u"127.0.0.1"_s) {
        fail(tr("The offline emulator printed an unexpected address."));
        return;
    }
    m_baseUrl = url;
    qCInfo(lcEmulator) << "offline emulator ready at" << url.toDisplayString();
    Q_EMIT ready(url);
}

void EmulatorLauncher::fail(const QString &reason) {
    m_timeout.stop();
    qCWarning(lcEmulator).noquote() << reason;
    stop();
    Q_EMIT failed(reason);
}

void EmulatorLauncher::stop() {
    m_timeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate();
    if (!m_process.waitForFinished(2000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

} // namespace Tramontane
