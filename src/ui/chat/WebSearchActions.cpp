// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/WebSearchActions.h"

#include <QAction>
#include <QMenu>
#include <QPointer>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace Tramontane {

void WebSearchActions::add(QMenu *menu, Tool::Type current,
                           const std::function<void(Tool::Type)> &chosen) {
    const auto make = [menu, current](const QString &title, const QString &tip, const QString &name,
                                      Tool::Type type) {
        QAction *action = menu->addAction(title);
        action->setCheckable(true);
        action->setChecked(current == type);
        action->setToolTip(tip);
        action->setObjectName(name);
        return action;
    };
    QAction *web = make(tr("Web search"), tr("Search the web and cite the sources"),
                        u"webSearchAction"_s, Tool::Type::WebSearch);
    QAction *premium = make(tr("Web search (premium)"),
                            tr("Search the web and news agencies, and cite the sources"),
                            u"webSearchPremiumAction"_s, Tool::Type::WebSearchPremium);
    const auto follow = [chosen](QAction *action, QAction *other, Tool::Type type) {
        QObject::connect(action, &QAction::toggled, action,
                         [chosen, other = QPointer<QAction>(other), type](bool on) {
                             if (on && other) {
                                 const QSignalBlocker block(other.data());
                                 other->setChecked(false);
                             }
                             chosen(on ? type : Tool::Type::Unknown);
                         });
    };
    follow(web, premium, Tool::Type::WebSearch);
    follow(premium, web, Tool::Type::WebSearchPremium);
}

} // namespace Tramontane
