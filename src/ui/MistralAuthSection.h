// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/PlatformConnect.h"
#include "core/protocol/Connector.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace Tramontane {

class ApiJob;
class ConnectorAuthService;
class ConnectorService;
struct ConnectorCreateRequest;
struct ConnectorUpdateRequest;

namespace Ui {
class MistralAuthSection;
}

//! The "OAuth 2.0, held by Mistral" part of a connector's authentication: on create, the OAuth
//! client (id and secret, sent once in `auth_data`: Mistral keeps the secret, this computer
//! does not) and the authorization server's metadata, as a URL or as JSON (one of the two);
//! for a saved connector, a new client may replace the one Mistral holds (SDK 2.7.0's update
//! takes it in `auth_methods[].oauth2_metadata_secrets`, with the metadata as JSON only), and
//! Connect (PlatformConnect: the browser, then the connector's state) and Disconnect (the
//! user's credentials deleted on the server).
class MistralAuthSection final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MistralAuthSection)

public:
    explicit MistralAuthSection(QWidget *parent = nullptr);
    ~MistralAuthSection() override;

    //! The services Connect and Disconnect use (not owned; without them both are off).
    void setServices(ConnectorAuthService *auth, ConnectorService *connectors);
    //! How the browser is opened (tests play the browser); the system browser by default.
    void setBrowserOpener(std::function<bool(const QUrl &)> opener) {
        m_opener = std::move(opener);
    }
    //! A saved connector (its state, Connect and Disconnect), or unset for a new one (the
    //! client fields).
    void setConnector(const std::optional<Connector> &connector);

    //! One sentence saying why the client data cannot be sent (also shown), or empty.
    QString validate();
    //! Writes `auth_data` and the metadata (URL or JSON) into \a request.
    void apply(ConnectorCreateRequest &request) const;
    //! True when editing and a new client was typed (updateRequest() must send it).
    bool hasClientChange() const;
    //! Puts the new client into the "oauth2" entry of \a request's `auth_methods` (added
    //! when missing), with the metadata typed or, failing that, the connector's current one.
    void applyUpdate(ConnectorUpdateRequest &request) const;
    //! What was typed, for the unsaved-changes check (the secret only as "typed or not").
    QString fingerprint() const;

    //! Starts Connect (returns the running connection, or null when it cannot start).
    PlatformConnect *connectToMistral();
    //! Deletes the user's credentials of the connector on the server.
    void disconnectFromMistral();
    bool isConnecting() const { return !m_connect.isNull(); }
    QString stateText() const;

    //! The credential Disconnect deletes by name: the user's only one; empty (delete them all)
    //! when there are several or none is listed.
    static QString credentialToDelete(const Connector &connector);
    //! One sentence for the end of a connection.
    static QString outcomeSentence(const PlatformConnect::Result &result);

Q_SIGNALS:
    void changed();
    //! The connector as read after a connection or a disconnection.
    void connectionChanged(const Tramontane::Connector &connector);

private:
    void updateUi();
    void showState(const QString &text, bool error = false);
    void onStage(PlatformConnect::Stage stage);
    void onFinished(const PlatformConnect::Result &result);
    void reread();
    //! The connector's current authorization server metadata, if the API showed it.
    std::optional<QJsonObject> currentMetadata() const;

    std::unique_ptr<Ui::MistralAuthSection> m_ui;
    QPointer<ConnectorAuthService> m_auth;
    QPointer<ConnectorService> m_connectors;
    std::optional<Connector> m_connector;
    QPointer<PlatformConnect> m_connect;
    QPointer<ApiJob> m_job;
    std::function<bool(const QUrl &)> m_opener;
};

} // namespace Tramontane
