// SPDX-License-Identifier: GPL-3.0-or-later
// The Libraries page against the emulator, clicked through offscreen: create a library, upload
// one file through the file dialog and one by dropping it, watch both go from processing to
// ready, delete a document and the library; an empty file fails; a server error and a 404 each
// give their sentence; polling stops when the page goes.
#include "IntegrationSupport.h"
#include "core/net/ApiClient.h"
#include "core/services/LibraryService.h"
#include "models/LibraryDocumentModel.h"
#include "models/LibraryListModel.h"
#include "models/LibraryStatusPoller.h"
#include "models/Roles.h"
#include "support/EmulatorProcess.h"
#include "ui/LibrariesPage.h"

#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::EmulatorProcess;
using Tramontane::Test::HttpDriver;

namespace {

template<typename T>
T *child(QWidget *parent, const QString &name) {
    T *widget = parent ? parent->findChild<T *>(name) : nullptr;
    if (!widget)
        qWarning() << "no widget" << name;
    return widget;
}

// Answers the next message box named \a name with \a button, from inside its event loop, and
// keeps its text in \a text.
void answerNextMessageBox(const QString &name, QMessageBox::StandardButton button,
                          std::shared_ptr<QString> text) {
    auto attempt = std::make_shared<std::function<void(int)>>();
    *attempt = [name, button, text, self = std::weak_ptr(attempt)](int triesLeft) {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (box && box->objectName() == name && box->isVisible()) {
                *text = box->text();
                box->button(button)->click();
                return;
            }
        }
        const auto next = self.lock();
        if (next && triesLeft > 0)
            QTimer::singleShot(20, qApp, [next, triesLeft] { (*next)(triesLeft - 1); });
    };
    QTimer::singleShot(0, qApp, [attempt] { (*attempt)(250); });
}

QString status(const LibraryDocumentModel *model, int row) {
    return model->data(model->index(row, LibraryDocumentModel::StatusColumn)).toString();
}

} // namespace

class TestLibrariesPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void create_upload_dropAnother_processingBecomesReady_thenDelete();
    void emptyFile_isShownAsFailed();
    void serverError_isOneSentenceInThePage();
    void libraryGoneMeanwhile_404IsOneSentenceInThePage();
    void hidingThePage_stopsPolling();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    QString createThroughForm(const QString &name, const QString &description = {});
    void drop(const QStringList &paths);

    EmulatorProcess m_emulator;
    std::unique_ptr<HttpDriver> m_driver;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<LibraryService> m_service;
    std::unique_ptr<LibraryListModel> m_list;
    std::unique_ptr<LibrariesPage> m_page;
};

void TestLibrariesPage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<HttpDriver>(m_emulator.baseUrl(), m_emulator.apiKey().toUtf8());
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_service = std::make_unique<LibraryService>(m_client.get());
}

void TestLibrariesPage::init() {
    QCOMPARE(m_driver->send("POST", u"/__admin/reset"_s).status, 200);
    // Long enough to see "Processing…", short enough for a quick test.
    QCOMPARE(m_driver->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 700}}).status, 200);
    m_list = std::make_unique<LibraryListModel>(m_service.get());
    m_page = std::make_unique<LibrariesPage>(m_service.get(), m_list.get());
    m_page->poller()->setInterval(100);
    m_page->resize(1000, 640);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_VERIFY(m_list->hasLoaded());
}

void TestLibrariesPage::cleanup() {
    m_driver->send("DELETE", u"/__admin/faults"_s);
    m_page.reset();
    m_list.reset();
}

QString TestLibrariesPage::writeFile(const QString &name, const QByteArray &bytes) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QString TestLibrariesPage::createThroughForm(const QString &name, const QString &description) {
    child<QLineEdit>(m_page.get(), u"libraryNameLineEdit"_s)->setText(name);
    child<QLineEdit>(m_page.get(), u"libraryDescriptionLineEdit"_s)->setText(description);
    child<QPushButton>(m_page.get(), u"createLibraryPushButton"_s)->click();
    if (!QTest::qWaitFor(
            [&] {
                const int row = m_page->currentLibraryId().isEmpty()
                                    ? -1
                                    : m_list->rowOf(m_page->currentLibraryId());
                return row >= 0 && m_list->library(row).name == name;
            },
            10000))
        return {};
    return m_page->currentLibraryId();
}

void TestLibrariesPage::drop(const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    QWidget *target = child<QTreeView>(m_page.get(), u"documentsTreeView"_s)->viewport();
    const QPointF at = QPointF(target->mapTo(m_page.get(), target->rect().center()));
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_page.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_page.get(), &dropped);
    QVERIFY(dropped.isAccepted());
}

