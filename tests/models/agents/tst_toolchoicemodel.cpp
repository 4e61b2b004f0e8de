// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/Roles.h"
#include "models/ToolChoiceModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

Connector connector(const QString &id, const QString &name, const QString &title = {},
                    const QStringList &authMethods = {}, bool authenticated = false) {
    QJsonArray methods;
    for (const QString &m : authMethods)
        methods.append(QJsonObject{{u"method_type"_s, m}, {u"has_default_credentials"_s, false}});
    QJsonObject json;
    json.insert(u"id"_s, id);
    json.insert(u"name"_s, name);
    json.insert(u"description"_s, QString(u"Connector "_s + name));
    json.insert(u"created_at"_s, u"2026-08-01T10:00:00Z"_s);
    json.insert(u"modified_at"_s, u"2026-08-01T10:00:00Z"_s);
    json.insert(u"owner_type"_s, u"user"_s);
    json.insert(u"visibility"_s, u"private"_s);
    json.insert(u"private_tool_execution"_s, false);
    json.insert(u"is_authenticated"_s, authenticated);
    json.insert(u"supported_auth_methods"_s, methods);
    if (!title.isEmpty())
        json.insert(u"title"_s, title);
    return Connector::fromJson(json);
}

const QString wikiId = u"a1b2c3d4-0000-4000-8000-00000000abcd"_s;
const QString mailId = u"b1b2c3d4-0000-4000-8000-00000000abcd"_s;

QList<Connector> twoConnectors() {
    return {connector(wikiId, u"my_deepwiki"_s, u"DeepWiki"_s),
            connector(mailId, u"gmail"_s, {}, {u"oauth2"_s})};
}

QStringList types(const QList<Tool> &tools) {
    QStringList out;
    for (const Tool &t : tools)
        out << (t.type == Tool::Type::Connector ? u"connector:"_s + t.connectorId : t.typeString());
    return out;
}

} // namespace

class TestToolChoiceModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rows_builtInsFirstThenConnectors();
    void check_buildsSelectionInRowOrder();
    void setSelection_checksRowsAndKeepsToolsAsGiven();
    void setSelection_dropsDuplicateConnectorNamedTwoWays();
    void setSelection_unknownConnectorGetsMissingRow();
    void setSelection_keepsFunctionsAside();
    void setConnectors_keepsCheckedConnectors();
    void setConnectors_resolvesMissingRowOnceKnown();
    void documentLibrary_libraryIdsEditable();
    void authNeeded_untilCredentialKnown_data();
    void authNeeded_untilCredentialKnown();
    void builtInTypes_restrictOffer();
    void rowError_shownUntilCleared();
    void displayName_namesEveryKind();
};

void TestToolChoiceModel::rows_builtInsFirstThenConnectors() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 5);
    model.setConnectors(twoConnectors());
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.data(model.index(0), Roles::ToolTypeRole).toString(), u"image_generation"_s);
    QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), u"Image generation"_s);
    QCOMPARE(model.data(model.index(1), Roles::ToolTypeRole).toString(), u"web_search"_s);
    QCOMPARE(model.data(model.index(4), Roles::ToolTypeRole).toString(), u"document_library"_s);
    QCOMPARE(model.data(model.index(5), Qt::DisplayRole).toString(), u"DeepWiki"_s);
    QCOMPARE(model.data(model.index(5), Roles::ToolConnectorIdRole).toString(), wikiId);
    QCOMPARE(model.data(model.index(5), Roles::ToolBuiltInRole).toBool(), false);
    QCOMPARE(model.data(model.index(0), Roles::ToolBuiltInRole).toBool(), true);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.data(model.index(row), Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(model.flags(model.index(row)) & Qt::ItemIsUserCheckable);
    }
    QVERIFY(model.selection().isEmpty());
}

