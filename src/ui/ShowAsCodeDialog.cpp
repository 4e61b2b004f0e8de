// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ShowAsCodeDialog.h"

#include "ui_ShowAsCodeDialog.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

ShowAsCodeDialog::ShowAsCodeDialog(const CodeExport::Request &request, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShowAsCodeDialog>()) {
    m_ui->setupUi(this);
    const CodeExport::Snippet curl = CodeExport::toCurl(request);
    setUpTab(m_ui->curlPlainTextEdit, m_ui->copyCurlPushButton, curl.code);
    setUpTab(m_ui->pythonPlainTextEdit, m_ui->copyPythonPushButton,
             CodeExport::toPython(request).code);
    setUpTab(m_ui->typeScriptPlainTextEdit, m_ui->copyTypeScriptPushButton,
             CodeExport::toTypeScript(request).code);

    // Every program reads the same variables.
    QStringList lines;
    for (const CodeExport::EnvironmentVariable &variable : curl.environment)
        lines << tr("%1: %2").arg(variable.name, variable.description);
    m_ui->environmentLabel->setText(
        tr("No secret is written in the code. Set these environment variables before running "
           "it:\n%1")
            .arg(lines.join(u'\n')));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ShowAsCodeDialog::~ShowAsCodeDialog() = default;

void ShowAsCodeDialog::setNote(const QString &note) {
    m_ui->noteLabel->setText(note);
    m_ui->noteLabel->setVisible(!note.isEmpty());
}

void ShowAsCodeDialog::setUpTab(QPlainTextEdit *editor, QPushButton *copy, const QString &code) {
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setPlainText(code);
    const QString label = copy->text();
    connect(copy, &QPushButton::clicked, this, [editor, copy, label] {
        QGuiApplication::clipboard()->setText(editor->toPlainText());
        copy->setText(tr("Copied"));
        QTimer::singleShot(1500, copy, [copy, label] { copy->setText(label); });
    });
}

} // namespace Tramontane
