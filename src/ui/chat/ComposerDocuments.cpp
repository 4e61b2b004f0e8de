// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ComposerDocuments.h"

#include "core/services/DocumentJob.h"
#include "core/services/DocumentService.h"
#include "models/ErrorPresenter.h"
#include "ui/chat/DocumentChip.h"

#include <QAbstractScrollArea>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLocale>
#include <QMimeData>
#include <QStandardPaths>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Tramontane {

struct ComposerDocuments::Item {
    QString name;
    QByteArray bytes; // until uploaded
    qint64 size = 0;
    DocumentRoute::Kind kind = DocumentRoute::Kind::Document;
    DocumentRoute::Path path = DocumentRoute::Path::Text;
    std::optional<UploadedFile> uploaded;
    QPointer<DocumentJob> job;
    ContentChunk chunk;
    bool ready = false;
    DocumentChip *chip = nullptr;
};

namespace {

bool isImageSuffix(const QString &suffix) {
    return QImageReader::supportedImageFormats().contains(suffix.toLower().toLatin1());
}

QString readyText(DocumentRoute::Path path) {
    switch (path) {
    case DocumentRoute::Path::DocumentUrl:
        return ComposerDocuments::tr("sent as a document");
    case DocumentRoute::Path::Ocr:
        return ComposerDocuments::tr("read as text (OCR)");
    case DocumentRoute::Path::Text:
        break;
    }
    return ComposerDocuments::tr("sent as text");
}

} // namespace

ComposerDocuments::ComposerDocuments(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this)) {
    setObjectName(u"composerDocuments"_s);
    setAccessibleName(tr("Attached documents"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_layout->addStretch(1);
    hide();
}

ComposerDocuments::~ComposerDocuments() {
    for (Item *item : std::as_const(m_items)) {
        if (item->job) {
            item->job->disconnect(this);
            item->job->cancel();
        }
        delete item;
    }
}

void ComposerDocuments::setService(DocumentService *service) {
    m_service = service;
}

void ComposerDocuments::setModelCapabilities(const std::optional<ModelCapabilities> &capabilities) {
    m_capabilities = capabilities;
    for (Item *item : std::as_const(m_items)) {
        const DocumentRoute::Path path =
            DocumentRoute::choose(item->kind, m_capabilities ? &*m_capabilities : nullptr);
        if (path != item->path)
            prepare(item);
    }
}

bool ComposerDocuments::isDocumentFile(const QUrl &url) {
    if (!url.isLocalFile())
        return false;
    const QString name = url.toLocalFile();
    return DocumentRoute::kindOf(name) != DocumentRoute::Kind::Unsupported
           && !isImageSuffix(QFileInfo(name).suffix());
}

void ComposerDocuments::chooseFiles() {
    QStringList documents;
    for (const QString &suffix : DocumentRoute::suffixes()) {
        if (!isImageSuffix(suffix))
            documents.append(u"*."_s + suffix);
    }
    QStringList images;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        images.append(u"*."_s + QString::fromLatin1(format));
    const QString filter = tr("Documents and images (%1)").arg((documents + images).join(u' '))
                           + u";;"_s + tr("Documents (%1)").arg(documents.join(u' ')) + u";;"_s
                           + tr("Images (%1)").arg(images.join(u' '));
    const QString title = tr("Attach Files");
    const QStringList files =
        m_chooser ? m_chooser(title, filter)
                  : QFileDialog::getOpenFileNames(
                      window(), title,
                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), filter);
    QStringList imageFiles;
    QStringList documentFiles;
    for (const QString &file : files) {
        if (isImageSuffix(QFileInfo(file).suffix()))
            imageFiles.append(file);
        else
            documentFiles.append(file);
    }
    addFiles(documentFiles);
    if (!imageFiles.isEmpty())
        Q_EMIT imagesChosen(imageFiles);
}

void ComposerDocuments::addFiles(const QStringList &paths) {
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString name = info.fileName();
        if (DocumentRoute::kindOf(name) == DocumentRoute::Kind::Unsupported) {
            Q_EMIT problem(tr("“%1” cannot be attached: PDF, Word (DOCX), PowerPoint (PPTX), "
                              "text files and images can.")
                               .arg(name));
            continue;
        }
        if (info.size() > DocumentRoute::kMaxBytes) {
            Q_EMIT problem(tr("“%1” is %2, over the %3 a document may have, so it was not "
                              "attached.")
                               .arg(name, QLocale().formattedDataSize(info.size()),
                                    QLocale().formattedDataSize(DocumentRoute::kMaxBytes)));
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            Q_EMIT problem(tr("“%1” could not be read, so it was not attached.").arg(name));
            continue;
        }
        addDocument(name, file.readAll());
    }
}

