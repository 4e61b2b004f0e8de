// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace Tramontane {

//! One running app per profile. The first instance listens on a local socket named after the
//! profile's folder (reachable by this user only); a second one finds it, asks it to bring its
//! window forward, and exits, instead of failing on the profile's lock.
class SingleInstance final : public QObject {
    Q_OBJECT

public:
    explicit SingleInstance(const QString &profileDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    //! Asks an instance already running for this profile to come forward. True when one
    //! answered: this process should then exit.
    bool activateRunning(int timeoutMs = 2000) const;
    //! Starts listening for later instances; a socket left by a crashed instance is replaced.
    bool listen();
    QString serverName() const { return m_name; }

Q_SIGNALS:
    //! A second instance was started for this profile: show the window.
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace Tramontane
