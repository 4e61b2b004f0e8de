// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/McpMessage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Tramontane::McpMessage;

class TestMcpMessage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void batch_findsTheAnswerAmongServerRequests();
};

void TestMcpMessage::decode_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("isJson");
    QTest::addColumn<bool>("sawJsonRpc");
    QTest::addColumn<bool>("answered");

    QTest::newRow("result") << R"({"jsonrpc":"2.0","id":7,"result":{}})"_ba << true << true << true;
    QTest::newRow("error") << R"({"jsonrpc":"2.0","id":7,"error":{"code":-32601}})"_ba << true
                           << true << true;
    QTest::newRow("other id") << R"({"jsonrpc":"2.0","id":8,"result":{}})"_ba << true << true
                              << false;
    QTest::newRow("fractional id")
        << R"({"jsonrpc":"2.0","id":7.5,"result":{}})"_ba << true << true << false;
    QTest::newRow("huge id") << R"({"jsonrpc":"2.0","id":1e300,"result":{}})"_ba << true << true
                             << false;
    QTest::newRow("string id") << R"({"jsonrpc":"2.0","id":"7","result":{}})"_ba << true << true
                               << false;
    QTest::newRow("notification") << R"({"jsonrpc":"2.0","method":"notifications/progress"})"_ba
                                  << true << true << false;
    QTest::newRow("server request with our id")
        << R"({"jsonrpc":"2.0","id":7,"method":"ping"})"_ba << true << true << false;
    QTest::newRow("not JSON-RPC") << R"({"id":7,"result":{}})"_ba << true << false << false;
    QTest::newRow("wrong version")
        << R"({"jsonrpc":"1.0","id":7,"result":{}})"_ba << true << false << false;
    QTest::newRow("not JSON") << "<html>hello</html>"_ba << false << false << false;
    QTest::newRow("empty") << QByteArray() << false << false << false;
    QTest::newRow("truncated") << R"({"jsonrpc":"2.0","id":7,"res)"_ba << false << false << false;
    QTest::newRow("empty batch") << "[]"_ba << true << false << false;
    QTest::newRow("batch of scalars") << "[1,\"a\",null]"_ba << true << false << false;
}

void TestMcpMessage::decode() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, isJson);
    QFETCH(bool, sawJsonRpc);
    QFETCH(bool, answered);
    const McpMessage m = McpMessage::decode(bytes, 7);
    QCOMPARE(m.isJson, isJson);
    QCOMPARE(m.sawJsonRpc, sawJsonRpc);
    QCOMPARE(m.answer.has_value(), answered);
    if (answered)
        QCOMPARE(m.answer->value(u"id"_s).toInt(), 7);
}

void TestMcpMessage::batch_findsTheAnswerAmongServerRequests() {
    const McpMessage m = McpMessage::decode(
        R"([{"jsonrpc":"2.0","method":"notifications/message"},
            {"jsonrpc":"2.0","id":3,"result":{"tools":[]}},
            {"jsonrpc":"2.0","id":3,"result":{"second":true}}])",
        3);
    QVERIFY(m.isJson);
    QVERIFY(m.sawJsonRpc);
    QVERIFY(m.answer);
    QVERIFY(m.answer->value(u"result"_s).toObject().contains(u"tools"_s));
}

QTEST_GUILESS_MAIN(TestMcpMessage)
#include "tst_mcpmessage.moc"
