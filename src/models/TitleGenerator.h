// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatRequest.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Tramontane {

class ApiJob;
class ChatService;
class ConversationStore;

//! Names chats: once the first answer of a conversation is complete, one cheap request asks a
//! small model for a title of a few words, which replaces the title derived from the first
//! message. Nothing happens to a conversation the person renamed; a rename (or a delete) while
//! the request runs cancels it, and the store never lets a late title overwrite a rename.
//! A failed request is only logged: the derived title stays, and the chat is not disturbed.
class TitleGenerator final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TitleGenerator)

public:
    //! At most this many characters of the first message and of the answer are sent.
    static constexpr int MaxExcerpt = 1500;
    //! A title is cut (at a word) to this many characters.
    static constexpr int MaxTitleLength = 60;

    TitleGenerator(ConversationStore *store, ChatService *chat, QObject *parent = nullptr);
    ~TitleGenerator() override;

    //! Off: no request is made (a setting).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    //! The account's models: the first of smallModels() among them writes titles; without one
    //! of them, the model that gave the answer does.
    void setAvailableModels(const QStringList &modelIds);
    //! Small, cheap models, most preferred first.
    static const QStringList &smallModels();
    //! The model that names a chat whose answer came from \a answerModel.
    QString titleModel(const QString &answerModel) const;

    bool isGenerating(qint64 conversationId) const;

    //! The request that asks \a model for a title for a chat that began with \a question and
    //! \a answer.
    static ChatRequest request(const QString &model, const QString &question,
                               const QString &answer);
    //! The title in a model's answer: its first line, without quotes, markdown marks, a
    //! "Title:" label, invisible controls or final punctuation, at most MaxTitleLength
    //! characters. Empty when nothing usable is left.
    static QString cleanTitle(const QString &answer);

Q_SIGNALS:
    //! A title was stored for \a conversationId.
    void titleGenerated(qint64 conversationId, const QString &title);
    //! The request for \a conversationId ended, whatever the outcome (also when canceled).
    void generationEnded(qint64 conversationId);

private:
    void onMessageChanged(qint64 conversationId, qint64 messageId);
    void onConversationChanged(qint64 conversationId);
    void start(qint64 conversationId, const QString &model, const QString &question,
               const QString &answer);
    void cancel(qint64 conversationId);

    ConversationStore *m_store;
    ChatService *m_chat;
    bool m_enabled = true;
    QStringList m_availableModels;
    QHash<qint64, QPointer<ApiJob>> m_jobs;
    //! Conversations asked about once in this run (a failure is not asked again).
    QSet<qint64> m_asked;
};

} // namespace Tramontane
