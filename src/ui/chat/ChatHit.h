// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QRect>
#include <QString>

namespace Tramontane {

//! A target in a chat row: what clicking it (or pressing it from the keyboard) does, and where
//! it is. Row layouts list them, hit-testing returns one, the view carries them out.
struct ChatHit {
    Q_GADGET

public:
    enum class Action {
        None,
        CopyMessage,       //!< the row's markdown
        EditMessage,       //!< a user message
        CopyCode,          //!< code block `codeBlock`
        OpenLink,          //!< `href`
        ToggleExpanded,    //!< thinking row or tool card
        CopyToolArguments, //!< a tool card's arguments
        CopyToolResult,    //!< a tool card's result
        Retry,             //!< a retryable notice
        Continue,          //!< a notice of an answer cut by the length limit
        ToggleDetails,     //!< a notice's raw details
        CopyDetails,       //!< ... copied
        RetryImage,        //!< a failed image
        OpenImage,         //!< a loaded image
        ShowAnswerDetails, //!< the footer under an answer
        OpenCitation,      //!< citation chip number `codeBlock` (from 0), its URL in `href`
        AllowTool,         //!< a tool card's call waiting for a confirmation: run it
        DenyTool,          //!< ... do not run it
        PreviousVersion,   //!< the ‹ of a version switcher: the version before
        NextVersion,       //!< its ›: the version after
        SaveFile,          //!< a file a tool made: Save As…
    };
    Q_ENUM(Action)

    Action action = Action::None;
    QRect rect; //!< the target, viewport coordinates
    int codeBlock = -1;
    QString href;

    bool operator==(const ChatHit &o) const {
        return action == o.action && rect == o.rect && codeBlock == o.codeBlock && href == o.href;
    }
    //! The same target, wherever it is drawn now.
    bool isSameTarget(const ChatHit &o) const {
        return action == o.action && codeBlock == o.codeBlock && href == o.href;
    }
};

} // namespace Tramontane

Q_DECLARE_METATYPE(Tramontane::ChatHit)
