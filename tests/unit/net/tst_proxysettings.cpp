// SPDX-License-Identifier: GPL-3.0-or-later
// The proxy chosen in Settings: what every network access of the process is told to use, and
// a real request reaching a manual proxy as soon as it is applied.
#include "core/net/ProxySettings.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QNetworkProxy proxyFor(const QString &url) {
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(QUrl(url)));
    return proxies.isEmpty() ? QNetworkProxy() : proxies.first();
}

} // namespace

class TestProxySettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { ProxySettings().apply(); }
    void modeNames_roundTrip();
    void manual_needsHostAndPort();
    void manual_usedForRemoteHosts_neverForLoopback();
    void none_meansNoProxy();
    void manual_requestGoesThroughTheProxyAtOnce();
};

void TestProxySettings::modeNames_roundTrip() {
    for (const auto mode :
         {ProxySettings::Mode::System, ProxySettings::Mode::None, ProxySettings::Mode::Manual})
        QCOMPARE(ProxySettings::modeFromName(ProxySettings::modeName(mode)), mode);
    QCOMPARE(ProxySettings::modeFromName(u"bogus"_s), ProxySettings::Mode::System);
}

void TestProxySettings::manual_needsHostAndPort() {
    ProxySettings s{ProxySettings::Mode::Manual, {}, 3128};
    QVERIFY(!s.problem().isEmpty());
    s.host = u"proxy.example"_s;
    QVERIFY(s.problem().isEmpty());
    s.port = 0;
    QVERIFY(!s.problem().isEmpty());
    QVERIFY(ProxySettings{}.problem().isEmpty());
}

void TestProxySettings::manual_usedForRemoteHosts_neverForLoopback() {
    ProxySettings{ProxySettings::Mode::Manual, u"proxy.example"_s, 3128}.apply();
    const QNetworkProxy remote = proxyFor(u"https://api.mistral.ai/v1/models"_s);
    QCOMPARE(remote.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(remote.hostName(), u"proxy.example"_s);
    QCOMPARE(remote.port(), quint16(3128));
    for (const QString &local :
         {u"http://127.0.0.1:8080/v1/models"_s, u"http://localhost:1/"_s, u"http://[::1]:1/"_s})
        QCOMPARE(proxyFor(local).type(), QNetworkProxy::NoProxy);
}

void TestProxySettings::none_meansNoProxy() {
    ProxySettings{ProxySettings::Mode::None, {}, 0}.apply();
    QCOMPARE(proxyFor(u"https://api.mistral.ai/"_s).type(), QNetworkProxy::NoProxy);
}

void TestProxySettings::manual_requestGoesThroughTheProxyAtOnce() {
    // A proxy on loopback that records the request line it gets and answers 200.
    QTcpServer proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost));
    QByteArray requestLine;
    connect(&proxy, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = proxy.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            if (!requestLine.isEmpty() || !socket->canReadLine())
                return;
            requestLine = socket->readLine().trimmed();
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            socket->disconnectFromHost();
        });
    });
    // The manager exists before the proxy is chosen, as the app's does.
    QNetworkAccessManager nam;
    ProxySettings{ProxySettings::Mode::Manual, u"127.0.0.1"_s, proxy.serverPort()}.apply();
    std::unique_ptr<QNetworkReply> reply(
        nam.get(QNetworkRequest(QUrl(u"http://api.example.invalid/v1/models"_s))));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(requestLine, QByteArray("GET http://api.example.invalid/v1/models HTTP/1.1"));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
}

QTEST_GUILESS_MAIN(TestProxySettings)
#include "tst_proxysettings.moc"
