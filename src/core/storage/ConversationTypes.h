// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! Where a stored message is in its life. Stored as a lower-case word (see statusName()).
enum class MessageStatus {
    Complete,    //!< final: the request succeeded or the message needs no request
    Pending,     //!< a user message stored before its request left; not answered yet
    Streaming,   //!< an answer still arriving; its JSON holds the text received so far
    Interrupted, //!< a stream that ended early (crash, cut connection, cancel); text kept
    Failed,      //!< the request failed; see StoredMessage::error
};

//! "complete", "pending", "streaming", "interrupted" or "failed".
QString statusName(MessageStatus status);
//! The status named by \a text, or nullopt for an unknown word.
std::optional<MessageStatus> statusFromName(const QString &text);

//! One conversation of the history (one row of the sidebar).
struct ConversationInfo {
    qint64 id = 0;
    //! The title shown in the list. Until the user renames it, it is derived from the first
    //! user message (first non-empty line, trimmed, at most 80 characters). Empty means there
    //! is no text to derive it from yet: the UI shows its own placeholder.
    QString title;
    bool titleIsCustom = false;    //!< true once the user renamed the conversation
    bool titleIsGenerated = false; //!< a model wrote the title (never with titleIsCustom)
    bool pinned = false;
    QDateTime createdAt;  //!< UTC, millisecond precision
    QDateTime updatedAt;  //!< the last activity (a message added or finished)
    QString model;        //!< the model id chosen for this chat (may be empty)
    QString agentId;      //!< the agent id when the chat talks to an agent, else empty
    QJsonArray tools;     //!< the chat's tool selection, as the API's tool objects
    QJsonObject settings; //!< per-chat settings (temperature, …), free-form
};

//! What a new conversation starts with. The title is normally left empty (derived later).
struct NewConversation {
    QString title; //!< non-empty: a custom title from the start
    QString model;
    QString agentId;
    QJsonArray tools;
    QJsonObject settings;
};

//! One message of a conversation, as the API's chat message JSON plus what the app tracks.
struct StoredMessage {
    qint64 id = 0;
    qint64 conversationId = 0;
    //! Order within the conversation: increasing, not necessarily contiguous.
    qint64 position = 0;
    QString role; //!< copied from message["role"]: user, assistant, tool, system
    //! The chat message exactly as the API takes it: {role, content (string or chunk array),
    //! tool_calls, tool_call_id, name, …}. The store never interprets more than the text.
    QJsonObject message;
    MessageStatus status = MessageStatus::Complete;
    QJsonObject error; //!< empty unless the request failed (the app's error description)
    QJsonObject usage; //!< the API's usage object, when known
    QString requestId; //!< the API's correlation id, for support
    QString model;     //!< the model that produced this message (empty for user messages)
    QDateTime createdAt;
    QDateTime updatedAt;
    //! Versions: messages form a tree (see MessageBranches). The message this one follows
    //! (0 for a first message), whether it is the version chosen among its siblings, and
    //! whether it is on the visible path.
    qint64 parentId = 0;
    bool selected = true;
    bool onPath = true;
    //! How many versions there are at this place (this message and its siblings), and which
    //! one this is (0-based, oldest first). Read from the store, not written.
    int versionCount = 1;
    int versionIndex = 0;
};

//! A range of a snippet to highlight, in UTF-16 code units.
struct TextRange {
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

//! One message that matches a search.
struct SearchHit {
    qint64 conversationId = 0;
    qint64 messageId = 0;
    qint64 position = 0; //!< to jump to the hit: load the page around this position
    QString conversationTitle;
    QString role;
    //! A short plain-text excerpt around the match; "…" marks cut text.
    QString snippet;
    //! The matched words inside snippet.
    QList<TextRange> highlights;
    QDateTime messageCreatedAt;
    //! False for a message of a version not shown (opening it shows that version).
    bool onPath = true;
};

//! A whole conversation: what export and import carry.
struct ConversationRecord {
    ConversationInfo info;
    //! In position order: every version (parentId links them), or only the visible path.
    QList<StoredMessage> messages;

    //! The messages on the visible path, in order.
    QList<StoredMessage> visiblePath() const;
};

} // namespace Tramontane
