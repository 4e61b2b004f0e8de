// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/CodeExport.h"

#include <QDialog>

#include <memory>

class QPlainTextEdit;
class QPushButton;

namespace Tramontane {

namespace Ui {
class ShowAsCodeDialog;
}

//! "Show as code": the chat's next request as a curl command, a Python program and a
//! TypeScript program, each in a read-only monospace editor with a Copy button, and a note
//! naming the environment variables to set (no secret is ever shown).
class ShowAsCodeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShowAsCodeDialog)

public:
    explicit ShowAsCodeDialog(const CodeExport::Request &request, QWidget *parent = nullptr);
    ~ShowAsCodeDialog() override;

    //! An extra sentence under the environment note (e.g. that the offline demo answers).
    void setNote(const QString &note);

private:
    void setUpTab(QPlainTextEdit *editor, QPushButton *copy, const QString &code);

    std::unique_ptr<Ui::ShowAsCodeDialog> m_ui;
};

} // namespace Tramontane
