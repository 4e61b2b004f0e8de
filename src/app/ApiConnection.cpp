// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ApiConnection.h"

#include "app/EmulatorLauncher.h"
#include "core/SettingsKeys.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/ConnectionCheck.h"
#include "models/ErrorPresenter.h"
#include "ui/MainWindow.h"
#include "ui/WelcomePage.h"

#include <QEvent>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QString randomKey() {
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return u"demo-"_s + QString::fromLatin1(bytes.toHex());
}

} // namespace

ApiConnection::ApiConnection(ConnectionConfig config, ApiClient *client, ConnectionCheck *check,
                             SecretStore *secrets, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_client(client)
    , m_check(check)
    , m_secrets(secrets)
    , m_window(window) {
    // The connection's words in the status bar follow a language chosen in Settings.
    m_window->installEventFilter(this);
}

bool ApiConnection::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange && m_ready)
        showStatus();
    return QObject::eventFilter(watched, event);
}

void ApiConnection::setAvailability(ApiAvailability availability) {
    Q_EMIT availabilityChanged(availability);
}

void ApiConnection::connectToApi() {
    m_ready = false;
    setAvailability(ApiAvailability::Starting);
    // A way chosen elsewhere (Settings) ends the welcome.
    if (m_welcome && !m_config.firstRun && m_welcome->isVisibleTo(m_window))
        m_window->showPage(MainWindow::Page::Chat);
    if (m_config.mode == ConnectionConfig::Mode::Demo) {
        connectToDemo();
        return;
    }
    if (m_emulator)
        m_emulator->stop();
    QString problem;
    if (!m_client->setBaseUrl(m_config.baseUrl, &problem)) {
        m_window->setConnectionText(tr("Not connected"), problem);
        QMessageBox::warning(m_window, tr("API address"), problem);
        return;
    }
    if (m_config.keySource == ConnectionConfig::KeySource::Environment) {
        m_client->setApiKey(m_config.apiKey);
        onReady();
        return;
    }
    m_secrets->read(SecretStore::apiKeyEntry(), this, [this](const SecretStore::Result &r) {
        if (r.ok && r.value && !r.value->isEmpty()) {
            m_client->setApiKey(*r.value);
            onReady();
            return;
        }
        // Without a key nothing is asked: the lists say a key is needed.
        setAvailability(ApiAvailability::NeedsKey);
        // scripts/run: a developer's first start opens the offline demo at once (nothing is
        // remembered, so the installed app still welcomes on its own first start).
        if (m_config.firstRun && qEnvironmentVariable("TRAMONTANE_FIRST_START") == u"demo"_s) {
            switchToDemo(false);
            return;
        }
        if (m_config.firstRun) {
            showWelcome(r.ok ? QString()
                             : tr("The system keychain cannot be used (%1), so a key cannot "
                                  "be kept: set MISTRAL_API_KEY, or explore the offline demo.")
                                   .arg(r.error));
            return;
        }
        m_window->setConnectionText(tr("No API key"), r.error);
        m_window->showStatus(r.ok ? tr("Add your Mistral API key in Settings to start.") : r.error,
                             0);
        Q_EMIT keyNeeded();
    });
}

void ApiConnection::connectToDemo() {
    if (!m_emulator) {
        m_emulator = new EmulatorLauncher(this);
        connect(m_emulator, &EmulatorLauncher::ready, this, [this](const QUrl &url) {
            m_client->setBaseUrl(url);
            onReady();
        });
        connect(m_emulator, &EmulatorLauncher::failed, this, [this](const QString &reason) {
            m_window->setConnectionText(tr("Offline demo unavailable"), reason);
            QMessageBox::warning(m_window, tr("Offline demo"),
                                 tr("%1\n\nOpen Settings to connect to the Mistral platform "
                                    "with your API key.")
                                     .arg(reason));
        });
        connect(m_emulator, &EmulatorLauncher::stopped, this, [this](const QString &reason) {
            m_window->setConnectionText(tr("Offline demo stopped"), reason);
        });
    }
    // Until the emulator answers, requests go nowhere (a closed loopback port): never to the
    // real API with the demo key.
    m_client->setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
    const QString key = randomKey();
    m_client->setApiKey(key);
    m_window->setConnectionText(tr("Starting the offline demo…"));
    m_emulator->start(key);
}

