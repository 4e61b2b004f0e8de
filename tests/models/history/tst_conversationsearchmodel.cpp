// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationStore.h"
#include "models/ConversationSearchModel.h"
#include "models/Roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QJsonObject message(const QString &role, const QString &text) {
    return QJsonObject{{u"role"_s, role}, {u"content"_s, text}};
}

QList<qint64> messageIds(const ConversationSearchModel &model) {
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(Roles::SearchMessageIdRole).toLongLong();
    return out;
}

} // namespace

class TestConversationSearchModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void query_givesHitsWithTitleSnippetAndHighlights();
    void refinedQuery_updatesRowsWithoutReset();
    void blankQuery_clearsHits();
    void deletedConversation_leavesHits_andUndoBringsThemBack();
    void rename_updatesTitleOfShownHits();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
    qint64 m_fruit = 0;
    qint64 m_travel = 0;
};

void TestConversationSearchModel::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = ConversationStore::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    m_store = std::move(opened.store);
    m_fruit = m_store->createConversation()->id;
    QVERIFY(m_store->appendUserMessage(m_fruit, message(u"user"_s, u"Which fruit is yellow?"_s)));
    QVERIFY(m_store->appendMessage(
        m_fruit, message(u"assistant"_s, u"A banana is yellow, and so is a lemon."_s)));
    m_travel = m_store->createConversation()->id;
    QVERIFY(m_store->appendUserMessage(m_travel, message(u"user"_s, u"Plan a trip to Bandol"_s)));
    QVERIFY(m_store->appendMessage(m_travel, message(u"assistant"_s, u"Bandol has beaches."_s)));
}

void TestConversationSearchModel::cleanup() {
    m_store.reset();
    m_dir.reset();
}

void TestConversationSearchModel::query_givesHitsWithTitleSnippetAndHighlights() {
    ConversationSearchModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(u"banana"_s);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex hit = model.index(0);
    QCOMPARE(hit.data(Roles::ConversationIdRole).toLongLong(), m_fruit);
    QCOMPARE(hit.data(Qt::DisplayRole).toString(), u"Which fruit is yellow?"_s);
    const QString snippet = hit.data(Roles::SearchSnippetRole).toString();
    const auto ranges = hit.data(Roles::SearchHighlightsRole).value<QList<TextRange>>();
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(snippet.mid(ranges.first().start, ranges.first().length), u"banana"_s);
    QVERIFY(hit.data(Roles::SearchPositionRole).toLongLong() > 0);
}

void TestConversationSearchModel::refinedQuery_updatesRowsWithoutReset() {
    ConversationSearchModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    model.setQuery(u"ban"_s); // prefix: banana and Bandol (twice)
    QCOMPARE(model.rowCount(), 3);
    const QList<qint64> before = messageIds(model);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setQuery(u"band"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 0);
    for (qint64 id : messageIds(model))
        QVERIFY(before.contains(id));
    model.setQuery(u"ban"_s);
    QCOMPARE(messageIds(model), before);
    QCOMPARE(resets.count(), 0);
}

void TestConversationSearchModel::blankQuery_clearsHits() {
    ConversationSearchModel model(m_store.get());
    model.setQuery(u"yellow"_s);
    QCOMPARE(model.rowCount(), 2);
    model.setQuery(u"   "_s);
    QCOMPARE(model.rowCount(), 0);
}

void TestConversationSearchModel::deletedConversation_leavesHits_andUndoBringsThemBack() {
    ConversationSearchModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(u"ban"_s);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(m_store->deleteConversation(m_travel));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(m_store->undoDelete(m_travel));
    QCOMPARE(model.rowCount(), 3);
}

void TestConversationSearchModel::rename_updatesTitleOfShownHits() {
    ConversationSearchModel model(m_store.get());
    model.setQuery(u"beaches"_s);
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->renameConversation(m_travel, u"Holidays"_s));
    QCOMPARE(model.index(0).data().toString(), u"Holidays"_s);
    QCOMPARE(changed.count(), 1);
}

QTEST_GUILESS_MAIN(TestConversationSearchModel)
#include "tst_conversationsearchmodel.moc"
