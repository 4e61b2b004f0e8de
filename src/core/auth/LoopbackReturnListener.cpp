// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/LoopbackReturnListener.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Tramontane {

LoopbackReturnListener::LoopbackReturnListener(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReturnListener::onConnection);
}

LoopbackReturnListener::~LoopbackReturnListener() = default;

bool LoopbackReturnListener::listen() {
    if (m_server->isListening())
        return true;
    if (m_done || !m_server->listen(QHostAddress(QHostAddress::LocalHost), 0))
        return false;
    // A path nobody can guess: only the browser sent here by this sign-in comes back to it.
    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
    m_url = QUrl(u"http://127.0.0.1:%1/return/%2"_s.arg(m_server->serverPort())
                     .arg(QString::fromLatin1(nonce.toHex())));
    return true;
}

bool LoopbackReturnListener::isListening() const {
    return m_server->isListening();
}

void LoopbackReturnListener::close() {
    m_done = true;
    m_server->close();
}

void LoopbackReturnListener::onConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackReturnListener::onReadyRead(QTcpSocket *socket) {
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    if (buffer.size() > MaxRequestBytes) {
        reply(socket, 431, "Request Header Fields Too Large", {});
        return;
    }
    if (!buffer.contains("\r\n\r\n"))
        return; // the head is not complete yet
    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3) {
        reply(socket, 400, "Bad Request", {});
        return;
    }
    const QUrl target = QUrl::fromEncoded(requestLine.at(1));
    if (m_done || target.path() != m_url.path()) {
        reply(socket, 404, "Not Found", {});
        return;
    }
    if (requestLine.at(0) != "GET") {
        reply(socket, 405, "Method Not Allowed", {});
        return;
    }
    const QString text = m_pageText.isEmpty() ? tr("You can close this tab.") : m_pageText;
    reply(socket, 200, "OK",
          u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tramontane</title></head>"
          "<body><p>%1</p></body></html>"_s.arg(text.toHtmlEscaped())
              .toUtf8());
    close();
    Q_EMIT returned(QUrlQuery(target));
}

void LoopbackReturnListener::reply(QTcpSocket *socket, int status, const QByteArray &reason,
                                   const QByteArray &body) {
    m_buffers.remove(socket);
    const QByteArray type = body.isEmpty() ? "text/plain" : "text/html; charset=utf-8";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: "
                  + type + "\r\nContent-Length: " + QByteArray::number(body.size())
                  + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace Tramontane
