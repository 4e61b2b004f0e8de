// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/EmptyChatPanel.h"

#include "ui_EmptyChatPanel.h"

#include <QEvent>
#include <QKeySequence>

namespace Tramontane {

EmptyChatPanel::EmptyChatPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EmptyChatPanel>()) {
    m_ui->setupUi(this);
    setBackgroundRole(QPalette::Base);
    const auto choose = [this](QPushButton *button, Suggestion suggestion) {
        connect(button, &QPushButton::clicked, this,
                [this, suggestion] { Q_EMIT suggestionChosen(suggestion); });
    };
    choose(m_ui->askPushButton, Suggestion::Ask);
    choose(m_ui->drawPushButton, Suggestion::Draw);
    choose(m_ui->connectorPushButton, Suggestion::UseConnector);
    choose(m_ui->agentPushButton, Suggestion::ChooseAgent);
    retranslate();
    updateLook();
    setContext({});
}

void EmptyChatPanel::retranslate() {
    m_ui->retranslateUi(this);
    m_ui->shortcutsLabel->setText(
        tr("Every keyboard shortcut: %1")
            .arg(QKeySequence(QKeySequence::HelpContents).toString(QKeySequence::NativeText)));
}

EmptyChatPanel::~EmptyChatPanel() = default;

void EmptyChatPanel::setContext(const Context &context) {
    m_context = context;
    m_ui->askPushButton->setText(tr("Ask: “%1”").arg(promptFor(Suggestion::Ask)));
    m_ui->drawPushButton->setText(tr("Draw: “%1”").arg(promptFor(Suggestion::Draw)));
    m_ui->drawPushButton->setVisible(!context.agentChosen && context.canUseTools);
    m_ui->connectorPushButton->setText(tr("Use the connector %1").arg(context.connectorTitle));
    m_ui->connectorPushButton->setVisible(!context.agentChosen && context.canUseTools
                                          && !context.connectorTitle.isEmpty());
    m_ui->agentPushButton->setVisible(!context.agentChosen && context.hasAgents);
}

QString EmptyChatPanel::promptFor(Suggestion suggestion) const {
    switch (suggestion) {
    case Suggestion::Ask:
        return tr("Explain how a heat pump works, in five short points.");
    case Suggestion::Draw:
        return tr("Draw a lighthouse on a cliff in a storm, as a watercolour.");
    case Suggestion::UseConnector:
        return tr("What can you do with %1? List its tools in a sentence each.")
            .arg(m_context.connectorTitle);
    case Suggestion::ChooseAgent:
        break;
    }
    return {};
}

void EmptyChatPanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        updateLook();
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        setContext(m_context); // the suggestions, in the new language
    }
}

void EmptyChatPanel::updateLook() {
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    QPalette muted = palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_ui->hintLabel->setPalette(muted);
    m_ui->shortcutsLabel->setPalette(muted);
}

} // namespace Tramontane
