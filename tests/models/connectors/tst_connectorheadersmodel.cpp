// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectorHeadersModel: the connector editor's headers as rows (QAbstractItemModelTester),
// secret values masked in every role a view shows and registered with the redactor, stored
// values that stay hidden and fall back to the keychain, and the checks of names and values.
#include "core/net/Redactor.h"
#include "models/ConnectorHeadersModel.h"
#include "models/Roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

using M = ConnectorHeadersModel;

class TestConnectorHeadersModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addEditRemove_rows();
    void secretValue_maskedInEveryShownRole_andRedacted();
    void secretFlag_unchecked_showsTheValue();
    void storedHeaders_hiddenAndReplacedByTyping();
    void keychainValue_usedWhenNothingTyped();
    void perUserCredential_fixedNameNotRemovable();
    void firstProblem_namesAndValues_data();
    void firstProblem_namesAndValues();
    void secretValues_onlyTheSecretOnes();

private:
    //! Every role a view, a tooltip or an accessibility tool would read.
    QStringList shownTexts(int row, int column) const;
    int addRow(const QString &name, const QString &value, bool secret = true);

    std::unique_ptr<M> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestConnectorHeadersModel::init() {
    m_model = std::make_unique<M>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestConnectorHeadersModel::cleanup() {
    m_tester.reset();
    m_model.reset();
}

QStringList TestConnectorHeadersModel::shownTexts(int row, int column) const {
    const QModelIndex index = m_model->index(row, column);
    QStringList texts;
    for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole),
                     int(Qt::AccessibleDescriptionRole), int(Qt::StatusTipRole),
                     int(Qt::WhatsThisRole), int(Roles::HeaderPlaceholderRole)})
        texts.append(index.data(role).toString());
    return texts;
}

int TestConnectorHeadersModel::addRow(const QString &name, const QString &value, bool secret) {
    const int row = m_model->addHeader();
    m_model->setData(m_model->index(row, M::NameColumn), name);
    m_model->setData(m_model->index(row, M::ValueColumn), value);
    m_model->setData(m_model->index(row, M::SecretColumn), secret ? Qt::Checked : Qt::Unchecked,
                     Qt::CheckStateRole);
    return row;
}

void TestConnectorHeadersModel::addEditRemove_rows() {
    QCOMPARE(m_model->columnCount(), 3);
    QCOMPARE(m_model->headerData(M::NameColumn, Qt::Horizontal).toString(), u"Header"_s);
    QCOMPARE(m_model->headerData(M::ValueColumn, Qt::Horizontal).toString(), u"Value"_s);
    QCOMPARE(m_model->headerData(M::SecretColumn, Qt::Horizontal).toString(), u"Secret"_s);

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QCOMPARE(m_model->addHeader(), 0);
    QCOMPARE(inserted.size(), 1);
    // A new header is secret until said otherwise, and says what goes in it.
    QCOMPARE(m_model->index(0, M::SecretColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    QCOMPARE(m_model->index(0, M::NameColumn).data(Roles::HeaderPlaceholderRole).toString(),
             u"e.g. Authorization"_s);
    QCOMPARE(m_model->index(0, M::ValueColumn).data(Roles::HeaderPlaceholderRole).toString(),
             u"secret value"_s);
    QVERIFY(m_model->flags(m_model->index(0, M::NameColumn)) & Qt::ItemIsEditable);
    QVERIFY(m_model->flags(m_model->index(0, M::ValueColumn)) & Qt::ItemIsEditable);
    QVERIFY(m_model->flags(m_model->index(0, M::SecretColumn)) & Qt::ItemIsUserCheckable);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(0, M::NameColumn), u"Accept-Language"_s));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(0, M::NameColumn).data().toString(), u"Accept-Language"_s);
    addRow(u"X-Other"_s, u"1"_s, false);
    QCOMPARE(m_model->rowCount(), 2);

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_model->removeHeader(0));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, M::NameColumn).data().toString(), u"X-Other"_s);
    QVERIFY(!m_model->removeHeader(5));
    QVERIFY(!m_model->removeHeader(-1));
}

