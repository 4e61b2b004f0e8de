// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DesktopNotifier.h"

#include "core/Logging.h"

#include <QApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QIcon>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

const QString interfaceName = u"org.freedesktop.Notifications"_s;
constexpr auto defaultAction = "default";

} // namespace

QString DesktopNotifier::serviceName() {
    return u"org.freedesktop.Notifications"_s;
}

QString DesktopNotifier::objectPath() {
    return u"/org/freedesktop/Notifications"_s;
}

DesktopNotifier::DesktopNotifier(QObject *parent, const QDBusConnection &bus)
    : QObject(parent)
    , m_bus(bus) {
    if (m_bus.isConnected()) {
        m_bus.connect(serviceName(), objectPath(), interfaceName, u"ActionInvoked"_s, this,
                      SLOT(onActionInvoked(uint, QString)));
        m_bus.connect(serviceName(), objectPath(), interfaceName, u"NotificationClosed"_s, this,
                      SLOT(onClosed(uint, uint)));
    }
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const QString &title, const QString &body, qint64 conversationId) {
    if (!m_enabled)
        return;
    const bool served = m_bus.isConnected() && m_bus.interface()
                        && m_bus.interface()->isServiceRegistered(serviceName()).value();
    if (!served) {
        notifyThroughTray(title, body, conversationId);
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(serviceName(), objectPath(), interfaceName, u"Notify"_s);
    const QVariantMap hints{
        {u"desktop-entry"_s, QApplication::desktopFileName()},
        {u"category"_s, u"im.received"_s},
    };
    call << QApplication::applicationDisplayName() << uint(0) << QApplication::desktopFileName()
         << title
         // Servers may read the body as markup: nothing in it may become one.
         << body.toHtmlEscaped() << QStringList{QString::fromLatin1(defaultAction), tr("Open")}
         << hints << int(-1);
    // Asynchronous: a slow or hung notification server never blocks the window.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, conversationId](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    qCInfo(lcUi) << "desktop notification failed:" << reply.error().message();
                    return;
                }
                m_shown.insert(reply.value(), conversationId);
            });
}

void DesktopNotifier::notifyThroughTray(const QString &title, const QString &body,
                                        qint64 conversationId) {
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                [this] { Q_EMIT activated(m_trayConversation); });
    }
    m_trayConversation = conversationId;
    m_tray->show();
    m_tray->showMessage(title, body);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action) {
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend() || action != QLatin1String(defaultAction))
        return;
    Q_EMIT activated(*it);
}

void DesktopNotifier::onClosed(uint id, uint reason) {
    Q_UNUSED(reason)
    m_shown.remove(id);
}

} // namespace Tramontane
