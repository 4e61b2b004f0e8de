// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationExporter.h"

#include "core/Logging.h"
#include "core/storage/ImageCache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane::ConversationExporter {

namespace {

StoreError makeError(StoreError::Kind kind, const QString &message, const QString &detail) {
    StoreError error;
    error.kind = kind;
    error.message = message;
    error.detail = detail;
    return error;
}

// ----- Markdown ------------------------------------------------------------------------------

// A code fence longer than any run of backticks inside \a text, so the text cannot close it.
QString fenced(const QString &text, const QString &language) {
    int longest = 0;
    int run = 0;
    for (QChar c : text) {
        run = (c == u'`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(std::max(3, longest + 1), u'`');
    QString body = text;
    if (!body.endsWith(u'\n'))
        body += u'\n';
    return fence + language + u'\n' + body + fence + u'\n';
}

QString roleHeading(const QString &role) {
    if (role == "user"_L1)
        return QCoreApplication::translate("ConversationExporter", "User");
    if (role == "assistant"_L1)
        return QCoreApplication::translate("ConversationExporter", "Assistant");
    if (role == "system"_L1)
        return QCoreApplication::translate("ConversationExporter", "System");
    if (role == "tool"_L1)
        return QCoreApplication::translate("ConversationExporter", "Tool result");
    return role;
}

QString prettyArguments(const QJsonValue &arguments) {
    if (arguments.isObject())
        return QString::fromUtf8(
            QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Indented));
    const QString text = arguments.toString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray()))
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    return text;
}

class MarkdownWriter {
public:
    explicit MarkdownWriter(const std::function<QString(const QString &)> &linkForImage)
        : m_linkForImage(linkForImage) {}

    void image(const QString &reference, const QString &alt) {
        const QString link = m_linkForImage ? m_linkForImage(reference) : QString();
        if (link.isEmpty()) {
            m_parts.append(
                u"*["_s
                + QCoreApplication::translate("ConversationExporter", "Image not available: %1")
                      .arg(alt)
                + u"]*\n"_s);
        } else {
            // <…> lets the destination contain spaces.
            m_parts.append(u"!["_s + alt + u"](<"_s + link + u">)\n"_s);
        }
    }

    void chunk(const QJsonObject &chunk, bool fenceText) {
        const QString type = chunk.value("type"_L1).toString();
        if (type == "text"_L1 && chunk.value("document_name"_L1).isString()) {
            // The text read from an attached document stands for the document: its name.
            m_parts.append(
                u"*["_s
                + QCoreApplication::translate("ConversationExporter", "document: %1, read as text")
                      .arg(chunk.value("document_name"_L1).toString())
                + u"]*\n"_s);
        } else if (type == "text"_L1) {
            const QString text = chunk.value("text"_L1).toString();
            if (!text.isEmpty())
                m_parts.append(fenceText ? fenced(text, {}) : text + u'\n');
        } else if (type == "image_url"_L1) {
            const QJsonValue value = chunk.value("image_url"_L1);
            const QString url =
                value.isObject() ? value.toObject().value("url"_L1).toString() : value.toString();
            // An attached image is named after its file: "[image: cat.png]".
            const QString name = chunk.value("name"_L1).toString();
            if (!url.isEmpty())
                image(url, name.isEmpty()
                               ? QCoreApplication::translate("ConversationExporter", "image")
                               : QCoreApplication::translate("ConversationExporter", "image: %1")
                                     .arg(name));
        } else if (type == "tool_file"_L1 || type == "file"_L1) {
            const QString fileId = chunk.value("file_id"_L1).toString();
            QString name = chunk.value("file_name"_L1).toString();
            if (name.isEmpty())
                name = fileId;
            if (!fileId.isEmpty())
                image(fileId, name);
        } else if (type == "thinking"_L1) {
            QStringList lines{u"> **"_s
                                  + QCoreApplication::translate("ConversationExporter", "Thinking")
                                  + u"**"_s,
                              u">"_s};
            const QJsonArray inner = chunk.value("thinking"_L1).toArray();
            for (const QJsonValue &v : inner) {
                const QString text = v.toObject().value("text"_L1).toString();
                for (const QString &line : text.split(u'\n'))
                    lines.append(line.isEmpty() ? u">"_s : u"> "_s + line);
            }
            m_parts.append(lines.join(u'\n') + u'\n');
        } else if (type == "document_url"_L1 && chunk.contains("attached_file_id"_L1)) {
            // An attached document: its name only. The link is signed and grants access to
            // the file for days; it does not belong in a file that may be shared.
            m_parts.append(u"*["_s
                           + QCoreApplication::translate("ConversationExporter", "document: %1")
                                 .arg(chunk.value("document_name"_L1).toString())
                           + u"]*\n"_s);
        } else if (type == "document_url"_L1) {
            const QString url = chunk.value("document_url"_L1).toString();
            QString name = chunk.value("document_name"_L1).toString();
            if (name.isEmpty())
                name = url;
            m_parts.append(u"["_s + name + u"](<"_s + url + u">)\n"_s);
        } else if (type == "tool_reference"_L1) {
            const QString title = chunk.value("title"_L1).toString();
            const QString url = chunk.value("url"_L1).toString();
            m_parts.append(url.isEmpty() ? QString(u"- "_s + title + u'\n')
                                         : QString(u"- ["_s + title + u"](<"_s + url + u">)\n"_s));
        } else if (type == "reference"_L1) {
            // Citation ids only make sense next to their source; nothing to show on paper.
        } else {
            // Unknown chunks are kept visible, never dropped silently.
            m_parts.append(
                fenced(QString::fromUtf8(QJsonDocument(chunk).toJson(QJsonDocument::Indented)),
                       u"json"_s));
        }
    }

    void content(const QJsonValue &content, bool fenceText) {
        if (content.isString()) {
            const QString text = content.toString();
            if (!text.isEmpty())
                m_parts.append(fenceText ? fenced(text, {}) : text + u'\n');
        } else if (content.isArray()) {
            const QJsonArray chunks = content.toArray();
            for (const QJsonValue &v : chunks) {
                if (v.isObject())
                    chunk(v.toObject(), fenceText);
                else if (v.isString())
                    m_parts.append(v.toString() + u'\n');
            }
        }
    }

    void message(const StoredMessage &m) {
        const QString role = m.message.value("role"_L1).toString(m.role);
        QString heading = u"## "_s + roleHeading(role);
        const QString name = m.message.value("name"_L1).toString();
        if (role == "tool"_L1 && !name.isEmpty())
            heading += u" · `"_s + name + u'`';
        m_parts.append(heading + u'\n');
        content(m.message.value("content"_L1), role == "tool"_L1);
        const QJsonArray calls = m.message.value("tool_calls"_L1).toArray();
        for (const QJsonValue &v : calls) {
            const QJsonObject function = v.toObject().value("function"_L1).toObject();
            m_parts.append(u"**"_s
                           + QCoreApplication::translate("ConversationExporter", "Tool call:")
                           + u"** `"_s + function.value("name"_L1).toString() + u"`\n"_s);
            m_parts.append(fenced(prettyArguments(function.value("arguments"_L1)), u"json"_s));
        }
        if (m.status == MessageStatus::Interrupted) {
            m_parts.append(
                u"*("_s
                + QCoreApplication::translate("ConversationExporter",
                                              "Interrupted: this message may be incomplete.")
                + u")*\n"_s);
        } else if (m.status == MessageStatus::Failed) {
            const QString reason = m.error.value("message"_L1).toString();
            m_parts.append(
                u"*("_s
                + (reason.isEmpty()
                       ? QCoreApplication::translate("ConversationExporter", "The request failed.")
                       : QCoreApplication::translate("ConversationExporter",
                                                     "The request failed: %1")
                             .arg(reason))
                + u")*\n"_s);
        }
    }

    QString text() const { return m_parts.join(u'\n'); }
    void append(const QString &part) { m_parts.append(part); }

private:
    const std::function<QString(const QString &)> &m_linkForImage;
    QStringList m_parts;
};

// ----- Data URLs -----------------------------------------------------------------------------

struct DataUrl {
    QByteArray bytes;
    QString suffix;
};

std::optional<DataUrl> decodeDataUrl(const QString &url) {
    const qsizetype comma = url.indexOf(u',');
    if (!url.startsWith("data:"_L1, Qt::CaseInsensitive) || comma < 0)
        return std::nullopt;
    const QString meta = url.mid(5, comma - 5).toLower();
    const QByteArray payload = url.mid(comma + 1).toLatin1();
    DataUrl data;
    if (meta.endsWith(";base64"_L1)) {
        auto decoded = QByteArray::fromBase64Encoding(payload);
        if (!decoded)
            return std::nullopt;
        data.bytes = *decoded;
    } else {
        data.bytes = QByteArray::fromPercentEncoding(payload);
    }
    data.suffix = ImageCache::suffixForData(data.bytes);
    return data;
}

// ----- JSON ----------------------------------------------------------------------------------

QString isoTime(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue jsonOrNull(const QJsonObject &object) {
    return object.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(object);
}

class Reader {
public:
    bool failed() const { return !m_badField.isEmpty(); }
    QString badField() const { return m_badField; }

    QString string(const QJsonObject &o, QLatin1StringView key, const QString &where) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            fail(where + key);
        return v.toString();
    }

    bool boolean(const QJsonObject &o, QLatin1StringView key, const QString &where) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            fail(where + key);
        return v.toBool();
    }

    std::optional<qint64> integer(const QJsonObject &o, QLatin1StringView key,
                                  const QString &where) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const double d = v.toDouble();
        if (!v.isDouble() || d != double(qint64(d)) || std::abs(d) > 9007199254740992.0) {
            fail(where + key);
            return std::nullopt;
        }
        return qint64(d);
    }