void ApiConnection::reconnect(const ConnectionConfig &config, const QString &keyToStore) {
    m_config = config;
    if (keyToStore.isEmpty()) {
        connectToApi();
        return;
    }
    m_secrets->write(SecretStore::apiKeyEntry(), keyToStore, this,
                     [this](const SecretStore::Result &r) {
                         if (!r.ok)
                             QMessageBox::warning(m_window, tr("API key"), r.error);
                         connectToApi();
                     });
}

void ApiConnection::forgetKey(QObject *context, std::function<void(const QString &)> done) {
    QPointer<QObject> asker(context);
    m_secrets->remove(SecretStore::apiKeyEntry(), this,
                      [this, asker, done = std::move(done)](const SecretStore::Result &r) {
                          if (asker)
                              done(r.ok ? QString() : r.error);
                          if (!r.ok || m_config.keySource != ConnectionConfig::KeySource::Keychain)
                              return;
                          // The key in use is gone with it: nothing is asked any more.
                          m_client->setApiKey(QString());
                          m_ready = false;
                          setAvailability(ApiAvailability::NeedsKey);
                          m_window->setConnectionText(tr("No API key"));
                      });
}

void ApiConnection::checkKey(const QUrl &baseUrl, const QString &key, QObject *context,
                             std::function<void(const QString &)> done) {
    m_check->check(baseUrl, key, context, [done](const ConnectionCheck::Result &r) {
        if (r.ok())
            done(QString());
        else if (!r.addressProblem.isEmpty())
            done(r.addressProblem);
        else if (r.error.kind() == ApiError::Kind::Http
                 && (r.error.httpStatus() == 401 || r.error.httpStatus() == 403))
            done(tr("The server did not accept this key: check that it was copied whole from "
                    "console.mistral.ai."));
        else
            done(ErrorPresenter::sentence(r.error));
    });
}

void ApiConnection::showStatus() {
    if (m_config.mode == ConnectionConfig::Mode::Demo) {
        m_window->setConnectionText(
            m_ready ? tr("Offline demo") : tr("Starting the offline demo…"),
            tr("The bundled emulator answers at %1. Open Settings to use the Mistral platform.")
                .arg(m_client->baseUrl().toDisplayString()));
        return;
    }
    m_window->setConnectionText(m_client->baseUrl().host(), m_config.reason);
}

void ApiConnection::showWelcome(const QString &problem) {
    m_window->setConnectionText(tr("Not connected"));
    if (!m_welcome) {
        m_welcome = new WelcomePage;
        m_welcome->setObjectName(u"welcomePage"_s);
        connect(m_welcome, &WelcomePage::keySubmitted, this, &ApiConnection::tryWelcomeKey);
        connect(m_welcome, &WelcomePage::demoRequested, this, [this] { switchToDemo(true); });
    }
    m_welcome->setBaseUrl(m_config.baseUrl);
    m_welcome->showProblem(problem);
    m_window->showWelcome(m_welcome);
}

void ApiConnection::switchToDemo(bool remember) {
    if (remember)
        QSettings().setValue(SettingsKeys::connectionMode, u"demo"_s);
    m_config = ConnectionConfig::resolve({true, {}, {}, {}, u"demo"_s, {}});
    m_window->showPage(MainWindow::Page::Chat);
    connectToApi();
}

void ApiConnection::tryWelcomeKey(const QString &key) {
    QPointer<WelcomePage> page = m_welcome;
    checkKey(m_config.baseUrl, key, m_welcome, [this, page, key](const QString &problem) {
        page->keyCheckFinished(problem);
        if (!problem.isEmpty())
            return;
        m_secrets->write(
            SecretStore::apiKeyEntry(), key, this, [this, key](const SecretStore::Result &r) {
                QSettings().setValue(SettingsKeys::connectionMode, u"api"_s);
                m_config.firstRun = false;
                m_client->setApiKey(key);
                m_window->showPage(MainWindow::Page::Chat);
                m_window->showStatus(r.ok ? tr("Connected. Your API key is stored in the system "
                                               "keychain.")
                                          : tr("Connected, but the key could not be kept in the "
                                               "keychain (%1): it is used until Tramontane quits.")
                                                .arg(r.error),
                                     0);
                onReady();
            });
    });
}

void ApiConnection::onReady() {
    m_ready = true;
    showStatus();
    Q_EMIT ready();
    // After the loads ready() starts, so that a page already shown does not ask a second time.
    setAvailability(ApiAvailability::Ready);
}

} // namespace Tramontane
