// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/chat/ChatHit.h"

#include <QCoreApplication>
#include <QString>

namespace Tramontane {

//! The words the chat view shows or copies for a ChatItem, apart from its markdown: the footer
//! line, a tool card's name and summary, a notice's details, citation chips, and the names of
//! row buttons. Pure functions of the item; they live in the UI layer because they use its
//! translations (ToolTitles, ErrorDetails) and the bidi neutralisation of untrusted text.
class ChatItemText final {
    Q_DECLARE_TR_FUNCTIONS(ChatItemText)

public:
    ChatItemText() = delete;

    //! The text a row copies: markdown for messages, arguments and result for tool cards...
    static QString copyText(const ChatItem &item);
    //! The one-line summary of a tool call's arguments.
    static QString toolSummary(const ChatItem &item);
    //! A hosted tool's translated title (see ToolTitles); function names as they are.
    static QString toolDisplayName(const ChatItem &item);
    //! The icon of a tool card, from the tool's name.
    static QString toolIconName(const ChatItem &item);
    //! The footer line: model (or, after a handoff, the agent that took over) · N tokens (the
    //! request id is in the details it opens).
    static QString footerText(const ChatItem &item);
    //! What a notice shows behind "Details": the raw content, or the error's particulars
    //! (see ErrorDetails).
    static QString noticeDetails(const ChatItem &item);
    //! The label of citation chip \a index (from 0): "1  Title", or the host without a title.
    static QString citationLabel(const Citation &citation, int index);
    //! The chip's tooltip (rich text, escaped): the title and the full address.
    static QString citationToolTip(const Citation &citation);
    //! What a target does, in words (for the keyboard focus and assistive technology).
    static QString actionLabel(ChatHit::Action action);
};

} // namespace Tramontane
