// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/SingleInstance.h"

#include "core/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr char activateRequest[] = "activate\n";
constexpr char activateReply[] = "ok\n";

} // namespace

SingleInstance::SingleInstance(const QString &profileDir, QObject *parent)
    : QObject(parent) {
    // A short name (socket paths are limited to about 100 bytes) that differs per profile
    // folder, hence per user and per profile.
    const QByteArray hash = QCryptographicHash::hash(
        QDir::cleanPath(QDir(profileDir).absolutePath()).toUtf8(), QCryptographicHash::Sha256);
    m_name = u"tramontane-"_s + QString::fromLatin1(hash.toHex().left(24));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::activateRunning(int timeoutMs) const {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(activateRequest);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // A socket that accepts but never answers is no instance of ours.
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine() == activateReply;
}

bool SingleInstance::listen() {
    if (m_server)
        return true;
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_name)) {
        // Nobody answered activateRunning(): what is there was left by a crashed instance.
        QLocalServer::removeServer(m_name);
        if (!server->listen(m_name)) {
            qCWarning(lcUi) << "cannot listen for other instances:" << server->errorString();
            delete server;
            return false;
        }
    }
    connect(server, &QLocalServer::newConnection, this, [this, server] {
        while (QLocalSocket *socket = server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine())
                    return;
                if (socket->readLine(64) == activateRequest) {
                    socket->write(activateReply);
                    socket->flush();
                    Q_EMIT activationRequested();
                }
                socket->disconnectFromServer();
            });
        }
    });
    m_server = server;
    return true;
}

} // namespace Tramontane
