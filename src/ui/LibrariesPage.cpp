// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LibrariesPage.h"
#include "ui_LibrariesPage.h"

#include "core/services/LibraryService.h"
#include "models/ErrorPresenter.h"
#include "models/LibraryDocumentModel.h"
#include "models/LibraryListModel.h"
#include "models/LibraryStatusPoller.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// The largest file the page reads into memory for an upload.
constexpr qint64 kMaxUploadBytes = 100LL * 1024 * 1024;

QStringList localFiles(const QMimeData *mime) {
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace

LibrariesPage::LibrariesPage(LibraryService *service, LibraryListModel *libraries, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LibrariesPage>())
    , m_service(service)
    , m_libraries(libraries)
    , m_documents(new LibraryDocumentModel(service, this))
    , m_poller(new LibraryStatusPoller(service, m_documents, this)) {
    m_ui->setupUi(this);
    setAcceptDrops(true);

    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    QPalette warning = m_ui->errorLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x2a, 0x2a));
    m_ui->errorLabel->setPalette(warning);
    m_ui->errorLabel->hide();
    m_ui->dropHintLabel->setEnabled(false); // a hint, in the muted colour
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);

    m_ui->librariesTreeView->setModel(m_libraries);
    QHeaderView *header = m_ui->librariesTreeView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(LibraryListModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(LibraryListModel::DocumentsColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LibraryListModel::SizeColumn, QHeaderView::ResizeToContents);
    m_ui->documentsTreeView->setModel(m_documents);
    header = m_ui->documentsTreeView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(LibraryDocumentModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(LibraryDocumentModel::SizeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LibraryDocumentModel::StatusColumn, QHeaderView::ResizeToContents);

    connect(m_ui->refreshPushButton, &QPushButton::clicked, this, &LibrariesPage::refresh);
    connect(m_ui->createLibraryPushButton, &QPushButton::clicked, this,
            &LibrariesPage::createLibrary);
    connect(m_ui->libraryNameLineEdit, &QLineEdit::returnPressed, this,
            &LibrariesPage::createLibrary);
    connect(m_ui->libraryNameLineEdit, &QLineEdit::textChanged, this,
            &LibrariesPage::updateActions);
    connect(m_ui->deleteLibraryPushButton, &QPushButton::clicked, this,
            &LibrariesPage::deleteCurrentLibrary);
    connect(m_ui->uploadPushButton, &QPushButton::clicked, this,
            &LibrariesPage::chooseFilesToUpload);
    connect(m_ui->deleteDocumentPushButton, &QPushButton::clicked, this,
            &LibrariesPage::deleteCurrentDocument);
    connect(m_ui->librariesTreeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LibrariesPage::onLibraryChanged);
    connect(m_ui->documentsTreeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LibrariesPage::updateActions);

    connect(m_libraries, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_pendingSelection.isEmpty() && selectLibrary(m_pendingSelection))
            m_pendingSelection.clear();
        if (!m_ui->librariesTreeView->currentIndex().isValid() && m_libraries->rowCount() > 0)
            m_ui->librariesTreeView->setCurrentIndex(m_libraries->index(0, 0));
        onLibraryChanged();
    });
    connect(m_libraries, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_pendingSelection.isEmpty() && selectLibrary(m_pendingSelection))
            m_pendingSelection.clear();
    });
    connect(m_libraries, &QAbstractItemModel::rowsRemoved, this, &LibrariesPage::onLibraryChanged);
    connect(m_libraries, &QAbstractItemModel::dataChanged, this,
            &LibrariesPage::updateDocumentsTitle);
    connect(m_libraries, &LibraryListModel::loadFailed, this, &LibrariesPage::showError);
    connect(m_libraries, &LibraryListModel::loadingChanged, this, [this](bool loading) {
        m_ui->librariesStatusLabel->setText(
            loading ? tr("Loading libraries…")
            : m_libraries->rowCount() == 0 && m_libraries->hasLoaded()
                ? tr("No libraries yet: create one below, then add documents to it.")
                : QString());
    });
    connect(m_documents, &LibraryDocumentModel::failed, this, &LibrariesPage::showError);
    connect(m_documents, &LibraryDocumentModel::documentsChanged, m_libraries,
            &LibraryListModel::refreshLibrary);
    connect(m_documents, &QAbstractItemModel::rowsRemoved, this, &LibrariesPage::updateActions);
    connect(m_documents, &QAbstractItemModel::modelReset, this, &LibrariesPage::updateActions);

    updateDocumentsTitle();
    updateActions();
}

