// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChatTargetModel.h"
#include "models/Roles.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

ModelCard card(const QString &id, const QString &name, bool chat, bool vision = false,
               const QStringList &aliases = {}) {
    QJsonObject caps{
        {u"completion_chat"_s, chat}, {u"vision"_s, vision}, {u"function_calling"_s, true}};
    return ModelCard::fromJson(QJsonObject{{u"id"_s, id},
                                           {u"name"_s, name},
                                           {u"capabilities"_s, caps},
                                           {u"aliases"_s, QJsonArray::fromStringList(aliases)},
                                           {u"max_context_length"_s, 131072}});
}

Agent agent(const QString &id, const QString &name) {
    Agent a;
    a.id = id;
    a.name = name;
    a.model = u"mistral-medium-latest"_s;
    a.version = 2;
    return a;
}

} // namespace

class TestChatTargetModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void models_keepsChatCapableOnly_andMergesAliases();
    void agents_followModels_andReplaceOnUpdate();
    void rowOf_findsAliasesAndAgents();
    void roles_exposeBadges();
};

void TestChatTargetModel::models_keepsChatCapableOnly_andMergesAliases() {
    ChatTargetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels({card(u"mistral-medium-2508"_s, u"mistral-medium-2508"_s, true, true),
                     card(u"mistral-medium-latest"_s, u"mistral-medium-2508"_s, true, true),
                     card(u"mistral-embed"_s, u"mistral-embed"_s, false),
                     card(u"mistral-small-latest"_s, u"mistral-small-2506"_s, true)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), u"mistral-medium-latest"_s);
    QCOMPARE(model.data(model.index(1), Qt::DisplayRole).toString(), u"mistral-small-latest"_s);
}

void TestChatTargetModel::agents_followModels_andReplaceOnUpdate() {
    ChatTargetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels({card(u"mistral-small-latest"_s, u"s"_s, true)});
    model.setAgents({agent(u"ag_2"_s, u"Zed"_s), agent(u"ag_1"_s, u"Artist"_s)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(1), Qt::DisplayRole).toString(), u"Agent: Artist"_s);
    QCOMPARE(model.data(model.index(2), Roles::TargetIdRole).toString(), u"ag_2"_s);
    model.setAgents({agent(u"ag_3"_s, u"Only"_s)});
    QCOMPARE(model.rowCount(), 2);
    model.setAgents({});
    QCOMPARE(model.rowCount(), 1);
    // Replacing the models keeps the agents after them.
    model.setAgents({agent(u"ag_3"_s, u"Only"_s)});
    model.setModels({});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.targetAt(0).kind, ChatTargetModel::Kind::Agent);
}

void TestChatTargetModel::rowOf_findsAliasesAndAgents() {
    ChatTargetModel model;
    model.setModels({card(u"mistral-medium-2508"_s, u"mm"_s, true),
                     card(u"mistral-medium-latest"_s, u"mm"_s, true)});
    model.setAgents({agent(u"ag_1"_s, u"Artist"_s)});
    QCOMPARE(model.rowOf(ChatTargetModel::Kind::Model, u"mistral-medium-latest"_s), 0);
    QCOMPARE(model.rowOf(ChatTargetModel::Kind::Model, u"mistral-medium-2508"_s), 0);
    QCOMPARE(model.rowOf(ChatTargetModel::Kind::Agent, u"ag_1"_s), 1);
    QCOMPARE(model.rowOf(ChatTargetModel::Kind::Model, u"nope"_s), -1);
}

void TestChatTargetModel::roles_exposeBadges() {
    ChatTargetModel model;
    model.setModels({card(u"pixtral-large-latest"_s, u"pixtral"_s, true, true)});
    const QModelIndex i = model.index(0);
    QVERIFY(model.data(i, Roles::VisionRole).toBool());
    QVERIFY(model.data(i, Roles::FunctionCallingRole).toBool());
    QCOMPARE(model.data(i, Roles::ContextLengthRole).toLongLong(), 131072);
    QVERIFY(model.data(i, Qt::ToolTipRole).toString().contains(u"pixtral"_s));
}

QTEST_GUILESS_MAIN(TestChatTargetModel)
#include "tst_chattargetmodel.moc"
