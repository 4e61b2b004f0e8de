// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatSettings.h"
#include "models/ChatSettingsInput.h"

#include <QWidget>

#include <memory>

namespace Tramontane {

namespace Ui {
class ChatSettingsPanel;
}

//! The form of a chat's settings: instructions, temperature, top P, max tokens, random seed,
//! the answer format (text, JSON object, or a JSON schema edited here and checked as it is
//! typed) and the reasoning options. Each field that cannot be used gets one sentence under
//! the form. Used beside a chat and, in Settings, for the defaults of new chats.
class ChatSettingsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSettingsPanel)

public:
    explicit ChatSettingsPanel(QWidget *parent = nullptr);
    ~ChatSettingsPanel() override;

    //! Fills the form (edited() is not emitted).
    void setSettings(const ChatSettings &settings);
    //! What the form holds, with its problems.
    ChatSettingsInput::Result read() const;
    //! The sentences shown for the bad fields (empty when all can be used).
    QStringList problems() const;

    //! With an agent (\a agentName not empty), the fields an agent request cannot carry are
    //! disabled, each saying why: the agent's own instructions and sampling apply.
    void setAgent(const QString &agentName);
    //! Gives the keyboard focus to the first field that can be edited.
    void focusFirstField();
    //! False when the chosen model is known not to reason: the reasoning options are disabled.
    void setReasoningAvailable(bool available);

Q_SIGNALS:
    //! The person changed a field; \a result says whether the form can be used.
    void edited(const Tramontane::ChatSettingsInput::Result &result);

protected:
    void changeEvent(QEvent *event) override;

private:
    //! The names of the choices added in code, in the current language.
    void nameChoices();
    void onEdited();
    void showProblems(const ChatSettingsInput::Result &result);
    void updateFormatFields();
    void updateAvailability();

    std::unique_ptr<Ui::ChatSettingsPanel> m_ui;
    QString m_agentName;
    bool m_reasoningAvailable = true;
    bool m_filling = false;
};

} // namespace Tramontane
