// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ConnectorPolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

using Verdict = ServerUrlCheck::Verdict;

class TestConnectorPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void loopbackHost_data();
    void loopbackHost();
    void headerName_data();
    void headerName();
    void headerValue_data();
    void headerValue();
};

void TestConnectorPolicy::check_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Verdict>("verdict");

    QTest::newRow("https") << u"https://mcp.example.com/mcp"_s << Verdict::Secure;
    QTest::newRow("https, port, spaces") << u"  https://example.com:8443/x  "_s << Verdict::Secure;
    QTest::newRow("HTTPS upper case") << u"HTTPS://example.com/mcp"_s << Verdict::Secure;
    QTest::newRow("http loopback v4") << u"http://127.0.0.1:3001/mcp"_s << Verdict::LoopbackHttp;
    QTest::newRow("http loopback 127/8") << u"http://127.1.2.3/mcp"_s << Verdict::LoopbackHttp;
    QTest::newRow("http localhost") << u"http://localhost:8080/mcp"_s << Verdict::LoopbackHttp;
    QTest::newRow("http loopback v6") << u"http://[::1]:9000/mcp"_s << Verdict::LoopbackHttp;
    QTest::newRow("http remote") << u"http://mcp.example.com/mcp"_s << Verdict::Rejected;
    QTest::newRow("http LAN") << u"http://192.168.1.10/mcp"_s << Verdict::Rejected;
    QTest::newRow("http localhost lookalike")
        << u"http://localhost.example.com/mcp"_s << Verdict::Rejected;
    QTest::newRow("empty") << QString() << Verdict::Rejected;
    QTest::newRow("no scheme") << u"mcp.example.com/mcp"_s << Verdict::Rejected;
    QTest::newRow("ftp") << u"ftp://example.com/mcp"_s << Verdict::Rejected;
    QTest::newRow("file") << u"file:///etc/passwd"_s << Verdict::Rejected;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << Verdict::Rejected;
    QTest::newRow("credentials in URL") << u"https://user:pw@example.com/"_s << Verdict::Rejected;
    QTest::newRow("space in host") << u"https://exa mple.com/"_s << Verdict::Rejected;
    QTest::newRow("cloud metadata")
        << u"https://169.254.169.254/latest/meta-data/"_s << Verdict::Rejected;
    QTest::newRow("cloud metadata, decimal host")
        << u"https://2852039166/mcp"_s << Verdict::Rejected;
    QTest::newRow("cloud metadata, mapped v6")
        << u"https://[::ffff:169.254.169.254]/mcp"_s << Verdict::Rejected;
    QTest::newRow("cloud metadata name")
        << u"https://metadata.google.internal/computeMetadata/v1/"_s << Verdict::Rejected;
    QTest::newRow("link-local v6") << u"https://[fe80::1]/mcp"_s << Verdict::Rejected;
    QTest::newRow("unspecified") << u"https://0.0.0.0/mcp"_s << Verdict::Rejected;
    QTest::newRow("multicast") << u"https://224.0.0.1/mcp"_s << Verdict::Rejected;
    QTest::newRow("https LAN") << u"https://192.168.1.10/mcp"_s << Verdict::Secure;
    QTest::newRow("too long") << (u"https://example.com/"_s + QString(2100, u'a'))
                              << Verdict::Rejected;
}

void TestConnectorPolicy::check() {
    QFETCH(QString, text);
    QFETCH(Verdict, verdict);

    const ServerUrlCheck check = checkServerUrl(text);
    QCOMPARE(check.verdict, verdict);
    QCOMPARE(check.isUsable(), verdict != Verdict::Rejected);
    // Every verdict but Secure explains itself.
    QCOMPARE(check.message.isEmpty(), verdict == Verdict::Secure);
    if (check.isUsable())
        QCOMPARE(check.url, QUrl(text.trimmed()));
}

void TestConnectorPolicy::loopbackHost_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
    QTest::newRow("::1") << u"::1"_s << true;
    QTest::newRow("[::1]") << u"[::1]"_s << true;
    QTest::newRow("LOCALHOST") << u"LOCALHOST"_s << true;
    QTest::newRow("app.localhost") << u"app.localhost"_s << true;
    QTest::newRow("0.0.0.0") << u"0.0.0.0"_s << false;
    QTest::newRow("10.0.0.1") << u"10.0.0.1"_s << false;
    QTest::newRow("example.com") << u"example.com"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestConnectorPolicy::loopbackHost() {
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(isLoopbackHost(host), loopback);
}

void TestConnectorPolicy::headerName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("Authorization") << u"Authorization"_s << true;
    QTest::newRow("X-Api-Key") << u"X-Api-Key"_s << true;
    QTest::newRow("token chars") << u"x!#$%&'*+-.^_`|~1"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"X Api"_s << false;
    QTest::newRow("colon") << u"X:Api"_s << false;
    QTest::newRow("newline") << u"X\nInjected: 1"_s << false;
    QTest::newRow("non-ASCII") << u"X-Clé"_s << false;
    QTest::newRow("reserved Host") << u"host"_s << false;
    QTest::newRow("reserved session") << u"Mcp-Session-Id"_s << false;
    QTest::newRow("reserved version") << u"MCP-PROTOCOL-VERSION"_s << false;
    QTest::newRow("reserved Accept") << u"Accept"_s << false;
}

void TestConnectorPolicy::headerName() {
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(connectorHeaderNameError(name).isEmpty(), valid);
}

void TestConnectorPolicy::headerValue_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("bearer") << u"Bearer abc.def-ghi"_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("tab") << u"a\tb"_s << true;
    QTest::newRow("unicode") << u"clé"_s << true;
    QTest::newRow("CR LF") << u"x\r\nX-Injected: 1"_s << false;
    QTest::newRow("NUL") << QString(u"a"_s + QChar(0) + u"b"_s) << false;
    QTest::newRow("DEL") << QString(u"a"_s + QChar(0x7f)) << false;
    QTest::newRow("too long") << QString(8193, u'a') << false;
}

void TestConnectorPolicy::headerValue() {
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(connectorHeaderValueError(value).isEmpty(), valid);
}

QTEST_GUILESS_MAIN(TestConnectorPolicy)
#include "tst_connectorpolicy.moc"
