// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QToolButton;

namespace Tramontane {

class ChatSession;
class ChatSettingsPanel;

//! The side panel of a chat's settings: the settings form bound to the chat's session (a
//! change that can be used applies at once to the next message and is kept with the
//! conversation; another chat's settings show when the chat changes), and the composer's
//! button that opens and closes it and says when the chat has settings of its own.
class ChatSettingsPane final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSettingsPane)

public:
    //! \a button is the composer's (not owned): it toggles the pane and shows how many
    //! settings the chat has ("Chat Settings (2)").
    ChatSettingsPane(ChatSession *session, QToolButton *button, QWidget *parent = nullptr);
    ~ChatSettingsPane() override;

    ChatSettingsPanel *panel() const { return m_panel; }
    //! The chat's model or agent: \a agentName empty for a model; \a reasoning whether the
    //! model reasons.
    void setTarget(const QString &agentName, bool reasoning);

protected:
    //! A new language: the button says it (the words depend on the chat's settings).
    void changeEvent(QEvent *event) override;

private:
    void showSessionSettings();
    void updateButton();

    ChatSession *m_session;
    QToolButton *m_button;
    ChatSettingsPanel *m_panel;
};

} // namespace Tramontane