void TestToolChoiceModel::check_buildsSelectionInRowOrder() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnectors(twoConnectors());
    QSignalSpy changed(&model, &ToolChoiceModel::selectionChanged);
    QVERIFY(model.setData(model.index(5), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(types(model.selection()),
             QStringList({u"image_generation"_s, u"connector:"_s + wikiId}));
    // New connector tools name the connector by id and carry no credential.
    QVERIFY(!model.selection().at(1).authorization);
    model.setChecked(0, false);
    QCOMPARE(types(model.selection()), QStringList({u"connector:"_s + wikiId}));
    QCOMPARE(changed.size(), 3);
    // Checking a checked row again changes nothing.
    model.setChecked(5, true);
    QCOMPARE(changed.size(), 3);
}

void TestToolChoiceModel::setSelection_checksRowsAndKeepsToolsAsGiven() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnectors(twoConnectors());
    Tool byName = Tool::connector(u"gmail"_s, ConnectorAuthorization::oauth2Token(u"t0k"_s));
    ToolConfiguration config;
    config.include = QStringList{u"search"_s};
    byName.toolConfiguration = config;
    model.setSelection({byName, Tool::builtIn(Tool::Type::CodeInterpreter)});
    QVERIFY(model.isChecked(model.rowOfConnector(mailId)));
    QVERIFY(model.isChecked(model.rowOfBuiltIn(Tool::Type::CodeInterpreter)));
    QVERIFY(!model.isChecked(model.rowOfBuiltIn(Tool::Type::ImageGeneration)));
    const QList<Tool> selected = model.selection();
    QCOMPARE(selected.size(), 2);
    // Row order: built-ins before connectors, whatever the order given.
    QCOMPARE(selected.at(0).type, Tool::Type::CodeInterpreter);
    QCOMPARE(selected.at(1), byName);
}

void TestToolChoiceModel::setSelection_dropsDuplicateConnectorNamedTwoWays() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnectors(twoConnectors());
    model.setSelection({Tool::connector(u"my_deepwiki"_s), Tool::connector(wikiId),
                        Tool::builtIn(Tool::Type::ImageGeneration),
                        Tool::builtIn(Tool::Type::ImageGeneration)});
    QCOMPARE(types(model.selection()),
             QStringList({u"image_generation"_s, u"connector:my_deepwiki"_s}));
    QCOMPARE(model.rowCount(), 7);
}

void TestToolChoiceModel::setSelection_unknownConnectorGetsMissingRow() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnectors(twoConnectors());
    model.setSelection({Tool::connector(u"gone"_s)});
    QCOMPARE(model.rowCount(), 8);
    const QModelIndex last = model.index(7);
    QVERIFY(model.data(last, Roles::ToolMissingRole).toBool());
    QCOMPARE(model.data(last, Qt::DisplayRole).toString(), u"gone (not found)"_s);
    QCOMPARE(model.data(last, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.rowOfConnector(u"gone"_s), 7);
    QCOMPARE(types(model.selection()), QStringList({u"connector:gone"_s}));
    // Unchecking it takes it out of the selection.
    model.setChecked(7, false);
    QVERIFY(model.selection().isEmpty());
}

void TestToolChoiceModel::setSelection_keepsFunctionsAside() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Tool fn =
        Tool::function(u"get_weather"_s, u"Weather"_s, QJsonObject{{u"type"_s, u"object"_s}});
    model.setSelection({fn, Tool::builtIn(Tool::Type::WebSearch)});
    QCOMPARE(model.rowCount(), 5);
    const QList<Tool> selected = model.selection();
    QCOMPARE(selected.size(), 2);
    QCOMPARE(selected.at(0).type, Tool::Type::WebSearch);
    QCOMPARE(selected.at(1), fn);
}

void TestToolChoiceModel::setConnectors_keepsCheckedConnectors() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnectors(twoConnectors());
    model.setChecked(model.rowOfConnector(mailId), true);
    model.setConnectors({connector(u"c0ffee00-0000-4000-8000-000000000000"_s, u"new_one"_s),
                         connector(mailId, u"gmail"_s)});
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.rowOfConnector(mailId), 6);
    QVERIFY(model.isChecked(6));
    QVERIFY(!model.isChecked(5));
    // A checked connector that disappears stays selected, flagged missing.
    model.setConnectors({});
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(model.data(model.index(5), Roles::ToolMissingRole).toBool());
    QCOMPARE(types(model.selection()), QStringList({u"connector:"_s + mailId}));
}

void TestToolChoiceModel::setConnectors_resolvesMissingRowOnceKnown() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // An agent loaded before the connectors are.
    model.setSelection({Tool::connector(u"my_deepwiki"_s)});
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(model.data(model.index(5), Roles::ToolMissingRole).toBool());
    model.setConnectors(twoConnectors());
    QCOMPARE(model.rowCount(), 7);
    QVERIFY(!model.data(model.index(5), Roles::ToolMissingRole).toBool());
    QVERIFY(model.isChecked(5));
    QCOMPARE(types(model.selection()), QStringList({u"connector:my_deepwiki"_s}));
}

