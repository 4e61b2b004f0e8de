// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/services/ServiceResult.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace Tramontane {

class ApiClient;
class ApiJob;

//! Files produced by the API (generated images): `GET /v1/files/{id}/content` with the key,
//! and images the API hands over as plain http(s) URLs. A URL on the API's own origin goes
//! through the API client with the key; any other is fetched WITHOUT it (the key never leaves
//! for another host). Both are jobs (see ApiJob): size-capped (TooLarge), with the idle timeout
//! (Timeout) and cancellable; the bytes are returned as they came.
class FileService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileService)

public:
    static constexpr qint64 kMaxImageBytes = 32 * 1024 * 1024;

    explicit FileService(ApiClient *client, QObject *parent = nullptr);

    QPointer<ApiJob> download(const QString &fileId, QObject *context,
                              ServiceCallback<QByteArray> callback);

    //! Fetches an image URL given by the API (an `image_url` chunk, a link in a tool result):
    //! https, or http on loopback only. On the API's origin it is an authenticated download;
    //! elsewhere no credentials, cookies or key are sent, and a refusal never blames the key.
    //! Returns the job, to cancel() the fetch (the callback then gets a Canceled error).
    QPointer<ApiJob> fetchUrl(const QUrl &url, QObject *context,
                              ServiceCallback<QByteArray> callback);

private:
    ApiClient *m_client;
};

} // namespace Tramontane
