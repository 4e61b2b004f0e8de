// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace Tramontane::Test {

//! Starts `tramontane-emulator --port 0` as a child process and reads the base URL it prints
//! on its first line, so a test never races for a port. The emulator binary comes from the
//! TRAMONTANE_EMULATOR environment variable, which CTest sets for every test.
class EmulatorProcess final {
public:
    EmulatorProcess() = default;
    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess &) = delete;
    EmulatorProcess &operator=(const EmulatorProcess &) = delete;

    //! Starts the emulator with the given key and extra arguments (e.g. {"--demo"}) and waits
    //! up to \a timeoutMs for its base URL. Returns false, with errorString() set, on failure.
    bool start(const QString &apiKey = QStringLiteral("test-key"),
               const QStringList &extraArguments = {}, int timeoutMs = 10000);
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }
    QString apiKey() const { return m_apiKey; }
    QString errorString() const { return m_error; }
    //! Everything the emulator wrote to stderr so far (for failure messages).
    QByteArray standardError();

private:
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_apiKey;
    QString m_error;
    QByteArray m_stderr;
};

} // namespace Tramontane::Test
