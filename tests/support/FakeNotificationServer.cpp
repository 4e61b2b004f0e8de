// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/FakeNotificationServer.h"

#include <QDBusMessage>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace Tramontane::Test {

namespace {

const QString service = u"org.freedesktop.Notifications"_s;
const QString path = u"/org/freedesktop/Notifications"_s;
const QString connectionName = u"fake-notification-server"_s;

} // namespace

FakeNotificationServer::FakeNotificationServer()
    : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName)) {
    if (!m_bus.isConnected())
        m_unavailable = u"no session bus (scripts/test runs the tests on a private one)"_s;
    else if (!m_bus.registerService(service))
        m_unavailable = u"a notification server already runs on this session bus"_s;
    else
        m_bus.registerObject(path, this, QDBusConnection::ExportAllSlots);
}

FakeNotificationServer::~FakeNotificationServer() {
    if (m_unavailable.isEmpty()) {
        m_bus.unregisterObject(path);
        m_bus.unregisterService(service);
    }
    QDBusConnection::disconnectFromBus(connectionName);
}

uint FakeNotificationServer::Notify(const QString &appName, uint replacesId, const QString &appIcon,
                                    const QString &summary, const QString &body,
                                    const QStringList &actions, const QVariantMap &hints,
                                    int expireTimeout) {
    Q_UNUSED(replacesId)
    Q_UNUSED(expireTimeout)
    const uint id = uint(m_calls.size()) + 101;
    m_calls.append({id, appName, appIcon, summary, body, actions, hints});
    return id;
}

QList<FakeNotificationServer::Call> FakeNotificationServer::calls() const {
    QList<Call> own;
    for (const Call &call : m_calls) {
        if (call.appName == QCoreApplication::applicationName()
            || call.appName == QGuiApplication::applicationDisplayName())
            own.append(call);
    }
    return own;
}

QStringList FakeNotificationServer::GetCapabilities() {
    return {u"actions"_s, u"body"_s};
}

void FakeNotificationServer::CloseNotification(uint id) {
    close(id);
}

void FakeNotificationServer::click(uint id) {
    emitSignal(u"ActionInvoked"_s, {id, u"default"_s});
}

void FakeNotificationServer::close(uint id) {
    emitSignal(u"NotificationClosed"_s, {id, uint(2)});
}

void FakeNotificationServer::emitSignal(const QString &name, const QVariantList &arguments) {
    QDBusMessage signal = QDBusMessage::createSignal(path, service, name);
    signal.setArguments(arguments);
    m_bus.send(signal);
}

} // namespace Tramontane::Test
