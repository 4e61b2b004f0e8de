// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/OAuthDiscovery.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QNetworkAccessManager;

namespace Tramontane {

namespace Ui {
class ConnectorAuthSection;
}

//! The OAuth 2.0 part of a connector's authentication: discover the endpoints from the MCP
//! server (with a report of each step, and of the one that failed and why), enter them by
//! hand, or use the Google preset; and the client id and secret (the secret masked; the
//! caller keeps it in the keychain). Holds no connector: config() and clientSecret() are
//! read when saving or signing in.
class ConnectorAuthSection final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorAuthSection)

public:
    //! \a nam carries the discovery requests; it must outlive this widget.
    explicit ConnectorAuthSection(QNetworkAccessManager *nam, QWidget *parent = nullptr);
    ~ConnectorAuthSection() override;

    //! The MCP server URL that discovery asks (the connector form's server field).
    void setServerUrlProvider(std::function<QString()> provider) {
        m_serverUrl = std::move(provider);
    }

    void setConfig(const OAuthConnectorConfig &config);
    OAuthConnectorConfig config() const;
    //! The client secret as typed (empty: keep the stored one, or none).
    QString clientSecret() const;
    //! Shows that a secret is kept in the keychain without showing it.
    void setClientSecretStored(bool stored);

    //! A sentence saying why the configuration cannot be used (shown on the form), or empty.
    QString validate();

    //! Runs discovery against the server URL and fills the report.
    void discover();
    bool isDiscovering() const { return !m_discovery.isNull(); }
    //! The report as shown, one line per step.
    QString discoveryReport() const;

    //! One sentence for a failed discovery step, for the person.
    static QString failureSentence(const OAuthDiscovery::Failure &failure);

Q_SIGNALS:
    void changed();
    void discoveryFinished(const Tramontane::OAuthDiscovery::Result &result);

private:
    void onModeChanged();
    void onStepSucceeded(OAuthDiscovery::Step step, const QUrl &url);
    void onDiscovered(const OAuthDiscovery::Result &result);
    void appendReport(const QString &line);

    std::unique_ptr<Ui::ConnectorAuthSection> m_ui;
    QNetworkAccessManager *m_nam;
    QPointer<OAuthDiscovery> m_discovery;
    std::function<QString()> m_serverUrl;
    QStringList m_report;
};

} // namespace Tramontane
