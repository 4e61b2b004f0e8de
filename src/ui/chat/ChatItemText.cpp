// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatItemText.h"

#include "ui/chat/ErrorDetails.h"
#include "ui/chat/ToolTitles.h"
#include "ui/markdown/BidiControls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

using Kind = ChatItem::Kind;
using Action = ChatHit::Action;

QString compactJson(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

} // namespace

QString ChatItemText::copyText(const ChatItem &item) {
    switch (item.kind) {
    case Kind::User:
    case Kind::Assistant:
    case Kind::Thinking:
        return item.text;
    case Kind::ToolRun: {
        QString text = toolDisplayName(item);
        if (!item.toolArguments.isEmpty())
            text += u"\n\n"_s + item.toolArguments;
        if (item.hasToolResult)
            text += u"\n\n"_s + item.toolResult;
        return text;
    }
    case Kind::Image:
        return item.image.kind == ImageSource::Kind::DataUrl ? QString() : item.image.ref;
    case Kind::Document:
        return item.text;
    case Kind::Notice:
        return item.detail.isEmpty() ? item.text : item.text + u"\n\n"_s + item.detail;
    }
    return {};
}

namespace {

QString toolSummaryOf(const ChatItem &item) {
    const QJsonDocument doc = QJsonDocument::fromJson(item.toolArguments.toUtf8());
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (const QString &key : {u"prompt"_s, u"query"_s, u"q"_s, u"code"_s, u"url"_s, u"path"_s,
                                   u"message"_s, u"text"_s, u"input"_s}) {
            if (o.value(key).isString())
                return o.value(key).toString().simplified();
        }
        QStringList parts;
        for (auto it = o.constBegin(); it != o.constEnd() && parts.size() < 4; ++it)
            parts << it.key() + u": "_s + compactJson(it.value()).left(80);
        return parts.join(u", "_s).simplified();
    }
    if (!item.toolArguments.isEmpty())
        return item.toolArguments.left(200).simplified();
    return item.toolResult.left(200).simplified();
}

} // namespace

QString ChatItemText::toolSummary(const ChatItem &item) {
    // Arguments come from the model, results from a tool's server: neither may reorder the
    // words shown in the card's header.
    return BidiControls::neutralised(toolSummaryOf(item));
}

QString ChatItemText::toolDisplayName(const ChatItem &item) {
    if (item.toolName.isEmpty())
        return tr("Tool");
    if (!item.hosted)
        return BidiControls::neutralised(item.toolName);
    return ToolTitles::title(item.toolName, item.toolType, item.toolConnector);
}

QString ChatItemText::citationLabel(const Citation &citation, int index) {
    QString name = BidiControls::neutralised(citation.title.simplified());
    if (name.isEmpty())
        name = QUrl(citation.url).host();
    if (name.isEmpty())
        name = citation.url.isEmpty() ? tr("Source") : citation.url;
    return QString::number(index + 1) + u"  "_s + name;
}

QString ChatItemText::citationToolTip(const Citation &citation) {
    // The full address, encoded as it will be opened: what the user sees is what opens.
    const QString url = citation.url.isEmpty()
                            ? QString()
                            : QUrl(citation.url).toString(QUrl::FullyEncoded).toHtmlEscaped();
    const QString title = BidiControls::neutralised(citation.title.simplified()).toHtmlEscaped();
    // Always rich text (escaped), so a title that looks like markup is shown as written.
    QStringList lines;
    if (!title.isEmpty())
        lines << title;
    if (!url.isEmpty())
        lines << url;
    else if (citation.tool == "document_library"_L1)
        lines << tr("A document of your libraries");
    // What the source says, shortened: a library document has no page to open instead.
    QString passage = BidiControls::neutralised(citation.description.simplified());
    if (passage.size() > 300)
        passage = passage.left(299) + u'…';
    if (!passage.isEmpty())
        lines << u"<i>"_s + passage.toHtmlEscaped() + u"</i>"_s;
    return u"<p>"_s + lines.join(u"<br>"_s) + u"</p>"_s;
}

QString ChatItemText::footerText(const ChatItem &item) {
    QStringList parts;
    // After a handoff the answer is the new agent's, whatever model it runs on.
    if (!item.agent.isEmpty())
        parts << item.agent;
    else if (!item.model.isEmpty())
        parts << item.model;
    if (item.usage && item.usage->totalTokens > 0)
        parts << tr("%1 tokens").arg(QLocale().toString(item.usage->totalTokens));
    // The request id is for support, not for reading: the details the footer opens show it.
    return parts.join(u" · "_s);
}

QString ChatItemText::toolIconName(const ChatItem &item) {
    const QString name = item.toolName.toLower();
    if (name.contains("image"_L1))
        return u"image"_s;
    if (name.contains("search"_L1))
        return u"search"_s;
    if (name.contains("code"_L1))
        return u"code"_s;
    if (name.contains("document"_L1) || name.contains("library"_L1))
        return u"book"_s;
    return item.hosted ? u"sparkle"_s : u"tool"_s;
}

QString ChatItemText::noticeDetails(const ChatItem &item) {
    if (item.continuable)
        return {}; // nothing went wrong: the hint under the title says it all
    if (!item.retryable)
        return item.detail;
    static const ApiError none;
    return ErrorDetails::text(item.error ? *item.error : none, item.requestId);
}

QString ChatItemText::actionLabel(ChatHit::Action action) {
    switch (action) {
    case Action::None:
    case Action::OpenLink:
        break;
    case Action::CopyMessage:
        return tr("Copy message");
    case Action::EditMessage:
        return tr("Edit message");
    case Action::CopyCode:
        return tr("Copy code");
    case Action::ToggleExpanded:
        return tr("Show or hide details");
    case Action::CopyToolArguments:
        return tr("Copy the tool's arguments");
    case Action::CopyToolResult:
        return tr("Copy the tool's result");
    case Action::Retry:
        return tr("Retry");
    case Action::Continue:
        return tr("Continue the answer");
    case Action::ToggleDetails:
        return tr("Show or hide the error's details");
    case Action::CopyDetails:
        return tr("Copy the error's details");
    case Action::RetryImage:
        return tr("Load the image again");
    case Action::OpenImage:
        return tr("Open the image");
    case Action::ShowAnswerDetails:
        return tr("Answer details");
    case Action::OpenCitation:
        return tr("Open the source");
    case Action::AllowTool:
        return tr("Allow the tool to run");
    case Action::DenyTool:
        return tr("Do not run the tool");
    case Action::PreviousVersion:
        return tr("Show the previous version");
    case Action::NextVersion:
        return tr("Show the next version");
    case Action::SaveFile:
        return tr("Save the file");
    }
    return tr("Open link");
}

} // namespace Tramontane
