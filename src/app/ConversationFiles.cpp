// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ConversationFiles.h"

#include "core/storage/ConversationStore.h"
#include "core/storage/ImageCache.h"
#include "models/ChatSession.h"
#include "models/StoreChatPersistence.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>

#include <memory>

using namespace Qt::StringLiterals;

namespace Tramontane {

ConversationFiles::ConversationFiles(ConversationStore *store, StoreChatPersistence *persistence,
                                     ImageCache *images, ChatSession *session,
                                     QAbstractItemModel *conversation, QWidget *window,
                                     QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_persistence(persistence)
    , m_images(images)
    , m_session(session)
    , m_window(window) {
    // The conversation is stored lazily (with its first message) and forgotten by New chat:
    // look again once the model has changed and the persistence followed.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(conversation, signal, this, &ConversationFiles::updateCanExport,
                Qt::QueuedConnection);
    }
    connect(conversation, &QAbstractItemModel::modelReset, this,
            &ConversationFiles::updateCanExport, Qt::QueuedConnection);
    m_canExport = canExport();
}

bool ConversationFiles::canExport() const {
    return m_persistence->conversationId() != 0;
}

void ConversationFiles::updateCanExport() {
    const bool now = canExport();
    if (now == m_canExport)
        return;
    m_canExport = now;
    Q_EMIT canExportChanged(now);
}

QString ConversationFiles::fileNameFor(const QString &title) {
    static const QRegularExpression unsafe(uR"([\\/:*?"<>|\x00-\x1f]+)"_s);
    QString name = title.left(60);
    name = name.replace(unsafe, u" "_s).simplified();
    if (name.startsWith(u'.'))
        return {};
    return name;
}

QString ConversationFiles::chooseFile(FileChoice choice, const QString &suggestion) {
    if (m_fileChooser)
        return m_fileChooser(choice, suggestion);
    const QDir documents(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    switch (choice) {
    case FileChoice::ExportMarkdown:
        return QFileDialog::getSaveFileName(m_window, tr("Export as Markdown"),
                                            documents.filePath(suggestion), tr("Markdown (*.md)"));
    case FileChoice::ExportJson:
        return QFileDialog::getSaveFileName(m_window, tr("Export as JSON"),
                                            documents.filePath(suggestion), tr("JSON (*.json)"));
    case FileChoice::ImportJson:
        return QFileDialog::getOpenFileName(m_window, tr("Import Conversation"), documents.path(),
                                            tr("Exported conversations (*.json);;All files (*)"));
    }
    return {};
}

void ConversationFiles::showError(const QString &title, const QString &text) {
    // Not modal to the event loop: the app keeps running (and tests keep driving it).
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(u"exportErrorMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ConversationFiles::exportConversation(FileChoice format) {
    const qint64 id = m_persistence->conversationId();
    if (id == 0) {
        Q_EMIT statusMessage(tr("There is no saved conversation to export yet."), 5000);
        return;
    }
    const bool json = format == FileChoice::ExportJson;
    const auto info = m_store->conversation(id);
    QString name = fileNameFor(info.ok() ? info->title : QString());
    if (name.isEmpty())
        name = tr("Conversation");
    const QString path = chooseFile(format, name + (json ? u".json"_s : u".md"_s));
    if (path.isEmpty())
        return;

    ImageCache *cache = m_images;
    const StoreResult<void> result =
        json ? m_store->exportJson(id, path)
             : m_store->exportMarkdown(id, path, [cache](const QString &reference) {
                   const bool url =
                       reference.startsWith(u"http://"_s) || reference.startsWith(u"https://"_s);
                   return cache->lookup(url ? ImageCache::keyForUrl(QUrl(reference)) : reference);
               });
    if (!result.ok()) {
        showError(tr("Export"), tr("The conversation could not be exported to %1.\n\n%2")
                                    .arg(QDir::toNativeSeparators(path), result.error().message));
        return;
    }
    Q_EMIT statusMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void ConversationFiles::importConversation() {
    const QString path = chooseFile(FileChoice::ImportJson, {});
    if (path.isEmpty())
        return;
    const StoreResult<ConversationInfo> imported = m_store->importJson(path);
    if (!imported.ok()) {
        showError(tr("Import"), tr("%1 could not be imported.\n\n%2")
                                    .arg(QDir::toNativeSeparators(path), imported.error().message));
        return;
    }
    // A copy is a chat of its own: it must not append to the server conversation of the chat
    // it was exported from (nor to one of another account). Its next turn starts a new one.
    StoreChatPersistence(m_store, imported->id).setServerConversationId({});
    const qint64 id = imported->id;
    if (m_session->isBusy()) {
        // Switching now would pull the conversation from under the answer being written.
        Q_EMIT statusMessage(tr("Imported “%1”. It opens once the answer being written is done "
                                "or stopped.")
                                 .arg(imported->title),
                             0);
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(m_session, &ChatSession::busyChanged, this, [this, id, once](bool busy) {
            if (!busy) {
                disconnect(*once);
                Q_EMIT openRequested(id);
            }
        });
        return;
    }
    Q_EMIT openRequested(id);
    Q_EMIT statusMessage(tr("Imported “%1”.").arg(imported->title), 5000);
}

} // namespace Tramontane
