// SPDX-License-Identifier: GPL-3.0-or-later
// The French catalogue built into the app's resources: installTranslations finds it for a
// French locale, and messages looked up with the contexts the code and forms use come back in
// French, plurals following the French rule (singular for 0 and 1). Other locales get the English
// catalogue, which only gives the `%n` messages their English singular and plural.
#include "app/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

constexpr QChar nbsp(0x00A0);

QString translate(const char *context, const char *source, int n = -1) {
    return QCoreApplication::translate(context, source, nullptr, n);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void frenchLocale_translatesMessages_data();
    void frenchLocale_translatesMessages();
    void frenchLocale_pluralsFollowFrenchRule_data();
    void frenchLocale_pluralsFollowFrenchRule();
    void germanLocale_translatesMessages_data();
    void germanLocale_translatesMessages();
    void everyCatalogue_isComplete();
    void englishLocale_keepsSourceTexts_data();
    void englishLocale_keepsSourceTexts();
    void englishPlurals_haveRealForms_data();
    void englishPlurals_haveRealForms();
    void everyEnglishPlural_dropsTheParenthesis();
};

// Each test starts without translators, as the app does before installTranslations.
void TestTranslations::cleanup() {
    const QList<QTranslator *> translators =
        QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TestTranslations::frenchLocale_translatesMessages_data() {
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");

    // From forms/MainWindow.ui: the menu title keeps one accelerator.
    QTest::newRow("menu title") << "Tramontane::MainWindow"_ba
                                << "&File"_ba << u"&Fichier"_s;
    QTest::newRow("menu action") << "Tramontane::MainWindow"_ba
                                 << "&Quit"_ba << u"&Quitter"_s;
    // ChatPage's button, from the form and from ChatPage::tr.
    QTest::newRow("chat button") << "Tramontane::ChatPage"_ba
                                 << "Send"_ba << u"Envoyer"_s;
    QTest::newRow("chat button busy") << "Tramontane::ChatPage"_ba
                                      << "Stop"_ba << u"Arrêter"_s;
    // Core messages outside QObjects go through QCoreApplication::translate("ApiError", ...).
    QTest::newRow("api error") << "ApiError"_ba
                               << "The API key was rejected."_ba << u"La clé API a été refusée."_s;
    // French punctuation: a no-break space before the colon, the placeholder kept.
    QTest::newRow("api error with detail")
        << "ApiError"_ba
        << "The server rejected the request: %1"_ba
        << (u"Le serveur a rejeté la requête"_s + nbsp + u": %1"_s);
}

void TestTranslations::frenchLocale_translatesMessages() {
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);

    QVERIFY(
        Tramontane::installTranslations(QCoreApplication::instance(), QLocale(QLocale::French)));
    QCOMPARE(translate(context.constData(), source.constData()), expected);
}

void TestTranslations::frenchLocale_pluralsFollowFrenchRule_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expectedRetry");
    QTest::addColumn<QString>("expectedConnectors");

    QTest::newRow("0 is singular")
        << 0 << u"Vous pourrez réessayer dans 0 seconde."_s << u"0 connecteur"_s;
    QTest::newRow("1 is singular")
        << 1 << u"Vous pourrez réessayer dans 1 seconde."_s << u"1 connecteur"_s;
    QTest::newRow("5 is plural") << 5 << u"Vous pourrez réessayer dans 5 secondes."_s
                                 << u"5 connecteurs"_s;
}

void TestTranslations::frenchLocale_pluralsFollowFrenchRule() {
    QFETCH(int, count);
    QFETCH(QString, expectedRetry);
    QFETCH(QString, expectedConnectors);

    QVERIFY(
        Tramontane::installTranslations(QCoreApplication::instance(), QLocale(QLocale::French)));
    QCOMPARE(translate("ApiError", "You can try again in %n second(s).", count), expectedRetry);
    QCOMPARE(translate("Tramontane::ConnectorsPage", "%n connector(s)", count), expectedConnectors);
}