void TestConnectorHeadersModel::secretValue_maskedInEveryShownRole_andRedacted() {
    const QString value = u"tok-4f9a1c77e2b3"_s;
    const int row = addRow(u"X-Api-Key"_s, value);
    for (int column = 0; column < M::ColumnCount; ++column) {
        for (const QString &text : shownTexts(row, column))
            QVERIFY2(!text.contains(value), qPrintable(text));
    }
    QCOMPARE(m_model->index(row, M::ValueColumn).data().toString(), M::mask());
    // Its length is not shown either.
    m_model->setData(m_model->index(row, M::ValueColumn), u"x"_s);
    QCOMPARE(m_model->index(row, M::ValueColumn).data().toString(), M::mask());
    m_model->setData(m_model->index(row, M::ValueColumn), value);
    // Only the editor gets it back, and the log redactor knows it.
    QCOMPARE(m_model->index(row, M::ValueColumn).data(Qt::EditRole).toString(), value);
    QCOMPARE(m_model->index(row, M::ValueColumn).data(Roles::HeaderSecretRole).toBool(), true);
    QVERIFY(!Redactor::redactText(u"sent "_s + value).contains(value));
}

void TestConnectorHeadersModel::secretFlag_unchecked_showsTheValue() {
    const int row = addRow(u"Accept-Language"_s, u"fr"_s, true);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(
        m_model->setData(m_model->index(row, M::SecretColumn), Qt::Unchecked, Qt::CheckStateRole));
    // The whole row changes: the value cell shows in clear (and an open editor follows).
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(M::NameColumn));
    QCOMPARE(changed.first().at(1).toModelIndex().column(), int(M::SecretColumn));
    QCOMPARE(m_model->index(row, M::ValueColumn).data().toString(), u"fr"_s);
    QCOMPARE(m_model->index(row, M::ValueColumn).data(Roles::HeaderPlaceholderRole).toString(),
             u"value"_s);
    QCOMPARE(m_model->headers(),
             (QList<ConnectorHeader>{{u"Accept-Language"_s, u"fr"_s, false, true}}));
}

void TestConnectorHeadersModel::storedHeaders_hiddenAndReplacedByTyping() {
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setStoredHeaders({{u"Authorization"_s, u"Bearer from-server"_s, true, true},
                               {u"Accept"_s, u"text/plain"_s, false, true}});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    // A stored secret shows nothing, not even masked characters; it says it is stored.
    QVERIFY(m_model->index(0, M::ValueColumn).data().toString().isEmpty());
    QVERIFY(m_model->index(0, M::ValueColumn).data(Qt::EditRole).toString().isEmpty());
    QVERIFY(m_model->index(0, M::ValueColumn)
                .data(Roles::HeaderPlaceholderRole)
                .toString()
                .contains(u"stored"_s));
    // A plain header is shown as the server has it.
    QCOMPARE(m_model->index(1, M::ValueColumn).data().toString(), u"text/plain"_s);

    m_model->setData(m_model->index(0, M::ValueColumn), u"Bearer typed"_s);
    QCOMPARE(m_model->effectiveHeaders().first().value, u"Bearer typed"_s);
    QCOMPARE(m_model->index(0, M::ValueColumn).data().toString(), M::mask());
}

void TestConnectorHeadersModel::keychainValue_usedWhenNothingTyped() {
    m_model->setStoredHeaders({{u"Authorization"_s, {}, true, true}});
    QCOMPARE(m_model->effectiveHeaders().first().value, QString());
    m_model->setKeychainValue(u"Authorization"_s, u"Bearer kept-here"_s);
    QCOMPARE(m_model->effectiveHeaders().first().value, u"Bearer kept-here"_s);
    for (const QString &text : shownTexts(0, M::ValueColumn))
        QVERIFY(!text.contains(u"kept-here"_s));
    QVERIFY(m_model->index(0, M::ValueColumn).data(Qt::EditRole).toString().isEmpty());
    // Renamed, it still sends the kept value (the keychain entry moves on save).
    m_model->setData(m_model->index(0, M::NameColumn), u" X-Auth "_s);
    QCOMPARE(m_model->effectiveHeaders().first().name, u"X-Auth"_s);
    QCOMPARE(m_model->effectiveHeaders().first().value, u"Bearer kept-here"_s);
    // The headers as typed (what tells whether the form changed) have no value.
    QCOMPARE(m_model->headers().first().value, QString());
}

