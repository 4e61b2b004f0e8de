// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tramontane::Emulator {

//! How a generated image reaches the client.
enum class ImageForm {
    ToolFile, //!< a `tool_file` chunk with the file id (download /v1/files/{id}/content)
    ImageUrl, //!< an `image_url` chunk with an http URL served by the emulator (signed)
    DataUrl,  //!< an `image_url` chunk with a data:image/png;base64 URL
    Url,      //!< only a URL inside the tool message; the final message is text
};

std::optional<ImageForm> imageFormFromName(const QString &name);

//! A tool invocation typed by the user: `use tool NAME {json}` or `call NAME {json}`.
struct Invocation {
    QString name;
    QJsonObject arguments;
    QString error; //!< set when the arguments are not a JSON object
};

//! The deterministic scripted assistant: reads triggers in the last user message and writes
//! markdown answers. Everything here is a pure function of its inputs.
namespace Script {

//! The text of a message's content (a string, or the text chunks of an array, joined).
QString contentText(const QJsonValue &content);
//! The text of the last user message.
QString lastUserText(const QJsonArray &messages);

//! Splits text into the pieces a stream sends one by one ("tokens").
QStringList tokenize(const QString &text);
int countTokens(const QString &text);
//! A rough prompt token count for usage.
int promptTokens(const QJsonArray &messages);

//! `rate R` in the text: the streaming rate in tokens per second.
std::optional<double> requestedRate(const QString &text);
//! `long N` in the text: the length of a long answer, in tokens.
std::optional<int> requestedLength(const QString &text);
//! `tables` in the text: a long answer made mostly of tables.
bool wantsTables(const QString &text);
bool wantsEcho(const QString &text);
//! A request to draw or generate a picture.
bool wantsImage(const QString &text);
//! `as image_url`, `as data url`, `as url`, `as tool_file` in the text.
std::optional<ImageForm> requestedImageForm(const QString &text);
//! `unsigned` in the text: image URLs on the emulator's own host without a `signature`, so that
//! only a request carrying the API key can fetch them (as `/v1/files/{id}/content` is).
bool wantsUnsignedUrl(const QString &text);
bool wantsToolList(const QString &text);
//! `cite` in the text: an answer with sources, as the hosted web search gives.
bool wantsCitations(const QString &text);
//! `use tool NAME {json}` (connector tools).
std::optional<Invocation> useTool(const QString &text);
//! `call NAME {json}` (function tools).
std::optional<Invocation> callFunction(const QString &text);

//! Who is answering: a model, or an agent on a model.
struct Speaker {
    QString model;
    QString agentName;
    QString instructions;
};

QString defaultAnswer(const Speaker &speaker, const QString &userText);
//! A request to name a chat (the client's title request: a system message beginning "You name
//! chats" and the first message after "First message:"): its first six words, as a small model
//! would answer. Nothing for any other request.
std::optional<QString> titleAnswer(const QJsonArray &messages);
//! The answer to a message with images or documents: what was received (\a description, a
//! markdown list), then the default answer.
QString attachmentAnswer(const Speaker &speaker, const QString &userText,
                         const QString &description);
QString echoAnswer(const Speaker &speaker, const QString &userText, const QJsonObject &request);
//! About \a tokens tokens of markdown mixing every block kind, or mostly tables with
//! \a tablesOnly (headings and tables only).
QString longAnswer(const Speaker &speaker, int tokens, const QString &seedText,
                   bool tablesOnly = false);
QString toolResultAnswer(const QString &toolName, const QString &result);
QString imageAnswer(const QString &prompt);
//! A made-up web search for \a query: the tool's result (JSON text, one object per source with
//! its index) and the final answer's chunks (text, `tool_reference` per source, and a
//! `reference` chunk naming the sources by index).
QString webSearchResult(const QString &query);
QJsonArray citedAnswerChunks(const QString &query);
QString connectorAnswer(const QString &connector, const QString &tool, const QString &result);
QString emptyAnswer(const Speaker &speaker);

} // namespace Script

} // namespace Tramontane::Emulator