void ComposerDocuments::addDocument(const QString &name, const QByteArray &bytes) {
    if (m_items.size() >= MaxDocuments) {
        Q_EMIT problem(tr("At most %1 documents can go with one message: “%2” was not attached.")
                           .arg(MaxDocuments)
                           .arg(name));
        return;
    }
    if (bytes.size() > DocumentRoute::kMaxBytes) {
        Q_EMIT problem(tr("“%1” is %2, over the %3 a document may have, so it was not attached.")
                           .arg(name, QLocale().formattedDataSize(bytes.size()),
                                QLocale().formattedDataSize(DocumentRoute::kMaxBytes)));
        return;
    }
    const DocumentRoute::Kind kind = DocumentRoute::kindOf(name);
    if (kind == DocumentRoute::Kind::Unsupported) {
        Q_EMIT problem(tr("“%1” cannot be attached: PDF, Word (DOCX), PowerPoint (PPTX), text "
                          "files and images can.")
                           .arg(name));
        return;
    }
    if (kind == DocumentRoute::Kind::Document && !m_service) {
        Q_EMIT problem(tr("“%1” cannot be uploaded without a connection to the API.").arg(name));
        return;
    }
    auto *item = new Item;
    item->name = name;
    item->bytes = bytes;
    item->size = bytes.size();
    item->kind = kind;
    item->chip = new DocumentChip(name, item->size, this);
    connect(item->chip, &DocumentChip::removeRequested, this, [this, item] {
        const bool hadFocus = item->chip->removeButton()->hasFocus();
        removeItem(item);
        if (hadFocus && !m_items.isEmpty())
            m_items.constLast()->chip->removeButton()->setFocus(Qt::OtherFocusReason);
        else if (hadFocus)
            nextInFocusChain()->setFocus(Qt::TabFocusReason);
    });
    m_layout->insertWidget(m_layout->count() - 1, item->chip);
    m_items.append(item);
    show();
    prepare(item);
    Q_EMIT changed();
}

void ComposerDocuments::prepare(Item *item) {
    if (item->job) {
        item->job->disconnect(this);
        item->job->cancel();
    }
    item->ready = false;
    item->chunk = ContentChunk();
    item->path = DocumentRoute::choose(item->kind, m_capabilities ? &*m_capabilities : nullptr);
    DocumentJob *job =
        item->uploaded
            ? new DocumentJob(m_service, item->name, *item->uploaded, item->path, {}, this)
            : new DocumentJob(m_service, item->name, item->bytes, item->path, {}, this);
    item->job = job;
    DocumentChip *chip = item->chip;
    chip->setProgress(0, item->size);
    chip->setState(item->path == DocumentRoute::Path::Text ? tr("reading…") : tr("waiting…"));
    connect(job, &DocumentJob::progress, chip, &DocumentChip::setProgress);
    connect(job, &DocumentJob::stageChanged, chip, [chip](DocumentJob::Stage stage) {
        switch (stage) {
        case DocumentJob::Stage::Uploading:
            chip->setState(tr("uploading…"));
            break;
        case DocumentJob::Stage::Linking:
            chip->setBusy();
            chip->setState(tr("preparing…"));
            break;
        case DocumentJob::Stage::Reading:
            chip->setBusy();
            chip->setState(tr("reading the text…"));
            break;
        case DocumentJob::Stage::Waiting:
        case DocumentJob::Stage::Done:
            break;
        }
    });
    connect(job, &DocumentJob::finished, this, [this, item, job] { onFinished(item, job); });
}

