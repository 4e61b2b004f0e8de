// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Tool.h"

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace Tramontane {

class ApiError;

//! Above the composer after a turn that a connector refused because its sign-in no longer
//! works (the token refresh failed too), or because its sign-in lacks a scope the server
//! named (a 403 with `error="insufficient_scope"`): one sentence and "Sign In Again…", which
//! then asks for that scope too. The message is kept in the conversation; once signed in,
//! Retry sends it again.
class ConnectorSignInBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorSignInBar)

public:
    explicit ConnectorSignInBar(QWidget *parent = nullptr);

    //! Shows the bar when \a error is a connector's refused token; \a sentTools are the tools
    //! of the turn (the error names the refusing one by its index when the API says).
    //! Hides it otherwise.
    void showFor(const ApiError &error, const QList<Tool> &sentTools);
    //! The connector (id or name, as the chat's tool names it) to sign in again; may be empty
    //! when the error does not say which.
    QString connectorKey() const { return m_connectorKey; }
    //! The scope the connector's server asked for (empty unless a 403 named one).
    QString scope() const { return m_scope; }
    //! The scope granted to the connector \a connectorKey, to name only what is missing.
    void setGrantedScope(std::function<QString(const QString &connectorKey)> granted) {
        m_granted = std::move(granted);
    }
    QPushButton *signInButton() const { return m_button; }
    QString text() const;

Q_SIGNALS:
    void signInRequested(const QString &connectorKey, const QString &scope);

private:
    QLabel *m_label;
    QPushButton *m_button;
    QString m_connectorKey;
    QString m_scope;
    std::function<QString(const QString &)> m_granted;
};

} // namespace Tramontane