    QDateTime time(const QJsonObject &o, QLatin1StringView key, const QString &where) {
        const QString text = string(o, key, where);
        if (text.isEmpty())
            return {};
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid())
            fail(where + key);
        return t.toUTC();
    }

    QJsonObject object(const QJsonObject &o, QLatin1StringView key, const QString &where) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(where + key);
        return v.toObject();
    }

    QJsonArray array(const QJsonObject &o, QLatin1StringView key, const QString &where) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(where + key);
        return v.toArray();
    }

    void fail(const QString &field) {
        if (m_badField.isEmpty())
            m_badField = field;
    }

private:
    QString m_badField;
};

StoreError invalidFile(const QString &message, const QString &detail) {
    return makeError(StoreError::Kind::InvalidFile, message, detail);
}

StoreResult<void> saveAtomically(const QString &filePath, const QByteArray &bytes) {
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return makeError(
            StoreError::Kind::Io,
            QCoreApplication::translate("ConversationExporter", "The file %1 could not be written.")
                .arg(QDir::toNativeSeparators(filePath)),
            file.errorString());
    }
    return {};
}

} // namespace

QString toMarkdown(const ConversationRecord &record,
                   const std::function<QString(const QString &)> &linkForImage) {
    MarkdownWriter writer(linkForImage);
    const ConversationInfo &info = record.info;
    writer.append(u"# "_s
                  + (info.title.isEmpty()
                         ? QCoreApplication::translate("ConversationExporter", "Conversation")
                         : info.title)
                  + u'\n');
    QStringList facts;
    if (info.createdAt.isValid())
        facts.append(QLocale().toString(info.createdAt.toLocalTime(), QLocale::ShortFormat));
    if (!info.agentId.isEmpty())
        facts.append(
            QCoreApplication::translate("ConversationExporter", "agent %1").arg(info.agentId));
    else if (!info.model.isEmpty())
        facts.append(info.model);
    if (!facts.isEmpty())
        writer.append(u"*"_s + facts.join(u" · "_s) + u"*\n"_s);
    // The chat as shown: earlier versions stay out (the JSON form keeps them).
    for (const StoredMessage &m : record.messages) {
        if (m.onPath)
            writer.message(m);
    }
    return writer.text();
}