void TestConnectorHeadersModel::perUserCredential_fixedNameNotRemovable() {
    m_model->setStoredHeaders({{u"Authorization"_s, {}, true, false}});
    const QModelIndex name = m_model->index(0, M::NameColumn);
    QVERIFY(!(m_model->flags(name) & Qt::ItemIsEditable));
    QVERIFY(!(m_model->flags(name) & Qt::ItemIsEnabled));
    QVERIFY(!(m_model->flags(m_model->index(0, M::SecretColumn)) & Qt::ItemIsEnabled));
    QVERIFY(m_model->flags(m_model->index(0, M::ValueColumn)) & Qt::ItemIsEditable);
    QVERIFY(!m_model->setData(name, u"Other"_s));
    QVERIFY(
        !m_model->setData(m_model->index(0, M::SecretColumn), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!m_model->isRemovable(0));
    QVERIFY(!m_model->removeHeader(0));
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(name.data(Qt::ToolTipRole).toString().contains(u"not sent to the server"_s));
    QVERIFY(m_model->setData(m_model->index(0, M::ValueColumn), u"Bearer mine"_s));
    QCOMPARE(m_model->effectiveHeaders().first().value, u"Bearer mine"_s);
    QCOMPARE(m_model->effectiveHeaders().first().global, false);
}

void TestConnectorHeadersModel::firstProblem_namesAndValues_data() {
    QTest::addColumn<QList<ConnectorHeader>>("typed");
    QTest::addColumn<bool>("valuesNeeded");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("contains");

    const auto h = [](const QString &name, const QString &value) {
        return ConnectorHeader{name, value, true, true};
    };
    QTest::newRow("fine") << QList{h(u"A"_s, u"1"_s), h(u"B"_s, u"2"_s)} << true << -1 << QString();
    QTest::newRow("empty name") << QList{h(u"A"_s, u"1"_s), h(u"  "_s, u"2"_s)} << true << 1
                                << QString();
    QTest::newRow("invalid character") << QList{h(u"X Api"_s, u"1"_s)} << true << 0 << QString();
    QTest::newRow("colon") << QList{h(u"X:Api"_s, u"1"_s)} << true << 0 << QString();
    QTest::newRow("listed twice") << QList{h(u"X-Key"_s, u"1"_s), h(u"x-key"_s, u"2"_s)} << true
                                  << 1 << u"listed twice"_s;
    QTest::newRow("no value") << QList{h(u"X-Key"_s, QString())} << true << 0
                              << u"Enter a value for X-Key"_s;
    QTest::newRow("no value, not sent")
        << QList{h(u"X-Key"_s, QString())} << false << -1 << QString();
    QTest::newRow("line break in value")
        << QList{h(u"X-Key"_s, u"a\nb"_s)} << false << 0 << QString();
}

void TestConnectorHeadersModel::firstProblem_namesAndValues() {
    QFETCH(QList<ConnectorHeader>, typed);
    QFETCH(bool, valuesNeeded);
    QFETCH(int, row);
    QFETCH(QString, contains);
    for (const ConnectorHeader &header : typed)
        addRow(header.name, header.value, header.secret);
    const M::Problem problem = m_model->firstProblem(valuesNeeded);
    QCOMPARE(problem.row, row);
    QCOMPARE(problem.isEmpty(), row < 0);
    if (row >= 0)
        QVERIFY(!problem.message.isEmpty());
    if (!contains.isEmpty())
        QVERIFY2(problem.message.contains(contains), qPrintable(problem.message));
}

void TestConnectorHeadersModel::secretValues_onlyTheSecretOnes() {
    m_model->setStoredHeaders({{u"Authorization"_s, {}, true, true}});
    addRow(u" X-Typed "_s, u"v1"_s, true);
    addRow(u"Accept"_s, u"plain"_s, false);
    const QList<M::SecretValue> secrets = m_model->secretValues();
    QCOMPARE(secrets.size(), 2);
    QCOMPARE(secrets.at(0).name, u"Authorization"_s);
    QVERIFY(secrets.at(0).typedValue.isEmpty()); // unchanged: the keychain keeps it
    QCOMPARE(secrets.at(1).name, u"X-Typed"_s);
    QCOMPARE(secrets.at(1).typedValue, u"v1"_s);
}

QTEST_MAIN(TestConnectorHeadersModel)
#include "tst_connectorheadersmodel.moc"
