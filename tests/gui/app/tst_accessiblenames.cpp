// SPDX-License-Identifier: GPL-3.0-or-later
// A screen reader names every control: the whole window in demo mode, each page and the
// dialogs it opens, walked widget by widget; an interactive control without an accessible
// name fails the test, listed by object name.
#include "app/Application.h"
#include "core/auth/SecretStore.h"
#include "ui/MainWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

bool isInteractive(const QWidget *w) {
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w)
           || qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
           || qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QPlainTextEdit *>(w)
           || qobject_cast<const QTextEdit *>(w) || qobject_cast<const QAbstractSlider *>(w)
           || qobject_cast<const QTabBar *>(w);
}

// The unnamed interactive controls shown in \a root, as "Class objectName".
QStringList unnamedIn(QWidget *root) {
    QStringList unnamed;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible() || !isInteractive(w))
            continue;
        // Parts of a composite control (a combo box's line edit, a spin box's editor, a
        // scroll bar) are named through their owner.
        if (qobject_cast<QComboBox *>(w->parentWidget())
            || qobject_cast<QAbstractSpinBox *>(w->parentWidget())
            || qobject_cast<const QHeaderView *>(w) || qobject_cast<const QScrollBar *>(w)
            || w->objectName().startsWith(u"qt_"_s))
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
    }
    return unnamed;
}

} // namespace

class TestAccessibleNames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyControl_hasAName();
    void welcomePage_everyControlHasAName();

private:
    QTemporaryDir m_home;
};

void TestAccessibleNames::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
}

void TestAccessibleNames::everyControl_hasAName() {
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    m_home.filePath(u"profile"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTest::qWait(1500); // lists load in demo mode
    QStringList unnamed;
    for (const auto page : {MainWindow::Page::Chat, MainWindow::Page::Connectors,
                            MainWindow::Page::Agents, MainWindow::Page::Libraries}) {
        window->showPage(page);
        QCoreApplication::processEvents();
        unnamed << unnamedIn(window);
    }
    // The dialogs the window opens: each is inspected once shown, then closed.
    const auto inDialog = [&](const QString &what, const std::function<void()> &open) {
        bool seen = false;
        QTimer::singleShot(800, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (!dialog && top->isVisible() && qobject_cast<QDialog *>(top))
                    dialog = top;
            }
            if (!dialog)
                return;
            seen = true;
            // Every tab of its tab widgets, not only the first.
            QList<QTabWidget *> tabs = dialog->findChildren<QTabWidget *>();
            const auto walk = [&] {
                for (const QString &control : unnamedIn(dialog))
                    unnamed << what + u": "_s + control;
            };
            walk();
            for (QTabWidget *tab : tabs) {
                for (int i = 0; i < tab->count(); ++i) {
                    tab->setCurrentIndex(i);
                    QCoreApplication::processEvents();
                    walk();
                }
            }
            dialog->close();
        });
        open();
        QTRY_VERIFY2(seen, qPrintable(what));
    };
    inDialog(u"Settings"_s, [&] { window->settingsAction()->trigger(); });
    window->showPage(MainWindow::Page::Connectors);
    inDialog(u"New connector"_s,
             [&] { window->findChild<QPushButton *>(u"newPushButton"_s)->click(); });
    window->showPage(MainWindow::Page::Agents);
    inDialog(u"New agent"_s,
             [&] { window->findChild<QPushButton *>(u"newAgentPushButton"_s)->click(); });
    window->showPage(MainWindow::Page::Chat);
    inDialog(u"Show as code"_s, [&] { window->showAsCodeAction()->trigger(); });
    inDialog(u"Keyboard shortcuts"_s, [&] { window->shortcutsAction()->trigger(); });
    unnamed.removeDuplicates();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

void TestAccessibleNames::welcomePage_everyControlHasAName() {
    // A first start without a key shows the welcome page.
    Application app(ConnectionConfig::resolve({false, {}, {}, {}, {}, u"http://127.0.0.1:9"_s}),
                    m_home.filePath(u"first"_s));
    app.setSecretStore(std::make_unique<MemorySecretStore>());
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QWidget *welcome = nullptr;
    QTRY_VERIFY((welcome = window->findChild<QWidget *>(u"welcomePage"_s)) && welcome->isVisible());
    const QStringList unnamed = unnamedIn(welcome);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

QTEST_MAIN(TestAccessibleNames)
#include "tst_accessiblenames.moc"
