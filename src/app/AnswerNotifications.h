// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace Tramontane {

class ChatSession;
class ConversationModel;
class DesktopNotifier;

//! When an answer ends while the window is not the active one, says so with a desktop
//! notification (its first words, or that it did not complete) and makes the taskbar entry
//! ask for attention. A click on the notification emits openRequested() for that chat.
class AnswerNotifications final : public QObject {
    Q_OBJECT

public:
    AnswerNotifications(ChatSession *session, ConversationModel *conversation,
                        DesktopNotifier *notifier, QWidget *window,
                        std::function<qint64()> currentConversation, QObject *parent = nullptr);

Q_SIGNALS:
    void openRequested(qint64 conversationId);

private:
    void onTurnFinished(int outcome);

    ChatSession *m_session;
    ConversationModel *m_conversation;
    DesktopNotifier *m_notifier;
    QPointer<QWidget> m_window;
    std::function<qint64()> m_currentConversation;
};

} // namespace Tramontane
