// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationStore.h"
#include "models/ConversationListModel.h"
#include "models/Roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QJsonObject userMessage(const QString &text) {
    return QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}};
}

QList<qint64> ids(const ConversationListModel &model) {
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.idAt(row);
    return out;
}

} // namespace

class TestConversationListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void open_loadsFirstPageThenMoreOnDemand();
    void order_isPinnedThenNewestActivity();
    void newConversation_isInsertedAtTopWithoutReset();
    void derivedTitle_replacesPlaceholder();
    void rename_updatesTheRowInPlace();
    void blankRename_goesBackToDerivedTitle();
    void pin_movesRowUpAndStartsPinnedGroup();
    void activity_movesConversationToTheTop();
    void delete_removesRow_andUndoPutsItBack();
    void lateChangeOfDeletedConversation_isIgnored();
    void changeOutsideLoadedPages_keepsPagesConsistent();
    void loadUntil_fetchesPagesUntilFound();
    void dayGroups_followTheClock_data();
    void dayGroups_followTheClock();
    void groupStart_marksFirstRowOfEachGroup();

private:
    qint64 create(const QString &firstMessage = {});
    QList<qint64> storeOrder() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
};

void TestConversationListModel::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = ConversationStore::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    m_store = std::move(opened.store);
}

void TestConversationListModel::cleanup() {
    m_store.reset();
    m_dir.reset();
}

qint64 TestConversationListModel::create(const QString &firstMessage) {
    auto info = m_store->createConversation();
    if (!info)
        return 0;
    if (!firstMessage.isEmpty())
        (void)m_store->appendUserMessage(info->id, userMessage(firstMessage));
    return info->id;
}

QList<qint64> TestConversationListModel::storeOrder() const {
    const auto list = m_store->listConversations(100000);
    QList<qint64> out;
    for (const ConversationInfo &info : list.value())
        out << info.id;
    return out;
}

void TestConversationListModel::open_loadsFirstPageThenMoreOnDemand() {
    for (int i = 0; i < 250; ++i)
        QVERIFY(create() > 0);
    ConversationListModel model(m_store.get());
    // (No model tester here: it fetches every page itself.)
    QCOMPARE(model.pageSize(), 100);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 200);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 250);
    QVERIFY(!model.canFetchMore({}));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(ids(model), storeOrder());
}

void TestConversationListModel::order_isPinnedThenNewestActivity() {
    const qint64 a = create(u"first"_s);
    const qint64 b = create(u"second"_s);
    const qint64 c = create(u"third"_s);
    QVERIFY(m_store->setPinned(a, true));
    ConversationListModel model(m_store.get());
    QCOMPARE(ids(model), (QList<qint64>{a, c, b}));
    QCOMPARE(model.index(0).data(Roles::ConversationPinnedRole).toBool(), true);
    QCOMPARE(model.index(1).data(Qt::DisplayRole).toString(), u"third"_s);
}

void TestConversationListModel::newConversation_isInsertedAtTopWithoutReset() {
    create(u"old"_s);
    ConversationListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const qint64 id = create();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(model.idAt(0), id);
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(),
             ConversationListModel::placeholderTitle());
    QCOMPARE(model.index(0).data(Roles::ConversationTitleRole).toString(), QString());
    QCOMPARE(resets.count(), 0);
}

void TestConversationListModel::derivedTitle_replacesPlaceholder() {
    const qint64 id = create();
    ConversationListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->appendUserMessage(id, userMessage(u"How do tides work?\nDetails…"_s)));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), u"How do tides work?"_s);
}

void TestConversationListModel::rename_updatesTheRowInPlace() {
    create(u"one"_s);
    const qint64 id = create(u"two"_s);
    ConversationListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(0), u"  Trip   planning "_s, Qt::EditRole));
    QCOMPARE(model.idAt(0), id);
    QCOMPARE(model.index(0).data().toString(), u"Trip planning"_s);
    QVERIFY(model.info(0).titleIsCustom);
    QCOMPARE(moved.count(), 0);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
}

void TestConversationListModel::blankRename_goesBackToDerivedTitle() {
    const qint64 id = create(u"Derived here"_s);
    QVERIFY(m_store->renameConversation(id, u"Custom"_s));
    ConversationListModel model(m_store.get());
    QCOMPARE(model.index(0).data().toString(), u"Custom"_s);
    QVERIFY(model.setData(model.index(0), u"   "_s, Qt::EditRole));
    QCOMPARE(model.index(0).data().toString(), u"Derived here"_s);
}

void TestConversationListModel::pin_movesRowUpAndStartsPinnedGroup() {
    const qint64 a = create(u"a"_s);
    const qint64 b = create(u"b"_s);
    const qint64 c = create(u"c"_s);
    ConversationListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QCOMPARE(ids(model), (QList<qint64>{c, b, a}));
    QVERIFY(model.setPinned(a, true));
    QCOMPARE(ids(model), (QList<qint64>{a, c, b}));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(model.index(0).data(Roles::ConversationDayGroupRole).toString(), u"Pinned"_s);
    QVERIFY(model.index(0).data(Roles::ConversationGroupStartRole).toBool());
    QVERIFY(model.index(1).data(Roles::ConversationGroupStartRole).toBool());
    QVERIFY(!model.index(2).data(Roles::ConversationGroupStartRole).toBool());
    QVERIFY(model.setPinned(a, false));
    QCOMPARE(ids(model), (QList<qint64>{c, b, a}));
    QCOMPARE(resets.count(), 0);
}

