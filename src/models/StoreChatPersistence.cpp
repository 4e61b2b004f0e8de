// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/StoreChatPersistence.h"

#include "core/Logging.h"
#include "core/storage/ConversationStore.h"
#include "models/ErrorPresenter.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tramontane {

StoreChatPersistence::StoreChatPersistence(ConversationStore *store, qint64 conversationId)
    : m_store(store)
    , m_conversationId(conversationId) {}

MessageStatus StoreChatPersistence::storeStatus(ChatEntry::Status status) {
    switch (status) {
    case ChatEntry::Status::Complete:
        return MessageStatus::Complete;
    case ChatEntry::Status::Pending:
        return MessageStatus::Pending;
    case ChatEntry::Status::Streaming:
        return MessageStatus::Streaming;
    case ChatEntry::Status::Failed:
        return MessageStatus::Failed;
    case ChatEntry::Status::Interrupted:
    case ChatEntry::Status::Canceled: // a stopped answer is kept as the user saw it
        return MessageStatus::Interrupted;
    }
    return MessageStatus::Complete;
}

ChatEntry::Status StoreChatPersistence::entryStatus(MessageStatus status) {
    switch (status) {
    case MessageStatus::Complete:
        return ChatEntry::Status::Complete;
    case MessageStatus::Pending:
        return ChatEntry::Status::Pending;
    case MessageStatus::Streaming:
        return ChatEntry::Status::Streaming;
    case MessageStatus::Interrupted:
        return ChatEntry::Status::Interrupted;
    case MessageStatus::Failed:
        return ChatEntry::Status::Failed;
    }
    return ChatEntry::Status::Complete;
}

ApiError StoreChatPersistence::restoreError(const QJsonObject &json) {
    if (json.isEmpty())
        return {};
    const QString kind = json.value(u"kind"_s).toString();
    ApiError::Context context = ApiError::Context::Chat;
    for (auto c :
         {ApiError::Context::Generic, ApiError::Context::Chat, ApiError::Context::Model,
          ApiError::Context::Agent, ApiError::Context::Connector, ApiError::Context::File,
          ApiError::Context::Mcp, ApiError::Context::RemoteFile, ApiError::Context::McpServer}) {
        if (ApiError::contextName(c) == json.value(u"context"_s).toString())
            context = c;
    }
    const QString detail = json.value(u"detail"_s).toString();
    ApiError error;
    if (kind == u"http"_s) {
        const QByteArray body = json.value(u"rawBody"_s).toString().toUtf8();
        error = ApiError::fromHttp(json.value(u"httpStatus"_s).toInt(), {}, body, context);
    } else if (kind == u"network"_s) {
        error = ApiError::fromNetworkError(
            QNetworkReply::NetworkError(json.value(u"networkError"_s).toInt()), detail, context);
    } else if (kind == u"timeout"_s) {
        error = ApiError::timeout(context, detail);
    } else if (kind == u"stream-error"_s) {
        error = ApiError::streamError(
            QJsonDocument(QJsonObject{{u"error"_s, QJsonObject{{u"message"_s,
                                                                json.value(u"serverMessage"_s)}}}})
                .toJson(QJsonDocument::Compact),
            context);
    } else if (kind == u"invalid-response"_s) {
        error = ApiError::invalidResponse(detail, context);
    } else if (kind == u"not-a-stream"_s) {
        error = ApiError::notAStream(json.value(u"contentType"_s).toString(), context, detail);
    } else {
        error = ApiError::streamInterrupted(context, detail);
    }
    error.setRequestId(json.value(u"requestId"_s).toString());
    error.setAttempts(json.value(u"attempts"_s).toInt());
    return error;
}

QList<ChatEntry> StoreChatPersistence::toEntries(const QList<StoredMessage> &messages) {
    QList<ChatEntry> entries;
    entries.reserve(messages.size());
    for (const StoredMessage &m : messages) {
        ChatEntry e;
        e.id = m.id;
        e.message = ChatMessage::fromJson(m.message);
        e.status = entryStatus(m.status);
        e.error = restoreError(m.error);
        if (!m.usage.isEmpty())
            e.usage = Usage::fromJson(m.usage);
        e.requestId = m.requestId;
        e.model = m.model;
        e.versionCount = m.versionCount;
        e.versionIndex = m.versionIndex;
        entries.append(e);
    }
    return entries;
}

bool StoreChatPersistence::ensureConversation(QString *error) {
    if (m_conversationId != 0)
        return true;
    const auto created = m_store->createConversation(m_factory ? m_factory() : NewConversation());
    if (!created.ok()) {
        *error = created.error().message;
        return false;
    }
    m_conversationId = created->id;
    return true;
}

