// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ConnectorSignInBar.h"

#include "core/auth/ScopeChallenge.h"
#include "core/net/ApiError.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tramontane {

ConnectorSignInBar::ConnectorSignInBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_button(new QPushButton(tr("Sign In A&gain…"), this)) {
    setObjectName(u"connectorSignInBar"_s);
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(u"connectorSignInLabel"_s);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_button->setObjectName(u"signInAgainPushButton"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this,
            [this] { Q_EMIT signInRequested(m_connectorKey, m_scope); });
    hide();
}

void ConnectorSignInBar::showFor(const ApiError &error, const QList<Tool> &sentTools) {
    // A 403 whose challenge names the scope the token lacks.
    const QString wanted = insufficientScope(error);
    const bool scoped = !wanted.isEmpty();
    if (!error.isConnectorCredentialsRejected() && !scoped) {
        hide();
        return;
    }
    m_connectorKey.clear();
    m_scope = wanted;
    // "tools[2].authorization": the tool the API names; else the only connector tool.
    static const QRegularExpression index(u"^tools\\[(\\d+)\\]"_s);
    const QRegularExpressionMatch match = index.match(error.serverParam());
    if (match.hasMatch()) {
        const qsizetype i = match.captured(1).toLongLong();
        if (i >= 0 && i < sentTools.size() && sentTools.at(i).type == Tool::Type::Connector)
            m_connectorKey = sentTools.at(i).connectorId;
    }
    if (m_connectorKey.isEmpty()) {
        QStringList connectors;
        for (const Tool &tool : sentTools) {
            if (tool.type == Tool::Type::Connector)
                connectors.append(tool.connectorId);
        }
        if (connectors.size() == 1)
            m_connectorKey = connectors.first();
    }
    if (scoped) {
        const QString missing =
            missingScope(m_scope, m_granted && !m_connectorKey.isEmpty() ? m_granted(m_connectorKey)
                                                                         : QString());
        const QString who = m_connectorKey.isEmpty() ? tr("A connector") : m_connectorKey;
        m_label->setText(tr("%1 needs the permission “%2”, which its sign-in did not grant: sign "
                            "in again to grant it, then retry (your message is kept).")
                             .arg(who, missing));
    } else {
        m_label->setText(tr("A connector refused its sign-in and could not renew it. Sign in "
                            "again, then retry: your message is kept."));
    }
    show();
}

QString ConnectorSignInBar::text() const {
    return isVisibleTo(parentWidget()) ? m_label->text() : QString();
}

} // namespace Tramontane
