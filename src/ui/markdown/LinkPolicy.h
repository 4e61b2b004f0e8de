// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>

namespace Tramontane {

//! What the chat may do with a link found in model output. The view always shows the full URL
//! before anything is opened; this only decides whether opening is offered at all.
class LinkPolicy final {
public:
    enum class Action {
        Open,            //!< https with a host, or mailto with an address
        AskLoopbackHttp, //!< plain http to 127.0.0.1, localhost or [::1]: ask first
        Refuse,          //!< everything else: javascript:, file:, data:, qrc:, relative, ...
    };

    //! Pure and cheap: parses nothing beyond \a url and never touches the network or disk.
    static Action check(const QUrl &url);

    LinkPolicy() = delete;
};

} // namespace Tramontane
