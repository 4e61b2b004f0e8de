// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TitleGenerator.h"

#include "core/Logging.h"
#include "core/net/ApiJob.h"
#include "core/protocol/ChatCompletion.h"
#include "core/services/ChatService.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/MessageText.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// The first messages of a conversation looked at for the question (a system message may come
// first).
constexpr int kOpeningMessages = 8;

QString excerpt(const QString &text) {
    const QString simplified = text.trimmed();
    if (simplified.size() <= TitleGenerator::MaxExcerpt)
        return simplified;
    return simplified.left(TitleGenerator::MaxExcerpt) + u'…';
}

bool isInvisible(QChar c) {
    if (c.isSpace())
        return false; // tabs and the like: simplified() makes them one space
    const QChar::Category category = c.category();
    return category == QChar::Other_Control || category == QChar::Other_Format;
}

} // namespace

TitleGenerator::TitleGenerator(ConversationStore *store, ChatService *chat, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_chat(chat) {
    connect(m_store, &ConversationStore::messageChanged, this, &TitleGenerator::onMessageChanged);
    connect(m_store, &ConversationStore::conversationChanged, this,
            &TitleGenerator::onConversationChanged);
    connect(m_store, &ConversationStore::conversationDeleted, this, &TitleGenerator::cancel);
}

TitleGenerator::~TitleGenerator() {
    for (const QPointer<ApiJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
}

void TitleGenerator::setEnabled(bool enabled) {
    m_enabled = enabled;
    if (!enabled) {
        const QList<qint64> running = m_jobs.keys();
        for (qint64 id : running)
            cancel(id);
    }
}

void TitleGenerator::setAvailableModels(const QStringList &modelIds) {
    m_availableModels = modelIds;
}

const QStringList &TitleGenerator::smallModels() {
    static const QStringList models{u"mistral-small-latest"_s, u"ministral-8b-latest"_s,
                                    u"ministral-3b-latest"_s};
    return models;
}

QString TitleGenerator::titleModel(const QString &answerModel) const {
    for (const QString &model : smallModels()) {
        if (m_availableModels.contains(model))
            return model;
    }
    return answerModel;
}

bool TitleGenerator::isGenerating(qint64 conversationId) const {
    return m_jobs.contains(conversationId);
}

ChatRequest TitleGenerator::request(const QString &model, const QString &question,
                                    const QString &answer) {
    ChatRequest r;
    r.model = model;
    r.messages = {
        ChatMessage::system(
            u"You name chats. Reply with a title of at most six words for the conversation the "
            "user shows you, in the language of the conversation: no quotes, no final "
            "punctuation, nothing else."_s),
        ChatMessage::user(QString(u"First message:\n"_s + excerpt(question)
                                  + u"\n\nFirst answer:\n"_s + excerpt(answer))),
    };
    r.maxTokens = 24;
    r.temperature = 0.2;
    return r;
}

QString TitleGenerator::cleanTitle(const QString &answer) {
    QString line;
    const QStringList lines = answer.split(u'\n');
    for (const QString &candidate : lines) {
        if (!candidate.trimmed().isEmpty()) {
            line = candidate;
            break;
        }
    }
    QString visible;
    visible.reserve(line.size());
    for (QChar c : std::as_const(line)) {
        if (!isInvisible(c))
            visible.append(c);
    }
    QString title = visible.simplified();
    static const QRegularExpression label(u"^(title|titre|titel)\\s*:\\s*"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    static const QString marks = u"#*_`\"'“”„«»‹›「」 "_s;
    // Marks around the title, and a label inside them ("**Title:** …").
    for (int round = 0; round < 3; ++round) {
        while (!title.isEmpty() && marks.contains(title.front()))
            title.remove(0, 1);
        while (!title.isEmpty()
               && (marks.contains(title.back()) || u".!:;,…"_s.contains(title.back())))
            title.chop(1);
        title.remove(label);
    }
    if (title.size() > MaxTitleLength) {
        const int cut = title.lastIndexOf(u' ', MaxTitleLength);
        title = title.left(cut > MaxTitleLength / 2 ? cut : MaxTitleLength).trimmed();
    }
    return title;
}

void TitleGenerator::onMessageChanged(qint64 conversationId, qint64 messageId) {
    if (!m_enabled || m_jobs.contains(conversationId) || m_asked.contains(conversationId))
        return;
    const auto message = m_store->message(messageId);
    if (!message || message->role != "assistant"_L1 || message->status != MessageStatus::Complete)
        return;
    const QString answer = MessageText::plainText(message->message).trimmed();
    if (answer.isEmpty())
        return; // a tool call, not yet the answer
    const auto conversation = m_store->conversation(conversationId);
    if (!conversation || conversation->titleIsCustom || conversation->titleIsGenerated)
        return;
    const auto opening = m_store->messagesFrom(conversationId, 0, kOpeningMessages);
    if (!opening)
        return;
    QString question;
    for (const StoredMessage &m : *opening) {
        if (m.role == "user"_L1) {
            question = MessageText::plainText(m.message).trimmed();
            break;
        }
    }
    if (question.isEmpty())
        return;
    const QString model =
        titleModel(message->model.isEmpty() ? conversation->model : message->model);
    if (model.isEmpty())
        return;
    start(conversationId, model, question, answer);
}

void TitleGenerator::start(qint64 conversationId, const QString &model, const QString &question,
                           const QString &answer) {
    m_asked.insert(conversationId);
    qCDebug(lcChat) << "asking" << model << "for a title of conversation" << conversationId;
    QPointer<ApiJob> job = m_chat->complete(
        request(model, question, answer), this,
        [this, conversationId](const ServiceResult<ChatCompletion> &result) {
            m_jobs.remove(conversationId);
            if (!result.ok()) {
                if (!result.error.isCanceled()) {
                    qCInfo(lcChat).noquote() << "no title for conversation" << conversationId << "-"
                                             << result.error.toLogString();
                }
                Q_EMIT generationEnded(conversationId);
                return;
            }
            const std::optional<ChatMessage> reply = result.value->finalAnswer();
            const QString title = reply ? cleanTitle(reply->content.plainText()) : QString();
            if (!title.isEmpty()) {
                const auto stored = m_store->setGeneratedTitle(conversationId, title);
                if (stored && *stored)
                    Q_EMIT titleGenerated(conversationId, title);
            }
            Q_EMIT generationEnded(conversationId);
        });
    if (job)
        m_jobs.insert(conversationId, job);
}

void TitleGenerator::onConversationChanged(qint64 conversationId) {
    if (!m_jobs.contains(conversationId))
        return;
    const auto conversation = m_store->conversation(conversationId);
    if (!conversation || conversation->titleIsCustom)
        cancel(conversationId); // renamed by the person first
}

void TitleGenerator::cancel(qint64 conversationId) {
    const QPointer<ApiJob> job = m_jobs.take(conversationId);
    if (job)
        job->cancel();
}

} // namespace Tramontane
