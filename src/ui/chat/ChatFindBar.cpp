// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatFindBar.h"
#include "ui_ChatFindBar.h"

#include <QKeyEvent>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Tramontane {

ChatFindBar::ChatFindBar(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::ChatFindBar>()) {
    m_ui->setupUi(this);
    m_ui->closeFindToolButton->setText(u"\u2715"_s);
    m_ui->closeFindToolButton->setAccessibleName(tr("Close"));
    m_ui->findLineEdit->installEventFilter(this);
    connect(m_ui->findLineEdit, &QLineEdit::textChanged, this, &ChatFindBar::queryChanged);
    connect(m_ui->matchCaseCheckBox, &QCheckBox::toggled, this, &ChatFindBar::queryChanged);
    connect(m_ui->findNextToolButton, &QToolButton::clicked, this, &ChatFindBar::nextRequested);
    connect(m_ui->findPreviousToolButton, &QToolButton::clicked, this,
            &ChatFindBar::previousRequested);
    connect(m_ui->closeFindToolButton, &QToolButton::clicked, this, &ChatFindBar::closeRequested);
    showCount(0, -1);
}

ChatFindBar::~ChatFindBar() = default;

QString ChatFindBar::text() const {
    return m_ui->findLineEdit->text();
}

Qt::CaseSensitivity ChatFindBar::caseSensitivity() const {
    return m_ui->matchCaseCheckBox->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
}

QLineEdit *ChatFindBar::lineEdit() const {
    return m_ui->findLineEdit;
}

void ChatFindBar::focusText() {
    m_ui->findLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->findLineEdit->selectAll();
}

void ChatFindBar::showCount(int count, int current, bool searching) {
    m_count = count;
    m_current = current;
    m_searching = searching;
    QString status;
    const QLocale locale;
    if (text().isEmpty())
        status.clear();
    else if (count == 0)
        status = searching ? tr("Searching…") : tr("No matches");
    else if (searching)
        status = tr("%1 of %2 so far").arg(locale.toString(current + 1), locale.toString(count));
    else
        status = tr("%1 of %2").arg(locale.toString(current + 1), locale.toString(count));
    m_ui->findStatusLabel->setText(status);
    m_ui->findNextToolButton->setEnabled(count > 0);
    m_ui->findPreviousToolButton->setEnabled(count > 0);
}

QString ChatFindBar::statusText() const {
    return m_ui->findStatusLabel->text();
}

void ChatFindBar::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->closeFindToolButton->setText(u"\u2715"_s);
        m_ui->closeFindToolButton->setAccessibleName(tr("Close"));
        showCount(m_count, m_current, m_searching);
    }
    QFrame::changeEvent(event);
}

bool ChatFindBar::eventFilter(QObject *watched, QEvent *event) {
    if (watched != m_ui->findLineEdit)
        return QFrame::eventFilter(watched, event);
    const auto type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::ShortcutOverride)
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    const bool escape = key->key() == Qt::Key_Escape;
    if (!enter && !escape)
        return QFrame::eventFilter(watched, event);
    // The keys belong to the bar while it has focus (Esc also stops an answer elsewhere).
    if (type == QEvent::ShortcutOverride) {
        event->accept();
        return true;
    }
    if (escape)
        Q_EMIT closeRequested();
    else if (key->modifiers() & Qt::ShiftModifier)
        Q_EMIT previousRequested();
    else
        Q_EMIT nextRequested();
    return true;
}

} // namespace Tramontane
