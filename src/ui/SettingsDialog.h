// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>
#include <memory>

namespace Tramontane {

namespace Ui {
class SettingsDialog;
}

//! Connection settings: the offline demo or the Mistral platform, the API key (kept in the
//! keychain by the caller, never here) and the API address, with a connection test.
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    struct Values {
        bool demo = true;
        QString apiKey; //!< empty: keep the stored key
        QUrl baseUrl;   //!< empty: the default address
        friend bool operator==(const Values &, const Values &) = default;
    };
    //! Tests a connection: calls back with an empty string on success, else the problem.
    using Tester = std::function<void(const QUrl &baseUrl, const QString &apiKey, QObject *context,
                                      std::function<void(const QString &problem)> done)>;

    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    //! \a keyStored says a key is in the keychain (shown as such, never the key itself);
    //! \a keyFromEnvironment disables editing it (MISTRAL_API_KEY wins).
    void setValues(const Values &values, bool keyStored, bool keyFromEnvironment);
    Values values() const;
    void setTester(Tester tester) { m_tester = std::move(tester); }

    void accept() override;

private:
    void updateEnabled();
    void testConnection();
    QString validationProblem() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Tester m_tester;
    bool m_keyStored = false;
};

} // namespace Tramontane
