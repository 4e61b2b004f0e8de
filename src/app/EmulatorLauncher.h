// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace Tramontane {

//! Demo mode: runs the bundled offline API emulator (`tramontane-emulator --demo`) as a child
//! process on a free loopback port, so a newcomer sees every screen working without an account.
//! Asynchronous: emits ready() with the emulator's base URL, or failed() with a sentence.
//! The emulator stops with the launcher.
class EmulatorLauncher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorLauncher)

public:
    explicit EmulatorLauncher(QObject *parent = nullptr);
    ~EmulatorLauncher() override;

    //! The emulator binary: $TRAMONTANE_EMULATOR, else the one beside this executable.
    static QString locateEmulator();

    void start(const QString &apiKey, int timeoutMs = 15000);
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }
    bool isRunning() const { return m_process.state() == QProcess::Running; }

Q_SIGNALS:
    void ready(const QUrl &baseUrl);
    void failed(const QString &reason);
    //! The emulator exited after it was ready (it crashed or was killed).
    void stopped(const QString &reason);

private:
    void readFirstLine();
    void fail(const QString &reason);

    QProcess m_process;
    QTimer m_timeout;
    QUrl m_baseUrl;
    QByteArray m_stdout;
    bool m_stopping = false;
};

} // namespace Tramontane
