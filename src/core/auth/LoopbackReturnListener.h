// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace Tramontane {

//! A one-shot HTTP listener on 127.0.0.1 (never another interface), on a random port, at a
//! random path: the address a browser is sent back to after a sign-in that runs elsewhere
//! (the platform's connector sign-in). The first GET of that path is answered with a short
//! page ("you can close this tab"), returned() fires with its query, and the port closes;
//! any other path is a 404, any other method a 405.
class LoopbackReturnListener final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReturnListener)

public:
    //! Requests larger than this (request line and headers) are refused.
    static constexpr qsizetype MaxRequestBytes = 16 * 1024;

    explicit LoopbackReturnListener(QObject *parent = nullptr);
    ~LoopbackReturnListener() override;

    //! Opens the port; false when no port could be had on 127.0.0.1.
    bool listen();
    bool isListening() const;
    //! `http://127.0.0.1:<port>/<random path>`, once listening.
    QUrl url() const { return m_url; }
    //! The text of the page shown in the browser when it comes back (plain text).
    void setPageText(const QString &text) { m_pageText = text; }
    //! Closes the port (no returned() after this).
    void close();

Q_SIGNALS:
    //! The browser came back to url(), with these query parameters.
    void returned(const QUrlQuery &query);

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void reply(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body);

    QTcpServer *m_server;
    QUrl m_url;
    QString m_pageText;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    bool m_done = false;
};

} // namespace Tramontane
