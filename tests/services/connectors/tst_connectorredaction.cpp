// SPDX-License-Identifier: GPL-3.0-or-later
// Connector header values are credentials: whatever the header is called, its value must not
// reach a log through the Redactor.
#include "core/net/Redactor.h"
#include "core/protocol/Connector.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestConnectorRedaction : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createBody_headerValuesMasked();
    void updateBody_headerValuesMasked();
};

void TestConnectorRedaction::createBody_headerValuesMasked() {
    ConnectorCreateRequest request;
    request.name = u"n"_s;
    request.description = u"d"_s;
    request.server = u"https://mcp.example.com/mcp"_s;
    request.globalHeaders = connectorGlobalHeadersJson({
        {u"X-Workspace"_s, u"ws-credential-4711"_s, true, true},
        {u"Accept-Language"_s, u"fr-plain-value"_s, false, true},
    });
    request.headers = QMap<QString, QString>{{u"X-Tenant"_s, u"tenant-credential-42"_s}};
    const QString logged = Redactor::redactBody(QJsonDocument(request.toJson()).toJson());
    QVERIFY(!logged.contains("ws-credential-4711"_L1));
    QVERIFY(!logged.contains("tenant-credential-42"_L1));
    // Every value under global_headers is masked, even one the user did not mark secret:
    // logs do not need it. Names and flags stay, for debugging.
    QVERIFY(!logged.contains("fr-plain-value"_L1));
    QVERIFY(logged.contains("X-Workspace"_L1));
    QVERIFY(logged.contains("\"is_secret\":true"_L1));
    QVERIFY(logged.contains("mcp.example.com"_L1));
}

void TestConnectorRedaction::updateBody_headerValuesMasked() {
    ConnectorUpdateRequest request;
    request.setGlobalHeaders(Connector(),
                             {{u"X-Workspace"_s, u"ws-credential-4711"_s, true, true}});
    const QString logged = Redactor::redactBody(QJsonDocument(request.toJson()).toJson());
    QVERIFY(!logged.contains("ws-credential-4711"_L1));
    QVERIFY(logged.contains("auth_methods"_L1));
}

QTEST_GUILESS_MAIN(TestConnectorRedaction)
#include "tst_connectorredaction.moc"
