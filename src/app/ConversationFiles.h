// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAbstractItemModel;
class QWidget;

namespace Tramontane {

class ChatSession;
class ConversationStore;
class ImageCache;
class StoreChatPersistence;

//! The File menu's export and import of conversations: the chat's conversation saved as
//! Markdown (with its images beside it) or JSON, and an exported JSON file read back as a new
//! conversation. Asks for the file, reports in the status line (statusMessage()) or in a
//! message box, and asks for an imported conversation to be opened (openRequested()) once no
//! answer is being written.
class ConversationFiles final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationFiles)

public:
    //! Which file the export and import commands ask for.
    enum class FileChoice { ExportMarkdown, ExportJson, ImportJson };
    //! Returns the chosen path, or an empty string when the user cancels. \a suggestion is a
    //! file name to propose (exports) or empty.
    using FileChooser = std::function<QString(FileChoice choice, const QString &suggestion)>;

    //! Nothing is owned. \a conversation is the chat's model: export is possible once its
    //! conversation is stored (\a persistence knows). \a window parents the dialogs.
    ConversationFiles(ConversationStore *store, StoreChatPersistence *persistence,
                      ImageCache *images, ChatSession *session, QAbstractItemModel *conversation,
                      QWidget *window, QObject *parent = nullptr);

    //! Replaces the file dialogs (tests supply paths this way); an empty chooser restores them.
    void setFileChooser(FileChooser chooser) { m_fileChooser = std::move(chooser); }

    //! True when the chat shows a stored conversation, which can be exported.
    bool canExport() const;
    //! Exports the chat's conversation (\a format: ExportMarkdown or ExportJson).
    void exportConversation(FileChoice format);
    //! Imports an exported conversation as a new one.
    void importConversation();

    //! A file name for an export of a conversation titled \a title, without the characters
    //! file systems refuse (no extension); empty when nothing usable is left.
    static QString fileNameFor(const QString &title);

Q_SIGNALS:
    void canExportChanged(bool canExport);
    void statusMessage(const QString &text, int timeoutMs);
    //! The imported conversation \a id should be shown.
    void openRequested(qint64 id);

private:
    void updateCanExport();
    QString chooseFile(FileChoice choice, const QString &suggestion);
    void showError(const QString &title, const QString &text);

    ConversationStore *m_store;
    StoreChatPersistence *m_persistence;
    ImageCache *m_images;
    ChatSession *m_session;
    QPointer<QWidget> m_window;
    FileChooser m_fileChooser;
    bool m_canExport = false;
};

} // namespace Tramontane
