// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/AnswerNotifications.h"

#include "core/services/ChatService.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "ui/DesktopNotifier.h"

#include <QApplication>
#include <QWidget>

namespace Tramontane {

namespace {

constexpr int bodyChars = 160;

} // namespace

AnswerNotifications::AnswerNotifications(ChatSession *session, ConversationModel *conversation,
                                         DesktopNotifier *notifier, QWidget *window,
                                         std::function<qint64()> currentConversation,
                                         QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_conversation(conversation)
    , m_notifier(notifier)
    , m_window(window)
    , m_currentConversation(std::move(currentConversation)) {
    connect(session, &ChatSession::turnFinished, this, &AnswerNotifications::onTurnFinished);
    connect(notifier, &DesktopNotifier::activated, this, &AnswerNotifications::openRequested);
}

void AnswerNotifications::onTurnFinished(int outcome) {
    using Outcome = ChatRun::Outcome;
    // Stopped by the person, or seen as it happened: nothing to tell.
    if (!m_window || m_window->isActiveWindow() || outcome == int(Outcome::Canceled))
        return;
    QString title;
    QString body;
    if (outcome == int(Outcome::Completed)) {
        title = tr("Answer ready");
        const QList<ChatEntry> &entries = m_conversation->entries();
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
            if (it->message.role == ChatMessage::Role::Assistant) {
                body = it->message.content.plainText().simplified();
                break;
            }
        }
        if (body.size() > bodyChars)
            body = body.left(bodyChars - 1).trimmed() + u'…';
    } else {
        title = tr("The answer did not complete");
        body = tr("Open the chat to see what happened; what arrived is kept.");
    }
    m_notifier->notify(title, body, m_currentConversation ? m_currentConversation() : 0);
    QApplication::alert(m_window);
}

} // namespace Tramontane
