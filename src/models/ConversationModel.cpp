// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ConversationModel.h"

#include "core/protocol/ConversationMessages.h"
#include "core/protocol/RequestHistory.h"
#include "models/ErrorPresenter.h"
#include "models/Roles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QString entryKey(const ChatEntry &e, int index) {
    // Persisted entries have store ids; unsaved ones fall back to their position.
    return e.id != 0 ? u'm' + QString::number(e.id) : u'i' + QString::number(index);
}

// "<key><tag><n>" in one allocation (no temporary string for the common single digit).
QString subKey(const QString &key, QLatin1StringView tag, int n) {
    if (n >= 0 && n < 10)
        return key + tag + QChar(u'0' + n);
    return key + tag + QString::number(n);
}

// What every row of one entry shares. Rows are built from it field by field: copying a whole
// ChatItem per row (two dozen members, most of them empty) was the bulk of opening a long
// conversation.
struct RowBase {
    QString key;
    int entry = -1;
    int turn = -1;
    ChatItem::State state = ChatItem::State::Complete;

    ChatItem make(ChatItem::Kind kind, QString rowKey) const {
        ChatItem item;
        fill(item, kind, std::move(rowKey));
        return item;
    }
    //! Appends the row in place (no temporary to move) and returns it.
    ChatItem &add(QList<ChatItem> &out, ChatItem::Kind kind, QString rowKey) const {
        ChatItem &item = out.emplace_back();
        fill(item, kind, std::move(rowKey));
        return item;
    }
    void fill(ChatItem &item, ChatItem::Kind kind, QString rowKey) const {
        item.kind = kind;
        item.state = state;
        item.key = std::move(rowKey);
        item.entry = entry;
        item.turn = turn;
    }
};

ChatItem::State itemState(ChatEntry::Status status) {
    switch (status) {
    case ChatEntry::Status::Streaming:
        return ChatItem::State::Streaming;
    case ChatEntry::Status::Interrupted:
        return ChatItem::State::Interrupted;
    case ChatEntry::Status::Failed:
        return ChatItem::State::Failed;
    case ChatEntry::Status::Canceled:
        return ChatItem::State::Canceled;
    case ChatEntry::Status::Complete:
    case ChatEntry::Status::Pending:
        break;
    }
    return ChatItem::State::Complete;
}

QString prettyJson(const QString &text) {
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isNull())
        return text;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

// Adds the rows of one assistant or user message's content, in the order of its chunks.
// A document the person attached: a chip with its name, type and size, and how it went.
void appendDocumentItem(QList<ChatItem> &out, const RowBase &base, const ContentChunk &chunk,
                        int part) {
    ChatItem &item = base.add(out, ChatItem::Kind::Document, subKey(base.key, ":d"_L1, part));
    item.text = chunk.documentName.value_or(QUrl(chunk.documentUrl).fileName());
    QStringList about;
    const QString suffix = QFileInfo(item.text).suffix().toUpper();
    if (!suffix.isEmpty())
        about.append(suffix);
    if (chunk.documentBytes)
        about.append(QLocale().formattedDataSize(*chunk.documentBytes));
    if (chunk.type == ContentChunk::Type::Text)
        about.append(QCoreApplication::translate("ConversationModel", "read as text"));
    item.detail = about.join(u" · "_s);
}

// True for a tool_file chunk that is a picture to show (an image type, or no type at all: the
// image tools often say nothing more); false for data files, code, documents.
bool isImageFile(const ContentChunk &chunk) {
    QString type = chunk.fileType.value_or(QString()).toLower();
    if (type.isEmpty())
        type = QFileInfo(chunk.fileName.value_or(QString())).suffix().toLower();
    if (type.isEmpty() || type.startsWith("image/"_L1))
        return true;
    static const QStringList images{u"png"_s,  u"jpg"_s, u"jpeg"_s, u"gif"_s,
                                    u"webp"_s, u"bmp"_s, u"svg"_s};
    return images.contains(type);
}