StoreResult<void> writeMarkdown(const ConversationRecord &record, const QString &filePath,
                                const ImageResolver &resolver) {
    const QFileInfo target(filePath);
    const QDir parent = target.absoluteDir();
    const QString folderName = target.completeBaseName() + u"_files"_s;
    const QString folderPath = parent.filePath(folderName);

    QHash<QString, QString> links; // reference -> relative link
    int counter = 0;
    std::optional<StoreError> copyError;
    const auto linkForImage = [&](const QString &reference) -> QString {
        if (const auto it = links.constFind(reference); it != links.cend())
            return *it;
        QByteArray bytes;
        QString source;
        QString suffix;
        if (reference.startsWith("data:"_L1, Qt::CaseInsensitive)) {
            const auto data = decodeDataUrl(reference);
            if (!data)
                return {};
            bytes = data->bytes;
            suffix = data->suffix;
        } else {
            source = resolver ? resolver(reference) : QString();
            if (source.isEmpty() || !QFileInfo(source).isFile()) {
                const QUrl url(reference);
                const bool remote =
                    url.isValid() && (url.scheme() == "https"_L1 || url.scheme() == "http"_L1);
                return remote ? reference : QString();
            }
            QFile head(source);
            if (head.open(QIODevice::ReadOnly))
                suffix = ImageCache::suffixForData(head.read(64));
        }
        if (!QDir().mkpath(folderPath)) {
            copyError = makeError(StoreError::Kind::Io,
                                  QCoreApplication::translate("ConversationExporter",
                                                              "The folder %1 could not be created.")
                                      .arg(QDir::toNativeSeparators(folderPath)),
                                  u"mkpath failed"_s);
            return {};
        }
        const QString name = u"image-%1.%2"_s.arg(++counter).arg(suffix);
        const QString destination = QDir(folderPath).filePath(name);
        bool written = false;
        if (source.isEmpty()) {
            written = saveAtomically(destination, bytes).ok();
        } else {
            QFile::remove(destination);
            written = QFile::copy(source, destination);
        }
        if (!written) {
            copyError = makeError(StoreError::Kind::Io,
                                  QCoreApplication::translate("ConversationExporter",
                                                              "The image %1 could not be written.")
                                      .arg(QDir::toNativeSeparators(destination)),
                                  u"image copy failed"_s);
            return {};
        }
        const QString link = folderName + u'/' + name;
        links.insert(reference, link);
        return link;
    };
    const QString markdown = toMarkdown(record, linkForImage);
    if (copyError)
        return *copyError;
    return saveAtomically(filePath, markdown.toUtf8());
}