LibrariesPage::~LibrariesPage() {
    m_poller->stop();
}

void LibrariesPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateDocumentsTitle();
    }
    QWidget::changeEvent(event);
}

void LibrariesPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    loadWhenReady();
    if (m_api == ApiAvailability::Ready)
        m_poller->start();
}

void LibrariesPage::hideEvent(QHideEvent *event) {
    // Nothing is polled for a page no one sees.
    m_poller->stop();
    QWidget::hideEvent(event);
}

void LibrariesPage::loadWhenReady() {
    if (m_loadedOnce || m_api != ApiAvailability::Ready || !isVisible())
        return;
    m_loadedOnce = true;
    if (!m_libraries->hasLoaded() && !m_libraries->isLoading())
        m_libraries->refresh();
}

void LibrariesPage::setApiAvailability(ApiAvailability availability) {
    m_api = availability;
    if (availability != ApiAvailability::Ready)
        m_poller->stop();
    else if (isVisible())
        m_poller->start();
    updateActions();
    loadWhenReady();
}

QString LibrariesPage::currentLibraryId() const {
    const QModelIndex current = m_ui->librariesTreeView->currentIndex();
    return current.isValid() ? m_libraries->library(current.row()).id : QString();
}

bool LibrariesPage::selectLibrary(const QString &id) {
    const int row = m_libraries->rowOf(id);
    if (row < 0)
        return false;
    m_ui->librariesTreeView->setCurrentIndex(m_libraries->index(row, 0));
    return true;
}

