// SPDX-License-Identifier: GPL-3.0-or-later
// The account's libraries, loaded through LibraryService from the emulator: every page, the
// words of a failure, and libraries created or deleted elsewhere joining or leaving at once.
#include "core/net/ApiClient.h"
#include "core/services/LibraryService.h"
#include "models/LibraryList.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QStringList namesOf(const LibraryList &list) {
    QStringList names;
    for (const LibraryList::Library &library : list.libraries())
        names.append(library.name);
    return names;
}

} // namespace

class TestLibraryList : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void refresh_readsEveryPage();
    void failure_isOneSentence();
    void createdOrDeletedElsewhere_joinOrLeave();

private:
    QString createLibrary(const QString &name) {
        return m_admin->post(u"/v1/libraries"_s, {{u"name"_s, name}})
            .object()
            .value("id"_L1)
            .toString();
    }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_admin;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<LibraryService> m_service;
};

void TestLibraryList::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_admin = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(u"test-key"_s);
    m_service = std::make_unique<LibraryService>(m_client.get());
}

void TestLibraryList::init() {
    QCOMPARE(m_admin->send("POST", u"/__admin/reset"_s).status, 200);
}

void TestLibraryList::refresh_readsEveryPage() {
    for (const QString &name : {u"Handbook"_s, u"Contracts"_s, u"Minutes"_s})
        QVERIFY(!createLibrary(name).isEmpty());
    LibraryList list(m_service.get());
    list.setPageSize(2);
    QSignalSpy wanted(&list, &LibraryList::loadWanted);
    list.refresh();
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(list.state(), LibraryList::State::Loading);
    QTRY_COMPARE(list.state(), LibraryList::State::Loaded);
    QCOMPARE(namesOf(list), (QStringList{u"Handbook"_s, u"Contracts"_s, u"Minutes"_s}));
    QCOMPARE(list.libraries().first().documents, 0);
}

void TestLibraryList::failure_isOneSentence() {
    QCOMPARE(m_admin->addFault(QJsonObject{
                 {"path"_L1, u"/v1/libraries"_s}, {"method"_L1, u"GET"_s}, {"status"_L1, 403}}),
             200);
    LibraryList list(m_service.get());
    list.refresh();
    QTRY_COMPARE(list.state(), LibraryList::State::Failed);
    QVERIFY(!list.error().isEmpty());
    QVERIFY2(!list.error().contains(u'\n'), qPrintable(list.error()));
}

void TestLibraryList::createdOrDeletedElsewhere_joinOrLeave() {
    const QString handbook = createLibrary(u"Handbook"_s);
    LibraryList list(m_service.get());
    list.refresh();
    QTRY_COMPARE(list.state(), LibraryList::State::Loaded);

    std::optional<bool> created;
    m_service->createLibrary({u"Minutes"_s, std::nullopt}, this,
                             [&](const ServiceResult<Library> &r) { created = r.ok(); });
    QTRY_VERIFY(created.has_value());
    QCOMPARE(namesOf(list), (QStringList{u"Handbook"_s, u"Minutes"_s}));

    std::optional<bool> deleted;
    m_service->deleteLibrary(handbook, this,
                             [&](const ServiceResult<Done> &r) { deleted = r.ok(); });
    QTRY_VERIFY(deleted.has_value());
    QCOMPARE(namesOf(list), QStringList{u"Minutes"_s});
}

QTEST_GUILESS_MAIN(TestLibraryList)
#include "tst_librarylist.moc"
