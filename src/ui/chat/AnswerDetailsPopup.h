// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <memory>

namespace Tramontane {

namespace Ui {
class AnswerDetailsPopup;
}

struct ChatItem;

//! The small popup an answer's footer opens: the model, the token counts and the request ID
//! (with Copy, for support). Rows whose value the answer lacks are hidden. It deletes itself
//! when closed.
class AnswerDetailsPopup final : public QFrame {
    Q_OBJECT

public:
    explicit AnswerDetailsPopup(const ChatItem &item, QWidget *parent);
    ~AnswerDetailsPopup() override;

    //! Shows the popup below \a anchor (global coordinates), or above it when the screen
    //! has no room below, kept inside the screen's available area.
    void showBelow(const QRect &anchor);

private:
    void setRowVisible(int row, bool visible);

    std::unique_ptr<Ui::AnswerDetailsPopup> m_ui;
};

} // namespace Tramontane
