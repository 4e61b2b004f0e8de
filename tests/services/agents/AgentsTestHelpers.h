// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small blocking HTTP helpers for the agents tests: seeding the emulator (connectors) and its
// admin API (faults, recorded requests), without going through the code under test.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>
#include <QUrlQuery>

namespace Tramontane::Test {

struct RawReply {
    int status = 0;
    QJsonDocument json;
};

inline RawReply rawRequest(QNetworkAccessManager &nam, const QUrl &baseUrl, const QString &apiKey,
                           const QByteArray &verb, const QString &path,
                           const QJsonObject &body = {}, const QUrlQuery &query = {}) {
    QUrl url = baseUrl;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    request.setRawHeader("Content-Type", "application/json");
    const QByteArray bytes =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, bytes);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    RawReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.json = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    return out;
}

//! Creates an MCP connector on the emulator (served by its built-in MCP server); returns its
//! JSON.
inline QJsonObject createConnector(QNetworkAccessManager &nam, const QUrl &baseUrl,
                                   const QString &apiKey, const QString &name,
                                   const QString &title = {}) {
    QJsonObject body{{QStringLiteral("name"), name},
                     {QStringLiteral("description"), QStringLiteral("Test tools")},
                     {QStringLiteral("server"),
                      QString(baseUrl.toString(QUrl::RemoveUserInfo) + QStringLiteral("/__mcp"))}};
    if (!title.isEmpty())
        body.insert(QStringLiteral("title"), title);
    return rawRequest(nam, baseUrl, apiKey, "POST", QStringLiteral("/v1/connectors"), body)
        .json.object();
}

//! Queues a fault for the next matching request (see the emulator's admin API).
inline int addFault(QNetworkAccessManager &nam, const QUrl &baseUrl, const QJsonObject &fault) {
    return rawRequest(nam, baseUrl, {}, "POST", QStringLiteral("/__admin/faults"), fault).status;
}

//! The requests the emulator recorded under \a pathPrefix, oldest first.
inline QJsonArray recordedRequests(QNetworkAccessManager &nam, const QUrl &baseUrl,
                                   const QString &pathPrefix) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), pathPrefix);
    return rawRequest(nam, baseUrl, {}, "GET", QStringLiteral("/__admin/requests"), {}, query)
        .json.object()
        .value(QStringLiteral("requests"))
        .toArray();
}

inline void resetEmulator(QNetworkAccessManager &nam, const QUrl &baseUrl) {
    rawRequest(nam, baseUrl, {}, "POST", QStringLiteral("/__admin/reset"));
}

} // namespace Tramontane::Test
