// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatRowActions.h"

#include "core/Logging.h"
#include "models/ConversationModel.h"
#include "ui/chat/AnswerDetailsPopup.h"
#include "ui/chat/ChatInteraction.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatLinkPrompts.h"
#include "ui/chat/ImageRepository.h"
#include "ui/chat/ImageViewer.h"
#include "ui/markdown/LinkPolicy.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int kCopiedRepaintMs = 1600;

} // namespace

ChatRowActions::ChatRowActions(ChatView *view, ChatInteraction *state)
    : QObject(view)
    , m_view(view)
    , m_state(state) {
    m_confirmer = [view](ChatView::Prompt prompt, const QUrl &url,
                         std::function<void(bool)> answer) {
        ChatLinkPrompts::ask(view, prompt, url, std::move(answer));
    };
    m_opener = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
}

ConversationModel *ChatRowActions::model() const {
    return m_view->conversationModel();
}

// --- Actions -------------------------------------------------------------------------------

void ChatRowActions::trigger(int row, const ChatHit &hit) {
    if (!model() || row < 0 || row >= model()->rowCount())
        return;
    const ChatItem item = model()->item(row);
    using Action = ChatHit::Action;
    switch (hit.action) {
    case Action::None:
        break;
    case Action::CopyMessage:
        copyToClipboard(item.text, row, hit);
        break;
    case Action::EditMessage:
        Q_EMIT m_view->editRequested(item.entry);
        break;
    case Action::CopyCode:
        copyToClipboard(
            m_view->chatDelegate()->codeText(row, hit.codeBlock, m_view->viewport()->width()), row,
            hit);
        break;
    case Action::OpenLink:
    case Action::OpenCitation:
        handleLink(row, hit.href);
        break;
    case Action::ToggleExpanded:
    case Action::ToggleDetails:
        model()->setExpanded(item.key, !model()->isExpanded(item.key));
        break;
    case Action::CopyToolArguments:
        copyToClipboard(item.toolArguments, row, hit);
        break;
    case Action::CopyToolResult:
        copyToClipboard(item.toolResult, row, hit);
        break;
    case Action::CopyDetails:
        copyToClipboard(ChatItemText::noticeDetails(item), row, hit);
        break;
    case Action::Retry:
        Q_EMIT m_view->retryRequested(item.entry);
        break;
    case Action::Continue:
        Q_EMIT m_view->continueRequested(item.entry);
        break;
    case Action::PreviousVersion:
    case Action::NextVersion:
        Q_EMIT m_view->versionRequested(item.versionEntry,
                                        hit.action == Action::NextVersion ? 1 : -1);
        break;
    case Action::AllowTool:
    case Action::DenyTool:
        Q_EMIT m_view->toolConfirmationChosen(item.entry, hit.action == Action::AllowTool);
        break;
    case Action::RetryImage:
        m_view->imageRepository()->retry(item.image);
        m_view->viewport()->update(m_view->visualRect(model()->index(row)));
        Q_EMIT animationMayHaveStarted();
        break;
    case Action::OpenImage:
        Q_EMIT m_view->imageActivated(item.image);
        if (m_viewerEnabled)
            openImageViewer(item.image);
        break;
    case Action::ShowAnswerDetails:
        showAnswerDetails(row, hit.rect);
        break;
    case Action::SaveFile:
        saveFile(item);
        break;
    }
}

void ChatRowActions::copyToClipboard(const QString &text, int row, const ChatHit &hit) {
    QGuiApplication::clipboard()->setText(text);
    m_state->showCopied(row, hit);
    m_view->viewport()->update(m_view->visualRect(model()->index(row)));
    QPointer<QWidget> vp = m_view->viewport();
    QTimer::singleShot(kCopiedRepaintMs, this, [vp] {
        if (vp)
            vp->update();
    });
}

