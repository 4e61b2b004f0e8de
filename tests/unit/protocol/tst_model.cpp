// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Model.h"

#include "TestJson.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::fixtureObject;
using Tramontane::Test::jsonObject;

class TestModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void list_parsesCardsAndSkipsJunk();
    void baseCard_readsEveryField();
    void fineTunedCard_readsItsExtras();
    void card_roundTrips();
    void capabilities_keepUnknownFlags();
    void defaults_applyWhenMissing();
    void find_matchesIdOrAlias_data();
    void find_matchesIdOrAlias();
};

void TestModel::list_parsesCardsAndSkipsJunk() {
    const ModelList list = ModelList::fromJson(fixtureObject(u"models.json"_s));
    QCOMPARE(list.data.size(), 3);
    const QList<ModelCard> chat = list.chatModels();
    QCOMPARE(chat.size(), 2);
    QCOMPARE(chat.at(0).id, u"mistral-medium-latest"_s);
    QCOMPARE(chat.at(1).id, u"ft:open-mistral-7b:9c1d:20260101:abcd"_s);
    QCOMPARE(list.toJson().value("object"_L1).toString(), u"list"_s);
    QCOMPARE(list.toJson().value("data"_L1).toArray().size(), 3);
}

void TestModel::baseCard_readsEveryField() {
    const ModelCard card = ModelList::fromJson(fixtureObject(u"models.json"_s)).data.first();
    QCOMPARE(card.object, u"model"_s);
    QCOMPARE(card.created, 1756746619);
    QCOMPARE(card.ownedBy, u"mistralai"_s);
    QCOMPARE(card.name, u"mistral-medium-2508"_s);
    QCOMPARE(card.displayName(), u"mistral-medium-2508"_s);
    QCOMPARE(card.description, u"Our frontier-class multimodal model"_s);
    QCOMPARE(card.maxContextLength, 131072);
    QCOMPARE(card.aliases, QStringList{u"mistral-medium-2508"_s});
    QVERIFY(!card.deprecation.isValid());
    QVERIFY(!card.deprecationReplacementModel);
    QCOMPARE(card.defaultModelTemperature, 0.3);
    QVERIFY(!card.internal);
    QVERIFY(!card.isFineTuned());
    QVERIFY(card.capabilities.completionChat);
    QVERIFY(card.capabilities.functionCalling);
    QVERIFY(card.capabilities.vision);
    QVERIFY(!card.capabilities.reasoning);
    QVERIFY(!card.capabilities.ocr);

    const ModelCard embed = ModelList::fromJson(fixtureObject(u"models.json"_s)).data.at(1);
    QCOMPARE(embed.deprecation, QDateTime(QDate(2026, 12, 31), QTime(0, 0), QTimeZone::utc()));
    QCOMPARE(embed.deprecationReplacementModel, u"mistral-embed-2512"_s);
    QVERIFY(!embed.description);
    QVERIFY(!embed.defaultModelTemperature);
    QVERIFY(!embed.capabilities.completionChat);
}

void TestModel::fineTunedCard_readsItsExtras() {
    const ModelCard card = ModelList::fromJson(fixtureObject(u"models.json"_s)).data.at(2);
    QVERIFY(card.isFineTuned());
    QCOMPARE(card.job, u"3f1e0d9c-0000-4000-8000-000000000001"_s);
    QCOMPARE(card.root, u"open-mistral-7b"_s);
    QVERIFY(!card.archived);
    QVERIFY(card.capabilities.fineTuning);
    QCOMPARE(card.displayName(), card.id);
    const QJsonObject json = card.toJson();
    QCOMPARE(json.value("type"_L1).toString(), u"fine-tuned"_s);
    QCOMPARE(json.value("root"_L1).toString(), u"open-mistral-7b"_s);
}

void TestModel::card_roundTrips() {
    const QJsonObject input = jsonObject(R"({"id":"m","object":"model","created":5,
        "owned_by":"mistralai","capabilities":{"completion_chat":true,"function_calling":false,
        "reasoning":true,"completion_fim":false,"fine_tuning":false,"vision":false,"ocr":false,
        "classification":false,"moderation":false,"audio":false,"audio_transcription":false,
        "audio_transcription_realtime":false,"audio_speech":false,"unified_resources":false},
        "name":"M","max_context_length":1000,"aliases":["m2"],
        "deprecation":"2027-01-01T00:00:00.000Z","default_model_temperature":0.7,
        "internal":true,"type":"base"})");
    const ModelCard card = ModelCard::fromJson(input);
    COMPARE_JSON(card.toJson(), input);
}

void TestModel::capabilities_keepUnknownFlags() {
    const ModelCard card = ModelList::fromJson(fixtureObject(u"models.json"_s)).data.first();
    QVERIFY(card.capabilities.raw.contains("teleportation"_L1));
    QVERIFY(card.capabilities.toJson().contains("teleportation"_L1));
    ModelCapabilities changed = card.capabilities;
    changed.vision = false;
    QCOMPARE(changed.toJson().value("vision"_L1), QJsonValue(false));
}

void TestModel::defaults_applyWhenMissing() {
    const ModelCard card = ModelCard::fromJson(jsonObject(R"({"id":"x","name":null,
        "max_context_length":"big","capabilities":null})"));
    QCOMPARE(card.maxContextLength, 32768);
    QCOMPARE(card.ownedBy, u"mistralai"_s);
    QCOMPARE(card.type, u"base"_s);
    QVERIFY(!card.name);
    QVERIFY(!card.created);
    QVERIFY(!card.capabilities.completionChat);
    QCOMPARE(card.displayName(), u"x"_s);
}

void TestModel::find_matchesIdOrAlias_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("found");

    QTest::newRow("id") << u"mistral-embed"_s << u"mistral-embed"_s;
    QTest::newRow("alias") << u"mistral-medium-2508"_s << u"mistral-medium-latest"_s;
    QTest::newRow("unknown") << u"gpt"_s << QString();
}

void TestModel::find_matchesIdOrAlias() {
    QFETCH(QString, query);
    QFETCH(QString, found);

    const ModelList list = ModelList::fromJson(fixtureObject(u"models.json"_s));
    const auto card = list.find(query);
    QCOMPARE(card.has_value(), !found.isEmpty());
    if (card)
        QCOMPARE(card->id, found);
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
