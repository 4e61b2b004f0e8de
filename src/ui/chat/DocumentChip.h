// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Tramontane {

//! One document attached to the message being typed: a type icon, the file's name and size,
//! a progress bar while it is uploaded or read, what it will be sent as, and a × button that
//! cancels the upload or removes the document.
class DocumentChip final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentChip)

public:
    DocumentChip(const QString &name, qint64 bytes, QWidget *parent = nullptr);

    //! Upload progress: \a sent of \a total bytes.
    void setProgress(qint64 sent, qint64 total);
    //! Work without a measure (reading by OCR, asking for the link): a busy bar.
    void setBusy();
    //! Done: the bar goes, and \a state says what the document is sent as.
    void setReady(const QString &state);
    //! What the chip says next to the size (e.g. "Uploading…").
    void setState(const QString &state);
    QString state() const;
    QToolButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void removeRequested();

private:
    void updateTexts();

    QString m_name;
    qint64 m_bytes;
    QString m_state;
    QLabel *m_text;
    QProgressBar *m_progress;
    QToolButton *m_remove;
};

} // namespace Tramontane