void TestLibrariesPage::create_upload_dropAnother_processingBecomesReady_thenDelete() {
    const QString id = createThroughForm(u"Manuals"_s, u"How things work"_s);
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_list->library(m_list->rowOf(id)).description, std::optional(u"How things work"_s));
    QVERIFY(child<QLabel>(m_page.get(), u"documentsTitleLabel"_s)->text().contains(u"Manuals"_s));
    QVERIFY(m_page->errorText().isEmpty());

    // One file through the file dialog.
    const QString first = writeFile(u"wind.txt"_s, "The tramontane blows from the north.");
    child<QPushButton>(m_page.get(), u"uploadPushButton"_s)->click();
    auto *dialog = m_page->findChild<QFileDialog *>(u"uploadFileDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->setDirectory(m_dir.path());
    dialog->selectFile(first);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept(), as Open does

    // One by dropping it on the page.
    const QString second = writeFile(u"sea.md"_s, "# The sea\nIt is blue.");
    drop({second});

    LibraryDocumentModel *docs = m_page->documents();
    QTRY_COMPARE(docs->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(docs->uploadsInFlight(), 0, 10000);
    // Both start processing, then become ready as the poller reads their status.
    QVERIFY(status(docs, 0) == u"Processing…"_s || status(docs, 1) == u"Processing…"_s);
    QTRY_COMPARE_WITH_TIMEOUT(status(docs, 0), u"Ready"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(status(docs, 1), u"Ready"_s, 10000);
    QStringList names{docs->document(0).name, docs->document(1).name};
    names.sort();
    QCOMPARE(names, (QStringList{u"sea.md"_s, u"wind.txt"_s}));
    // The library's totals follow.
    const int row = m_list->rowOf(id);
    QTRY_COMPARE(m_list->data(m_list->index(row, LibraryListModel::DocumentsColumn)).toString(),
                 u"2"_s);
    QCOMPARE(m_list->library(row).totalSize, QFileInfo(first).size() + QFileInfo(second).size());

    // Delete one document.
    auto *documents = child<QTreeView>(m_page.get(), u"documentsTreeView"_s);
    const int sea = docs->document(0).name == u"sea.md"_s ? 0 : 1;
    documents->setCurrentIndex(docs->index(sea, 0));
    auto *deleteDocument = child<QPushButton>(m_page.get(), u"deleteDocumentPushButton"_s);
    QVERIFY(deleteDocument->isEnabled());
    deleteDocument->click();
    QTRY_COMPARE(docs->rowCount(), 1);
    QCOMPARE(docs->document(0).name, u"wind.txt"_s);
    QTRY_COMPARE(m_list->library(m_list->rowOf(id)).documentCount, 1);

    // Delete the library, after a question naming it.
    auto text = std::make_shared<QString>();
    answerNextMessageBox(u"deleteLibraryMessageBox"_s, QMessageBox::Yes, text);
    child<QPushButton>(m_page.get(), u"deleteLibraryPushButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_list->rowCount(), 0, 10000);
    QVERIFY2(text->contains(u"“Manuals”"_s), qPrintable(*text));
    QCOMPARE(m_driver->get(u"/v1/libraries/"_s + id).status, 404);
    QVERIFY(m_page->errorText().isEmpty());
}

void TestLibrariesPage::emptyFile_isShownAsFailed() {
    QVERIFY(!createThroughForm(u"Empty"_s).isEmpty());
    m_page->uploadFiles({writeFile(u"nothing.txt"_s, QByteArray())});
    LibraryDocumentModel *docs = m_page->documents();
    QTRY_COMPARE(docs->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(status(docs, 0), u"Failed"_s, 10000);
    QTRY_VERIFY(docs->processingIds().isEmpty());
}

void TestLibrariesPage::serverError_isOneSentenceInThePage() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"path"_s, u"/v1/libraries"_s},
                                            {u"method"_s, u"POST"_s},
                                            {u"count"_s, 0},
                                            {u"status"_s, 500}}),
             200);
    child<QLineEdit>(m_page.get(), u"libraryNameLineEdit"_s)->setText(u"Doomed"_s);
    child<QPushButton>(m_page.get(), u"createLibraryPushButton"_s)->click();
    QTRY_VERIFY(!m_page->errorText().isEmpty());
    QVERIFY2(m_page->errorText().startsWith(u"The server had an internal error."_s),
             qPrintable(m_page->errorText()));
    QVERIFY(!m_page->errorText().contains(u'\n'));
    QCOMPARE(m_list->rowCount(), 0);
    // What was typed stays, to try again.
    QCOMPARE(child<QLineEdit>(m_page.get(), u"libraryNameLineEdit"_s)->text(), u"Doomed"_s);
}

void TestLibrariesPage::libraryGoneMeanwhile_404IsOneSentenceInThePage() {
    const QString id = createThroughForm(u"Ephemeral"_s);
    QVERIFY(!id.isEmpty());
    // Deleted elsewhere while the page still lists it.
    QCOMPARE(m_driver->del(u"/v1/libraries/"_s + id).status, 200);
    m_page->uploadFiles({writeFile(u"late.txt"_s, "too late")});
    QTRY_VERIFY(!m_page->errorText().isEmpty());
    QVERIFY2(m_page->errorText().startsWith(u"The library was not found."_s),
             qPrintable(m_page->errorText()));
    // The upload's row goes with its failure.
    QTRY_COMPARE(m_page->documents()->rowCount(), 0);
}

void TestLibrariesPage::hidingThePage_stopsPolling() {
    QVERIFY(m_page->poller()->isActive());
    QVERIFY(!createThroughForm(u"Hidden"_s).isEmpty());
    // A document that stays processing while the page is away.
    QCOMPARE(m_driver->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 60000}}).status,
             200);
    m_page->uploadFiles({writeFile(u"slow.txt"_s, "slow")});
    QTRY_COMPARE(m_page->documents()->processingIds().size(), 1);
    m_page->hide();
    QVERIFY(!m_page->poller()->isActive());
    QCOMPARE(m_page->poller()->pending(), 0);
    const int seen = m_driver->recordedRequests(u"/v1/libraries/"_s).size();
    QTest::qWait(400); // four ticks, were it polling
    QCOMPARE(m_driver->recordedRequests(u"/v1/libraries/"_s).size(), seen);
    m_page->show();
    QVERIFY(m_page->poller()->isActive());
    QTRY_VERIFY(m_driver->recordedRequests(u"/v1/libraries/"_s).size() > seen);
}

QTEST_MAIN(TestLibrariesPage)
#include "tst_librariespage.moc"
