// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/chat/ChatDelegate.h"
#include "ui/chat/ChatHeightCache.h"
#include "ui/chat/ChatInteraction.h"
#include "ui/chat/ImageFetcher.h"

#include <QElapsedTimer>
#include <QListView>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QToolButton;

namespace Tramontane {

class ChatFindMatches;
class ChatKeyboardTargets;
class ChatRowActions;
class ChatRowHighlight;
class ChatTextSelection;
class ConversationModel;
class ImageRepository;

//! The conversation: a QListView over a ConversationModel, painted by ChatDelegate (no widget
//! per message). Scrolling is per pixel; rows are measured only once painted; the view stays
//! pinned to the bottom while rows arrive or grow unless the user scrolled up, in which case a
//! "Jump to latest" button floats over the bottom edge.
//!
//! Links from model output are opened only after a confirmation that shows the full URL, and
//! only for what LinkPolicy allows; remote images in markdown are fetched only after the user
//! agreed. Both the confirmation and the opener can be replaced (tests, embedding).
class ChatView final : public QListView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatView)

public:
    //! What a confirmation is about.
    enum class Prompt {
        OpenLink,         //!< an https or mailto link
        OpenLoopbackLink, //!< plain http to this computer: asked with a warning
        LoadRemoteImage,  //!< an image a message points at, on another site
    };
    Q_ENUM(Prompt)

    //! Asks the user; calls \a answer exactly once with the decision (possibly later).
    using Confirmer =
        std::function<void(Prompt prompt, const QUrl &url, std::function<void(bool)> answer)>;
    //! Opens a URL the user agreed to open; returns whether it could.
    using UrlOpener = std::function<bool(const QUrl &url)>;
    //! Asks where to save a file a tool made (\a suggestedName); an empty path cancels.
    using SavePathChooser = std::function<QString(const QString &suggestedName)>;

    explicit ChatView(QWidget *parent = nullptr);
    ~ChatView() override;

    void setModel(ConversationModel *model);
    //! Only a ConversationModel can be shown; anything else is refused with a warning.
    void setModel(QAbstractItemModel *model) override;
    ConversationModel *conversationModel() const { return m_model; }

    void setImageFetcher(std::shared_ptr<ImageFetcher> fetcher);
    ImageRepository *imageRepository() const { return m_images; }
    ChatDelegate *chatDelegate() const { return m_delegate; }
    //! What the user is doing: hover, press, keyboard row, selected text.
    const ChatInteraction &interaction() const { return m_interaction; }

    //! Replaces the confirmation message boxes (default: a QMessageBox opened with open(),
    //! objectName "linkConfirmMessageBox", Yes to go ahead).
    void setConfirmer(Confirmer confirmer);
    //! Replaces QDesktopServices::openUrl.
    void setUrlOpener(UrlOpener opener);
    //! Whether clicking an image opens an ImageViewer (default true); imageActivated() is
    //! emitted either way.
    void setImageViewerEnabled(bool enabled);
    //! Replaces the Save File dialog of files a tool made.
    void setSavePathChooser(SavePathChooser chooser);

    bool isPinnedToBottom() const { return m_pinned; }
    //! The row briefly highlighted by revealRow(), or -1 once the highlight faded.
    int highlightedRow() const;
    QToolButton *jumpToLatestButton() const { return m_jumpButton; }

    //! Text selected with the mouse in one message (drag, double-click for a word, triple-click
    //! for a paragraph), as displayed; empty when nothing is selected.
    QString selectedText() const;
    bool hasTextSelection() const;
    void clearTextSelection();

    //! The row showing item \a key, or -1; \a hint is checked first and then updated (rows
    //! only move by whole pages, so the last answer is almost always still right).
    int rowOfKey(const QString &key, int &hint) const;
    //! The style option the delegate gets for the row of \a index, as painting gives it.
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;
    //! The rows on screen, top to bottom.
    QList<int> visibleRows() const;
    //! The mouse selection of text.
    ChatTextSelection *textSelection() const { return m_selection; }
    //! The find matches to paint (null: none, the find bar is closed).
    void setFindMatches(const ChatFindMatches *matches);

