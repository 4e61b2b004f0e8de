// SPDX-License-Identifier: GPL-3.0-or-later
// A manual proxy that wants a sign-in, HTTP (Basic, forward requests) or SOCKS5 (RFC 1929), both
// written here on loopback. Requests to a made-up host name that only the proxy knows
// (api.proxied.test, which it sends to a loopback server) pass through it with the password
// from the keychain; loopback addresses never do. A refused password asks once, then fails in
// one sentence; an answer asked for is remembered in the keychain, never in the settings file.
#include "app/AppSettings.h"
#include "app/ProxyCredentials.h"
#include "core/SettingsKeys.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiError.h"
#include "models/ErrorPresenter.h"

#include "support/FakeHttpServer.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::ScriptedResponse;

namespace {

const QString kHost = u"api.proxied.test"_s;

//! A proxy that signs people in: an HTTP forward proxy (answers GETs itself) or a SOCKS5 proxy
//! (tunnels to the loopback origin when asked for kHost).
class SigningProxy final : public QTcpServer {
public:
    enum class Kind { Http, Socks5 };

    SigningProxy(Kind kind, QByteArray user, QByteArray password, quint16 originPort)
        : m_kind(kind)
        , m_user(std::move(user))
        , m_password(std::move(password))
        , m_originPort(originPort) {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                auto stage = std::make_shared<int>(0);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, stage] {
                    *buffer += socket->readAll();
                    if (m_kind == Kind::Http)
                        serveHttp(socket, *buffer);
                    else
                        serveSocks(socket, *buffer, *stage);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QList<QByteArray> credentials; //!< "user:password" as received ("" when none came)
    QList<QByteArray> targets;     //!< the requested URL (HTTP) or host name (SOCKS5)

private:
    void serveHttp(QTcpSocket *socket, QByteArray &buffer) {
        for (qsizetype end; (end = buffer.indexOf("\r\n\r\n")) >= 0;) {
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            buffer.remove(0, end + 4);
            targets << lines.first().trimmed().split(' ').value(1);
            QByteArray given;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("proxy-authorization: basic "))
                    given = QByteArray::fromBase64(line.mid(27).trimmed());
            }
            credentials << given;
            if (given != m_user + ':' + m_password) {
                socket->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"test\"\r\n"
                              "Content-Length: 0\r\n\r\n");
                continue;
            }
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 16\r\n\r\n{\"proxied\":true}");
        }
    }

    void serveSocks(QTcpSocket *socket, QByteArray &buffer, int &stage) {
        if (stage == 0) { // greeting: version, methods
            if (buffer.size() < 2 || buffer.size() < 2 + quint8(buffer.at(1)))
                return;
            const QByteArray methods = buffer.mid(2, quint8(buffer.at(1)));
            buffer.remove(0, 2 + methods.size());
            if (!methods.contains('\x02')) {
                credentials << QByteArray();
                socket->write("\x05\xff", 2);
                socket->disconnectFromHost();
                return;
            }
            socket->write("\x05\x02", 2);
            stage = 1;
        }
        if (stage == 1) { // RFC 1929: version, user, password
            if (buffer.size() < 2)
                return;
            const int userLength = quint8(buffer.at(1));
            if (buffer.size() < 3 + userLength)
                return;
            const int passwordLength = quint8(buffer.at(2 + userLength));
            if (buffer.size() < 3 + userLength + passwordLength)
                return;
            const QByteArray user = buffer.mid(2, userLength);
            const QByteArray password = buffer.mid(3 + userLength, passwordLength);
            buffer.remove(0, 3 + userLength + passwordLength);
            credentials << user + ':' + password;
            if (user != m_user || password != m_password) {
                socket->write("\x01\x01", 2);
                socket->disconnectFromHost();
                return;
            }
            socket->write("\x01\x00", 2);
            stage = 2;
        }
        if (stage == 2) { // connect request, by host name
            if (buffer.size() < 5 || buffer.at(3) != '\x03')
                return;
            const int length = quint8(buffer.at(4));
            if (buffer.size() < 5 + length + 2)
                return;
            const QByteArray host = buffer.mid(5, length);
            buffer.remove(0, 5 + length + 2);
            targets << host;
            if (host != kHost.toLatin1()) {
                socket->write(QByteArray("\x05\x04\x00\x01\0\0\0\0\0\0", 10)); // host unreachable
                socket->disconnectFromHost();
                return;
            }
            auto *origin = new QTcpSocket(socket);
            connect(origin, &QTcpSocket::connected, socket, [socket] {
                socket->write(QByteArray("\x05\x00\x00\x01\x7f\0\0\x01\0\0", 10));
            });
            connect(origin, &QTcpSocket::readyRead, socket,
                    [socket, origin] { socket->write(origin->readAll()); });
            connect(origin, &QTcpSocket::disconnected, socket, &QTcpSocket::disconnectFromHost);
            origin->connectToHost(QHostAddress::LocalHost, m_originPort);
            stage = 3;
            m_tunnels.insert(socket, origin);
        }
        if (stage == 3 && !buffer.isEmpty()) {
            if (QTcpSocket *origin = m_tunnels.value(socket)) {
                if (origin->state() == QAbstractSocket::ConnectedState) {
                    origin->write(buffer);
                    buffer.clear();
                } else {
                    connect(origin, &QTcpSocket::connected, socket, [socket, origin, &buffer] {
                        Q_UNUSED(socket)
                        origin->write(buffer);
                        buffer.clear();
                    });
                }
            }
        }
    }

    Kind m_kind;
    QByteArray m_user;
    QByteArray m_password;
    quint16 m_originPort;
    QHash<QTcpSocket *, QPointer<QTcpSocket>> m_tunnels;
};

