// SPDX-License-Identifier: GPL-3.0-or-later
// Attached images in the whole app, against the emulator: an image pasted from the clipboard
// and a file dropped on the composer become thumbnails, one is removed by keyboard, and the
// message goes with the others (the emulator's answer describes what it received); a ninth
// image and an unreadable file get one sentence and the typed text stays; a model without
// vision says so while images are attached and offers a model that reads them.
#include "app/Application.h"
#include "models/ChatItem.h"
#include "models/ChatTargetModel.h"
#include "models/ConversationModel.h"
#include "ui/ChatPage.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ComposerAttachments.h"

#include "support/EmulatorProcess.h"

#include <QClipboard>
#include <QComboBox>
#include <QDropEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestComposerImages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pasteDropRemoveSend_theEmulatorDescribesTheImages();
    void ninthImageAndUnreadableFile_oneSentence_textKept();
    void modelWithoutVision_saysSo_andOffersOne();

private:
    void startApp();
    void selectModel(const QString &id);
    QString writeImage(const QString &name, const QSize &size, const QColor &colour);
    //! Drops local files on \a widget as a file manager would; true when it was taken.
    bool dropFiles(QWidget *widget, const QStringList &paths);
    bool waitAnswered(int entriesBefore);
    QString noticeText() const;

    QTemporaryDir m_home;
    QTemporaryDir m_files;
    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Application> m_app;
    MainWindow *m_window = nullptr;
    QPlainTextEdit *m_composer = nullptr;
    QComboBox *m_targets = nullptr;
    ChatView *m_view = nullptr;
    ConversationModel *m_model = nullptr;
    ComposerAttachments *m_attachments = nullptr;
};

