// SPDX-License-Identifier: GPL-3.0-or-later
// Light and dark whatever the system says, applied at once to shown widgets; System gives
// back what the application started with.
#include "ui/Theme.h"

#include <QApplication>
#include <QLabel>
#include <QStyle>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestTheme : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names_roundTrip();
    void darkThenLightThenSystem_appliedAtOnce();
};

void TestTheme::names_roundTrip() {
    for (const auto theme : {Theme::System, Theme::Light, Theme::Dark})
        QCOMPARE(themeFromName(themeName(theme)), theme);
    QCOMPARE(themeFromName(u"purple"_s), Theme::System);
}

void TestTheme::darkThenLightThenSystem_appliedAtOnce() {
    const QPalette startPalette = QApplication::palette();
    const QString startStyle = QApplication::style()->name();
    QLabel shown(u"text"_s);
    shown.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shown));

    applyTheme(Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    QTRY_VERIFY(shown.palette().color(QPalette::Window).lightness() < 80); // the shown one too
    QCOMPARE(QApplication::style()->name(), u"fusion"_s);

    applyTheme(Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    QTRY_VERIFY(shown.palette().color(QPalette::WindowText).lightness() < 80);

    applyTheme(Theme::Dark);
    applyTheme(Theme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), startPalette.color(QPalette::Window));
    QCOMPARE(QApplication::style()->name(), startStyle);
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