void ComposerDocuments::onFinished(Item *item, DocumentJob *job) {
    if (job->uploaded()) {
        item->uploaded = job->uploaded();
        item->bytes.clear();
    }
    if (job->status() == DocumentJob::Status::Canceled)
        return;
    if (!job->succeeded()) {
        const ApiError error = job->error();
        const QString why =
            item->kind == DocumentRoute::Kind::Text
                ? tr("“%1” is not UTF-8 text, so it was not attached.").arg(item->name)
            : item->uploaded ? tr("“%1” could not be read, so it was not attached: %2")
                                   .arg(item->name, ErrorPresenter::sentence(error))
                             : tr("“%1” could not be uploaded, so it was not attached: %2")
                                   .arg(item->name, ErrorPresenter::sentence(error));
        removeItem(item);
        Q_EMIT problem(why);
        return;
    }
    item->chunk = job->chunk();
    item->ready = true;
    item->chip->setReady(readyText(item->path));
    Q_EMIT changed();
}

void ComposerDocuments::removeItem(Item *item) {
    const qsizetype index = m_items.indexOf(item);
    if (index < 0)
        return;
    m_items.removeAt(index);
    if (item->job) {
        item->job->disconnect(this);
        item->job->cancel();
    }
    item->chip->hide();
    item->chip->deleteLater();
    delete item;
    setVisible(!m_items.isEmpty());
    Q_EMIT changed();
}

void ComposerDocuments::remove(int index) {
    if (index >= 0 && index < m_items.size())
        removeItem(m_items.at(index));
}

void ComposerDocuments::clear() {
    while (!m_items.isEmpty())
        removeItem(m_items.constLast());
}

DocumentChip *ComposerDocuments::chip(int index) const {
    return index >= 0 && index < m_items.size() ? m_items.at(index)->chip : nullptr;
}

QList<ContentChunk> ComposerDocuments::chunks() const {
    QList<ContentChunk> out;
    for (const Item *item : m_items) {
        if (item->ready)
            out.append(item->chunk);
    }
    return out;
}

bool ComposerDocuments::isPreparing() const {
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const Item *item) { return !item->ready; });
}

void ComposerDocuments::watch(QWidget *widget) {
    widget->installEventFilter(this);
    if (auto *area = qobject_cast<QAbstractScrollArea *>(widget)) {
        area->viewport()->installEventFilter(this);
        area->viewport()->setAcceptDrops(true);
    }
    widget->setAcceptDrops(true);
}

QList<QUrl> ComposerDocuments::documentUrls(const QMimeData *mime) const {
    QList<QUrl> out;
    if (!mime)
        return out;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (isDocumentFile(url))
            out.append(url);
    }
    return out;
}

bool ComposerDocuments::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!documentUrls(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QList<QUrl> urls = documentUrls(drop->mimeData());
        if (urls.isEmpty())
            break;
        QStringList paths;
        for (const QUrl &url : urls)
            paths.append(url.toLocalFile());
        addFiles(paths);
        // Images dropped with the documents are left to the image strip.
        const QList<QUrl> all = drop->mimeData()->urls();
        const bool images = std::any_of(all.cbegin(), all.cend(), [](const QUrl &url) {
            return url.isLocalFile() && isImageSuffix(QFileInfo(url.toLocalFile()).suffix());
        });
        if (images)
            break;
        drop->acceptProposedAction();
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Tramontane
