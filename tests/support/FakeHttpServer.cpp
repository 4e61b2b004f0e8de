// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/FakeHttpServer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace Tramontane::Test {

namespace {

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

struct Step {
    int delayMs = 0;
    std::function<void()> action;
};

// Runs steps in order on the socket's thread; a step with a delay waits on a timer whose
// context is the socket, so nothing runs once the connection is gone.
void runSteps(QTcpSocket *socket, std::shared_ptr<QList<Step>> steps, qsizetype index) {
    while (index < steps->size()) {
        const Step &step = steps->at(index);
        if (step.delayMs > 0) {
            QTimer::singleShot(step.delayMs, socket, [socket, steps, index] {
                steps->at(index).action();
                runSteps(socket, steps, index + 1);
            });
            return;
        }
        step.action();
        ++index;
    }
}

} // namespace

QByteArray RecordedRequest::path() const {
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QUrlQuery RecordedRequest::query() const {
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QUrlQuery() : QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
}

QByteArray RecordedRequest::header(QByteArrayView name) const {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedResponse ScriptedResponse::json(int status, const QByteArray &body) {
    ScriptedResponse r;
    r.status = status;
    r.header("Content-Type", "application/json");
    r.pieces.append({body, 0});
    return r;
}

ScriptedResponse ScriptedResponse::text(int status, const QByteArray &body,
                                        const QByteArray &contentType) {
    ScriptedResponse r;
    r.status = status;
    r.header("Content-Type", contentType);
    r.pieces.append({body, 0});
    return r;
}

ScriptedResponse ScriptedResponse::sse(const QList<QByteArray> &pieces, int delayMs) {
    ScriptedResponse r;
    r.status = 200;
    r.chunked = true;
    r.header("Content-Type", "text/event-stream");
    r.header("Cache-Control", "no-cache");
    for (qsizetype i = 0; i < pieces.size(); ++i)
        r.pieces.append({pieces[i], i == 0 ? 0 : delayMs});
    return r;
}

ScriptedResponse ScriptedResponse::drip(int status, const QByteArray &body, int bytesPerPiece,
                                        int delayMs, const QByteArray &contentType) {
    ScriptedResponse r;
    r.status = status;
    r.header("Content-Type", contentType);
    const int step = qMax(1, bytesPerPiece);
    for (qsizetype at = 0; at < body.size(); at += step)
        r.pieces.append({body.mid(at, step), at == 0 ? 0 : delayMs});
    return r;
}

ScriptedResponse ScriptedResponse::neverAnswer() {
    ScriptedResponse r;
    r.ending = Ending::NeverAnswer;
    return r;
}

ScriptedResponse ScriptedResponse::closeImmediately() {
    ScriptedResponse r;
    r.ending = Ending::CloseImmediately;
    return r;
}

ScriptedResponse &ScriptedResponse::header(const QByteArray &name, const QByteArray &value) {
    headers.append({name, value});
    return *this;
}

ScriptedResponse &ScriptedResponse::piece(const QByteArray &bytes, int delayMs) {
    pieces.append({bytes, delayMs});
    return *this;
}

ScriptedResponse &ScriptedResponse::withEnding(Ending e) {
    ending = e;
    return *this;
}

ScriptedResponse &ScriptedResponse::withHeaderDelay(int ms) {
    headerDelayMs = ms;
    return *this;
}

ScriptedResponse &ScriptedResponse::withKeepAlive(bool on) {
    keepAlive = on;
    return *this;
}

struct FakeHttpServer::Connection {
    QTcpSocket *socket = nullptr;
    QByteArray buffer;
    bool busy = false; // a response is being sent (or withheld)
    int id = 0;
};

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer() {
    m_server.close();
    // Delete the sockets now, while the connection list still exists: left to m_server's
    // destructor, their destroyed() handlers would touch members already gone.
    const QList<Connection *> all = std::exchange(m_connections, {});
    for (Connection *c : all) {
        QObject::disconnect(c->socket, nullptr, this, nullptr);
        delete c->socket;
        delete c;
    }
}

bool FakeHttpServer::listen() {
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakeHttpServer::port() const {
    return m_server.serverPort();
}

QUrl FakeHttpServer::baseUrl() const {
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

void FakeHttpServer::enqueue(const ScriptedResponse &response) {
    m_queue.append(response);
}

void FakeHttpServer::setHandler(std::function<ScriptedResponse(const RecordedRequest &)> handler) {
    m_handler = std::move(handler);
}

RecordedRequest FakeHttpServer::lastRequest() const {
    return m_requests.isEmpty() ? RecordedRequest() : m_requests.constLast();
}

int FakeHttpServer::openConnections() const {
    return static_cast<int>(m_connections.size());
}

void FakeHttpServer::closeAllConnections() {
    const QList<Connection *> all = m_connections;
    for (Connection *c : all)
        c->socket->abort();
}

void FakeHttpServer::onNewConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *c = new Connection{socket, {}, false, ++m_connectionCounter};
        m_connections.append(c);
        connect(socket, &QTcpSocket::readyRead, this, [this, c] {
            c->buffer += c->socket->readAll();
            processBuffer(c);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, c] {
            m_connections.removeOne(c);
            delete c;
        });
    }
}

void FakeHttpServer::processBuffer(Connection *c) {
    while (!c->busy) {
        const qsizetype headerEnd = c->buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = c->buffer.left(headerEnd).split('\n');
        RecordedRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        const qsizetype total = headerEnd + 4 + contentLength;
        if (c->buffer.size() < total)
            return; // wait for the rest of the body
        request.body = c->buffer.mid(headerEnd + 4, contentLength);
        c->buffer.remove(0, total);
        request.receivedAtMs = m_clock.elapsed();
        request.connection = c->id;
        m_requests.append(request);

        ScriptedResponse response;
        if (!m_queue.isEmpty())
            response = m_queue.takeFirst();
        else if (m_handler)
            response = m_handler(request);
        else
            response = ScriptedResponse::text(501, "FakeHttpServer: no scripted response\n");

        c->busy = true;
        Q_EMIT requestReceived(request);
        respond(c, response);
    }
}

void FakeHttpServer::respond(Connection *c, const ScriptedResponse &response) {
    QTcpSocket *socket = c->socket;
    using Ending = ScriptedResponse::Ending;
    if (response.ending == Ending::NeverAnswer)
        return; // stays busy: the connection hangs until the client gives up
    if (response.ending == Ending::CloseImmediately) {
        socket->disconnectFromHost();
        return;
    }

    qsizetype bodySize = 0;
    for (const ScriptedResponse::Piece &p : response.pieces)
        bodySize += p.bytes.size();
    const bool truncated = response.ending != Ending::Complete;

    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + (response.reason.isEmpty() ? reasonPhrase(response.status) : response.reason) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (response.chunked) {
        head += "Transfer-Encoding: chunked\r\n";
    } else {
        // A truncated body announces more than it will send, so the client sees the cut.
        head += "Content-Length: " + QByteArray::number(bodySize + (truncated ? 1024 : 0)) + "\r\n";
    }
    if (!response.keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";

    auto steps = std::make_shared<QList<Step>>();
    steps->append({response.headerDelayMs, [socket, head] {
                       socket->write(head);
                   }});
    for (const ScriptedResponse::Piece &p : response.pieces) {
        if (p.bytes.isEmpty()) {
            steps->append({p.delayMs, [] {
                           }});
            continue;
        }
        QByteArray bytes = p.bytes;
        if (response.chunked)
            bytes = QByteArray::number(p.bytes.size(), 16) + "\r\n" + p.bytes + "\r\n";
        steps->append({p.delayMs, [socket, bytes] {
                           socket->write(bytes);
                       }});
    }
    switch (response.ending) {
    case Ending::Complete: {
        const bool chunked = response.chunked;
        const bool keepAlive = response.keepAlive;
        steps->append({0, [this, c, chunked, keepAlive] {
                           if (chunked)
                               c->socket->write("0\r\n\r\n");
                           finishExchange(c, keepAlive);
                       }});
        break;
    }
    case Ending::CloseMidBody:
        steps->append({0, [socket] {
                           socket->disconnectFromHost();
                       }});
        break;
    case Ending::HoldOpen:
    case Ending::NeverAnswer:
    case Ending::CloseImmediately:
        break;
    }
    runSteps(socket, steps, 0);
}

void FakeHttpServer::finishExchange(Connection *c, bool keepAlive) {
    if (!keepAlive) {
        c->socket->disconnectFromHost();
        return;
    }
    c->busy = false;
    // A request that arrived meanwhile is answered next; do it from the event loop so a long
    // run of requests never recurses.
    QTimer::singleShot(0, c->socket, [this, c] { processBuffer(c); });
}

} // namespace Tramontane::Test
