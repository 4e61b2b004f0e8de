// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntegrationSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane::Test {

bool HttpResult::isJson() const {
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

QList<SseEvent> HttpResult::events() const {
    SseParser parser;
    return parser.feed(body);
}

HttpDriver::HttpDriver(QUrl baseUrl, QByteArray apiKey)
    : m_base(std::move(baseUrl))
    , m_key(std::move(apiKey)) {
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

QUrl HttpDriver::url(const QString &path) const {
    return QUrl(m_base.toString() + path);
}

HttpResult HttpDriver::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                            std::optional<QByteArray> key, int timeoutMs) {
    QNetworkRequest request(url(path));
    const QByteArray k = key.value_or(m_key);
    if (!k.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + k);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    QNetworkReply *reply = body.isEmpty() && verb != "POST" && verb != "PATCH"
                               ? m_nam.sendCustomRequest(request, verb)
                               : m_nam.sendCustomRequest(request, verb, body);
    return run(reply, timeoutMs);
}

HttpResult HttpDriver::getUrl(const QUrl &url, std::optional<QByteArray> key) {
    QNetworkRequest request(url);
    if (key && !key->isEmpty())
        request.setRawHeader("Authorization", "Bearer " + *key);
    return run(m_nam.get(request), 20000);
}

HttpResult HttpDriver::run(QNetworkReply *reply, int timeoutMs) {
    HttpResult result;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    result.finished = reply->isFinished();
    result.elapsedMs = clock.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    const QList<QNetworkReply::RawHeaderPair> headers = reply->rawHeaderPairs();
    for (const auto &[name, value] : headers)
        result.headers.insert(name.toLower(), value);
    if (!result.finished)
        reply->abort();
    reply->deleteLater();
    return result;
}

int HttpDriver::addFault(const QJsonObject &fault) {
    return send("POST", u"/__admin/faults"_s, json(fault), QByteArray()).status;
}

QJsonArray HttpDriver::recordedRequests(const QString &pathPrefix) {
    const HttpResult r = send("GET", u"/__admin/requests?path="_s + pathPrefix, {}, QByteArray());
    return r.object().value("requests"_L1).toArray();
}

QJsonArray HttpDriver::recordedTurns(const QString &pathPrefix) {
    QJsonArray turns;
    for (const QJsonValue &request : recordedRequests(pathPrefix)) {
        const QJsonValue first = request["body"_L1]["messages"_L1][0];
        const bool naming = first["role"_L1].toString() == "system"_L1
                            && first["content"_L1].toString().startsWith("You name chats."_L1);
        if (!naming)
            turns.append(request);
    }
    return turns;
}

// ---------------------------------------------------------------------------------------------

EverythingServer::~EverythingServer() {
    stop();
}

QString EverythingServer::entryScript() {
    QString script = qEnvironmentVariable("TRAMONTANE_EVERYTHING_SERVER");
    if (script.isEmpty()) {
        script =
            qEnvironmentVariable("TRAMONTANE_SOURCE_DIR")
            + u"/tests/contract/node_modules/@modelcontextprotocol/server-everything/dist/index.js"_s;
    }
    if (!QFileInfo::exists(script) || QStandardPaths::findExecutable(u"node"_s).isEmpty())
        return {};
    return script;
}

QByteArray EverythingServer::missingReason() {
    return "@modelcontextprotocol/server-everything (or node) is not installed under "
           "tests/contract/node_modules: run scripts/install-deps";
}

bool EverythingServer::start(QString *error) {
    const QString script = entryScript();
    if (script.isEmpty()) {
        *error = QString::fromLatin1(missingReason());
        return false;
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        const quint16 port = deadPort();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PORT"_s, QString::number(port));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStandardPaths::findExecutable(u"node"_s), {script, u"streamableHttp"_s});
        if (!m_process.waitForStarted(5000)) {
            *error = m_process.errorString();
            return false;
        }
        QDeadlineTimer deadline(15000);
        const QByteArray ready = "listening on port " + QByteArray::number(port);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(100);
            m_log += m_process.readAll();
            if (m_log.contains(ready)) {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, port);
                if (probe.waitForConnected(1000)) {
                    m_url = QUrl(u"http://127.0.0.1:%1/mcp"_s.arg(port));
                    return true;
                }
            }
        }
        *error = u"server-everything did not come up on port %1: %2"_s.arg(port).arg(
            QString::fromUtf8(m_log.right(2000)));
        stop();
    }
    return false;
}

void EverythingServer::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

QByteArray EverythingServer::log() {
    m_log += m_process.readAll();
    return m_log;
}

quint16 deadPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace Tramontane::Test
