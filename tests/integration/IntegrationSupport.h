// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/SseParser.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QUrl>

#include <optional>

namespace Tramontane::Test {

//! The outcome of one HTTP exchange, read in full.
struct HttpResult {
    bool finished = false; //!< false if the request timed out in the test
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; //!< names in lower case
    qint64 elapsedMs = 0;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    bool isJson() const;
    //! The server-sent events of a stream body.
    QList<SseEvent> events() const;
};

//! Plain HTTP against a base URL with a QNetworkAccessManager (no proxy), blocking the test in
//! a local event loop until the answer is complete.
class HttpDriver final {
public:
    HttpDriver(QUrl baseUrl, QByteArray apiKey);

    HttpResult get(const QString &path) { return send("GET", path); }
    HttpResult post(const QString &path, const QJsonObject &body) {
        return send("POST", path, json(body));
    }
    HttpResult patch(const QString &path, const QJsonObject &body) {
        return send("PATCH", path, json(body));
    }
    HttpResult del(const QString &path) { return send("DELETE", path); }
    //! Any request; \a key replaces the API key (empty: no Authorization header).
    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                    std::optional<QByteArray> key = std::nullopt, int timeoutMs = 20000);
    //! A URL that is not under the base URL (signed file URLs).
    HttpResult getUrl(const QUrl &url, std::optional<QByteArray> key = std::nullopt);

    //! Installs faults through the admin API; returns the HTTP status.
    int addFault(const QJsonObject &fault);
    //! The requests the emulator recorded, oldest first.
    QJsonArray recordedRequests(const QString &pathPrefix = {});
    //! The recorded requests of the chat's turns: without the one that names a new chat (the
    //! title generator's, which may arrive before or after a test looks).
    QJsonArray recordedTurns(const QString &pathPrefix = {});

    QUrl url(const QString &path) const;
    QNetworkAccessManager &nam() { return m_nam; }

    static QByteArray json(const QJsonObject &o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private:
    HttpResult run(QNetworkReply *reply, int timeoutMs);

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QByteArray m_key;
};

//! @modelcontextprotocol/server-everything in streamable HTTP mode on a free loopback port.
//! The package comes from tests/contract/node_modules (scripts/install-deps installs it);
//! TRAMONTANE_EVERYTHING_SERVER may name its dist/index.js instead.
class EverythingServer final {
public:
    EverythingServer() = default;
    ~EverythingServer();
    EverythingServer(const EverythingServer &) = delete;
    EverythingServer &operator=(const EverythingServer &) = delete;

    //! The server's entry script, or an empty string when it is not installed.
    static QString entryScript();
    //! The reason to give QSKIP when the server is not installed.
    static QByteArray missingReason();

    bool start(QString *error);
    void stop();
    QUrl url() const { return m_url; }
    QByteArray log();

private:
    QProcess m_process;
    QUrl m_url;
    QByteArray m_log;
};

//! A loopback port that nothing listens on (bound once, then released).
quint16 deadPort();

} // namespace Tramontane::Test