void TestConversationListModel::activity_movesConversationToTheTop() {
    const qint64 a = create(u"a"_s);
    const qint64 b = create(u"b"_s);
    const qint64 pinned = create(u"pinned"_s);
    QVERIFY(m_store->setPinned(pinned, true));
    ConversationListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(ids(model), (QList<qint64>{pinned, b, a}));
    QVERIFY(m_store->appendUserMessage(a, userMessage(u"again"_s)));
    QCOMPARE(ids(model), (QList<qint64>{pinned, a, b}));
}

void TestConversationListModel::delete_removesRow_andUndoPutsItBack() {
    const qint64 a = create(u"a"_s);
    const qint64 b = create(u"b"_s);
    const qint64 c = create(u"c"_s);
    ConversationListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(model.remove(b));
    QCOMPARE(ids(model), (QList<qint64>{c, a}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QVERIFY(model.undoRemove(b));
    QCOMPARE(ids(model), (QList<qint64>{c, b, a}));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);
}

void TestConversationListModel::lateChangeOfDeletedConversation_isIgnored() {
    const qint64 a = create(u"a"_s);
    ConversationListModel model(m_store.get());
    QVERIFY(model.remove(a));
    // A stream still running into it finishes after the delete: the row stays away.
    QVERIFY(m_store->appendMessage(
        a, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"late"_s}}));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.undoRemove(a));
    QCOMPARE(ids(model), (QList<qint64>{a}));
}

void TestConversationListModel::changeOutsideLoadedPages_keepsPagesConsistent() {
    QList<qint64> created;
    for (int i = 0; i < 30; ++i)
        created << create(u"conversation %1"_s.arg(i));
    ConversationListModel model(m_store.get());
    model.setPageSize(10);
    model.reload();
    QCOMPARE(model.rowCount(), 10);

    // The oldest (not loaded) gets a message: it comes to the top.
    QVERIFY(m_store->appendUserMessage(created.first(), userMessage(u"back"_s)));
    QCOMPARE(model.idAt(0), created.first());
    QCOMPARE(model.rowCount(), 11);
    // A loaded one pinned then unpinned is back in place; a loaded one deleted goes.
    QVERIFY(model.remove(model.idAt(3)));
    QCOMPARE(model.rowCount(), 10);
    // A new one not loaded yet but renamed: nothing appears.
    QVERIFY(m_store->renameConversation(created.at(1), u"Renamed far away"_s));
    QCOMPARE(model.rowCount(), 10);

    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(ids(model), storeOrder());
}

void TestConversationListModel::loadUntil_fetchesPagesUntilFound() {
    QList<qint64> created;
    for (int i = 0; i < 25; ++i)
        created << create();
    ConversationListModel model(m_store.get());
    model.setPageSize(10);
    model.reload();
    QCOMPARE(model.rowOf(created.first()), -1);
    QCOMPARE(model.loadUntil(created.first()), 24);
    QCOMPARE(model.loadUntil(123456), -1);
}

void TestConversationListModel::dayGroups_followTheClock_data() {
    QTest::addColumn<int>("daysLater");
    QTest::addColumn<QString>("group");
    const QDate today = QDate::currentDate();
    QTest::newRow("same day") << 0 << u"Today"_s;
    QTest::newRow("next day") << 1 << u"Yesterday"_s;
    QTest::newRow("three days") << 3 << u"Previous 7 days"_s;
    QTest::newRow("a week") << 7 << u"Previous 7 days"_s;
    QTest::newRow("eight days: the month")
        << 8
        << (today.addDays(8).year() == today.year() ? QLocale().standaloneMonthName(today.month())
                                                    : QLocale().standaloneMonthName(today.month())
                                                          + u' ' + QString::number(today.year()));
    QTest::newRow("a year: month and year")
        << 400
        << QLocale().standaloneMonthName(today.month()) + u' ' + QString::number(today.year());
}

void TestConversationListModel::dayGroups_followTheClock() {
    QFETCH(int, daysLater);
    QFETCH(QString, group);
    create(u"now"_s);
    ConversationListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QDateTime later = QDateTime::currentDateTime().addDays(daysLater);
    model.setClock([later] { return later; });
    QCOMPARE(model.index(0).data(Roles::ConversationDayGroupRole).toString(), group);
    QCOMPARE(changed.count(), daysLater == 0 ? 0 : 1); // crossing midnight refreshes the rows
}

void TestConversationListModel::groupStart_marksFirstRowOfEachGroup() {
    const qint64 a = create(u"a"_s);
    create(u"b"_s);
    create(u"c"_s);
    QVERIFY(m_store->setPinned(a, true));
    ConversationListModel model(m_store.get());
    QList<bool> starts;
    QStringList groups;
    for (int row = 0; row < model.rowCount(); ++row) {
        starts << model.index(row).data(Roles::ConversationGroupStartRole).toBool();
        groups << model.index(row).data(Roles::ConversationDayGroupRole).toString();
    }
    QCOMPARE(starts, (QList<bool>{true, true, false}));
    QCOMPARE(groups, (QStringList{u"Pinned"_s, u"Today"_s, u"Today"_s}));
}

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
