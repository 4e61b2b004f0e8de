// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatSettingsPane.h"

#include "models/ChatSession.h"
#include "ui/chat/ChatSettingsPanel.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tramontane {

ChatSettingsPane::ChatSettingsPane(ChatSession *session, QToolButton *button, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_button(button)
    , m_panel(new ChatSettingsPanel) {
    setObjectName(u"chatSettingsPane"_s);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Settings of this chat"), this);
    title->setObjectName(u"chatSettingsTitleLabel"_s);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *close = new QToolButton(this);
    close->setObjectName(u"closeChatSettingsToolButton"_s);
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the chat’s settings"));
    header->addWidget(title, 1);
    header->addWidget(close);
    layout->addLayout(header);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_panel);
    layout->addWidget(scroll, 1);
    setMinimumWidth(300);
    setMaximumWidth(420);
    hide();

    m_button->setCheckable(true);
    connect(m_button, &QToolButton::toggled, this, [this](bool open) {
        setVisible(open);
        if (open)
            m_panel->focusFirstField();
    });
    connect(close, &QToolButton::clicked, m_button, [this] { m_button->setChecked(false); });
    connect(m_panel, &ChatSettingsPanel::edited, this,
            [this](const ChatSettingsInput::Result &result) {
                if (result.ok())
                    m_session->setChatSettings(result.settings);
            });
    connect(m_session, &ChatSession::chatSettingsChanged, this,
            &ChatSettingsPane::showSessionSettings);
    showSessionSettings();
}

ChatSettingsPane::~ChatSettingsPane() = default;

void ChatSettingsPane::setTarget(const QString &agentName, bool reasoning) {
    m_panel->setAgent(agentName);
    m_panel->setReasoningAvailable(reasoning);
}

void ChatSettingsPane::showSessionSettings() {
    // The form already says this (it is being typed): leave the cursor where it is.
    const ChatSettings settings = m_session->chatSettings();
    const auto shown = m_panel->read();
    if (!shown.ok() || shown.settings != settings)
        m_panel->setSettings(settings);
    updateButton();
}

void ChatSettingsPane::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        updateButton();
    QFrame::changeEvent(event);
}

void ChatSettingsPane::updateButton() {
    const ChatSettings s = m_session->chatSettings();
    QStringList set;
    if (!s.instructions.isEmpty())
        set << tr("instructions");
    if (s.temperature)
        set << tr("temperature");
    if (s.topP)
        set << tr("top P");
    if (s.maxTokens)
        set << tr("max tokens");
    if (s.randomSeed)
        set << tr("random seed");
    if (s.responseFormat != ChatSettings::ResponseFormat::Text)
        set << tr("answer format");
    if (s.reasoningEffort || s.reasoningPromptMode)
        set << tr("reasoning");
    m_button->setText(set.isEmpty() ? tr("Chat Settings")
                                    : tr("Chat Settings (%1)").arg(set.size()));
    m_button->setToolTip(set.isEmpty()
                             ? tr("Instructions, temperature and other settings of this chat")
                             : tr("This chat has its own %1").arg(set.join(u", "_s)));
    m_button->setProperty("customized", !set.isEmpty());
    QFont font = m_button->font();
    font.setBold(!set.isEmpty());
    m_button->setFont(font);
}

} // namespace Tramontane
