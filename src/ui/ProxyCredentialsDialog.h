// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Tramontane {

namespace Ui {
class ProxyCredentialsDialog;
}

//! Asks for the user name and password a proxy wants (it answered "authentication required"),
//! and whether to remember them: the password in the keychain, the user name in the settings.
class ProxyCredentialsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxyCredentialsDialog)

public:
    //! \a proxy names the proxy ("host:port"); \a failed: the stored credentials were refused.
    ProxyCredentialsDialog(const QString &proxy, const QString &user, bool failed,
                           QWidget *parent = nullptr);
    ~ProxyCredentialsDialog() override;

    QString user() const;
    QString password() const;
    bool remember() const;

private:
    void updateEnabled();

    std::unique_ptr<Ui::ProxyCredentialsDialog> m_ui;
};

} // namespace Tramontane