QJsonObject toJson(const ConversationRecord &record) {
    const ConversationInfo &info = record.info;
    QJsonObject conversation{
        {u"id"_s, info.id},
        {u"title"_s, info.title},
        {u"titleIsCustom"_s, info.titleIsCustom},
        {u"titleIsGenerated"_s, info.titleIsGenerated},
        {u"pinned"_s, info.pinned},
        {u"createdAt"_s, isoTime(info.createdAt)},
        {u"updatedAt"_s, isoTime(info.updatedAt)},
        {u"model"_s, info.model},
        {u"agentId"_s, info.agentId},
        {u"tools"_s, info.tools},
        {u"settings"_s, info.settings},
    };
    QJsonArray messages;
    for (const StoredMessage &m : record.messages) {
        messages.append(QJsonObject{
            {u"id"_s, m.id},
            {u"position"_s, m.position},
            {u"role"_s, m.role},
            {u"message"_s, m.message},
            {u"status"_s, statusName(m.status)},
            {u"error"_s, jsonOrNull(m.error)},
            {u"usage"_s, jsonOrNull(m.usage)},
            {u"requestId"_s, m.requestId},
            {u"model"_s, m.model},
            {u"createdAt"_s, isoTime(m.createdAt)},
            {u"updatedAt"_s, isoTime(m.updatedAt)},
            {u"parentId"_s, m.parentId > 0 ? QJsonValue(m.parentId) : QJsonValue()},
            {u"selected"_s, m.selected},
            {u"onPath"_s, m.onPath},
        });
    }
    return QJsonObject{
        {u"format"_s, QString::fromUtf16(formatName)},
        {u"version"_s, formatVersion},
        {u"exportedAt"_s, isoTime(QDateTime::currentDateTimeUtc())},
        {u"conversation"_s, conversation},
        {u"messages"_s, messages},
    };
}

StoreResult<void> writeJson(const ConversationRecord &record, const QString &filePath) {
    return saveAtomically(filePath, QJsonDocument(toJson(record)).toJson(QJsonDocument::Indented));
}