// A file a tool made (a CSV, a script...): a chip with its name and type, offered for saving.
void appendGeneratedFile(QList<ChatItem> &out, const RowBase &base, const ContentChunk &chunk,
                         int part) {
    ChatItem &item = base.add(out, ChatItem::Kind::Document, subKey(base.key, ":f"_L1, part));
    item.image = ImageSource::fromChunk(chunk);
    const QString type = chunk.fileType.value_or(QString());
    QString name = chunk.fileName.value_or(chunk.fileId);
    const bool extension = !type.isEmpty() && !type.contains(u'/');
    if (extension && QFileInfo(name).suffix().isEmpty())
        name += u'.' + type; // "image_generated_0" with "png"
    if (item.image.fileName.isEmpty())
        item.image.fileName = name;
    item.text = name;
    // The type; the size is not known before the file is downloaded.
    const QString suffix = QFileInfo(name).suffix().toUpper();
    item.detail = !suffix.isEmpty() ? suffix : type;
}

void appendContentItems(QList<ChatItem> &out, const RowBase &base, const MessageContent &content,
                        ChatItem::Kind textKind, QList<Citation> &citations) {
    int part = 0;
    QString text;
    const auto flushText = [&] {
        if (text.isEmpty())
            return;
        ChatItem &item = base.add(out, textKind, subKey(base.key, ":p"_L1, part++));
        item.text = std::move(text);
        text = QString();
    };

    if (content.isText()) {
        text = content.text();
        flushText();
        return;
    }
    int images = 0;
    QList<Citation> references;
    for (const ContentChunk &chunk : content.chunks()) {
        switch (chunk.type) {
        case ContentChunk::Type::Text:
            if (chunk.documentName) {
                flushText();
                appendDocumentItem(out, base, chunk, part++);
                break;
            }
            text += chunk.text;
            break;
        case ContentChunk::Type::Thinking:
            break; // shown as its own row
        case ContentChunk::Type::ImageUrl:
        case ContentChunk::Type::ToolFile: {
            flushText();
            if (chunk.type == ContentChunk::Type::ToolFile && !chunk.fileId.isEmpty()
                && !isImageFile(chunk)) {
                appendGeneratedFile(out, base, chunk, part++);
                break;
            }
            ChatItem &item =
                base.add(out, ChatItem::Kind::Image, subKey(base.key, ":img"_L1, images++));
            item.image = ImageSource::fromChunk(chunk);
            if (!item.image.isValid()) {
                item.kind = ChatItem::Kind::Notice;
                item.text = QCoreApplication::translate("ConversationModel",
                                                        "An image was not shown: its address "
                                                        "is not an http(s), data or file link.");
                item.detail = QString::fromUtf8(QJsonDocument(chunk.toJson()).toJson());
            }
            break;
        }
        case ContentChunk::Type::Reference:
            // The ids name sources the model was given; they get a chip of their own only when
            // the message has no tool_reference chunks (the sources themselves) to show.
            references.append(
                Citation{QCoreApplication::translate("ConversationModel", "Reference %1")
                             .arg(QString::fromUtf8(
                                 QJsonDocument(chunk.referenceIds).toJson(QJsonDocument::Compact))),
                         {},
                         {}});
            break;
        case ContentChunk::Type::ToolReference:
            citations.append(Citation{chunk.title, chunk.url.value_or(QString()), chunk.tool,
                                      chunk.description.value_or(QString())});
            break;
        case ContentChunk::Type::DocumentUrl:
            if (textKind == ChatItem::Kind::User) {
                flushText();
                appendDocumentItem(out, base, chunk, part++);
                break;
            }
            text += u"\n\n📄 ["_s + chunk.documentName.value_or(chunk.documentUrl) + u"]("_s
                    + chunk.documentUrl + u")\n\n"_s;
            break;
        case ContentChunk::Type::File:
            text += u"\n\n📎 "_s
                    + QCoreApplication::translate("ConversationModel", "file %1").arg(chunk.fileId)
                    + u"\n\n"_s;
            break;
        case ContentChunk::Type::InputAudio:
            text += u"\n\n🔊 "_s + QCoreApplication::translate("ConversationModel", "audio clip")
                    + u"\n\n"_s;
            break;
        case ContentChunk::Type::Unknown: {
            flushText();
            ChatItem &item =
                base.add(out, ChatItem::Kind::Notice, subKey(base.key, ":x"_L1, part++));
            item.text = QCoreApplication::translate(
                            "ConversationModel",
                            "This message contains content of type “%1” that Tramontane cannot "
                            "show yet.")
                            .arg(chunk.raw.value(u"type"_s).toString());
            item.detail = QString::fromUtf8(QJsonDocument(chunk.raw).toJson());
            break;
        }
        }
    }
    flushText();
    if (citations.isEmpty())
        citations = std::move(references);
}

} // namespace

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent) {
    m_entryRow = {0};
}

