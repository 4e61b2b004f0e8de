// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/ChatCompletion.h"
#include "core/protocol/Message.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QSize>
#include <QString>

#include <memory>

namespace Tramontane {

//! Where an image shown in the chat comes from. The key identifies it in caches.
struct ImageSource {
    enum class Kind { None, FileId, HttpUrl, DataUrl };
    Kind kind = Kind::None;
    QString ref;      //!< the file id, the URL or the data URL
    QString fileName; //!< for "Save as…", when known
    QString fileType; //!< an extension or MIME type, when known

    //! A stable cache key: "file:<id>", or a hash of the URL.
    QString key() const;
    bool isValid() const { return kind != Kind::None && !ref.isEmpty(); }
    //! Reads the image-like chunk (image_url or tool_file); None for anything else.
    static ImageSource fromChunk(const ContentChunk &chunk);
    //! Finds an image in a tool result's text: JSON with `url` / `image_url` / `file_id`, or
    //! a bare http(s) URL that ends in an image extension.
    static ImageSource fromToolResult(const QString &text);
    friend bool operator==(const ImageSource &, const ImageSource &) = default;
};

//! A citation chip under an answer (reference and tool_reference chunks).
struct Citation {
    QString title;
    QString url;
    QString tool;
    QString description; //!< what the source says (a library document's passage), may be empty
    friend bool operator==(const Citation &, const Citation &) = default;
};

//! One row of the conversation view. A message is shown as one or more rows: the user's text,
//! an answer's thinking, each tool run as a card, answer text, images. Rows are cheap values
//! derived from the messages (ConversationModel::deriveItems), never edited in place.
struct ChatItem {
    enum class Kind {
        User,      //!< the user's message (markdown)
        Assistant, //!< answer text (markdown)
        Thinking,  //!< reasoning text, folded by default
        ToolRun,   //!< a tool call and its result, as a card
        Image,     //!< an image inline
        //! A file: a document the user attached, or one a tool made (a `tool_file` that is
        //! not an image, e.g. a CSV from the code interpreter: `image` is the file to save).
        //! `text` its name, `detail` what it is.
        Document,
        Notice, //!< an error, an interruption, or content this client cannot show
    };
    enum class State {
        Complete,
        Streaming,   //!< text still arriving
        Running,     //!< a tool call without its result yet
        Interrupted, //!< the stream ended early: the text so far is kept
        Failed,      //!< the request failed; the notice says why
        Canceled,    //!< stopped by the user
    };

    Kind kind = Kind::Assistant;
    State state = State::Complete;
    QString key;    //!< stable across updates of the same message (caches use it)
    int entry = -1; //!< the index of the message entry it comes from
    int turn = -1;  //!< the entry index of the user message that started the turn
    QString text;   //!< markdown for User/Assistant/Thinking; the sentence for a Notice
    QString detail; //!< Notice: the fix / hint; Unknown content: the raw JSON
    // ToolRun
    QString toolName;
    QString toolArguments;
    QString toolResult;
    bool hasToolResult = false;
    bool hosted = false;
    QString toolType;      //!< a hosted call's `metadata.tool_type` ("connector", "web_search"...)
    QString toolConnector; //!< the connector that ran a hosted call (`metadata.connector_name`)
    //! A call that needs the user's confirmation: "pending" (Allow / Deny are offered),
    //! "allowed" or "denied"; empty for calls that need none.
    QString confirmation;
    // Image (and the file a tool made, on a Document row)
    ImageSource image;
    // The last row of an answer carries the turn's footer data.
    bool answerEnd = false;
    std::optional<Usage> usage;
    QString requestId;
    QString model;
    //! The agent that answered after a handoff (its name, else its id): the footer names it
    //! instead of the model.
    QString agent;
    QList<Citation> citations;
    //! Notice: the failure it reports. Shared and only set on notices: most rows have none,
    //! and an ApiError is a third of a row's size.
    std::shared_ptr<const ApiError> error;
    bool retryable = false;
    //! Notice: the answer stopped at its length limit and Continue is offered.
    bool continuable = false;
    //! A ‹ 2/3 › switcher: on a user message with earlier versions, and on the last row of
    //! an answer with other versions. versionEntry is the entry whose versions it switches
    //! (the user message, or the answer's first message); versionCount > 1 shows it.
    int versionCount = 1;
    int versionIndex = 0;
    int versionEntry = -1;

    //! True when a view would draw the two the same (used to skip needless repaints).
    bool looksLike(const ChatItem &o) const;
};

//! One message of the conversation with what the client knows about it.
struct ChatEntry {
    enum class Status { Complete, Pending, Streaming, Interrupted, Failed, Canceled };
    qint64 id = 0; //!< the store's message id when persisted; otherwise a local counter
    ChatMessage message;
    Status status = Status::Complete;
    ApiError error;
    std::optional<Usage> usage;
    QString requestId;
    QString model;
    //! The model stopped at the length limit (finish_reason "length"): the answer can be
    //! continued. Known for the turns of this run of the app (the store does not keep it).
    bool stoppedForLength = false;
    //! Versions at this message's place (see ConversationStore::branchFrom): how many, and
    //! which one this is (0-based, oldest first). Known for stored messages.
    int versionCount = 1;
    int versionIndex = 0;
};

} // namespace Tramontane

Q_DECLARE_METATYPE(Tramontane::ImageSource)
Q_DECLARE_METATYPE(Tramontane::Citation)