public Q_SLOTS:
    //! Copies the markdown of the last answer to the clipboard.
    void copyLastAnswer();
    //! Copies the current row: its markdown, a tool card's arguments and result, an image.
    void copyCurrentRow();
    //! Copies the selected text if there is some, otherwise the current row (Ctrl+C).
    void copy();
    //! Scrolls to the newest row and pins the view there again.
    void scrollToLatest();
    //! Lays every row out now, keeping the bottom pinned or the top row in place.
    void doItemsLayout() override;
    //! Scrolls row \a row into view, near the top, and highlights it briefly (a search hit).
    void revealRow(int row);
    //! Scrolls so that  y (from the top of row  row) is a third of the way down, without
    //! highlighting the row (a find match).
    void showRowAt(int row, int y);
    //! Lays the rows out with row  row's top at  top in the viewport (after the rows
    //! changed under it: another version shown), unpinned from the bottom.
    void keepRowAt(int row, int top);

    //! The row button the keyboard is on (Tab and Shift+Tab move through the buttons of the
    //! rows on screen; Enter or Space presses it): the row, or -1, and the target.
    int keyboardRow() const { return m_interaction.keyboardRow; }
    ChatDelegate::Hit keyboardTarget() const { return m_interaction.keyboardTarget; }

    //! The buttons of row \a row in reading order, named as assistive technology offers them
    //! ("Copy message", "Open link https://…"); a name that repeats in the row gets its number.
    QStringList rowActionNames(int row) const;
    //! Scrolls row \a row into view and presses its button named \a name, as a click would;
    //! false when the row has no such button.
    bool triggerRowAction(int row, const QString &name);

Q_SIGNALS:
    void retryRequested(int entry);
    //! Continue was chosen under the answer at \a entry, cut by the length limit.
    void continueRequested(int entry);
    void editRequested(int entry);
    //! An arrow of a ‹ 2/3 › switcher was pressed: the version \a step places (-1 or 1) from
    //! the one at \a entry.
    void versionRequested(int entry, int step);
    //! Allow (\a allow) or Deny was chosen on the tool call waiting at \a entry.
    void toolConfirmationChosen(int entry, bool allow);
    void imageActivated(const Tramontane::ImageSource &source);
    //! A file a tool made was saved at \a path (Save As…).
    void fileSaved(const QString &path);
    //! ... could not be downloaded or written: \a sentence says why.
    void fileSaveFailed(const QString &sentence);
    //! A link was not opened because of what it is (javascript:, file:, plain http...).
    void linkRefused(const QUrl &url);
    //! A link the user agreed to open was handed to the opener.
    void linkOpened(const QUrl &url);
    //! The view scrolled to within half a screen of its top: older rows, if there are any,
    //! should be prepended now (emitted at each such scroll; the receiver ignores repeats).
    void olderRowsWanted();

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = {}) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void scrollContentsBy(int dx, int dy) override;
    void reset() override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onImageChanged(const QString &key);
    void onScrollValueChanged(int value);
    void onScrollRangeChanged(int min, int max);
    void updateJumpButton();
    void updateAnimation();
    void animate();
    bool measureAroundViewport();
    void restoreAnchor(int anchorRow, int anchorTop);
    int contentWidth() const;

    ConversationModel *m_model = nullptr;
    ImageRepository *m_images = nullptr;
    ChatHeightCache m_heights;     // filled by the delegate
    ChatInteraction m_interaction; // read by the delegate
    ChatDelegate *m_delegate = nullptr;
    QToolButton *m_jumpButton = nullptr;
    QTimer m_animation;
    QHash<QString, QSize> m_imageShapes; // what the layout knows of each image's size
    bool m_pinned = true;
    bool m_adjusting = false; // our own scrolling: not the user's
    bool m_inLayout = false;
    // Rows inserted above what the user looks at (older messages): the row to keep in place
    // and its top, taken before the insertion changed the row numbers.
    int m_pendingAnchorRow = -1;
    int m_pendingAnchorTop = 0;
    // revealRow()'s highlight over the row it scrolled to.
    ChatRowHighlight *m_highlight = nullptr;
    ChatRowActions *m_actions = nullptr;
    std::unique_ptr<ChatKeyboardTargets> m_keyboard;
    ChatTextSelection *m_selection = nullptr;
};

} // namespace Tramontane
