// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpServer.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

QByteArray HttpRequest::header(QByteArrayView lowerName) const {
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView lowerName) const {
    for (const auto &header : headers) {
        if (header.first == lowerName)
            return true;
    }
    return false;
}

// One TCP connection: parses requests one after the other and hands each to the server.
class HttpConnection final : public QObject {
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server)
        : QObject(server)
        , m_socket(socket)
        , m_server(server) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    }

    void exchangeCompleted(HttpExchange *exchange, bool close) {
        if (m_current == exchange)
            m_current = nullptr;
        exchange->deleteLater();
        if (close || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
        // Keep-alive: look at what the client already sent, from the event loop.
        QTimer::singleShot(0, this, &HttpConnection::parse);
    }

private:
    enum class Parse { Incomplete, Done, Failed };

    void onReadyRead() {
        m_buffer += m_socket->readAll();
        parse();
    }

    void onDisconnected() {
        if (m_current) {
            m_current->m_gone = true;
            Q_EMIT m_current->clientGone();
        }
        deleteLater();
    }

    void fail(int status, const QByteArray &message) {
        m_closing = true;
        const QByteArray body = "{\"detail\":\"" + message + "\"}";
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' '
                        + HttpExchange::reasonPhrase(status)
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        m_socket->disconnectFromHost();
    }

    void parse() {
        if (m_current || m_closing)
            return;
        qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        qsizetype separator = 4;
        if (headEnd < 0) {
            headEnd = m_buffer.indexOf("\n\n");
            separator = 2;
        }
        if (headEnd < 0) {
            if (m_buffer.size() > HttpServer::MaxHeaderBytes)
                fail(431, "Request header fields too large");
            return;
        }
        if (headEnd > HttpServer::MaxHeaderBytes) {
            fail(431, "Request header fields too large");
            return;
        }
        QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        for (QByteArray &line : lines) {
            if (line.endsWith('\r'))
                line.chop(1);
        }
        // Tolerate empty lines before the request line (RFC 9112 section 2.2).
        while (!lines.isEmpty() && lines.first().isEmpty())
            lines.removeFirst();
        if (lines.isEmpty()) {
            m_buffer.remove(0, headEnd + separator);
            parse();
            return;
        }
        const QList<QByteArray> requestLine = lines.first().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            fail(400, "Malformed request line");
            return;
        }
        HttpRequest request;
        request.method = requestLine[0];
        request.target = requestLine[1];
        request.version = requestLine[2];
        request.peer = m_socket->peerAddress();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines[i];
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                fail(400, "Malformed header line");
                return;
            }
            request.headers.append(
                {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }

        // The body: chunked, Content-Length, or none.
        const qsizetype bodyStart = headEnd + separator;
        qsizetype consumed = 0;
        const QByteArray transferEncoding = request.header("transfer-encoding").toLower();
        if (transferEncoding.contains("chunked")) {
            const Parse result = decodeChunked(bodyStart, &request.body, &consumed);
            if (result == Parse::Failed) {
                fail(400, "Malformed chunked body");
                return;
            }
            if (result == Parse::Incomplete) {
                maybeContinue(request);
                return;
            }
        } else if (request.hasHeader("content-length")) {
            bool ok = false;
            const qlonglong length = request.header("content-length").toLongLong(&ok);
            if (!ok || length < 0) {
                fail(400, "Invalid Content-Length");
                return;
            }
            if (length > HttpServer::MaxBodyBytes) {
                fail(413, "Request body too large");
                return;
            }
            if (m_buffer.size() - bodyStart < length) {
                maybeContinue(request);
                return;
            }
            request.body = m_buffer.mid(bodyStart, length);
            consumed = bodyStart + length;
        } else {
            consumed = bodyStart;
        }
        m_buffer.remove(0, consumed);
        m_sentContinue = false;

        // Target: origin form, or absolute form from a proxy-style client.
        QByteArray target = request.target;
        if (target.startsWith("http://") || target.startsWith("https://")) {
            const QUrl url = QUrl::fromEncoded(target);
            target = url.path(QUrl::FullyEncoded).toUtf8();
            if (url.hasQuery())
                target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
        }
        const qsizetype question = target.indexOf('?');
        const QByteArray rawPath = question >= 0 ? target.left(question) : target;
        if (question >= 0)
            request.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));
        request.path = QUrl::fromPercentEncoding(rawPath);
        const QList<QByteArray> parts = rawPath.split('/');
        for (const QByteArray &part : parts) {
            if (!part.isEmpty())
                request.segments.append(QUrl::fromPercentEncoding(part));
        }

        const QByteArray connection = request.header("connection").toLower();
        const bool keepAlive = request.version == "HTTP/1.1" ? !connection.contains("close")
                                                             : connection.contains("keep-alive");
        m_current = new HttpExchange(this, m_socket, std::move(request), keepAlive);
        Q_EMIT m_server->requestReceived(m_current);
    }

    void maybeContinue(const HttpRequest &request) {
        if (!m_sentContinue && request.header("expect").toLower() == "100-continue"
            && request.version == "HTTP/1.1") {
            m_sentContinue = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
    }

    Parse decodeChunked(qsizetype from, QByteArray *body, qsizetype *consumed) {
        qsizetype pos = from;
        QByteArray out;
        for (;;) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return Parse::Incomplete;
            QByteArray sizeField = m_buffer.mid(pos, lineEnd - pos);
            const qsizetype semicolon = sizeField.indexOf(';');
            if (semicolon >= 0)
                sizeField.truncate(semicolon);
            bool ok = false;
            const qlonglong size = sizeField.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return Parse::Failed;
            if (out.size() + size > HttpServer::MaxBodyBytes)
                return Parse::Failed;
            pos = lineEnd + 2;
            if (size == 0) {
                // Trailers, then an empty line.
                for (;;) {
                    const qsizetype end = m_buffer.indexOf("\r\n", pos);
                    if (end < 0)
                        return Parse::Incomplete;
                    const bool empty = end == pos;
                    pos = end + 2;
                    if (empty)
                        break;
                }
                *body = out;
                *consumed = pos;
                return Parse::Done;
            }
            if (m_buffer.size() < pos + size + 2)
                return Parse::Incomplete;
            out += m_buffer.mid(pos, size);
            pos += size;
            if (m_buffer.mid(pos, 2) != "\r\n")
                return Parse::Failed;
            pos += 2;
        }
    }

    QTcpSocket *m_socket;
    HttpServer *m_server;
    QByteArray m_buffer;
    QPointer<HttpExchange> m_current;
    bool m_closing = false;
    bool m_sentContinue = false;
};

