// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/chat/ChatHit.h"
#include "ui/chat/ChatView.h"

#include <QObject>

namespace Tramontane {

class ConversationModel;
struct ChatInteraction;

//! Carries out what the user pressed on a chat row (ChatHit): copies (with "Copied" for a
//! moment), folding and unfolding, the answer details popup, images (viewer, retry), links and
//! remote images after a confirmation and only as LinkPolicy allows, and the requests the view
//! reports with its signals (edit, retry, a tool confirmation).
class ChatRowActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatRowActions)

public:
    ChatRowActions(ChatView *view, ChatInteraction *state);

    //! Does what \a hit on row \a row stands for.
    void trigger(int row, const ChatHit &hit);
    //! Copies the current row: its markdown, a tool card's arguments and result, an image.
    void copyCurrentRow();
    //! Copies the markdown of the last answer.
    void copyLastAnswer();

    void setConfirmer(ChatView::Confirmer confirmer) { m_confirmer = std::move(confirmer); }
    void setUrlOpener(ChatView::UrlOpener opener) { m_opener = std::move(opener); }
    void setImageViewerEnabled(bool enabled) { m_viewerEnabled = enabled; }
    void setSavePathChooser(ChatView::SavePathChooser chooser) { m_chooser = std::move(chooser); }

Q_SIGNALS:
    //! An image was asked for (a remote image the user agreed to load).
    void imageRequested(const QString &key);
    //! Something may have started moving (an image loading again).
    void animationMayHaveStarted();

private:
    ConversationModel *model() const;
    void copyToClipboard(const QString &text, int row, const ChatHit &hit);
    void confirm(ChatView::Prompt prompt, const QUrl &url, std::function<void(bool)> answer);
    void handleLink(int row, const QString &href);
    void refuseLink(const QUrl &url);
    void loadRemoteImage(const QString &messageKey, const QUrl &url);
    void openImageViewer(const ImageSource &source);
    void showAnswerDetails(int row, const QRect &anchor);
    //! Asks where to save the file a tool made, downloads it and writes it there.
    void saveFile(const ChatItem &item);

    ChatView *m_view;
    ChatInteraction *m_state;
    ChatView::Confirmer m_confirmer;
    ChatView::UrlOpener m_opener;
    ChatView::SavePathChooser m_chooser;
    bool m_viewerEnabled = true;
};

} // namespace Tramontane
