// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <memory>

class QLineEdit;

namespace Tramontane {

namespace Ui {
class ChatFindBar;
}

//! The bar of "Find in this chat", above the conversation: the text to find, "3 of 17" or
//! "No matches", previous and next, Match case, and Close. Enter goes to the next match,
//! Shift+Enter to the previous one, Esc closes. It only says what the person asked for;
//! ChatFind does the finding.
class ChatFindBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatFindBar)

public:
    explicit ChatFindBar(QWidget *parent = nullptr);
    ~ChatFindBar() override;

    QString text() const;
    Qt::CaseSensitivity caseSensitivity() const;
    QLineEdit *lineEdit() const;
    //! Focuses the text and selects it, to type over.
    void focusText();
    //! Shows where the search is: \a count matches, the current one \a current (from 0, or
    //! -1). \a searching: older messages are still being searched (the count may grow).
    void showCount(int count, int current, bool searching = false);
    //! The sentence shown next to the text ("3 of 17", "No matches"; empty before typing).
    QString statusText() const;

Q_SIGNALS:
    //! The text or Match case changed.
    void queryChanged();
    void nextRequested();
    void previousRequested();
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::ChatFindBar> m_ui;
    // The last count shown, to say it again in another language.
    int m_count = 0;
    int m_current = -1;
    bool m_searching = false;
};

} // namespace Tramontane