namespace {

// The ‹ 2/3 › switchers: a user message with versions shows them on its text row; an answer
// (the messages after a user message) shows those of its first message on its last row.
void markVersions(const QList<ChatEntry> &entries, int first, int end, QList<ChatItem> &rows) {
    // Most chats have no versions: one pass over the entries, and nothing else to do.
    const auto from = entries.cbegin() + first;
    if (std::none_of(from, from + (end - first),
                     [](const ChatEntry &e) { return e.versionCount > 1; }))
        return;
    const auto mark = [&entries](ChatItem &item, int entry) {
        if (entry < 0 || entry >= entries.size() || entries.at(entry).versionCount < 2)
            return;
        item.versionEntry = entry;
        item.versionCount = entries.at(entry).versionCount;
        item.versionIndex = entries.at(entry).versionIndex;
    };
    for (qsizetype r = 0; r < rows.size(); ++r) {
        ChatItem &item = rows[r];
        if (item.kind == ChatItem::Kind::User) {
            if (r == 0 || rows.at(r - 1).entry != item.entry)
                mark(item, item.entry);
            continue;
        }
        const bool runEnd = r + 1 == rows.size() || rows.at(r + 1).turn != item.turn
                            || rows.at(r + 1).kind == ChatItem::Kind::User;
        if (!runEnd)
            continue;
        const bool afterUser = item.turn >= 0 && item.turn < entries.size()
                               && entries.at(item.turn).message.role == ChatMessage::Role::User;
        mark(item, afterUser ? item.turn + 1 : item.turn);
    }
}

} // namespace

