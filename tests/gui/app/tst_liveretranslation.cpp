// SPDX-License-Identifier: GPL-3.0-or-later
// A language chosen in Settings applies at once, with the real catalogues: while the window is
// open, German then French reach the menus, the chat page (send button, tools menu, chat
// settings), the connection in the status bar, the chat rows as assistive technology reads
// them, and the Settings dialog opened next.
#include "app/Application.h"
#include "core/auth/SecretStore.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/chat/ChatView.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

//! The titles of the menu bar's menus.
QStringList menuTitles(MainWindow *window) {
    QStringList titles;
    for (QAction *action : window->menuBar()->actions())
        titles << action->text();
    return titles;
}

} // namespace

class TestLiveRetranslation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void languageChosenInSettings_appliesWhileTheWindowIsOpen();

private:
    //! Opens Settings from the window and runs \a act on the dialog once it shows; \a act
    //! closes it (Save or Cancel).
    void withSettings(MainWindow *window, const std::function<void(SettingsDialog *)> &act);
    //! Chooses \a language in Settings and saves.
    void chooseLanguage(MainWindow *window, const QString &language);

    QTemporaryDir m_home;
};

void TestLiveRetranslation::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
}

void TestLiveRetranslation::withSettings(MainWindow *window,
                                         const std::function<void(SettingsDialog *)> &act) {
    bool seen = false;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll.stop();
        seen = true;
        act(dialog);
    });
    poll.start();
    Q_EMIT window->settingsRequested();
    QTRY_VERIFY_WITH_TIMEOUT(seen, 10000);
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

void TestLiveRetranslation::chooseLanguage(MainWindow *window, const QString &language) {
    withSettings(window, [&](SettingsDialog *dialog) {
        auto *languages = dialog->findChild<QComboBox *>(u"languageComboBox"_s);
        languages->setCurrentIndex(languages->findData(language));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    });
}

void TestLiveRetranslation::languageChosenInSettings_appliesWhileTheWindowIsOpen() {
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    m_home.filePath(u"profile"_s));
    app.setSecretStore(std::make_unique<MemorySecretStore>());
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    auto *send = window->findChild<QPushButton *>(u"sendPushButton"_s);
    auto *tools = window->findChild<QToolButton *>(u"toolsToolButton"_s);
    auto *view = window->findChild<ChatView *>(u"chatView"_s);
    auto *chatSettings = window->findChild<QToolButton *>(u"chatSettingsToolButton"_s);
    auto *connection = window->findChild<QLabel *>(u"connectionLabel"_s);
    auto *agentSearch =
        window->page(MainWindow::Page::Agents)->findChild<QLineEdit *>(u"searchLineEdit"_s);
    auto *newConnector =
        window->page(MainWindow::Page::Connectors)->findChild<QPushButton *>(u"newPushButton"_s);
    // The find bar, built hidden with the chat (a .ui of its own).
    auto *matchCase = window->findChild<QCheckBox *>(u"matchCaseCheckBox"_s);
    // Actions and choices made in code, not in a .ui: the sidebar's Undo Delete, the chat
    // settings panel's response formats.
    auto *undoDelete = window->findChild<QAction *>(u"undoDeleteAction"_s);
    auto *formats = window->findChild<QComboBox *>(u"responseFormatComboBox"_s);
    QVERIFY(targets && composer && send && tools && view && chatSettings && connection);
    QVERIFY(agentSearch && newConnector && matchCase && undoDelete && formats);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
    composer->setPlainText(u"Hello, rate 0"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(send->text(), u"Send"_s, 15000); // the answer is complete
    QAccessibleInterface *rows = QAccessible::queryAccessibleInterface(view);
    QVERIFY(rows && rows->child(0));
    const auto firstRow = [rows] {
        return rows->child(0)->text(QAccessible::Name);
    };
    const auto toolsSection = [tools] {
        return tools->menu()->actions().isEmpty() ? QString()
                                                  : tools->menu()->actions().first()->text();
    };

    QVERIFY(menuTitles(window).contains(u"&File"_s));
    QCOMPARE(connection->text(), u"Offline demo"_s);
    QVERIFY2(firstRow().startsWith(u"You: "_s), qPrintable(firstRow()));
    QCOMPARE(toolsSection(), u"Built-in tools"_s);

    chooseLanguage(window, u"de"_s);
    // The new translator posts LanguageChange to every window: delivered on the next turn.
    QTRY_VERIFY(menuTitles(window).contains(u"&Datei"_s));
    QVERIFY2(menuTitles(window).contains(u"&Datei"_s), qPrintable(menuTitles(window).join(u',')));
    QCOMPARE(send->text(), u"Senden"_s);
    QCOMPARE(toolsSection(), u"Integrierte Werkzeuge"_s);
    QCOMPARE(chatSettings->text(), u"Chat-Einstellungen"_s);
    QCOMPARE(connection->text(), u"Offline-Demo"_s);
    // The pages not shown follow too.
    QCOMPARE(agentSearch->placeholderText(), u"Agents nach Namen suchen"_s);
    QCOMPARE(newConnector->toolTip(), u"Einen Connector zu einem MCP-Server hinzufügen"_s);
    QCOMPARE(matchCase->text(), u"Groß-/Kleinschreibung beachten"_s);
    QCOMPARE(undoDelete->text(), u"Löschen rückgängig machen"_s);
    QCOMPARE(formats->itemText(1), u"JSON-Objekt"_s);
    QVERIFY2(firstRow().startsWith(u"Sie: "_s), qPrintable(firstRow()));
    withSettings(window, [](SettingsDialog *dialog) {
        auto *tabs = dialog->findChild<QTabWidget *>();
        QStringList titles;
        for (int i = 0; i < tabs->count(); ++i)
            titles << tabs->tabText(i);
        QVERIFY2(titles.contains(u"Netzwerk"_s), qPrintable(titles.join(u',')));
        dialog->reject();
    });

    chooseLanguage(window, u"fr"_s);
    QTRY_VERIFY(menuTitles(window).contains(u"&Fichier"_s));
    QVERIFY2(menuTitles(window).contains(u"&Fichier"_s), qPrintable(menuTitles(window).join(u',')));
    QCOMPARE(send->text(), u"Envoyer"_s);
    QCOMPARE(toolsSection(), u"Outils intégrés"_s);
    QCOMPARE(chatSettings->text(), u"Paramètres de la discussion"_s);
    QCOMPARE(connection->text(), u"Démo hors ligne"_s);
    QCOMPARE(agentSearch->placeholderText(), u"Rechercher des agents par nom"_s);
    QCOMPARE(newConnector->toolTip(), u"Ajouter un connecteur vers un serveur MCP"_s);
    QCOMPARE(matchCase->text(), u"Respecter la casse"_s);
    QCOMPARE(undoDelete->text(), u"Annuler la suppression"_s);
    QCOMPARE(formats->itemText(1), u"Objet JSON"_s);
    QVERIFY2(firstRow().startsWith(u"Vous\u00a0: "_s), qPrintable(firstRow()));
    withSettings(window, [](SettingsDialog *dialog) {
        auto *tabs = dialog->findChild<QTabWidget *>();
        QStringList titles;
        for (int i = 0; i < tabs->count(); ++i)
            titles << tabs->tabText(i);
        QVERIFY2(titles.contains(u"Réseau"_s), qPrintable(titles.join(u',')));
        dialog->reject();
    });
}

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    TestLiveRetranslation test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_liveretranslation.moc"
