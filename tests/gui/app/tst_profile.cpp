// SPDX-License-Identifier: GPL-3.0-or-later
// --profile NAME separates everything: each profile's settings live in its own folder, and
// one profile never reads what another wrote.
#include "app/Profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
namespace Profile = Tramontane::Profile;

class TestProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void names_data();
    void names();
    void settings_areSeparatedByProfile();
};

void TestProfile::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"Tramontane"_s);
    QCoreApplication::setApplicationName(u"TramontaneProfileTest"_s);
    for (const QString &name : {u"work"_s, u"play"_s})
        QVERIFY(QDir(Profile::directory(name)).removeRecursively());
}

void TestProfile::names_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("default") << Profile::defaultName << true;
    QTest::newRow("letters, digits, - and _") << u"Work-2_b"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("a path") << u"../other"_s << false;
    QTest::newRow("a slash") << u"a/b"_s << false;
    QTest::newRow("a space") << u"my work"_s << false;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
}

void TestProfile::names() {
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(Profile::isValidName(name), valid);
}

void TestProfile::settings_areSeparatedByProfile() {
    Profile::useSettingsOf(u"work"_s);
    {
        QSettings settings;
        QVERIFY2(settings.fileName().startsWith(Profile::directory(u"work"_s) + u'/'),
                 qPrintable(settings.fileName()));
        settings.setValue(u"connection/baseUrl"_s, u"https://work.example/"_s);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    Profile::useSettingsOf(u"play"_s);
    {
        QSettings settings;
        QVERIFY2(settings.fileName().startsWith(Profile::directory(u"play"_s) + u'/'),
                 qPrintable(settings.fileName()));
        QVERIFY(!settings.contains(u"connection/baseUrl"_s));
    }
    Profile::useSettingsOf(u"work"_s);
    {
        const QSettings settings;
        QCOMPARE(settings.value(u"connection/baseUrl"_s).toString(), u"https://work.example/"_s);
    }
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