QList<ChatItem> ConversationModel::deriveItems(const QList<ChatEntry> &entries, int first,
                                               int end) {
    QList<ChatItem> out;
    end = qMin(end, int(entries.size()));
    first = qMax(0, first);
    if (first >= end)
        return out;
    // Most messages give one row; a little headroom spares a reallocation for the images,
    // tool cards and notices.
    out.reserve(qsizetype(end - first) + (end - first) / 8 + 4);

    // Tool results answer calls by id; a result shown with its call is not a row of its own.
    QHash<QString, int> resultOfCall;
    for (int i = first; i < end; ++i) {
        const ChatMessage &m = entries.at(i).message;
        if (m.role == ChatMessage::Role::Tool && !m.toolCallId.isEmpty())
            resultOfCall.insert(m.toolCallId, i);
    }
    QSet<int> consumedResults;

    int turn = first;
    for (int i = first; i < end; ++i) {
        const ChatEntry &entry = entries.at(i);
        const ChatMessage &msg = entry.message;
        if (msg.role == ChatMessage::Role::User)
            turn = i;

        RowBase base;
        base.entry = i;
        base.turn = turn;
        base.key = entryKey(entry, i);
        base.state = itemState(entry.status);
        const qsizetype rowsBefore = out.size();
        QList<Citation> citations;

        switch (msg.role) {
        case ChatMessage::Role::System:
            break; // instructions are not part of the visible conversation
        case ChatMessage::Role::User:
            appendContentItems(out, base, msg.content, ChatItem::Kind::User, citations);
            break;
        case ChatMessage::Role::Assistant: {
            if (ConversationMessages::isHandoff(msg)) {
                // One line in the timeline; the answer continues under the next agent.
                const QJsonObject handoff =
                    msg.metadata->value(ConversationMessages::handoffKey).toObject();
                QString next = handoff.value("next_agent_name"_L1).toString();
                if (next.isEmpty())
                    next = handoff.value("next_agent_id"_L1).toString();
                ChatItem &item = base.add(out, ChatItem::Kind::Notice, base.key + ":h"_L1);
                item.state = ChatItem::State::Complete;
                item.text =
                    QCoreApplication::translate("ConversationModel", "Handed off to %1").arg(next);
                break;
            }
            if (msg.content.hasChunks()) {
                QString thinking = msg.content.thinkingText();
                if (!thinking.isEmpty()) {
                    ChatItem &item = base.add(out, ChatItem::Kind::Thinking, base.key + ":t"_L1);
                    item.text = std::move(thinking);
                }
            }
            appendContentItems(out, base, msg.content, ChatItem::Kind::Assistant, citations);
            for (int c = 0; c < msg.toolCalls.size(); ++c) {
                const ToolCall &call = msg.toolCalls.at(c);
                ChatItem item = base.make(ChatItem::Kind::ToolRun, subKey(base.key, ":c"_L1, c));
                item.toolName = call.name;
                item.toolArguments = prettyJson(call.arguments);
                item.hosted = call.isHosted();
                item.confirmation = ConversationMessages::confirmationStatus(call);
                if (call.metadata) {
                    item.toolType = call.metadata->value("tool_type"_L1).toString();
                    item.toolConnector = call.metadata->value("connector_name"_L1).toString();
                }
                const int result = resultOfCall.value(call.id, -1);
                if (result >= 0) {
                    consumedResults.insert(result);
                    const ChatMessage &r = entries.at(result).message;
                    const QString resultText = r.content.plainText();
                    item.toolResult = prettyJson(resultText);
                    item.hasToolResult = true;
                    item.state = ChatItem::State::Complete;
                    RowBase imageBase = base;
                    imageBase.key = item.key + ":r"_L1;
                    out.append(std::move(item));
                    // Images a tool returned: as chunks, or as a link in its text.
                    const qsizetype before = out.size();
                    for (const ContentChunk &chunk : r.content.images()) {
                        ImageSource source = ImageSource::fromChunk(chunk);
                        if (!source.isValid())
                            continue;
                        ChatItem &image =
                            imageBase.add(out, ChatItem::Kind::Image,
                                          imageBase.key + QString::number(out.size() - before));
                        image.image = std::move(source);
                    }
                    if (out.size() == before) {
                        ImageSource source = ImageSource::fromToolResult(resultText);
                        // Shown only when the answer shows no image itself: the same picture
                        // often comes back in another form (a file id here, a URL there).
                        bool shownLater = false;
                        for (int j = result + 1; j < end && source.isValid() && !shownLater; ++j)
                            shownLater = !entries.at(j).message.content.images().isEmpty();
                        if (source.isValid() && !shownLater) {
                            ChatItem &image =
                                imageBase.add(out, ChatItem::Kind::Image, imageBase.key);
                            image.image = std::move(source);
                        }
                    }
                } else {
                    // No result yet: running while the turn streams. In a finished answer it is
                    // a call for the client to run (or a hosted call whose result never came).
                    item.state =
                        entry.status == ChatEntry::Status::Complete    ? ChatItem::State::Complete
                        : entry.status == ChatEntry::Status::Streaming ? ChatItem::State::Running
                                                                       : itemState(entry.status);
                    out.append(std::move(item));
                }
            }
            if (out.size() == rowsBefore && entry.status == ChatEntry::Status::Streaming) {
                // Nothing arrived yet: an empty row shows that the answer is on its way.
                base.add(out, ChatItem::Kind::Assistant, base.key + ":p0"_L1);
            }
            break;
        }
        case ChatMessage::Role::Tool:
            if (consumedResults.contains(i))
                break;
            {
                ChatItem &item = base.add(out, ChatItem::Kind::ToolRun, base.key + ":r"_L1);
                item.toolName = msg.name;
                item.toolResult = prettyJson(msg.content.plainText());
                item.hasToolResult = true;
            }
            break;
        }

        // The answer's footer data goes on its last row (a handoff line has none: the answer
        // after it names the agent that took over).
        if (msg.role == ChatMessage::Role::Assistant && out.size() > rowsBefore
            && !ConversationMessages::isHandoff(msg)) {
            ChatItem &last = out.last();
            last.citations = std::move(citations);
            last.agent = ConversationMessages::agentName(msg);
            if (entry.usage || !entry.requestId.isEmpty() || !entry.model.isEmpty()
                || !last.agent.isEmpty()) {
                last.answerEnd = true;
                last.usage = entry.usage;
                last.requestId = entry.requestId;
                last.model = entry.model;
            }
        }

        // What went wrong, under the message, with a way to try again.
        const bool problem = entry.status == ChatEntry::Status::Interrupted
                             || entry.status == ChatEntry::Status::Failed;
        if (problem) {
            ChatItem &notice = base.add(out, ChatItem::Kind::Notice, base.key + ":n"_L1);
            notice.error = std::make_shared<const ApiError>(entry.error);
            notice.retryable = true;
            notice.requestId =
                entry.requestId.isEmpty() ? entry.error.requestId() : entry.requestId;
            if (entry.status == ChatEntry::Status::Interrupted) {
                notice.text =
                    entry.error.isError()
                        ? ErrorPresenter::title(entry.error)
                        : QCoreApplication::translate(
                            "ConversationModel", "The answer was interrupted before it finished.");
                notice.detail = QCoreApplication::translate(
                    "ConversationModel", "The text so far is kept. Retry to ask again.");
            } else {
                notice.text = ErrorPresenter::title(entry.error);
                notice.detail = ErrorPresenter::hint(entry.error);
                if (entry.error.isRetryable() && entry.error.attempts() > 1) {
                    // Sent several times already: the automatic retries are used up.
                    const int attempts = entry.error.attempts();
                    notice.detail = QCoreApplication::translate(
                        "ConversationModel",
                        "The request was sent %n time(s) without success and the automatic "
                        "retries are exhausted. Retry when you are ready.",
                        nullptr, attempts);
                }
                if (entry.error.kind() == ApiError::Kind::StreamInterrupted) {
                    // Failed, not interrupted: nothing of the answer arrived, so there is no
                    // partial answer to speak of.
                    notice.text = QCoreApplication::translate(
                        "ConversationModel", "The connection ended before any answer arrived.");
                    notice.detail = QCoreApplication::translate(
                        "ConversationModel", "Nothing was received. Retry to ask again.");
                }
            }
        } else if (entry.stoppedForLength && entry.status == ChatEntry::Status::Complete
                   && msg.role == ChatMessage::Role::Assistant) {
            // Cut by the length limit, not by a fault: the answer can go on where it stopped.
            ChatItem &notice = base.add(out, ChatItem::Kind::Notice, base.key + ":l"_L1);
            notice.continuable = true;
            notice.text = QCoreApplication::translate("ConversationModel",
                                                      "The answer stopped at the length limit.");
            notice.detail = QCoreApplication::translate(
                "ConversationModel", "Continue to have the model write the rest of it.");
        }
    }
    markVersions(entries, first, end, out);
    return out;
}

int ConversationModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChatItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Roles::ItemTextRole:
        return item.text;
    case Qt::AccessibleTextRole:
        return item.kind == ChatItem::Kind::ToolRun ? item.toolName : item.text;
    case Roles::ItemExpandedRole:
        return m_expanded.contains(item.key);
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(Roles::ItemTextRole, "text");
    names.insert(Roles::ItemExpandedRole, "expanded");
    return names;
}

void ConversationModel::rebuildEntryRows() {
    m_entryRow = QList<int>(m_entries.size() + 1, int(m_items.size()));
    for (int row = int(m_items.size()) - 1; row >= 0; --row)
        m_entryRow[m_items.at(row).entry] = row;
    // Entries without rows start where the next entry starts.
    for (int e = int(m_entries.size()) - 1; e >= 0; --e) {
        if (m_entryRow[e] > m_entryRow[e + 1])
            m_entryRow[e] = m_entryRow[e + 1];
    }
}

void ConversationModel::setEntries(const QList<ChatEntry> &entries, EarlierEntries earlier) {
    beginResetModel();
    m_entries = entries;
    m_earlier = std::move(earlier);
    m_items = deriveItems(m_entries, 0, int(m_entries.size()));
    rebuildEntryRows();
    endResetModel();
}

void ConversationModel::prependEntries(const QList<ChatEntry> &older) {
    if (older.isEmpty())
        return;
    const int added = int(older.size());
    // Loaded entries before the first user message belong to a turn that began in the older
    // page (a tool result whose call is there, say): they are derived again with it.
    int boundary = 0;
    while (boundary < m_entries.size()
           && m_entries.at(boundary).message.role != ChatMessage::Role::User)
        ++boundary;
    const int oldRows = m_entryRow.at(boundary);
    QList<ChatEntry> merged = older;
    merged += m_entries;
    const QList<ChatItem> fresh = deriveItems(merged, 0, added + boundary);

    // Rows of that turn that keep their key stay (updated in place); the others go.
    int kept = 0;
    while (kept < oldRows && kept < fresh.size()
           && m_items.at(oldRows - 1 - kept).key == fresh.at(fresh.size() - 1 - kept).key)
        ++kept;
    if (oldRows - kept > 0) {
        beginRemoveRows({}, 0, oldRows - kept - 1);
        m_items.remove(0, oldRows - kept);
        rebuildEntryRows();
        endRemoveRows();
    }

    m_entries = merged;
    for (ChatItem &item : m_items) {
        item.entry += added;
        item.turn += added;
    }
    const int inserted = int(fresh.size()) - kept;
    QList<int> changed;
    for (int i = 0; i < kept; ++i) {
        const ChatItem &update = fresh.at(inserted + i);
        if (!m_items.at(i).looksLike(update))
            changed.append(inserted + i);
        m_items[i] = update;
    }
    if (inserted > 0) {
        beginInsertRows({}, 0, inserted - 1);
        m_items = fresh.mid(0, inserted) + m_items;
        rebuildEntryRows();
        endInsertRows();
    } else {
        rebuildEntryRows();
    }
    for (int row : std::as_const(changed))
        Q_EMIT dataChanged(index(row), index(row));
}