// ---------------------------------------------------------------------------------------------

HttpExchange::HttpExchange(HttpConnection *connection, QTcpSocket *socket, HttpRequest request,
                           bool keepAlive)
    : QObject(connection)
    , m_connection(connection)
    , m_socket(socket)
    , m_request(std::move(request))
    , m_requestId(QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
    , m_keepAlive(keepAlive) {}

bool HttpExchange::isOpen() const {
    return !m_gone && !m_completed && m_socket
           && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpExchange::addHeader(const QByteArray &name, const QByteArray &value) {
    m_extraHeaders.append({name, value});
}

QByteArray HttpExchange::reasonPhrase(int status) {
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status";
    }
}

QByteArray HttpExchange::head(int status, const QByteArray &contentType, const HeaderList &headers,
                              const QByteArray &framing) const {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc(),
                                               u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    out += "Date: " + date.toLatin1() + "\r\n";
    out += "Server: tramontane-emulator\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += framing;
    out += "Mistral-Correlation-Id: " + m_requestId + "\r\n";
    out += "X-Kong-Request-Id: " + m_requestId + "\r\n";
    for (const auto &[name, value] : m_extraHeaders)
        out += name + ": " + value + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out;
}

void HttpExchange::send(int status, const QByteArray &contentType, const QByteArray &body,
                        const HeaderList &headers) {
    if (m_headersSent || m_completed)
        return;
    m_headersSent = true;
    if (m_socket && !m_gone) {
        const bool noBody = status == 204 || status == 304;
        QByteArray framing =
            noBody ? QByteArray() : "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        framing += m_keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
        m_socket->write(head(status, noBody ? QByteArray() : contentType, headers, framing)
                        + "\r\n");
        if (!noBody && m_request.method != "HEAD")
            m_socket->write(body);
    }
    complete(!m_keepAlive);
}

void HttpExchange::sendTruncated(int status, const QByteArray &contentType, const QByteArray &body,
                                 qsizetype bytes) {
    if (m_headersSent || m_completed)
        return;
    m_headersSent = true;
    if (m_socket && !m_gone) {
        const QByteArray framing =
            "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
        m_socket->write(head(status, contentType, {}, framing) + "\r\n");
        m_socket->write(body.left(qBound<qsizetype>(0, bytes, body.size() - 1)));
    }
    complete(true);
}

void HttpExchange::beginStream(int status, const QByteArray &contentType, const HeaderList &headers,
                               bool closeDelimited) {
    if (m_headersSent || m_completed)
        return;
    m_headersSent = true;
    m_chunked = !closeDelimited && m_request.version == "HTTP/1.1";
    if (!m_chunked)
        m_keepAlive = false;
    QByteArray framing = m_chunked ? "Transfer-Encoding: chunked\r\n" : QByteArray();
    framing += m_keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    framing += "Cache-Control: no-cache\r\n";
    if (m_socket && !m_gone)
        m_socket->write(head(status, contentType, headers, framing) + "\r\n");
}

void HttpExchange::write(const QByteArray &data) {
    if (!m_headersSent || m_completed || data.isEmpty() || !m_socket || m_gone)
        return;
    if (m_chunked) {
        m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    } else {
        m_socket->write(data);
    }
}

void HttpExchange::writePartial(const QByteArray &data, qsizetype bytes) {
    if (!m_headersSent || m_completed || data.isEmpty() || !m_socket || m_gone)
        return;
    const QByteArray part = data.left(qBound<qsizetype>(0, bytes, data.size() - 1));
    if (m_chunked)
        m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + part);
    else
        m_socket->write(part);
}

void HttpExchange::endStream() {
    if (!m_headersSent || m_completed)
        return;
    if (m_chunked && m_socket && !m_gone)
        m_socket->write("0\r\n\r\n");
    complete(!m_keepAlive);
}

void HttpExchange::abortStream() {
    if (m_completed)
        return;
    complete(true);
}

void HttpExchange::complete(bool closeConnection) {
    if (m_completed)
        return;
    m_completed = true;
    m_connection->exchangeCompleted(this, closeConnection);
}

// ---------------------------------------------------------------------------------------------

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            new HttpConnection(socket, this);
    });
}

bool HttpServer::listen(quint16 port) {
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 HttpServer::port() const {
    return m_server->serverPort();
}

QString HttpServer::errorString() const {
    return m_server->errorString();
}

} // namespace Tramontane::Emulator
