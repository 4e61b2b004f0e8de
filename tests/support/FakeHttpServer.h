// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <utility>

class QTcpSocket;

namespace Tramontane::Test {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

//! One request as the server received it.
struct RecordedRequest {
    QByteArray method;  //!< "GET", "POST"...
    QByteArray target;  //!< the request target as sent: path and query
    HeaderList headers; //!< in order, names as sent
    QByteArray body;
    qint64 receivedAtMs = 0; //!< when the request was complete, in ms since listen()
    int connection = 0;      //!< which TCP connection carried it (1, 2...)

    QByteArray path() const;
    QUrlQuery query() const;
    //! Value of the first header named \a name (case-insensitive), or null.
    QByteArray header(QByteArrayView name) const;
};

//! What the server answers to one request. Build it with the static helpers and refine it
//! with the chaining setters, e.g.
//! `ScriptedResponse::json(429, body).header("Retry-After", "1")`.
struct ScriptedResponse {
    //! How the exchange ends once every piece was sent.
    enum class Ending {
        Complete,         //!< a well-formed end (final chunk, or the whole Content-Length)
        CloseMidBody,     //!< close the connection: chunked without the last chunk, or
                          //!< fewer bytes than the Content-Length announced
        HoldOpen,         //!< keep the connection open without ending the body
        NeverAnswer,      //!< send nothing at all, keep the connection open
        CloseImmediately, //!< close the connection without sending a byte
    };
    struct Piece {
        QByteArray bytes;
        int delayMs = 0; //!< wait before sending this piece
    };

    int status = 200;
    QByteArray reason; //!< empty: the usual phrase for the status
    HeaderList headers;
    QList<Piece> pieces;
    bool chunked = false;
    bool keepAlive = true;
    int headerDelayMs = 0; //!< wait before sending the status line
    Ending ending = Ending::Complete;

    static ScriptedResponse json(int status, const QByteArray &body);
    static ScriptedResponse text(int status, const QByteArray &body,
                                 const QByteArray &contentType = "text/plain; charset=utf-8");
    //! A chunked text/event-stream; each piece (any bytes, whole events or not) is one chunk
    //! sent \a delayMs after the previous one.
    static ScriptedResponse sse(const QList<QByteArray> &pieces, int delayMs = 0);
    //! \a body in pieces of \a bytesPerPiece, \a delayMs apart (Content-Length framing).
    static ScriptedResponse drip(int status, const QByteArray &body, int bytesPerPiece, int delayMs,
                                 const QByteArray &contentType = "application/json");
    static ScriptedResponse neverAnswer();
    static ScriptedResponse closeImmediately();

    ScriptedResponse &header(const QByteArray &name, const QByteArray &value);
    ScriptedResponse &piece(const QByteArray &bytes, int delayMs = 0);
    ScriptedResponse &withEnding(Ending e);
    ScriptedResponse &withHeaderDelay(int ms);
    ScriptedResponse &withKeepAlive(bool on);
};

//! A scriptable HTTP/1.1 server on 127.0.0.1 for tests: records every request and answers
//! from a queue of ScriptedResponse (then from a handler, then 501). Handles keep-alive,
//! Content-Length and chunked responses, delays between pieces, connections cut mid-body,
//! servers that never answer. Request bodies must use Content-Length (as Qt sends them).
class FakeHttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeHttpServer)

public:
    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    //! Listens on 127.0.0.1 on a free port.
    bool listen();
    quint16 port() const;
    //! "http://127.0.0.1:<port>"
    QUrl baseUrl() const;

    void enqueue(const ScriptedResponse &response);
    //! Answers requests once the queue is empty.
    void setHandler(std::function<ScriptedResponse(const RecordedRequest &)> handler);
    qsizetype pendingResponses() const { return m_queue.size(); }

    QList<RecordedRequest> requests() const { return m_requests; }
    qsizetype requestCount() const { return m_requests.size(); }
    RecordedRequest lastRequest() const;
    void clearRequests() { m_requests.clear(); }

    //! Connections currently open.
    int openConnections() const;
    //! Number of connections accepted so far.
    int acceptedConnections() const { return m_connectionCounter; }
    void closeAllConnections();

Q_SIGNALS:
    void requestReceived(const Tramontane::Test::RecordedRequest &request);

private:
    struct Connection;
    void onNewConnection();
    void processBuffer(Connection *c);
    void respond(Connection *c, const ScriptedResponse &response);
    void finishExchange(Connection *c, bool keepAlive);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QList<ScriptedResponse> m_queue;
    std::function<ScriptedResponse(const RecordedRequest &)> m_handler;
    QList<RecordedRequest> m_requests;
    QList<Connection *> m_connections;
    int m_connectionCounter = 0;
};

} // namespace Tramontane::Test
