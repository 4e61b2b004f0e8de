// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/markdown/MessageDocument.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace Tramontane {

//! What "Find in this chat" searches in a row: the text a person sees, not its markdown.
class ChatFindText final {
public:
    ChatFindText() = delete;

    using Range = MessageDocument::TextRange;

    //! Whether rows of this kind are searched: messages, thinking, tool cards.
    static bool isSearchable(const ChatItem &item);
    //! The text of \a item as the chat shows it: the rendered markdown of a message or of its
    //! thinking (as MessageDocument::toPlainText() has it, code blocks included), a tool card's
    //! arguments and result one after the other. Empty for rows that are not searched.
    static QString visibleText(const ChatItem &item);
    //! Where a tool card's result starts in its visibleText().
    static qsizetype toolResultOffset(const ChatItem &item);
    //! Whether \a item may hold \a needle at all, judged on its raw text (cheap): every run of
    //! letters and digits of the needle must be in it. False only when it surely does not.
    static bool mayContain(const ChatItem &item, QStringView needle, Qt::CaseSensitivity cs);
    //! Every occurrence of \a needle in \a text, left to right, not overlapping.
    static QList<Range> findAll(QStringView text, QStringView needle, Qt::CaseSensitivity cs);
};

} // namespace Tramontane