QNetworkReply::NetworkError fetch(QNetworkAccessManager &nam, const QUrl &url,
                                  QByteArray *body = nullptr) {
    std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
        return QNetworkReply::TimeoutError;
    if (body)
        *body = reply->readAll();
    return reply->error();
}

} // namespace

class TestProxyCredentials : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void storedPassword_signsIn_data();
    void storedPassword_signsIn();
    void wrongPassword_asksOnce_thenOneSentence_data();
    void wrongPassword_asksOnce_thenOneSentence();
    void askedAnswer_rememberedInTheKeychainOnly();

private:
    ProxySettings manual(SigningProxy::Kind kind, const QString &user) const;
    //! Waits until the proxy factory carries \a password (the keychain answers asynchronously).
    static bool factoryHasPassword(const QString &password);

    QTemporaryDir m_home;
    std::unique_ptr<FakeHttpServer> m_origin;
    std::unique_ptr<SigningProxy> m_proxy;
};

void TestProxyCredentials::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(u"conf"_s));
    QSettings::setDefaultFormat(QSettings::IniFormat);
}

void TestProxyCredentials::init() {
    m_origin = std::make_unique<FakeHttpServer>();
    QVERIFY(m_origin->listen());
    m_origin->setHandler(
        [](const auto &) { return ScriptedResponse::json(200, R"({"origin":true})"); });
}

void TestProxyCredentials::cleanup() {
    ProxySettings().apply();
    m_proxy.reset();
    m_origin.reset();
}

ProxySettings TestProxyCredentials::manual(SigningProxy::Kind kind, const QString &user) const {
    ProxySettings settings{ProxySettings::Mode::Manual, u"127.0.0.1"_s, m_proxy->serverPort()};
    settings.type = kind == SigningProxy::Kind::Socks5 ? ProxySettings::Type::Socks5
                                                       : ProxySettings::Type::Http;
    settings.user = user;
    return settings;
}

bool TestProxyCredentials::factoryHasPassword(const QString &password) {
    return QTest::qWaitFor(
        [&] {
            const QList<QNetworkProxy> proxies =
                QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(QUrl(u"http://"_s + kHost)));
            return !proxies.isEmpty() && proxies.first().password() == password;
        },
        5000);
}

void TestProxyCredentials::storedPassword_signsIn_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("http") << int(SigningProxy::Kind::Http);
    QTest::newRow("socks5") << int(SigningProxy::Kind::Socks5);
}

void TestProxyCredentials::storedPassword_signsIn() {
    QFETCH(int, kind);
    const auto proxyKind = SigningProxy::Kind(kind);
    m_proxy = std::make_unique<SigningProxy>(proxyKind, "alice", "s3cret pass", m_origin->port());
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost));
    MemorySecretStore secrets;
    bool written = false;
    secrets.write(SecretStore::proxyPasswordEntry(), u"s3cret pass"_s, this,
                  [&](const SecretStore::Result &r) { written = r.ok; });
    QTRY_VERIFY(written);

    QNetworkAccessManager nam;
    ProxyCredentials credentials(&nam, &secrets, nullptr);
    int asked = 0;
    credentials.setAsker([&](const QString &, const QString &, bool) {
        ++asked;
        return std::optional<ProxyCredentials::Answer>();
    });
    credentials.apply(manual(proxyKind, u"alice"_s));
    QVERIFY(factoryHasPassword(u"s3cret pass"_s));

    QByteArray body;
    const QUrl url(u"http://%1:%2/v1/models"_s.arg(kHost).arg(m_origin->port()));
    QCOMPARE(fetch(nam, url, &body), QNetworkReply::NoError);
    QVERIFY(!m_proxy->targets.isEmpty());
    QVERIFY2(m_proxy->targets.last().contains(kHost.toLatin1()),
             m_proxy->targets.last().constData());
    QCOMPARE(m_proxy->credentials.last(), QByteArray("alice:s3cret pass"));
    QCOMPARE(asked, 0);
    // SOCKS5 tunnels to the origin; the HTTP proxy answers itself.
    QCOMPARE(body, proxyKind == SigningProxy::Kind::Socks5 ? QByteArray(R"({"origin":true})")
                                                           : QByteArray(R"({"proxied":true})"));

    // Loopback never goes through the proxy.
    const qsizetype through = m_proxy->targets.size();
    const qsizetype direct = m_origin->requestCount();
    QCOMPARE(fetch(nam, QUrl(u"http://127.0.0.1:%1/v1/models"_s.arg(m_origin->port()))),
             QNetworkReply::NoError);
    QCOMPARE(m_proxy->targets.size(), through);
    QCOMPARE(m_origin->requestCount(), direct + 1);
}

