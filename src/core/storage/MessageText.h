// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

//! Text extraction from stored chat messages: what gets indexed for search, how a title is
//! derived, and how a user's search words become a safe SQLite FTS5 query. Pure functions,
//! no database: the store calls them and tests check them directly.
namespace Tramontane::MessageText {

//! The longest derived title, in characters (a longer first line is cut and ends in "…").
inline constexpr int maxTitleLength = 80;

//! The shortest last word that is searched as a prefix.
inline constexpr int minPrefixLength = 2;

//! The searchable text of one API chat message: string content, the text of `text` chunks
//! (and of `text` inside `thinking`), document names, reference titles and URLs, tool call
//! names and arguments, and a tool message's result. Parts are separated by newlines.
//! Unknown shapes contribute nothing and never fail. The control characters U+0002 and
//! U+0003, used to mark search snippets, are removed.
QString plainText(const QJsonObject &message);

//! Only what the author wrote: string content and `text` chunks (no tool data, no thinking).
QString visibleText(const QJsonObject &message);

//! A title from a user message: the first non-empty line of its visible text, with runs of
//! white space collapsed, trimmed, and cut to maxTitleLength characters (without splitting a
//! surrogate pair). Empty if the message has no text.
QString deriveTitle(const QJsonObject &userMessage);

//! Turns what a user typed into an FTS5 MATCH expression that can never be a syntax error:
//! each white-space separated word becomes a quoted phrase of its letters and digits (so
//! `foo-bar` matches the two words in a row), all phrases must match, and the last word is a
//! prefix when the query does not end in a space and that word has at least
//! minPrefixLength characters (a one-letter prefix matches a large part of any index and
//! costs a full merge of its entries). Returns an empty string when nothing searchable
//! remains (the caller then returns no hits).
QString ftsMatchExpression(const QString &userQuery);

} // namespace Tramontane::MessageText
