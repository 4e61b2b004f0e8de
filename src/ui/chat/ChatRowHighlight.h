// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace Tramontane {

class ChatView;

//! The brief highlight over a row that ChatView::revealRow() scrolled to (a search hit): it
//! follows the row's item as rows move, and fades out in two seconds.
class ChatRowHighlight final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatRowHighlight)

public:
    explicit ChatRowHighlight(ChatView *view);

    //! Highlights row \a row, showing item \a key.
    void start(int row, const QString &key);
    void clear() { m_key.clear(); }
    //! The highlighted row, or -1 once the highlight faded.
    int row() const;
    //! Paints the highlight over the viewport (after the rows).
    void paint();

private:
    void fade();

    ChatView *m_view;
    QString m_key;
    mutable int m_rowHint = -1;
    qreal m_strength = 0; // how much of the highlight is left (0..1)
    QTimer m_timer;
};

} // namespace Tramontane
