// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/LinkPolicy.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

bool isLoopbackHost(const QString &host) {
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    // Only the canonical spellings: "127.1" or "0x7f.0.0.1" are what phishing links use.
    return host == "127.0.0.1"_L1 || host == "::1"_L1;
}

} // namespace

LinkPolicy::Action LinkPolicy::check(const QUrl &url) {
    if (!url.isValid() || url.isRelative())
        return Action::Refuse;
    const QString scheme = url.scheme().toLower();
    if (scheme == "https"_L1)
        return url.host().isEmpty() ? Action::Refuse : Action::Open;
    if (scheme == "mailto"_L1)
        return url.path().contains(u'@') ? Action::Open : Action::Refuse;
    if (scheme == "http"_L1)
        return isLoopbackHost(url.host()) ? Action::AskLoopbackHttp : Action::Refuse;
    return Action::Refuse;
}

} // namespace Tramontane