void TestProxyCredentials::wrongPassword_asksOnce_thenOneSentence_data() {
    storedPassword_signsIn_data();
}

void TestProxyCredentials::wrongPassword_asksOnce_thenOneSentence() {
    QFETCH(int, kind);
    const auto proxyKind = SigningProxy::Kind(kind);
    m_proxy = std::make_unique<SigningProxy>(proxyKind, "alice", "right", m_origin->port());
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost));
    MemorySecretStore secrets;
    bool written = false;
    secrets.write(SecretStore::proxyPasswordEntry(), u"wrong"_s, this,
                  [&](const SecretStore::Result &r) { written = r.ok; });
    QTRY_VERIFY(written);

    QNetworkAccessManager nam;
    ProxyCredentials credentials(&nam, &secrets, nullptr);
    int asked = 0;
    bool toldFailed = false;
    credentials.setAsker([&](const QString &proxy, const QString &user, bool failed) {
        ++asked;
        toldFailed = failed;
        [&] {
            QCOMPARE(user, u"alice"_s);
            QVERIFY(proxy.startsWith("127.0.0.1:"_L1));
        }();
        return std::optional<ProxyCredentials::Answer>(); // canceled
    });
    credentials.apply(manual(proxyKind, u"alice"_s));
    QVERIFY(factoryHasPassword(u"wrong"_s));

    const QUrl url(u"http://%1:%2/v1/models"_s.arg(kHost).arg(m_origin->port()));
    const QNetworkReply::NetworkError error = fetch(nam, url);
    QCOMPARE(error, QNetworkReply::ProxyAuthenticationRequiredError);
    QCOMPARE(asked, 1);
    QVERIFY(toldFailed);
    QVERIFY(m_proxy->credentials.contains("alice:wrong"));
    const ApiError apiError = ApiError::fromNetworkError(error, {});
    QCOMPARE(ErrorPresenter::title(apiError),
             u"The proxy did not accept the user name or password."_s);
    QVERIFY(ErrorPresenter::hint(apiError).contains("Settings"_L1));

    // Not asked again: the next request fails the same way.
    QCOMPARE(fetch(nam, url), QNetworkReply::ProxyAuthenticationRequiredError);
    QCOMPARE(asked, 1);
}

void TestProxyCredentials::askedAnswer_rememberedInTheKeychainOnly() {
    m_proxy = std::make_unique<SigningProxy>(SigningProxy::Kind::Http, "bob", "typed s3cret",
                                             m_origin->port());
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost));
    MemorySecretStore secrets;
    QNetworkAccessManager nam;
    ProxyCredentials credentials(&nam, &secrets, nullptr);
    int asked = 0;
    credentials.setAsker([&](const QString &, const QString &, bool failed) {
        ++asked;
        return failed
                   ? std::optional<ProxyCredentials::Answer>()
                   : std::optional<ProxyCredentials::Answer>({u"bob"_s, u"typed s3cret"_s, true});
    });
    // Settings saved without a user name: the proxy asks.
    SettingsDialog::Values values;
    values.proxy = manual(SigningProxy::Kind::Http, {});
    {
        QSettings settings;
        AppSettings::write(settings, values);
    }
    credentials.apply(values.proxy);

    const QUrl url(u"http://%1/v1/models"_s.arg(kHost));
    QCOMPARE(fetch(nam, url), QNetworkReply::NoError);
    QCOMPARE(asked, 1);
    QCOMPARE(m_proxy->credentials.last(), QByteArray("bob:typed s3cret"));
    QCOMPARE(fetch(nam, url), QNetworkReply::NoError); // the answer is used from then on
    QCOMPARE(asked, 1);

    // Remembered: the password in the keychain, the user name in the settings.
    QString stored;
    secrets.read(SecretStore::proxyPasswordEntry(), this,
                 [&](const SecretStore::Result &r) { stored = r.value.value_or(QString()); });
    QTRY_COMPARE(stored, u"typed s3cret"_s);
    QCOMPARE(QSettings().value(SettingsKeys::proxyUser).toString(), u"bob"_s);

    // Settings saved with a typed password keep it out of the file as well.
    values.proxy.user = u"bob"_s;
    values.proxyPassword = u"typed s3cret"_s;
    {
        QSettings settings;
        AppSettings::write(settings, values);
    }
    credentials.save(values.proxy, values.proxyPassword);
    QVERIFY(factoryHasPassword(u"typed s3cret"_s));
    QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int checked = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("s3cret"), qPrintable(file.fileName()));
        ++checked;
    }
    QVERIFY(checked > 0);
}

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    TestProxyCredentials test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_proxycredentials.moc"