void ChatRowActions::copyCurrentRow() {
    if (!model())
        return;
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const ChatItem &item = model()->item(current.row());
    if (item.kind == ChatItem::Kind::Image
        && m_view->imageRepository()->status(m_view->chatDelegate()->imageKeyOf(item))
               == ImageRepository::Status::Ready) {
        QGuiApplication::clipboard()->setImage(
            m_view->imageRepository()->image(m_view->chatDelegate()->imageKeyOf(item)));
        return;
    }
    const QString text = ChatItemText::copyText(item);
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void ChatRowActions::copyLastAnswer() {
    if (!model())
        return;
    int entry = -1;
    QStringList parts;
    for (int row = model()->rowCount() - 1; row >= 0; --row) {
        const ChatItem &item = model()->item(row);
        if (item.kind == ChatItem::Kind::User && entry >= 0)
            break;
        if (item.kind != ChatItem::Kind::Assistant || item.text.isEmpty())
            continue;
        if (entry < 0)
            entry = item.entry;
        if (item.entry != entry)
            break;
        parts.prepend(item.text);
    }
    if (!parts.isEmpty())
        QGuiApplication::clipboard()->setText(parts.join(u"\n\n"_s));
}

// --- Links and remote images ---------------------------------------------------------------

void ChatRowActions::confirm(ChatView::Prompt prompt, const QUrl &url,
                             std::function<void(bool)> answer) {
    if (m_confirmer)
        m_confirmer(prompt, url, std::move(answer));
    else
        answer(false);
}

void ChatRowActions::handleLink(int row, const QString &href) {
    if (const std::optional<QUrl> remote = SafeTextDocument::remoteImageFromAnchor(href)) {
        const QString messageKey = model()->item(row).key;
        QPointer<ChatRowActions> self(this);
        const QUrl url = *remote;
        confirm(ChatView::Prompt::LoadRemoteImage, url, [self, messageKey, url](bool yes) {
            if (self && yes)
                self->loadRemoteImage(messageKey, url);
        });
        return;
    }
    const QUrl url(href, QUrl::StrictMode);
    const LinkPolicy::Action action = LinkPolicy::check(url);
    if (action == LinkPolicy::Action::Refuse) {
        refuseLink(url.isValid() ? url : QUrl(href));
        return;
    }
    QPointer<ChatRowActions> self(this);
    const ChatView::Prompt prompt = action == LinkPolicy::Action::Open
                                        ? ChatView::Prompt::OpenLink
                                        : ChatView::Prompt::OpenLoopbackLink;
    confirm(prompt, url, [self, url](bool yes) {
        if (!self || !yes)
            return;
        if (self->m_opener && self->m_opener(url))
            Q_EMIT self->m_view->linkOpened(url);
    });
}

void ChatRowActions::refuseLink(const QUrl &url) {
    qCInfo(lcUi) << "refused to open a link with scheme" << url.scheme();
    Q_EMIT m_view->linkRefused(url);
    ChatLinkPrompts::showRefused(m_view, url);
}

void ChatRowActions::loadRemoteImage(const QString &messageKey, const QUrl &url) {
    ImageSource source;
    source.kind = ImageSource::Kind::HttpUrl;
    source.ref = url.toString(QUrl::FullyEncoded);
    source.fileName = url.fileName();
    const QString imageKey = source.key();
    // The markdown names the image as written; both spellings map to the loaded picture.
    m_view->chatDelegate()->approveInlineImage(messageKey, source.ref, imageKey);
    m_view->chatDelegate()->approveInlineImage(messageKey, url.toString(), imageKey);
    if (m_view->imageRepository()->status(imageKey) == ImageRepository::Status::Failed)
        m_view->imageRepository()->retry(source);
    else
        m_view->imageRepository()->request(source);
    Q_EMIT imageRequested(imageKey);
}

void ChatRowActions::openImageViewer(const ImageSource &source) {
    auto *viewer = new ImageViewer(m_view);
    viewer->setObjectName(u"imageViewerDialog"_s);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setWindowFlag(Qt::Window);
    QString name = source.fileName;
    if (name.isEmpty() && source.kind == ImageSource::Kind::FileId)
        name = source.ref;
    viewer->setLoading(name);
    viewer->show();
    QPointer<ImageViewer> target(viewer);
    m_view->imageRepository()->fetchOriginal(
        source, viewer, [target, name](QByteArray bytes, QString error) {
            if (!target)
                return;
            if (bytes.isEmpty())
                target->setError(error.isEmpty() ? tr("The image could not be loaded.") : error);
            else
                target->setImageData(bytes, name);
        });
}

// --- Files a tool made ----------------------------------------------------------------------

void ChatRowActions::saveFile(const ChatItem &item) {
    const ImageSource source = item.image;
    if (!source.isValid())
        return;
    const QString path =
        m_chooser ? m_chooser(item.text)
                  : QFileDialog::getSaveFileName(
                      m_view, tr("Save File"),
                      QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                          .filePath(QFileInfo(item.text).fileName()));
    if (path.isEmpty())
        return;
    // Downloaded only now, with the key and within the size cap of the file service.
    QPointer<ChatView> view(m_view);
    m_view->imageRepository()->fetchOriginal(
        source, m_view, [view, path](QByteArray bytes, QString error) {
            if (!view)
                return;
            if (bytes.isEmpty()) {
                Q_EMIT view->fileSaveFailed(
                    error.isEmpty() ? tr("The file could not be downloaded.") : error);
                return;
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
                || !file.commit()) {
                Q_EMIT view->fileSaveFailed(
                    tr("The file could not be saved: %1").arg(file.errorString()));
                return;
            }
            Q_EMIT view->fileSaved(path);
        });
}

// --- Row buttons from the keyboard ---------------------------------------------------------

void ChatRowActions::showAnswerDetails(int row, const QRect &anchor) {
    auto *popup = new AnswerDetailsPopup(model()->item(row), m_view);
    popup->showBelow(QRect(m_view->viewport()->mapToGlobal(anchor.topLeft()), anchor.size()));
}

} // namespace Tramontane