QString LibrariesPage::errorText() const {
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void LibrariesPage::showError(const ApiError &error) {
    if (error.isCanceled())
        return;
    showProblem(ErrorPresenter::sentence(error));
}

void LibrariesPage::showProblem(const QString &sentence) {
    m_ui->errorLabel->setText(sentence);
    m_ui->errorLabel->setVisible(!sentence.isEmpty());
}

void LibrariesPage::clearError() {
    showProblem({});
}

void LibrariesPage::refresh() {
    if (m_api != ApiAvailability::Ready)
        return;
    clearError();
    m_pendingSelection = currentLibraryId();
    m_libraries->refresh();
    m_documents->refresh();
}

void LibrariesPage::onLibraryChanged() {
    m_documents->setLibrary(currentLibraryId());
    updateDocumentsTitle();
    updateActions();
}

void LibrariesPage::updateDocumentsTitle() {
    const QModelIndex current = m_ui->librariesTreeView->currentIndex();
    const QString name = current.isValid() ? m_libraries->library(current.row()).name : QString();
    m_ui->documentsTitleLabel->setText(name.isEmpty() ? tr("Select a library to see its documents.")
                                                      : tr("Documents in “%1”").arg(name));
}

void LibrariesPage::updateActions() {
    const bool ready = m_api == ApiAvailability::Ready && m_service;
    const bool hasLibrary = !currentLibraryId().isEmpty();
    const QModelIndex doc = m_ui->documentsTreeView->currentIndex();
    const bool hasDocument =
        doc.isValid() && !m_documents->document(doc.row()).id.isEmpty(); // not while uploading
    m_ui->createLibraryPushButton->setEnabled(
        ready && !m_ui->libraryNameLineEdit->text().trimmed().isEmpty());
    m_ui->deleteLibraryPushButton->setEnabled(ready && hasLibrary);
    m_ui->uploadPushButton->setEnabled(ready && hasLibrary);
    m_ui->deleteDocumentPushButton->setEnabled(ready && hasDocument);
    m_ui->refreshPushButton->setEnabled(ready);
    m_ui->dropHintLabel->setVisible(hasLibrary);
}

void LibrariesPage::createLibrary() {
    const QString name = m_ui->libraryNameLineEdit->text().trimmed();
    if (!m_service || name.isEmpty())
        return;
    const QString description = m_ui->libraryDescriptionLineEdit->text().trimmed();
    LibraryCreateRequest request;
    request.name = name;
    if (!description.isEmpty())
        request.description = description;
    m_ui->createLibraryPushButton->setEnabled(false);
    m_service->createLibrary(request, this, [this](const ServiceResult<Library> &r) {
        updateActions();
        if (!r.ok()) {
            showError(r.error);
            return;
        }
        clearError();
        m_ui->libraryNameLineEdit->clear();
        m_ui->libraryDescriptionLineEdit->clear();
        // The list model adds it (libraryCreated); select it once it is there.
        if (!selectLibrary(r.value->id))
            m_pendingSelection = r.value->id;
        Q_EMIT statusMessage(tr("Library “%1” created.").arg(r.value->name));
    });
}

void LibrariesPage::deleteCurrentLibrary() {
    const QModelIndex current = m_ui->librariesTreeView->currentIndex();
    if (!current.isValid() || !m_service)
        return;
    const Library library = m_libraries->library(current.row());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Library"),
                                tr("Delete the library “%1”?").arg(library.name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"deleteLibraryMessageBox"_s);
    box->setTextFormat(Qt::PlainText); // the name comes from the server
    box->setInformativeText(tr("Its %n document(s) are deleted too. Agents and chats that "
                               "search it will no longer find them.",
                               nullptr, int(library.documentCount)));
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, library](int result) {
        if (result != QMessageBox::Yes || !m_service)
            return;
        m_service->deleteLibrary(library.id, this, [this, library](const ServiceResult<Done> &r) {
            if (!r.ok()) {
                showError(r.error);
                return;
            }
            clearError();
            Q_EMIT statusMessage(tr("Library “%1” deleted.").arg(library.name));
        });
    });
    box->open();
}

void LibrariesPage::chooseFilesToUpload() {
    if (currentLibraryId().isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Upload Documents"));
    dialog->setObjectName(u"uploadFileDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setNameFilters({tr("Documents (*.pdf *.txt *.md *.docx *.pptx *.csv *.json *.html)"),
                            tr("All files (*)")});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, &LibrariesPage::uploadFiles);
    dialog->open();
}

void LibrariesPage::uploadFiles(const QStringList &paths) {
    if (currentLibraryId().isEmpty()) {
        showProblem(tr("Select a library first, then add documents to it."));
        return;
    }
    clearError();
    const QMimeDatabase mimeTypes;
    for (const QString &path : paths) {
        QFile file(path);
        const QString name = QFileInfo(path).fileName();
        if (file.size() > kMaxUploadBytes) {
            showProblem(tr("The file “%1” is larger than %2 MB.")
                            .arg(name)
                            .arg(kMaxUploadBytes / (1024 * 1024)));
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            showProblem(tr("The file “%1” could not be read: %2").arg(name, file.errorString()));
            continue;
        }
        m_documents->upload(name, file.readAll(), mimeTypes.mimeTypeForFile(path).name());
    }
    updateActions();
}

void LibrariesPage::deleteCurrentDocument() {
    const QModelIndex current = m_ui->documentsTreeView->currentIndex();
    if (!current.isValid())
        return;
    clearError();
    m_documents->removeDocument(current.row());
}

void LibrariesPage::dragEnterEvent(QDragEnterEvent *event) {
    if (!currentLibraryId().isEmpty() && !localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void LibrariesPage::dropEvent(QDropEvent *event) {
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    uploadFiles(paths);
}

} // namespace Tramontane