int ConversationModel::appendEntry(const ChatEntry &entry) {
    m_entries.append(entry);
    m_entryRow.insert(m_entries.size() - 1, int(m_items.size()));
    const int index = int(m_entries.size()) - 1;
    rederiveTurn(turnStart(index));
    return index;
}

void ConversationModel::updateEntry(int index, const ChatEntry &entry) {
    if (index < 0 || index >= m_entries.size())
        return;
    m_entries[index] = entry;
    rederiveTurn(turnStart(index));
}

void ConversationModel::truncateEntries(int index) {
    index = qBound(0, index, int(m_entries.size()));
    if (index == m_entries.size())
        return;
    const int firstRow = m_entryRow.at(index);
    if (firstRow < m_items.size()) {
        beginRemoveRows({}, firstRow, int(m_items.size()) - 1);
        m_items.resize(firstRow);
        m_entries.resize(index);
        rebuildEntryRows();
        endRemoveRows();
    } else {
        m_entries.resize(index);
        rebuildEntryRows();
    }
    // The turn that lost entries may show differently (e.g. a tool call without its result).
    if (!m_entries.isEmpty())
        rederiveTurn(turnStart(index - 1));
}

int ConversationModel::firstRowOfEntry(int index) const {
    if (index < 0 || index >= m_entryRow.size())
        return int(m_items.size());
    return m_entryRow.at(index);
}