void TestTranslations::germanLocale_translatesMessages_data() {
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("menu title") << "Tramontane::MainWindow"_ba
                                << "&File"_ba << -1 << u"&Datei"_s;
    QTest::newRow("chat button") << "Tramontane::ChatPage"_ba
                                 << "Send"_ba << -1 << u"Senden"_s;
    QTest::newRow("api error") << "ApiError"_ba
                               << "The API key was rejected."_ba << -1
                               << u"Der API-Schlüssel wurde abgelehnt."_s;
    QTest::newRow("plural one") << "Tramontane::ConnectorsPage"_ba
                                << "%n connector(s)"_ba << 1 << u"1 Connector"_s;
    QTest::newRow("plural many") << "Tramontane::ConnectorsPage"_ba
                                 << "%n connector(s)"_ba << 3 << u"3 Connectors"_s;
    QTest::newRow("zero is plural") << "ApiError"_ba
                                    << "You can try again in %n second(s)."_ba << 0
                                    << u"Sie können es in 0 Sekunden erneut versuchen."_s;
}

void TestTranslations::germanLocale_translatesMessages() {
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(int, count);
    QFETCH(QString, expected);
    QVERIFY(
        Tramontane::installTranslations(QCoreApplication::instance(), QLocale(QLocale::German)));
    QCOMPARE(translate(context.constData(), source.constData(), count), expected);
}

void TestTranslations::everyCatalogue_isComplete() {
    // French and German are complete: a message added without its translations fails here
    // (scripts/check-translations checks their placeholders, accelerators and tags).
    for (const char *language : {"fr", "de"}) {
        QFile source(QFINDTESTDATA(
            u"../../../translations/tramontane_%1.ts"_s.arg(QString::fromLatin1(language))));
        QVERIFY2(source.open(QIODevice::ReadOnly), language);
        const QString ts = QString::fromUtf8(source.readAll());
        QVERIFY(ts.count(u"<message"_s) > 800);
        QVERIFY2(!ts.contains(u"type=\"unfinished\""_s), language);
    }
}

void TestTranslations::englishLocale_keepsSourceTexts_data() {
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("British English") << QLocale(QLocale::English, QLocale::UnitedKingdom);
    // A language the app is not translated into falls back to English, plurals included.
    QTest::newRow("Icelandic") << QLocale(QLocale::Icelandic);
}

void TestTranslations::englishLocale_keepsSourceTexts() {
    QFETCH(QLocale, locale);
    QVERIFY(!Tramontane::installTranslations(QCoreApplication::instance(), locale));
    QCOMPARE(translate("Tramontane::MainWindow", "&File"), u"&File"_s);
    QCOMPARE(translate("Tramontane::ChatPage", "Send"), u"Send"_s);
    QCOMPARE(translate("ApiError", "The API key was rejected."), u"The API key was rejected."_s);
}

void TestTranslations::englishPlurals_haveRealForms_data() {
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("Icelandic") << QLocale(QLocale::Icelandic);
}

void TestTranslations::englishPlurals_haveRealForms() {
    QFETCH(QLocale, locale);
    Tramontane::installTranslations(QCoreApplication::instance(), locale);
    QCOMPARE(translate("ApiError", "You can try again in %n second(s).", 1),
             u"You can try again in 1 second."_s);
    QCOMPARE(translate("ApiError", "You can try again in %n second(s).", 5),
             u"You can try again in 5 seconds."_s);
    QCOMPARE(translate("Tramontane::ConnectorsPage", "%n connector(s)", 1), u"1 connector"_s);
    QCOMPARE(translate("Tramontane::ConnectorsPage", "%n connector(s)", 0), u"0 connectors"_s);
    QCOMPARE(translate("Tramontane::ConnectorToolsDialog", "%n tool(s).", 2), u"2 tools."_s);
}

void TestTranslations::everyEnglishPlural_dropsTheParenthesis() {
    // Every `%n` message of the app has English forms: none shows "(s)" on screen.
    QFile catalogue(u":/i18n/tramontane_en.qm"_s);
    QVERIFY(catalogue.exists());
    QFile source(QFINDTESTDATA("../../../translations/tramontane_en.ts"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QString ts = QString::fromUtf8(source.readAll());
    QVERIFY(ts.contains(u"numerus=\"yes\""_s));
    QVERIFY2(!ts.contains(u"type=\"unfinished\""_s), "an English plural form is missing");
    qsizetype at = 0;
    int forms = 0;
    while ((at = ts.indexOf(u"<numerusform>"_s, at)) >= 0) {
        const qsizetype end = ts.indexOf(u"</numerusform>"_s, at);
        const QString form = ts.mid(at, end - at);
        QVERIFY2(!form.contains(u"(s)"_s), qPrintable(form));
        ++forms;
        at = end;
    }
    QVERIFY(forms >= 2);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
