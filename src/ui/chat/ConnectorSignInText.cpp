// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ConnectorSignInText.h"

#include <QLocale>

namespace Tramontane {

QString ConnectorSignInText::state(const ConnectorSignInStates::Summary &summary,
                                   const QDateTime &now) {
    if (summary.state == OAuthTokenManager::State::Refreshing)
        return tr("refreshing sign-in…");
    if (summary.needsSignIn(now))
        return tr("needs sign-in");
    if (!summary.loaded || !summary.hasTokens)
        return {};
    // Today's expiry as a time; a later one with its date.
    const QDateTime local = summary.expiresAt.toLocalTime();
    const QString until = !summary.expiresAt.isValid() ? QString()
                          : local.date() == now.toLocalTime().date()
                              ? QLocale().toString(local.time(), QLocale::ShortFormat)
                              : QLocale().toString(local, QLocale::ShortFormat);
    if (!summary.account.isEmpty() && !until.isEmpty())
        return tr("signed in as %1, expires %2").arg(summary.account, until);
    if (!summary.account.isEmpty())
        return tr("signed in as %1").arg(summary.account);
    if (!until.isEmpty())
        return tr("signed in, expires %1").arg(until);
    return tr("signed in");
}

QString ConnectorSignInText::signInAction(const QString &connectorName) {
    return tr("Sign In to %1…").arg(connectorName);
}

} // namespace Tramontane
