// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SchemaOutline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QJsonObject parse(const QByteArray &text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON in test: %s", qPrintable(error.errorString()));
    return doc.object();
}

} // namespace

class TestSchemaOutline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void outline_flatObject_requiredFirst();
    void outline_nestedObjectsAndArrays();
    void typeText_data();
    void typeText();
    void details_constraintsInWords();
    void outline_unionBranchesAddProperties();
    void outline_nonObjectAndEmpty();
    void outline_deepSchemaIsCut();
    void outline_hugeSchemaIsBounded();
};

void TestSchemaOutline::outline_flatObject_requiredFirst() {
    const QList<SchemaNode> nodes = SchemaOutline::outline(parse(R"({
        "type": "object",
        "properties": {
            "b": {"type": "number", "description": "Second number"},
            "a": {"type": "number", "description": "First number"},
            "comment": {"type": "string"}
        },
        "required": ["b", "a"]})"));
    QCOMPARE(nodes.size(), 3);
    QCOMPARE(nodes.at(0).name, u"a"_s);
    QCOMPARE(nodes.at(0).type, u"number"_s);
    QVERIFY(nodes.at(0).required);
    QCOMPARE(nodes.at(0).description, u"First number"_s);
    QCOMPARE(nodes.at(1).name, u"b"_s);
    QVERIFY(nodes.at(1).required);
    QCOMPARE(nodes.at(2).name, u"comment"_s);
    QVERIFY(!nodes.at(2).required);
    QCOMPARE(SchemaOutline::toText(nodes), u"a: number (required) — First number\n"
                                           "b: number (required) — Second number\n"
                                           "comment: string\n"_s);
}

void TestSchemaOutline::outline_nestedObjectsAndArrays() {
    const QList<SchemaNode> nodes = SchemaOutline::outline(parse(R"({
        "type": "object",
        "properties": {
            "address": {"type": "object", "description": "Where",
                        "properties": {"city": {"type": "string"}}, "required": ["city"]},
            "tags": {"type": "array", "items": {"type": "string"}},
            "rows": {"type": "array", "items": {"type": "object",
                     "properties": {"id": {"type": "integer"}}}}
        }})"));
    QCOMPARE(SchemaOutline::toText(nodes), u"address: object — Where\n"
                                           "  city: string (required)\n"
                                           "rows: array of object\n"
                                           "  [items]: object\n"
                                           "    id: integer\n"
                                           "tags: array of string\n"_s);
}

void TestSchemaOutline::typeText_data() {
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QString>("type");
    QTest::newRow("string") << QByteArray(R"({"type": "string"})") << u"string"_s;
    QTest::newRow("nullable") << QByteArray(R"({"type": ["string", "null"]})")
                              << u"string | null"_s;
    QTest::newRow("array of arrays") << QByteArray(
        R"({"type": "array", "items": {"type": "array", "items": {"type": "integer"}}})")
                                     << u"array of array of integer"_s;
    QTest::newRow("anyOf") << QByteArray(R"({"anyOf": [{"type": "string"}, {"type": "integer"}]})")
                           << u"string | integer"_s;
    QTest::newRow("allOf") << QByteArray(R"({"allOf": [{"type": "object"}, {"$ref": "#/x"}]})")
                           << u"object & reference #/x"_s;
    QTest::newRow("enum only") << QByteArray(R"({"enum": ["a", "b"]})") << u"enumeration"_s;
    QTest::newRow("properties only") << QByteArray(R"({"properties": {}})") << u"object"_s;
    QTest::newRow("nothing") << QByteArray(R"({})") << u"any"_s;
    QTest::newRow("type not text") << QByteArray(R"({"type": 42})") << u"any"_s;
}

void TestSchemaOutline::typeText() {
    QFETCH(QByteArray, schema);
    QFETCH(QString, type);
    QCOMPARE(SchemaOutline::typeText(parse(schema)), type);
}

void TestSchemaOutline::details_constraintsInWords() {
    const QStringList details = SchemaOutline::detailsText(parse(R"({
        "type": "integer", "enum": [1, 2, "three"], "default": 2, "format": "int32",
        "minimum": 0, "maximum": 10, "pattern": "^a+$"})"));
    QCOMPARE(details,
             (QStringList{u"one of: 1, 2, \"three\""_s, u"default: 2"_s, u"format: int32"_s,
                          u"≥ 0"_s, u"≤ 10"_s, u"pattern: \"^a+$\""_s}));
    // Long values are cut.
    const QString longDefault =
        SchemaOutline::detailsText(QJsonObject{{"default"_L1, QString(500, u'x')}}).first();
    QVERIFY(longDefault.size() < 140);
    QVERIFY(longDefault.endsWith(u'…'));
}

void TestSchemaOutline::outline_unionBranchesAddProperties() {
    const QList<SchemaNode> nodes = SchemaOutline::outline(parse(R"({
        "type": "object",
        "properties": {"kind": {"type": "string"}},
        "oneOf": [
            {"properties": {"url": {"type": "string", "format": "uri"}}},
            {"properties": {"path": {"type": "string"}, "kind": {"type": "integer"}}}
        ]})"));
    QCOMPARE(SchemaOutline::toText(nodes), u"kind: string\n"
                                           "url: string [format: uri]\n"
                                           "path: string\n"_s);
}

void TestSchemaOutline::outline_nonObjectAndEmpty() {
    QVERIFY(SchemaOutline::outline(QJsonObject()).isEmpty());
    QVERIFY(SchemaOutline::outline(parse(R"({"type": "object"})")).isEmpty());
    const QList<SchemaNode> single = SchemaOutline::outline(parse(R"({"type": "string"})"));
    QCOMPARE(single.size(), 1);
    QCOMPARE(single.first().type, u"string"_s);
}

void TestSchemaOutline::outline_deepSchemaIsCut() {
    QJsonObject schema{{"type"_L1, u"string"_s}};
    for (int i = 0; i < 30; ++i) {
        schema = QJsonObject{{"type"_L1, u"object"_s},
                             {"properties"_L1, QJsonObject{{"next"_L1, schema}}}};
    }
    const QList<SchemaNode> nodes = SchemaOutline::outline(schema);
    int depth = 0;
    const SchemaNode *node = &nodes.first();
    while (!node->children.isEmpty()) {
        node = &node->children.first();
        ++depth;
    }
    QCOMPARE(depth, SchemaOutline::MaxDepth);
    QCOMPARE(node->name, u"…"_s);
}

void TestSchemaOutline::outline_hugeSchemaIsBounded() {
    QJsonObject properties;
    for (int i = 0; i < 5000; ++i)
        properties.insert(u"p%1"_s.arg(i, 5, 10, QChar(u'0')),
                          QJsonObject{{"type"_L1, u"string"_s}});
    const QList<SchemaNode> nodes = SchemaOutline::outline(
        QJsonObject{{"type"_L1, u"object"_s}, {"properties"_L1, properties}});
    QCOMPARE(nodes.size(), SchemaOutline::MaxNodes + 1);
    QCOMPARE(nodes.last().name, u"…"_s);
}

QTEST_GUILESS_MAIN(TestSchemaOutline)
#include "tst_schemaoutline.moc"
