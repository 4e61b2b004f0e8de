// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/ConnectorSignInStates.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Tramontane {

//! The words for an OAuth connector's sign-in in the chat's tools menu.
class ConnectorSignInText final {
    Q_DECLARE_TR_FUNCTIONS(ConnectorSignInText)

public:
    //! "signed in as ada@example.com, until 14:05", "refreshing sign-in…", "needs sign-in";
    //! empty while the keychain has not been read.
    static QString state(const ConnectorSignInStates::Summary &summary, const QDateTime &now);
    //! The title of the menu entry that signs \a connectorName in.
    static QString signInAction(const QString &connectorName);
};

} // namespace Tramontane
