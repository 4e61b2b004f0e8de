// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessibleWidget>
#include <QHash>
#include <QPointer>

namespace Tramontane {

class ChatView;

//! What assistive technology sees of a ChatView: a list whose children are the conversation's
//! rows, each with its text and its buttons as actions (see ChatRowAccessible). The view paints
//! its rows itself, so without this a screen reader would find one opaque widget.
//!
//! Row interfaces are made when asked for and kept by the row's stable key, so the same row
//! keeps its identity while an answer streams and rows are added above or below it.
class ChatViewAccessible final : public QAccessibleWidget {
public:
    explicit ChatViewAccessible(ChatView *view);
    ~ChatViewAccessible() override;
    Q_DISABLE_COPY_MOVE(ChatViewAccessible)

    //! Makes every ChatView use this interface (once per process; the factory is Qt's).
    static void install();

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;

private:
    ChatView *view() const;
    //! Forgets the row interfaces whose rows are gone, once there are many more than rows.
    void prune() const;

    mutable QHash<QString, QAccessible::Id> m_rows; // by ChatItem::key
};

//! One row of a ChatView for assistive technology: a list item named by who speaks and what
//! is said ("Answer: …"), with a description of its state (still arriving, interrupted,
//! failed) and the row's buttons as actions (copy, edit, retry, open the image, open a link…),
//! pressed as a click would press them.
class ChatRowAccessible final : public QAccessibleInterface, public QAccessibleActionInterface {
public:
    ChatRowAccessible(ChatView *view, const QString &key, int row);

    //! The row this interface stands for now, or -1 once it is gone.
    int row() const;

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QAccessibleInterface *parent() const override;
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override;
    void *interface_cast(QAccessible::InterfaceType type) override;

    QStringList actionNames() const override;
    void doAction(const QString &actionName) override;
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QPointer<ChatView> m_view;
    QString m_key;
    mutable int m_rowHint;
};

} // namespace Tramontane
