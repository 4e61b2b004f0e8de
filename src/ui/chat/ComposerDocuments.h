// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Content.h"
#include "core/protocol/Model.h"
#include "core/services/DocumentRoute.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QHBoxLayout;
class QMimeData;

namespace Tramontane {

class DocumentChip;
class DocumentJob;
class DocumentService;

//! The documents attached to the message being typed (PDF, DOCX, PPTX, text files): a row of
//! chips above the composer, each with its name, size, progress and a × that cancels or
//! removes it. Documents come from the Attach button's file dialog (which also offers images:
//! those go out through imagesChosen()) and from files dropped on the widgets given to watch().
//!
//! Each document is made ready at once along the path DocumentRoute chooses for the chosen
//! model (DocumentJob): uploaded, then linked or read by OCR; or read as text. When another
//! model is chosen, a document whose path changes is prepared again (without a second upload).
//! What cannot be attached (an unsupported type, too large, unreadable, a failed upload) is
//! said in one sentence through problem(); nothing typed or attached is touched.
class ComposerDocuments final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerDocuments)

public:
    //! Documents that can go with one message.
    static constexpr int MaxDocuments = 8;

    explicit ComposerDocuments(QWidget *parent = nullptr);
    ~ComposerDocuments() override;

    //! Uploads and OCR go through \a service (not owned); without one only text files attach.
    void setService(DocumentService *service);
    //! What the chosen model can do; nullopt when it is not known (an agent).
    void setModelCapabilities(const std::optional<ModelCapabilities> &capabilities);

    //! Asks for files: \a title and \a filter as for QFileDialog::getOpenFileNames.
    using FileChooser = std::function<QStringList(const QString &title, const QString &filter)>;
    //! Replaces the file dialog (tests).
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    //! Opens the file dialog for documents and images: documents are attached here, images
    //! are handed on through imagesChosen().
    void chooseFiles();

    //! Drops of document files on \a widget (and on its viewport) attach them.
    void watch(QWidget *widget);
    //! True for a local file of a type that can be attached as a document.
    static bool isDocumentFile(const QUrl &url);

    //! Attaches the document files \a paths.
    void addFiles(const QStringList &paths);
    //! Attaches a document \a name holding \a bytes.
    void addDocument(const QString &name, const QByteArray &bytes);

    //! The ready documents, as the chunks that send them, in the order they were attached.
    QList<ContentChunk> chunks() const;
    int count() const { return int(m_items.size()); }
    //! True while a document is still being uploaded or read.
    bool isPreparing() const;
    //! The chip of the document at \a index.
    DocumentChip *chip(int index) const;
    //! Removes the document at \a index, canceling its upload.
    void remove(int index);
    void clear();

Q_SIGNALS:
    void changed();
    void problem(const QString &text);
    //! Image files chosen in the Attach dialog.
    void imagesChosen(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Item;
    void prepare(Item *item);
    void onFinished(Item *item, DocumentJob *job);
    void removeItem(Item *item);
    QList<QUrl> documentUrls(const QMimeData *mime) const;

    QHBoxLayout *m_layout;
    QList<Item *> m_items;
    QPointer<DocumentService> m_service;
    std::optional<ModelCapabilities> m_capabilities;
    FileChooser m_chooser;
};

} // namespace Tramontane
