// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/DocumentService.h"

#include "core/net/ApiClient.h"
#include "core/protocol/JsonUtil.h"
#include "core/services/Multipart.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tramontane {

std::optional<UploadedFile> UploadedFile::fromJson(const QJsonObject &json) {
    const auto id = Json::optString(json, "id"_L1);
    if (!id || id->isEmpty())
        return std::nullopt;
    UploadedFile file;
    file.id = *id;
    file.filename = Json::string(json, "filename"_L1);
    file.bytes = Json::optInt(json, "bytes"_L1).value_or(0);
    file.mimeType = Json::string(json, "mimetype"_L1);
    return file;
}

QString OcrText::text() const {
    QStringList kept;
    for (const QString &page : pages) {
        if (!page.trimmed().isEmpty())
            kept.append(page.trimmed());
    }
    return kept.join("\n\n"_L1);
}

std::optional<OcrText> OcrText::fromJson(const QJsonObject &json) {
    if (!json.value("pages"_L1).isArray())
        return std::nullopt;
    OcrText result;
    result.model = Json::string(json, "model"_L1);
    const QJsonArray pages = json.value("pages"_L1).toArray();
    for (const QJsonValue &page : pages)
        result.pages.append(page.toObject().value("markdown"_L1).toString());
    return result;
}

DocumentService::DocumentService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

QByteArray DocumentService::multipartBody(const QString &fileName, const QByteArray &bytes,
                                          const QString &mimeType, const QByteArray &boundary) {
    QByteArray body;
    body.reserve(bytes.size() + 512);
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"purpose\"\r\n\r\nocr\r\n";
    body += Multipart::filePart(boundary, "file", fileName, mimeType, bytes);
    body += Multipart::closing(boundary);
    return body;
}

QPointer<ApiJob> DocumentService::upload(const QString &fileName, const QByteArray &bytes,
                                         const QString &mimeType, QObject *context,
                                         ServiceCallback<UploadedFile> callback) {
    const QByteArray boundary = Multipart::randomBoundary();
    ApiJob *job = m_client->postMultipart(
        u"/v1/files"_s, multipartBody(fileName, bytes, mimeType, boundary),
        "multipart/form-data; boundary=" + boundary, ApiError::Context::File);
    return deliver<UploadedFile>(
        this, job, context, std::move(callback),
        [](const ApiJob *job) -> ServiceResult<UploadedFile> {
            const auto file = UploadedFile::fromJson(job->json().object());
            if (!file)
                return unexpectedShape<UploadedFile>(job, u"expected a file object with an id"_s);
            return ServiceResult<UploadedFile>::success(*file, job->requestId());
        });
}

QPointer<ApiJob> DocumentService::signedUrl(const QString &fileId, int hours, QObject *context,
                                            ServiceCallback<QUrl> callback) {
    QUrlQuery query;
    query.addQueryItem(u"expiry"_s, QString::number(std::clamp(hours, 1, 168)));
    ApiJob *job = m_client->get(u"/v1/files/"_s + ApiClient::encodePathSegment(fileId) + u"/url"_s,
                                query, ApiError::Context::File);
    return deliver<QUrl>(this, job, context, std::move(callback),
                         [](const ApiJob *job) -> ServiceResult<QUrl> {
                             const QUrl url(job->json().object().value("url"_L1).toString());
                             const QString scheme = url.scheme().toLower();
                             if (!url.isValid() || (scheme != "https"_L1 && scheme != "http"_L1))
                                 return unexpectedShape<QUrl>(job, u"expected an http(s) url"_s);
                             return ServiceResult<QUrl>::success(url, job->requestId());
                         });
}

QPointer<ApiJob> DocumentService::ocr(const QString &fileId, const QString &model, QObject *context,
                                      ServiceCallback<OcrText> callback) {
    const QJsonObject body{
        {u"model"_s, model.isEmpty() ? QString(kDefaultOcrModel) : model},
        {u"document"_s, QJsonObject{{u"type"_s, u"file"_s}, {u"file_id"_s, fileId}}},
    };
    ApiJob *job = m_client->postJson(u"/v1/ocr"_s, body, ApiError::Context::File);
    // Reading a long document takes a while, and nothing arrives meanwhile.
    job->setDeadline(std::chrono::milliseconds(0));
    job->setTransferTimeout(kOcrTimeout);
    return deliver<OcrText>(this, job, context, std::move(callback),
                            [](const ApiJob *job) -> ServiceResult<OcrText> {
                                const auto text = OcrText::fromJson(job->json().object());
                                if (!text)
                                    return unexpectedShape<OcrText>(job, u"expected OCR pages"_s);
                                return ServiceResult<OcrText>::success(*text, job->requestId());
                            });
}

} // namespace Tramontane
