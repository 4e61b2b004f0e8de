// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ShowAsCode.h"

#include "core/protocol/CodeExport.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "ui/ShowAsCodeDialog.h"

#include <QWidget>

namespace Tramontane {

ShowAsCode::ShowAsCode(ChatSession *session, ConversationModel *conversation, QWidget *window,
                       QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_conversation(conversation)
    , m_window(window) {}

void ShowAsCode::show(const QString &draft, const QList<Tool> &tools, const Server &server) {
    if (m_session->targetId().isEmpty()) {
        Q_EMIT statusMessage(tr("Choose a model or an agent first."));
        return;
    }
    QList<ChatMessage> messages = m_conversation->history();
    if (!draft.trimmed().isEmpty())
        messages.append(ChatMessage::user(draft));
    QObject *context = m_window ? static_cast<QObject *>(m_window.data()) : this;
    m_session->prepareRequest(
        messages, tools, context, [this, server](const ChatSession::TurnRequest &turn) {
            const QUrl &baseUrl = server.baseUrl;
            CodeExport::Request request = std::visit(
                [&baseUrl](const auto &body) {
                    using T = std::decay_t<decltype(body)>;
                    if constexpr (std::is_same_v<T, AgentCompletionRequest>)
                        return CodeExport::Request::fromAgent(body, baseUrl);
                    else if constexpr (std::is_same_v<T, ConversationStartRequest>)
                        return CodeExport::Request::fromConversationStart(body, baseUrl);
                    else if constexpr (std::is_same_v<T, ConversationAppendRequest>)
                        return CodeExport::Request::fromConversationAppend(body, baseUrl);
                    else
                        return CodeExport::Request::fromChat(body, baseUrl);
                },
                turn);
            if (!server.apiKey.isEmpty())
                request.secrets.append({CodeExport::apiKeyVariable(), server.apiKey});
            auto *dialog = new ShowAsCodeDialog(request, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            if (server.demo) {
                dialog->setNote(
                    tr("The code talks to the offline demo at %1, which runs only while "
                       "Tramontane is open and accepts only its own random key. In "
                       "Settings, connect to the Mistral platform to get code for the "
                       "real API.")
                        .arg(baseUrl.toDisplayString()));
            }
            dialog->open();
        });
}

} // namespace Tramontane
