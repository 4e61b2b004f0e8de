// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/Job.h"
#include "core/protocol/Content.h"
#include "core/services/DocumentRoute.h"
#include "core/services/DocumentService.h"

#include <QByteArray>
#include <QPointer>

#include <optional>

namespace Tramontane {

class ApiJob;

//! Makes one attached document ready to send, along the path DocumentRoute chose: the text of
//! a text file; or the upload to `/v1/files` (with progress), then the signed URL
//! (`document_url` chunk) or the OCR text (a text chunk that names the document). Succeeded,
//! chunk() is what the message carries. A failure is the failing request's ApiError (the
//! upload's, the URL's or OCR's); cancel() stops the request under way.
//!
//! A job may start from a file uploaded before (uploaded()), when only the path changed (the
//! person chose another model): nothing is uploaded twice.
class DocumentJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentJob)

public:
    enum class Stage { Waiting, Uploading, Linking, Reading, Done };
    Q_ENUM(Stage)

    //! Prepares the document \a name (\a bytes) for \a path; \a ocrModel reads it on the OCR
    //! path (empty: DocumentService::kDefaultOcrModel). Starts from the event loop.
    DocumentJob(DocumentService *service, const QString &name, const QByteArray &bytes,
                DocumentRoute::Path path, const QString &ocrModel, QObject *parent = nullptr);
    //! The same for a document uploaded before as \a file.
    DocumentJob(DocumentService *service, const QString &name, const UploadedFile &file,
                DocumentRoute::Path path, const QString &ocrModel, QObject *parent = nullptr);
    ~DocumentJob() override;

    QString name() const { return m_name; }
    DocumentRoute::Path path() const { return m_path; }
    Stage stage() const { return m_stage; }
    //! The uploaded file, once the upload succeeded.
    std::optional<UploadedFile> uploaded() const { return m_uploaded; }
    //! What the message carries, once the job succeeded.
    ContentChunk chunk() const { return m_chunk; }

Q_SIGNALS:
    //! Bytes of the document uploaded so far, of \a total.
    void progress(qint64 sent, qint64 total);
    void stageChanged(Tramontane::DocumentJob::Stage stage);

protected:
    void handleFinish(ApiError &error) override;

private:
    void start();
    void setStage(Stage stage);
    void readText();
    void upload();
    void afterUpload();
    void finishWith(const ContentChunk &chunk);

    QPointer<DocumentService> m_service;
    QString m_name;
    QByteArray m_bytes;
    DocumentRoute::Path m_path;
    QString m_ocrModel;
    std::optional<UploadedFile> m_uploaded;
    QPointer<ApiJob> m_request;
    Stage m_stage = Stage::Waiting;
    ContentChunk m_chunk;
};

} // namespace Tramontane