StoreResult<ConversationRecord> fromJson(const QByteArray &json) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return invalidFile(
            QCoreApplication::translate("ConversationExporter",
                                        "This file is not a Tramontane conversation."),
            u"not a JSON object: "_s + parseError.errorString());
    }
    const QJsonObject root = doc.object();
    if (root.value("format"_L1).toString() != QString::fromUtf16(formatName)) {
        return invalidFile(
            QCoreApplication::translate("ConversationExporter",
                                        "This file is not a Tramontane conversation."),
            u"format field missing or different"_s);
    }
    Reader reader;
    const std::optional<qint64> version = reader.integer(root, "version"_L1, {});
    if (!version || *version < 1) {
        return invalidFile(QCoreApplication::translate(
                               "ConversationExporter",
                               "This conversation file is damaged (its version is missing)."),
                           u"bad version"_s);
    }
    if (*version > formatVersion) {
        return invalidFile(QCoreApplication::translate(
                               "ConversationExporter",
                               "This conversation was exported by a newer version of Tramontane "
                               "(format version %1). Update Tramontane to import it.")
                               .arg(*version),
                           u"format version %1"_s.arg(*version));
    }

    ConversationRecord record;
    const QJsonObject c = reader.object(root, "conversation"_L1, {});
    const QString cw = u"conversation."_s;
    ConversationInfo &info = record.info;
    info.id = reader.integer(c, "id"_L1, cw).value_or(0);
    info.title = reader.string(c, "title"_L1, cw);
    info.titleIsCustom = reader.boolean(c, "titleIsCustom"_L1, cw);
    // Added later: files written before it have no such key.
    info.titleIsGenerated = !info.titleIsCustom && c.value("titleIsGenerated"_L1).toBool();
    info.pinned = reader.boolean(c, "pinned"_L1, cw);
    info.createdAt = reader.time(c, "createdAt"_L1, cw);
    info.updatedAt = reader.time(c, "updatedAt"_L1, cw);
    info.model = reader.string(c, "model"_L1, cw);
    info.agentId = reader.string(c, "agentId"_L1, cw);
    info.tools = reader.array(c, "tools"_L1, cw);
    info.settings = reader.object(c, "settings"_L1, cw);

    const QJsonArray messages = reader.array(root, "messages"_L1, {});
    qint64 lastPosition = -1;
    for (qsizetype i = 0; i < messages.size() && !reader.failed(); ++i) {
        const QString mw = u"messages[%1]."_s.arg(i);
        if (!messages.at(i).isObject()) {
            reader.fail(u"messages[%1]"_s.arg(i));
            break;
        }
        const QJsonObject o = messages.at(i).toObject();
        StoredMessage m;
        m.id = reader.integer(o, "id"_L1, mw).value_or(0);
        m.position = reader.integer(o, "position"_L1, mw).value_or(lastPosition + 1);
        if (m.position <= lastPosition)
            reader.fail(mw + u"position"_s);
        lastPosition = m.position;
        m.message = reader.object(o, "message"_L1, mw);
        m.role = m.message.value("role"_L1).toString();
        if (m.role.isEmpty())
            reader.fail(mw + u"message.role"_s);
        const QString status = reader.string(o, "status"_L1, mw);
        if (!status.isEmpty()) {
            if (const auto s = statusFromName(status))
                m.status = *s;
            else
                reader.fail(mw + u"status"_s);
        }
        m.error = reader.object(o, "error"_L1, mw);
        m.usage = reader.object(o, "usage"_L1, mw);
        m.requestId = reader.string(o, "requestId"_L1, mw);
        m.model = reader.string(o, "model"_L1, mw);
        m.createdAt = reader.time(o, "createdAt"_L1, mw);
        m.updatedAt = reader.time(o, "updatedAt"_L1, mw);
        // Versions (format 2); a format 1 file is one linear path.
        m.parentId = reader.integer(o, "parentId"_L1, mw).value_or(0);
        if (o.contains("selected"_L1))
            m.selected = reader.boolean(o, "selected"_L1, mw);
        if (o.contains("onPath"_L1))
            m.onPath = reader.boolean(o, "onPath"_L1, mw);
        record.messages.append(m);
    }
    if (reader.failed()) {
        return invalidFile(QCoreApplication::translate(
                               "ConversationExporter",
                               "This conversation file is damaged (the field “%1” is wrong).")
                               .arg(reader.badField()),
                           u"bad field "_s + reader.badField());
    }
    return record;
}

} // namespace Tramontane::ConversationExporter
