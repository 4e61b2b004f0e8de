// SPDX-License-Identifier: GPL-3.0-or-later
// The chat settings form's text read into settings: one clear sentence per bad field.
#include "models/ChatSettingsInput.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using ChatSettingsInput::Field;

class TestChatSettingsInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void empty_isDefault();
    void goodValues_areRead();
    void badNumbers_data();
    void badNumbers();
    void schema_mustParseAsAnObject_data();
    void schema_mustParseAsAnObject();
    void schema_checkedOnlyForTheSchemaFormat();
    void write_thenRead_givesTheSameSettings();
};

void TestChatSettingsInput::empty_isDefault() {
    const auto result = ChatSettingsInput::read({});
    QVERIFY(result.ok());
    QVERIFY(result.settings.isDefault());
    ChatSettingsInput::Text blank;
    blank.instructions = u"  \n"_s;
    QVERIFY(ChatSettingsInput::read(blank).settings.isDefault());
}

void TestChatSettingsInput::goodValues_areRead() {
    ChatSettingsInput::Text text;
    text.instructions = u"Be terse."_s;
    text.temperature = u"1.5"_s;
    text.topP = u"0"_s;
    text.maxTokens = u"1024"_s;
    text.randomSeed = u"0"_s;
    text.reasoningEffort = u"medium"_s;
    const auto result = ChatSettingsInput::read(text);
    QVERIFY(result.ok());
    QCOMPARE(result.settings.instructions, u"Be terse."_s);
    QCOMPARE(result.settings.temperature, std::optional<double>(1.5));
    QCOMPARE(result.settings.topP, std::optional<double>(0));
    QCOMPARE(result.settings.maxTokens, std::optional<qint64>(1024));
    QCOMPARE(result.settings.randomSeed, std::optional<qint64>(0));
    QCOMPARE(result.settings.reasoningEffort, std::optional<QString>(u"medium"_s));
}

void TestChatSettingsInput::badNumbers_data() {
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("sentenceStart");
    QTest::newRow("temperature above 1.5")
        << int(Field::Temperature) << u"1.6"_s << u"Temperature must be a number from 0 to 1.5"_s;
    QTest::newRow("temperature negative")
        << int(Field::Temperature) << u"-0.1"_s << u"Temperature must be"_s;
    QTest::newRow("temperature words")
        << int(Field::Temperature) << u"warm"_s << u"Temperature must be"_s;
    QTest::newRow("top_p above 1")
        << int(Field::TopP) << u"1.01"_s << u"Top P must be a number from 0 to 1"_s;
    QTest::newRow("max tokens zero")
        << int(Field::MaxTokens) << u"0"_s << u"Max tokens must be a whole number greater than 0"_s;
    QTest::newRow("max tokens fraction")
        << int(Field::MaxTokens) << u"2.5"_s << u"Max tokens must be"_s;
    QTest::newRow("seed negative") << int(Field::RandomSeed) << u"-1"_s
                                   << u"The random seed must be a whole number, 0 or more"_s;
}

void TestChatSettingsInput::badNumbers() {
    QFETCH(int, field);
    QFETCH(QString, value);
    QFETCH(QString, sentenceStart);
    ChatSettingsInput::Text text;
    switch (Field(field)) {
    case Field::Temperature:
        text.temperature = value;
        break;
    case Field::TopP:
        text.topP = value;
        break;
    case Field::MaxTokens:
        text.maxTokens = value;
        break;
    case Field::RandomSeed:
        text.randomSeed = value;
        break;
    default:
        QFAIL("not a number field");
    }
    const auto result = ChatSettingsInput::read(text);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(int(result.problems.first().field), field);
    QVERIFY2(result.problems.first().sentence.startsWith(sentenceStart),
             qPrintable(result.problems.first().sentence));
    QVERIFY(result.problems.first().sentence.endsWith(u'.'));
    QVERIFY(result.settings.isDefault()); // the bad value is not used
}

void TestChatSettingsInput::schema_mustParseAsAnObject_data() {
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("empty") << QString()
                           << u"Enter the JSON schema the answer must follow: a JSON object."_s;
    QTest::newRow("array") << u"[1, 2]"_s
                           << u"The JSON schema must be a JSON object, in braces { }."_s;
    QTest::newRow("missing comma, line 3")
        << u"{\n  \"type\": \"object\"\n  \"properties\": {}\n}"_s
        << u"The JSON schema is not valid JSON at line 3, column "_s;
}

void TestChatSettingsInput::schema_mustParseAsAnObject() {
    QFETCH(QString, schema);
    QFETCH(QString, sentence);
    ChatSettingsInput::Text text;
    text.responseFormat = ChatSettings::ResponseFormat::JsonSchema;
    text.schemaName = u"answer"_s;
    text.schema = schema;
    const auto result = ChatSettingsInput::read(text);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().field, Field::Schema);
    QVERIFY2(result.problems.first().sentence.startsWith(sentence),
             qPrintable(result.problems.first().sentence));
}

void TestChatSettingsInput::schema_checkedOnlyForTheSchemaFormat() {
    ChatSettingsInput::Text text;
    text.responseFormat = ChatSettings::ResponseFormat::JsonObject;
    text.schema = u"{ not json"_s;
    QVERIFY(ChatSettingsInput::read(text).ok());
    text.responseFormat = ChatSettings::ResponseFormat::JsonSchema;
    text.schema = u"{\"type\": \"object\"}"_s;
    const auto unnamed = ChatSettingsInput::read(text);
    QCOMPARE(unnamed.problems.size(), 1);
    QCOMPARE(unnamed.problems.first().field, Field::SchemaName);
    text.schemaName = u"answer"_s;
    const auto named = ChatSettingsInput::read(text);
    QVERIFY(named.ok());
    QCOMPARE(named.settings.schema, (QJsonObject{{u"type"_s, u"object"_s}}));
}

void TestChatSettingsInput::write_thenRead_givesTheSameSettings() {
    ChatSettings s;
    s.instructions = u"Be kind."_s;
    s.temperature = 0.7;
    s.topP = 0.95;
    s.maxTokens = 100;
    s.randomSeed = 3;
    s.responseFormat = ChatSettings::ResponseFormat::JsonSchema;
    s.schemaName = u"answer"_s;
    s.schema = QJsonObject{{u"type"_s, u"object"_s}};
    s.schemaStrict = true;
    s.reasoningPromptMode = true;
    const auto result = ChatSettingsInput::read(ChatSettingsInput::write(s));
    QVERIFY(result.ok());
    QCOMPARE(result.settings, s);
}

QTEST_GUILESS_MAIN(TestChatSettingsInput)
#include "tst_chatsettingsinput.moc"
