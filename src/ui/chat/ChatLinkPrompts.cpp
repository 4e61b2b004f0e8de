// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatLinkPrompts.h"

#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tramontane {

void ChatLinkPrompts::ask(QWidget *parent, ChatView::Prompt prompt, const QUrl &url,
                          std::function<void(bool)> answer) {
    auto *box = new QMessageBox(parent);
    box->setObjectName(u"linkConfirmMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    box->setDefaultButton(QMessageBox::No);
    box->setEscapeButton(QMessageBox::No);
    // The full address, as plain text: what the user agrees to is exactly what opens.
    const QString full = url.toString(QUrl::FullyEncoded);
    switch (prompt) {
    case ChatView::Prompt::OpenLink:
        box->setIcon(QMessageBox::Question);
        box->setWindowTitle(tr("Open Link"));
        box->setText(tr("Open this link in your browser?"));
        box->setInformativeText(full);
        box->button(QMessageBox::Yes)->setText(tr("Open"));
        break;
    case ChatView::Prompt::OpenLoopbackLink:
        box->setIcon(QMessageBox::Warning);
        box->setWindowTitle(tr("Open Local Link"));
        box->setText(tr("This link goes to a program on this computer, over an unencrypted "
                        "connection. Open it only if you expect it."));
        box->setInformativeText(full);
        box->button(QMessageBox::Yes)->setText(tr("Open"));
        break;
    case ChatView::Prompt::LoadRemoteImage:
        box->setIcon(QMessageBox::Question);
        box->setWindowTitle(tr("Load Image"));
        box->setText(tr("Load image from %1?").arg(url.host()));
        box->setInformativeText(
            tr("The site will see that the image was requested.\n\n%1").arg(full));
        box->button(QMessageBox::Yes)->setText(tr("Load"));
        break;
    }
    box->button(QMessageBox::No)->setText(tr("Cancel"));
    QObject::connect(box, &QMessageBox::finished, box, [answer = std::move(answer)](int result) {
        answer(result == QMessageBox::Yes);
    });
    box->open();
}

void ChatLinkPrompts::showRefused(QWidget *parent, const QUrl &url) {
    auto *box = new QMessageBox(parent);
    box->setObjectName(u"linkRefusedMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Information);
    box->setTextFormat(Qt::PlainText);
    box->setWindowTitle(tr("Link Not Opened"));
    box->setText(tr("Tramontane opens only https and e-mail links from messages."));
    box->setInformativeText(url.toString(QUrl::FullyEncoded));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
}

} // namespace Tramontane