void TestComposerImages::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY2(m_emulator.start(u"images-gui-key-1234"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
}

void TestComposerImages::init() {
    startApp();
}

void TestComposerImages::cleanup() {
    m_app.reset();
}

void TestComposerImages::startApp() {
    static int profile = 0;
    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    in.apiKeyEnv = m_emulator.apiKey();
    m_app = std::make_unique<Application>(ConnectionConfig::resolve(in),
                                          m_home.filePath(u"profile-%1"_s.arg(++profile)));
    QString error;
    QVERIFY2(m_app->start(&error), qPrintable(error));
    m_window = m_app->window();
    m_window->resize(1100, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_targets = m_window->findChild<QComboBox *>(u"targetComboBox"_s);
    m_composer = m_window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    m_view = m_window->findChild<ChatView *>(u"chatView"_s);
    m_attachments = m_window->findChild<ComposerAttachments *>(u"composerAttachments"_s);
    QVERIFY(m_targets && m_composer && m_view && m_attachments);
    m_model = m_view->conversationModel();
    QTRY_VERIFY_WITH_TIMEOUT(m_targets->count() > 0, 15000);
    auto *attach = m_window->findChild<QToolButton *>(u"attachToolButton"_s);
    QVERIFY(attach);
    QVERIFY(!attach->accessibleName().isEmpty());
    QVERIFY(!attach->toolTip().isEmpty());
    QVERIFY(!attach->icon().isNull());
}

void TestComposerImages::selectModel(const QString &id) {
    auto *targets = qobject_cast<ChatTargetModel *>(m_targets->model());
    QVERIFY(targets);
    const int row = targets->rowOf(ChatTargetModel::Kind::Model, id);
    QVERIFY(row >= 0);
    m_targets->setCurrentIndex(row);
}

QString TestComposerImages::writeImage(const QString &name, const QSize &size,
                                       const QColor &colour) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    const QString path = m_files.filePath(name);
    return image.save(path) ? path : QString();
}

bool TestComposerImages::dropFiles(QWidget *widget, const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    QWidget *target = widget;
    if (auto *area = qobject_cast<QAbstractScrollArea *>(widget))
        target = area->viewport();
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

bool TestComposerImages::waitAnswered(int entriesBefore) {
    return QTest::qWaitFor(
        [this, entriesBefore] {
            return m_model->entryCount() > entriesBefore + 1
                   && m_model->entries().last().status == ChatEntry::Status::Complete;
        },
        15000);
}

QString TestComposerImages::noticeText() const {
    auto *label = m_window->findChild<QLabel *>(u"composerNoticeLabel"_s);
    return label && !label->isHidden() ? label->text() : QString();
}

void TestComposerImages::pasteDropRemoveSend_theEmulatorDescribesTheImages() {
    selectModel(u"mistral-small-latest"_s);
    m_composer->setFocus();
    QTest::keyClicks(m_composer, u"What are these?"_s);

    // A screenshot on the clipboard, pasted with Ctrl+V.
    QImage screenshot(40, 30, QImage::Format_RGB32);
    screenshot.fill(Qt::red);
    QGuiApplication::clipboard()->setImage(screenshot);
    QTest::keyClick(m_composer, Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE(m_attachments->attachments().size(), 1);
    QCOMPARE(m_composer->toPlainText(), u"What are these?"_s); // nothing pasted as text

    // Two files dropped on the composer, one on the chat view.
    const QString tall = writeImage(u"tall.png"_s, {12, 50}, Qt::blue);
    const QString extra = writeImage(u"extra.png"_s, {5, 5}, Qt::green);
    QVERIFY(dropFiles(m_composer, {tall}));
    QVERIFY(dropFiles(m_view, {extra}));
    QTRY_COMPARE(m_attachments->attachments().size(), 3);
    QVERIFY(m_attachments->isVisible());
    auto thumbnails = m_attachments->findChildren<QLabel *>(u"attachmentPictureLabel"_s);
    QCOMPARE(thumbnails.size(), 3);
    QVERIFY2(thumbnails.at(1)->toolTip().contains(u"tall.png: 12×50 pixels"_s),
             qPrintable(thumbnails.at(1)->toolTip()));

    // The last one removed with the keyboard.
    auto removes = m_attachments->findChildren<QToolButton *>(u"removeAttachmentToolButton"_s);
    QCOMPARE(removes.size(), 3);
    QCOMPARE(removes.at(2)->accessibleName(), u"Remove extra.png"_s);
    removes.at(2)->setFocus(Qt::TabFocusReason);
    QTest::keyClick(removes.at(2), Qt::Key_Space);
    QTRY_COMPARE(m_attachments->count(), 2);

    m_composer->setFocus();
    QTest::keyClick(m_composer, Qt::Key_Return);
    QVERIFY(waitAnswered(0));
    const QString answer = m_model->entries().last().message.content.plainText();
    QVERIFY2(answer.contains(u"40×30 pixels"_s), qPrintable(answer));
    QVERIFY(answer.contains(u"12×50 pixels"_s));
    QVERIFY(!answer.contains(u"5×5 pixels"_s));
    QVERIFY(answer.contains(u"What are these?"_s));
    // The composer is ready for the next message; the sent one shows its images.
    QCOMPARE(m_attachments->count(), 0);
    QVERIFY(m_attachments->isHidden());
    QVERIFY(m_composer->toPlainText().isEmpty());
    QStringList shown;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == ChatItem::Kind::Image && item.entry == 0)
            shown.append(item.image.fileName);
    }
    QCOMPARE(shown, (QStringList{u"Pasted image.png"_s, u"tall.png"_s}));
}

void TestComposerImages::ninthImageAndUnreadableFile_oneSentence_textKept() {
    selectModel(u"mistral-small-latest"_s);
    m_composer->setFocus();
    QTest::keyClicks(m_composer, u"Nine pictures"_s);
    QStringList nine;
    for (int i = 1; i <= 9; ++i)
        nine.append(writeImage(u"picture-%1.png"_s.arg(i), {8, 8}, Qt::gray));
    QVERIFY(dropFiles(m_composer, nine));
    QTRY_COMPARE(m_attachments->attachments().size(), ComposerAttachments::MaxImages);
    QCOMPARE(m_attachments->count(), ComposerAttachments::MaxImages);
    QVERIFY2(noticeText().contains(u"At most 8 images"_s), qPrintable(noticeText()));
    QVERIFY(noticeText().contains(u"picture-9.png"_s));
    QCOMPARE(m_composer->toPlainText(), u"Nine pictures"_s);

    m_attachments->clear();
    QFile broken(m_files.filePath(u"broken.png"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x89PNG\r\n\x1a\n but not really a picture");
    broken.close();
    QVERIFY(dropFiles(m_composer, {broken.fileName()}));
    QTRY_VERIFY(noticeText().contains(u"“broken.png” could not be read as an image"_s));
    QCOMPARE(m_attachments->count(), 0);
    QCOMPARE(m_composer->toPlainText(), u"Nine pictures"_s);
}

void TestComposerImages::modelWithoutVision_saysSo_andOffersOne() {
    selectModel(u"mistral-small-latest"_s);
    auto *bar = m_window->findChild<QFrame *>(u"visionFrame"_s);
    auto *label = m_window->findChild<QLabel *>(u"visionLabel"_s);
    auto *button = m_window->findChild<QPushButton *>(u"visionSwitchPushButton"_s);
    QVERIFY(bar && label && button);
    m_composer->setFocus();
    QTest::keyClicks(m_composer, u"Describe it"_s);
    QVERIFY(dropFiles(m_composer, {writeImage(u"photo.png"_s, {20, 10}, Qt::red)}));
    QTRY_COMPARE(m_attachments->attachments().size(), 1);
    QVERIFY(bar->isHidden()); // this model reads images

    // Choosing a model without vision while an image is attached.
    selectModel(u"codestral-latest"_s);
    QTRY_VERIFY(bar->isVisible());
    QVERIFY2(label->text().contains(u"does not read images"_s), qPrintable(label->text()));
    QVERIFY(button->isVisible());
    // Enter does not send without the images, nor drop them.
    QTest::keyClick(m_composer, Qt::Key_Return);
    QCOMPARE(m_model->entryCount(), 0);
    QCOMPARE(m_attachments->count(), 1);
    QCOMPARE(m_composer->toPlainText(), u"Describe it"_s);

    // The offered model reads images: switching hides the bar, and the message goes.
    QTest::mouseClick(button, Qt::LeftButton);
    auto *targets = qobject_cast<ChatTargetModel *>(m_targets->model());
    QVERIFY(targets->targetAt(m_targets->currentIndex()).vision);
    QVERIFY(bar->isHidden());
    m_composer->setFocus();
    QTest::keyClick(m_composer, Qt::Key_Return);
    QVERIFY(waitAnswered(0));
    const QString answer = m_model->entries().last().message.content.plainText();
    QVERIFY2(answer.contains(u"20×10 pixels"_s), qPrintable(answer));
}

QTEST_MAIN(TestComposerImages)
#include "tst_composerimages.moc"