void TestToolChoiceModel::documentLibrary_libraryIdsEditable() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = model.rowOfBuiltIn(Tool::Type::DocumentLibrary);
    QVERIFY(row >= 0);
    QVERIFY(model.setData(model.index(row), QStringList{u" lib-1 "_s, u"lib-2"_s, u""_s},
                          Roles::ToolLibraryIdsRole));
    QCOMPARE(model.data(model.index(row), Roles::ToolLibraryIdsRole).toStringList(),
             QStringList({u"lib-1"_s, u"lib-2"_s}));
    // Library ids stay while unchecked, and go out with the tool once checked.
    QVERIFY(model.selection().isEmpty());
    model.setChecked(row, true);
    QCOMPARE(model.selection().value(0).libraryIds, QStringList({u"lib-1"_s, u"lib-2"_s}));
    // Other rows take no library ids.
    QVERIFY(!model.setData(model.index(0), QStringList{u"x"_s}, Roles::ToolLibraryIdsRole));
}

void TestToolChoiceModel::authNeeded_untilCredentialKnown_data() {
    QTest::addColumn<QStringList>("methods");
    QTest::addColumn<bool>("authenticated");
    QTest::addColumn<bool>("needed");
    QTest::newRow("oauth2") << QStringList{u"oauth2"_s} << false << true;
    QTest::newRow("bearer") << QStringList{u"bearer"_s} << false << true;
    QTest::newRow("oauth2, authenticated") << QStringList{u"oauth2"_s} << true << false;
    QTest::newRow("none") << QStringList{u"none"_s} << false << false;
    QTest::newRow("oauth2 or none") << QStringList{u"oauth2"_s, u"none"_s} << false << false;
    QTest::newRow("no methods") << QStringList{} << false << false;
}

void TestToolChoiceModel::authNeeded_untilCredentialKnown() {
    QFETCH(QStringList, methods);
    QFETCH(bool, authenticated);
    QFETCH(bool, needed);
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnectors({connector(mailId, u"gmail"_s, {}, methods, authenticated)});
    const QModelIndex row = model.index(model.rowOfConnector(u"gmail"_s));
    QCOMPARE(model.data(row, Roles::ToolAuthNeededRole).toBool(), needed);
    QCOMPARE(model.data(row, Qt::DisplayRole).toString().endsWith(u"(needs authorization)"_s),
             needed);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setHasCredential(mailId, true);
    QCOMPARE(changed.size(), 1);
    QVERIFY(model.data(row, Roles::ToolHasCredentialRole).toBool());
    QVERIFY(!model.data(row, Roles::ToolAuthNeededRole).toBool());
    model.setHasCredential(mailId, false);
    QCOMPARE(model.data(row, Roles::ToolAuthNeededRole).toBool(), needed);
}

void TestToolChoiceModel::builtInTypes_restrictOffer() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelection(
        {Tool::builtIn(Tool::Type::ImageGeneration), Tool::builtIn(Tool::Type::WebSearch)});
    model.setBuiltInTypes({Tool::Type::ImageGeneration, Tool::Type::Connector});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOfBuiltIn(Tool::Type::WebSearch), -1);
    // A selected tool no longer offered is kept, not dropped.
    QCOMPARE(types(model.selection()), QStringList({u"image_generation"_s, u"web_search"_s}));
}

void TestToolChoiceModel::rowError_shownUntilCleared() {
    ToolChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelection({Tool::connector(u"gone"_s)});
    const int row = model.rowOfConnector(u"gone"_s);
    model.setRowError(row, u"Connector not found"_s);
    QCOMPARE(model.data(model.index(row), Roles::ToolErrorRole).toString(),
             u"Connector not found"_s);
    QVERIFY(model.data(model.index(row), Qt::ToolTipRole)
                .toString()
                .startsWith(u"Connector not found"_s));
    model.clearErrors();
    QVERIFY(model.data(model.index(row), Roles::ToolErrorRole).toString().isEmpty());
}

void TestToolChoiceModel::displayName_namesEveryKind() {
    const QList<Connector> connectors = twoConnectors();
    QCOMPARE(ToolChoiceModel::displayName(Tool::connector(wikiId), connectors), u"DeepWiki"_s);
    QCOMPARE(ToolChoiceModel::displayName(Tool::connector(u"gmail"_s), connectors), u"gmail"_s);
    QCOMPARE(ToolChoiceModel::displayName(Tool::connector(u"other"_s), connectors), u"other"_s);
    QCOMPARE(ToolChoiceModel::displayName(Tool::builtIn(Tool::Type::WebSearchPremium)),
             u"Web search (premium)"_s);
    QCOMPARE(ToolChoiceModel::displayName(Tool::function(u"f"_s, {}, {})), u"f"_s);
}

QTEST_GUILESS_MAIN(TestToolChoiceModel)
#include "tst_toolchoicemodel.moc"
