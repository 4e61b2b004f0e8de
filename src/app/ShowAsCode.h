// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Tool.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QWidget;

namespace Tramontane {

class ChatSession;
class ConversationModel;

//! Show as Code: the request the next Send would make (the chat's history, then the text in
//! the composer, with the tools as a request carries them) in a ShowAsCodeDialog, as curl,
//! Python and TypeScript. The code names the credentials by environment variable only.
class ShowAsCode final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShowAsCode)

public:
    //! Where the code sends its request.
    struct Server {
        QUrl baseUrl;
        QString apiKey;    //!< replaced by its environment variable in the code
        bool demo = false; //!< the offline demo: the dialog says the code works only with it
    };

    //! Nothing is owned; \a window parents the dialog.
    ShowAsCode(ChatSession *session, ConversationModel *conversation, QWidget *window,
               QObject *parent = nullptr);

    //! Opens the dialog (once the request is ready: the tools' credentials are read first) for
    //! the next request with \a draft and \a tools; without a chosen model or agent, only says
    //! so (statusMessage()).
    void show(const QString &draft, const QList<Tool> &tools, const Server &server);

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    ChatSession *m_session;
    ConversationModel *m_conversation;
    QPointer<QWidget> m_window;
};

} // namespace Tramontane
