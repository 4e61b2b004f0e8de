// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace Tramontane::Emulator {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

//! One parsed HTTP/1.x request.
struct HttpRequest {
    QByteArray method;
    QByteArray target;    //!< the request target as sent
    QString path;         //!< the decoded path, e.g. "/v1/models"
    QStringList segments; //!< the path split on '/', each part percent-decoded
    QUrlQuery query;
    QByteArray version; //!< "HTTP/1.1" or "HTTP/1.0"
    HeaderList headers; //!< names in lower case, in arrival order
    QByteArray body;
    QHostAddress peer;

    //! The value of the first header with this (lower-case) name, or an empty array.
    QByteArray header(QByteArrayView lowerName) const;
    bool hasHeader(QByteArrayView lowerName) const;
};

class HttpConnection;

//! One request and the response to it. A handler answers once with send(), or streams with
//! beginStream() / write() / endStream(); abortStream() ends the connection without the
//! closing chunk (a cut stream). Writing after the client left is a silent no-op.
class HttpExchange final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    const HttpRequest &request() const { return m_request; }
    //! The id sent as Mistral-Correlation-Id and X-Kong-Request-Id.
    QByteArray requestId() const { return m_requestId; }

    //! True while the client is connected and the response is not complete.
    bool isOpen() const;
    bool isAnswered() const { return m_headersSent; }

    //! A header added to whatever response is sent.
    void addHeader(const QByteArray &name, const QByteArray &value);

    void send(int status, const QByteArray &contentType, const QByteArray &body,
              const HeaderList &headers = {});
    //! Sends headers promising \a body, then only its first \a bytes, then closes the connection.
    void sendTruncated(int status, const QByteArray &contentType, const QByteArray &body,
                       qsizetype bytes);

    //! Starts a streamed body: chunked for HTTP/1.1 unless \a closeDelimited, which ends the
    //! body by closing the connection.
    void beginStream(int status, const QByteArray &contentType, const HeaderList &headers = {},
                     bool closeDelimited = false);
    void write(const QByteArray &data);
    //! Frames \a data like write() but sends only its first \a bytes (for a cut mid-event).
    void writePartial(const QByteArray &data, qsizetype bytes);
    void endStream();
    void abortStream();

    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    //! The client closed the connection before the response was complete.
    void clientGone();

private:
    friend class HttpConnection;
    HttpExchange(HttpConnection *connection, QTcpSocket *socket, HttpRequest request,
                 bool keepAlive);
    QByteArray head(int status, const QByteArray &contentType, const HeaderList &headers,
                    const QByteArray &framing) const;
    void complete(bool closeConnection);

    HttpConnection *m_connection;
    QPointer<QTcpSocket> m_socket;
    HttpRequest m_request;
    QByteArray m_requestId;
    HeaderList m_extraHeaders;
    bool m_keepAlive;
    bool m_headersSent = false;
    bool m_chunked = false;
    bool m_completed = false;
    bool m_gone = false;
};

//! A small HTTP/1.1 server on 127.0.0.1: request line, headers, Content-Length and chunked
//! bodies, keep-alive (one request at a time per connection), 100-continue.
class HttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    explicit HttpServer(QObject *parent = nullptr);
    //! Listens on 127.0.0.1 (port 0 picks a free one).
    bool listen(quint16 port);
    quint16 port() const;
    QString errorString() const;

    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;

Q_SIGNALS:
    //! A complete request arrived; the receiver must answer it (now or later).
    void requestReceived(Tramontane::Emulator::HttpExchange *exchange);

private:
    QTcpServer *m_server;
};

} // namespace Tramontane::Emulator
