// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/services/ServiceResult.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

namespace Tramontane {

class ApiClient;

//! A file uploaded to `/v1/files` (the fields of the answer this client uses).
struct UploadedFile {
    QString id;
    QString filename;
    qint64 bytes = 0;
    QString mimeType;

    //! The file object of the answer; nullopt without an id.
    static std::optional<UploadedFile> fromJson(const QJsonObject &json);
};

//! The text `/v1/ocr` read from a document, page by page (Markdown).
struct OcrText {
    QStringList pages;
    QString model;

    //! The pages joined, one blank line between two.
    QString text() const;
    //! The answer of `/v1/ocr`; nullopt without a `pages` array.
    static std::optional<OcrText> fromJson(const QJsonObject &json);
};

//! Documents a person attaches: `POST /v1/files` (multipart, purpose `ocr`, with upload
//! progress on the job), `GET /v1/files/{id}/url` (a signed URL the service downloads without
//! the key) and `POST /v1/ocr`. Each call is a job (see ServiceResult for the contract).
class DocumentService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentService)

public:
    //! The model OCR uses when no other is given.
    static constexpr QLatin1StringView kDefaultOcrModel{"mistral-ocr-latest"};
    //! How long OCR may stay silent (it answers once, when the whole document is read).
    static constexpr std::chrono::milliseconds kOcrTimeout{300000};

    explicit DocumentService(ApiClient *client, QObject *parent = nullptr);

    //! Uploads \a bytes as the file \a fileName of type \a mimeType. The job's uploadProgress()
    //! tells how far it went; cancel() stops it.
    QPointer<ApiJob> upload(const QString &fileName, const QByteArray &bytes,
                            const QString &mimeType, QObject *context,
                            ServiceCallback<UploadedFile> callback);
    //! A signed URL for the file \a fileId, valid for \a hours (1–168).
    QPointer<ApiJob> signedUrl(const QString &fileId, int hours, QObject *context,
                               ServiceCallback<QUrl> callback);
    //! The text of the uploaded file \a fileId, read by \a model.
    QPointer<ApiJob> ocr(const QString &fileId, const QString &model, QObject *context,
                         ServiceCallback<OcrText> callback);

    //! The multipart body of an upload and its Content-Type (with \a boundary).
    static QByteArray multipartBody(const QString &fileName, const QByteArray &bytes,
                                    const QString &mimeType, const QByteArray &boundary);

private:
    ApiClient *m_client;
};

} // namespace Tramontane