int ConversationModel::turnStart(int entry) const {
    for (int i = qMin(entry, int(m_entries.size()) - 1); i > 0; --i) {
        if (m_entries.at(i).message.role == ChatMessage::Role::User)
            return i;
    }
    return 0;
}

int ConversationModel::turnEnd(int entry) const {
    for (int i = entry + 1; i < m_entries.size(); ++i) {
        if (m_entries.at(i).message.role == ChatMessage::Role::User)
            return i;
    }
    return int(m_entries.size());
}

void ConversationModel::rederiveTurn(int first) {
    const int end = turnEnd(first);
    const QList<ChatItem> fresh = deriveItems(m_entries, first, end);
    const int rowBegin = m_entryRow.at(first);
    const int rowEnd = m_entryRow.at(end);
    const int oldCount = rowEnd - rowBegin;
    const int newCount = int(fresh.size());

    // Rows that stay (same key at the same place) are updated in place; the rest of the old
    // rows are replaced. While streaming this is one dataChanged on the growing row.
    int same = 0;
    while (same < oldCount && same < newCount
           && m_items.at(rowBegin + same).key == fresh.at(same).key)
        ++same;
    int firstChanged = -1;
    int lastChanged = -1;
    for (int i = 0; i < same; ++i) {
        ChatItem &current = m_items[rowBegin + i];
        if (!current.looksLike(fresh.at(i))) {
            current = fresh.at(i);
            if (firstChanged < 0)
                firstChanged = rowBegin + i;
            lastChanged = rowBegin + i;
        }
    }
    if (same < oldCount) {
        beginRemoveRows({}, rowBegin + same, rowEnd - 1);
        m_items.remove(rowBegin + same, oldCount - same);
        endRemoveRows();
    }
    if (same < newCount) {
        beginInsertRows({}, rowBegin + same, rowBegin + newCount - 1);
        for (int i = same; i < newCount; ++i)
            m_items.insert(rowBegin + i, fresh.at(i));
        endInsertRows();
    }
    rebuildEntryRows();
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged), index(lastChanged));
}

void ConversationModel::setExpanded(const QString &key, bool expanded) {
    if (expanded == m_expanded.contains(key))
        return;
    if (expanded)
        m_expanded.insert(key);
    else
        m_expanded.remove(key);
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).key == key)
            Q_EMIT dataChanged(index(row), index(row), {Roles::ItemExpandedRole});
    }
}

QList<ChatMessage> ConversationModel::history(int endEntry) const {
    if (endEntry < 0 || endEntry > m_entries.size())
        endEntry = int(m_entries.size());
    const QList<ChatEntry> earlier = m_earlier ? m_earlier() : QList<ChatEntry>();
    QList<ChatMessage> messages;
    messages.reserve(earlier.size() + endEntry);
    for (const ChatEntry &e : earlier)
        messages.append(e.message);
    for (int i = 0; i < endEntry; ++i)
        messages.append(m_entries.at(i).message);
    return RequestHistory::fromMessages(messages);
}

} // namespace Tramontane
