// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

namespace Tramontane {

namespace Ui {
class EmptyChatPanel;
}

//! What an empty chat shows instead of a blank area: what can be done here, as a few first
//! prompts that fit the chosen model or agent and the tools at hand (ask; draw an image when
//! the target can use tools; use a connector when there is one; chat with an agent when there
//! are agents), and where the keyboard shortcuts are listed. A suggestion never sends anything:
//! the page puts its text in the composer.
class EmptyChatPanel final : public QWidget {
    Q_OBJECT

public:
    enum class Suggestion { Ask, Draw, UseConnector, ChooseAgent };
    Q_ENUM(Suggestion)

    //! What the chat can offer now.
    struct Context {
        bool agentChosen = false; //!< an agent answers: its own tools apply
        bool canUseTools = false; //!< the chosen model calls tools
        QString connectorTitle;   //!< a connector ready to use in this chat, if any
        bool hasAgents = false;   //!< there are agents to switch to
    };

    explicit EmptyChatPanel(QWidget *parent = nullptr);
    ~EmptyChatPanel() override;

    void setContext(const Context &context);
    //! The text a suggestion puts in the composer.
    QString promptFor(Suggestion suggestion) const;

Q_SIGNALS:
    void suggestionChosen(Tramontane::EmptyChatPanel::Suggestion suggestion);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateLook();
    void retranslate();

    std::unique_ptr<Ui::EmptyChatPanel> m_ui;
    Context m_context;
};

} // namespace Tramontane
