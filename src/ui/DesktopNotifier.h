// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>

class QSystemTrayIcon;

namespace Tramontane {

//! Tells the person that something they waited for is done while they were elsewhere: a
//! desktop notification through the freedesktop Notifications service on the session bus, or
//! the system tray's balloon where there is no such service. Clicking it (its default action)
//! emits activated() with the conversation it is about.
//!
//! The text is plain: what a notification server might read as markup is escaped.
class DesktopNotifier final : public QObject {
    Q_OBJECT

public:
    explicit DesktopNotifier(QObject *parent = nullptr,
                             const QDBusConnection &bus = QDBusConnection::sessionBus());
    ~DesktopNotifier() override;

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    //! Shows \a title and \a body; a click on it emits activated(\a conversationId).
    void notify(const QString &title, const QString &body, qint64 conversationId);

    //! The freedesktop names this class speaks to.
    static QString serviceName();
    static QString objectPath();

Q_SIGNALS:
    void activated(qint64 conversationId);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void notifyThroughTray(const QString &title, const QString &body, qint64 conversationId);

    QDBusConnection m_bus;
    bool m_enabled = true;
    QHash<uint, qint64> m_shown; // notification id -> conversation
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_trayConversation = 0;
};

} // namespace Tramontane
