// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/chat/ChatView.h"

#include <QCoreApplication>

#include <functional>

class QUrl;
class QWidget;

namespace Tramontane {

//! The message boxes of a chat view about links and remote images: the confirmation before a
//! link opens or an image is fetched from another site (ChatView's default Confirmer), and the
//! note that a link was refused. Window-modal, opened with open(), deleted when closed.
class ChatLinkPrompts final {
    Q_DECLARE_TR_FUNCTIONS(ChatLinkPrompts)

public:
    ChatLinkPrompts() = delete;

    //! Asks about \a url over \a parent (objectName "linkConfirmMessageBox", Yes to go ahead);
    //! \a answer gets the decision once the box is closed.
    static void ask(QWidget *parent, ChatView::Prompt prompt, const QUrl &url,
                    std::function<void(bool)> answer);
    //! Says that \a url was not opened (objectName "linkRefusedMessageBox").
    static void showRefused(QWidget *parent, const QUrl &url);
};

} // namespace Tramontane
