// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Message.h"

#include <QList>

//! Request shaping: how the messages of a conversation are sent back to the API as the history
//! of a new request. The request schema is strict (unknown content is a 422) and some chunks
//! exist only in answers, so what was shown is not always what may be sent.
namespace Tramontane::RequestHistory {

//! \a message as a request may carry it: without its stream index and metadata; a generated
//! image (tool_file) becomes a short note so the model still knows it made one; citations
//! (tool_reference) and unknown chunks are left out.
ChatMessage requestMessage(const ChatMessage &message);

//! False for an answer that produced nothing (failed or canceled before its first token): it
//! is not part of the history. An interrupted or stopped partial answer is what the user saw,
//! and is.
bool belongsInHistory(const ChatMessage &message);

//! The history to send for \a messages, in order: those that belong in it, each shaped by
//! requestMessage().
QList<ChatMessage> fromMessages(const QList<ChatMessage> &messages);

} // namespace Tramontane::RequestHistory