qint64 StoreChatPersistence::storeMessage(const ChatEntry &entry, QString *error) {
    QString ignored;
    if (!error)
        error = &ignored;
    if (!ensureConversation(error))
        return 0;
    const QJsonObject json = entry.message.toStoredJson();
    if (entry.message.role == ChatMessage::Role::User) {
        const auto stored = m_store->appendUserMessage(m_conversationId, json);
        if (!stored.ok()) {
            // Said by the chat itself: the message is not sent and goes back to the composer.
            *error = stored.error().message;
            return 0;
        }
        clearProblem();
        // The message is safe on disk; the turn's state lives on the answer.
        (void)m_store->finishMessage(stored->id, MessageStatus::Complete);
        return stored->id;
    }
    const auto stored = entry.status == ChatEntry::Status::Streaming
                            ? m_store->beginAssistantMessage(m_conversationId, entry.model, json)
                            : m_store->appendMessage(m_conversationId, json,
                                                     storeStatus(entry.status), entry.model);
    if (!stored.ok()) {
        *error = stored.error().message;
        qCWarning(lcStorage) << "could not store a message:" << stored.error().detail;
        reportProblem(stored.error());
        return 0;
    }
    clearProblem();
    return stored->id;
}

void StoreChatPersistence::reportProblem(const StoreError &error) {
    if (m_failing)
        return;
    m_failing = true;
    if (m_problemHandler)
        m_problemHandler(error.message);
}

void StoreChatPersistence::updateMessage(const ChatEntry &entry) {
    if (entry.id <= 0)
        return; // kept in memory only (storing it failed earlier)
    const auto current = m_store->message(entry.id);
    if (!current.ok())
        return;
    if (current->status == MessageStatus::Streaming) {
        const auto updated =
            m_store->updateStreamingMessage(entry.id, entry.message.toStoredJson());
        if (!updated.ok()) {
            qCWarning(lcStorage) << "checkpoint failed:" << updated.error().detail;
            reportProblem(updated.error());
        }
    }
    if (entry.status != ChatEntry::Status::Streaming
        && entry.status != ChatEntry::Status::Pending) {
        QJsonObject error;
        if (entry.error.isError()) {
            error = entry.error.toJson();
            error.insert(u"message"_s, ErrorPresenter::title(entry.error));
        }
        const auto finished = m_store->finishMessage(
            entry.id, storeStatus(entry.status),
            entry.usage ? entry.usage->toJson() : QJsonObject(), entry.requestId, error);
        if (!finished.ok()) {
            qCWarning(lcStorage) << "could not finish a message:" << finished.error().detail;
            reportProblem(finished.error());
        } else {
            clearProblem();
        }
    }
}

void StoreChatPersistence::removeMessagesFrom(const ChatEntry &entry) {
    if (entry.id <= 0 || m_conversationId == 0)
        return;
    const auto stored = m_store->message(entry.id);
    if (stored.ok())
        (void)m_store->removeMessagesFrom(m_conversationId, stored->position);
}

void StoreChatPersistence::branchFrom(const ChatEntry &entry) {
    if (entry.id <= 0 || m_conversationId == 0)
        return;
    const auto stored = m_store->message(entry.id);
    if (stored.ok())
        (void)m_store->branchFrom(m_conversationId, stored->position);
}

void StoreChatPersistence::readVersions(ChatEntry &entry) const {
    if (entry.id <= 0)
        return;
    const auto stored = m_store->message(entry.id);
    if (!stored.ok())
        return;
    entry.versionCount = stored->versionCount;
    entry.versionIndex = stored->versionIndex;
}

QString StoreChatPersistence::serverConversationKey() {
    return u"conversation_id"_s;
}

QString StoreChatPersistence::serverConversationId() const {
    if (m_conversationId == 0)
        return {};
    const auto info = m_store->conversation(m_conversationId);
    return info ? info->settings.value(serverConversationKey()).toString() : QString();
}

void StoreChatPersistence::setServerConversationId(const QString &id) {
    if (m_conversationId == 0)
        return;
    setSetting(serverConversationKey(), id.isEmpty() ? QJsonValue() : QJsonValue(id),
               "the server conversation id");
}

void StoreChatPersistence::setSetting(const QString &key, const QJsonValue &value,
                                      const char *what) {
    const auto info = m_store->conversation(m_conversationId);
    if (!info)
        return;
    QJsonObject settings = info->settings;
    if (value.isNull() || value.isUndefined())
        settings.remove(key);
    else
        settings.insert(key, value);
    if (settings == info->settings)
        return;
    if (auto saved = m_store->setSettings(m_conversationId, settings); !saved)
        qCWarning(lcStorage) << "could not keep" << what << "-" << saved.error().message;
}

QString StoreChatPersistence::chatSettingsKey() {
    return u"chat_settings"_s;
}

ChatSettings StoreChatPersistence::chatSettings() const {
    if (m_conversationId == 0)
        return {};
    const auto info = m_store->conversation(m_conversationId);
    return info ? ChatSettings::fromJson(info->settings.value(chatSettingsKey()).toObject())
                : ChatSettings();
}

void StoreChatPersistence::setChatSettings(const ChatSettings &chatSettings) {
    if (m_conversationId == 0)
        return;
    setSetting(chatSettingsKey(),
               chatSettings.isDefault() ? QJsonValue() : QJsonValue(chatSettings.toJson()),
               "the chat's settings");
}

} // namespace Tramontane
