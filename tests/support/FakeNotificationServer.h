// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace Tramontane::Test {

//! A freedesktop Notifications service on its own connection to the session bus (the private
//! bus scripts/test gives the tests): records what it is asked to show and plays the person
//! clicking a notification or closing it.
class FakeNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call {
        uint id = 0;
        QString appName;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };

    FakeNotificationServer();
    ~FakeNotificationServer() override;

    //! Empty when it serves; otherwise why not (no session bus, or a real server holds the
    //! name), for QSKIP.
    QString unavailableReason() const { return m_unavailable; }
    //! What this process asked for: other test programs may share the bus and notify too.
    QList<Call> calls() const;
    void clear() { m_calls.clear(); }

    void click(uint id);
    void close(uint id);

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout);
    QStringList GetCapabilities();
    void CloseNotification(uint id);

private:
    void emitSignal(const QString &name, const QVariantList &arguments);

    QDBusConnection m_bus;
    QString m_unavailable;
    QList<Call> m_calls;
};

} // namespace Tramontane::Test
