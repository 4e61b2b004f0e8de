// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/DocumentJob.h"

#include "core/net/ApiJob.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Tramontane {

DocumentJob::DocumentJob(DocumentService *service, const QString &name, const QByteArray &bytes,
                         DocumentRoute::Path path, const QString &ocrModel, QObject *parent)
    : Job(ApiError::Context::File, parent)
    , m_service(service)
    , m_name(name)
    , m_bytes(bytes)
    , m_path(path)
    , m_ocrModel(ocrModel) {
    QMetaObject::invokeMethod(this, &DocumentJob::start, Qt::QueuedConnection);
}

DocumentJob::DocumentJob(DocumentService *service, const QString &name, const UploadedFile &file,
                         DocumentRoute::Path path, const QString &ocrModel, QObject *parent)
    : Job(ApiError::Context::File, parent)
    , m_service(service)
    , m_name(name)
    , m_path(path)
    , m_ocrModel(ocrModel)
    , m_uploaded(file) {
    QMetaObject::invokeMethod(this, &DocumentJob::start, Qt::QueuedConnection);
}

DocumentJob::~DocumentJob() {
    abandon();
}

void DocumentJob::setStage(Stage stage) {
    if (stage == m_stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void DocumentJob::start() {
    if (isFinished())
        return;
    if (m_path == DocumentRoute::Path::Text) {
        readText();
        return;
    }
    if (!m_service) {
        fail(ApiError::invalidRequest(u"no document service"_s, ApiError::Context::File));
        return;
    }
    if (m_uploaded)
        afterUpload();
    else
        upload();
}

void DocumentJob::readText() {
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(m_bytes);
    if (utf8.hasError() || m_bytes.contains('\0')) {
        fail(ApiError::invalidRequest(u"not UTF-8 text"_s, ApiError::Context::File));
        return;
    }
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    ContentChunk chunk =
        ContentChunk::makeDocumentText(DocumentRoute::wrapText(m_name, text), m_name);
    chunk.documentBytes = m_bytes.size();
    finishWith(chunk);
}

void DocumentJob::upload() {
    setStage(Stage::Uploading);
    const qint64 total = m_bytes.size();
    m_request = m_service->upload(m_name, m_bytes, DocumentRoute::mimeTypeOf(m_name), this,
                                  [this](const ServiceResult<UploadedFile> &result) {
                                      if (!result.ok()) {
                                          fail(result.error);
                                          return;
                                      }
                                      m_uploaded = *result.value;
                                      m_bytes.clear();
                                      afterUpload();
                                  });
    if (m_request) {
        // The body is the document plus a few hundred bytes of multipart framing: report the
        // document's own size, capped.
        connect(m_request, &ApiJob::uploadProgress, this, [this, total](qint64 sent, qint64 all) {
            if (all <= 0)
                return;
            Q_EMIT progress(std::min(total, sent * total / all), total);
        });
    }
}

void DocumentJob::afterUpload() {
    if (isFinished())
        return;
    const UploadedFile file = *m_uploaded;
    const qint64 size = file.bytes > 0 ? file.bytes : m_bytes.size();
    if (m_path == DocumentRoute::Path::DocumentUrl) {
        setStage(Stage::Linking);
        m_request =
            m_service->signedUrl(file.id, DocumentRoute::kSignedUrlHours, this,
                                 [this, file, size](const ServiceResult<QUrl> &result) {
                                     if (!result.ok()) {
                                         fail(result.error);
                                         return;
                                     }
                                     ContentChunk chunk = ContentChunk::makeDocumentUrl(
                                         result.value->toString(QUrl::FullyEncoded), m_name);
                                     chunk.documentFileId = file.id;
                                     chunk.documentBytes = size;
                                     finishWith(chunk);
                                 });
        return;
    }
    setStage(Stage::Reading);
    m_request = m_service->ocr(
        file.id, m_ocrModel, this, [this, file, size](const ServiceResult<OcrText> &result) {
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            ContentChunk chunk = ContentChunk::makeDocumentText(
                DocumentRoute::wrapText(m_name, result.value->text()), m_name);
            chunk.documentFileId = file.id;
            chunk.documentBytes = size;
            finishWith(chunk);
        });
}

void DocumentJob::finishWith(const ContentChunk &chunk) {
    m_chunk = chunk;
    setStage(Stage::Done);
    succeed();
}

void DocumentJob::handleFinish(ApiError &error) {
    Q_UNUSED(error)
    if (m_request && !m_request->isFinished())
        m_request->cancel();
}

} // namespace Tramontane
