// SPDX-License-Identifier: GPL-3.0-or-later
// A chat's settings in the whole app, against the emulator: the composer's Settings button
// opens the panel; instructions and a temperature typed there go with the next message (the
// emulator receives them) and into Show as Code; bad values get one sentence each and are not
// used; with an agent the fields it cannot take are disabled; a new chat starts from the
// defaults of Settings, whose New Chats tab uses the same form.
#include "app/Application.h"
#include "core/SettingsKeys.h"
#include "models/ConversationModel.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/ShowAsCodeDialog.h"
#include "ui/chat/ChatSettingsPanel.h"
#include "ui/chat/ChatView.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestChatSettingsGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void panel_instructionsAndTemperature_goWithTheMessage_andIntoShowAsCode();
    void badValues_oneSentenceEach_andNotUsed();
    void jsonSchema_editorSaysWhereItFails_thenAnswersFollowIt();
    void agent_disablesWhatItCannotTake();
    void newChat_startsFromTheDefaultsOfSettings();
    void settingsDialog_newChatsTab_usesTheSameForm();

private:
    void startApp(const QString &profile);
    void send(const QString &text);
    bool waitAnswered(int entriesBefore);
    QJsonObject lastChatBody();
    QStringList showAsCode();
    template<typename T>
    T *find(const QString &name) const {
        return m_window->findChild<T *>(name);
    }

    QTemporaryDir m_home;
    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    std::unique_ptr<Application> m_app;
    MainWindow *m_window = nullptr;
    QPlainTextEdit *m_composer = nullptr;
    QComboBox *m_targets = nullptr;
    QToolButton *m_settingsButton = nullptr;
    ConversationModel *m_model = nullptr;
};

void TestChatSettingsGui::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    // These tests count and read the chat's requests: no title request in between
    // (tst_titlegenerator covers those).
    QSettings().setValue(SettingsKeys::chatTitlesGenerated, false);
    QVERIFY2(m_emulator.start(u"settings-gui-key-1234"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "settings-gui-key-1234");
}

void TestChatSettingsGui::init() {
    m_driver->send("POST", u"/__admin/reset"_s);
    m_driver->send("DELETE", u"/__admin/requests"_s);
    QSettings().remove(SettingsKeys::newChatDefaults);
}

void TestChatSettingsGui::cleanup() {
    m_app.reset();
}

void TestChatSettingsGui::startApp(const QString &profile) {
    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    in.apiKeyEnv = m_emulator.apiKey();
    m_app = std::make_unique<Application>(ConnectionConfig::resolve(in), m_home.filePath(profile));
    QString error;
    QVERIFY2(m_app->start(&error), qPrintable(error));
    m_window = m_app->window();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_targets = find<QComboBox>(u"targetComboBox"_s);
    m_composer = find<QPlainTextEdit>(u"composerPlainTextEdit"_s);
    m_settingsButton = find<QToolButton>(u"chatSettingsToolButton"_s);
    auto *view = find<ChatView>(u"chatView"_s);
    QVERIFY(m_targets && m_composer && m_settingsButton && view);
    m_model = view->conversationModel();
    QTRY_VERIFY_WITH_TIMEOUT(m_targets->count() > 0, 15000);
    const int small = m_targets->findText(u"small"_s, Qt::MatchContains);
    if (small >= 0)
        m_targets->setCurrentIndex(small);
}

void TestChatSettingsGui::send(const QString &text) {
    m_composer->setFocus();
    QTest::keyClicks(m_composer, text);
    QTest::keyClick(m_composer, Qt::Key_Return);
}

bool TestChatSettingsGui::waitAnswered(int entriesBefore) {
    return QTest::qWaitFor(
        [this, entriesBefore] {
            return m_model->entryCount() > entriesBefore + 1
                   && m_model->entries().last().status == ChatEntry::Status::Complete;
        },
        15000);
}

QJsonObject TestChatSettingsGui::lastChatBody() {
    const QJsonArray requests = m_driver->recordedTurns(u"/v1/chat/completions"_s);
    return requests.isEmpty() ? QJsonObject()
                              : requests.last().toObject().value("body"_L1).toObject();
}

QStringList TestChatSettingsGui::showAsCode() {
    m_window->showAsCodeAction()->trigger();
    ShowAsCodeDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<ShowAsCodeDialog *>()) != nullptr; }, 5000))
        return {};
    QStringList code;
    for (const QString &name :
         {u"curlPlainTextEdit"_s, u"pythonPlainTextEdit"_s, u"typeScriptPlainTextEdit"_s})
        code.append(dialog->findChild<QPlainTextEdit *>(name)->toPlainText());
    dialog->close();
    delete dialog;
    return code;
}

void TestChatSettingsGui::panel_instructionsAndTemperature_goWithTheMessage_andIntoShowAsCode() {
    startApp(u"panel"_s);
    auto *pane = find<QWidget>(u"chatSettingsPane"_s);
    QVERIFY(pane);
    QVERIFY(!pane->isVisible());
    QCOMPARE(m_settingsButton->property("customized").toBool(), false);
    QTest::mouseClick(m_settingsButton, Qt::LeftButton);
    QVERIFY(pane->isVisible());

    auto *instructions = find<QPlainTextEdit>(u"instructionsPlainTextEdit"_s);
    auto *temperature = find<QLineEdit>(u"temperatureLineEdit"_s);
    QVERIFY(instructions && temperature);
    QTest::keyClicks(instructions, u"Speak like a sailor."_s);
    QTest::keyClicks(temperature, u"0.4"_s);
    QCOMPARE(m_settingsButton->property("customized").toBool(), true);
    QCOMPARE(m_settingsButton->text(), u"Chat Settings (2)"_s);

    send(u"Hello there, rate 0"_s);
    QVERIFY(waitAnswered(0));
    const QJsonObject body = lastChatBody();
    QCOMPARE(body.value("temperature"_L1).toDouble(), 0.4);
    const QJsonObject system = body.value("messages"_L1).toArray().first().toObject();
    QCOMPARE(system.value("role"_L1).toString(), u"system"_s);
    QCOMPARE(system.value("content"_L1).toString(), u"Speak like a sailor."_s);
    QVERIFY2(
        m_model->entries().last().message.content.plainText().contains(u"Speak like a sailor"_s),
        qPrintable(m_model->entries().last().message.content.plainText()));

    // Show as Code writes what the next message would send, settings included.
    QTest::keyClicks(m_composer, u"Next"_s);
    const QStringList code = showAsCode();
    QCOMPARE(code.size(), 3);
    QVERIFY2(code.at(0).contains(u"\"temperature\": 0.4"_s), qPrintable(code.at(0)));
    QVERIFY2(code.at(0).contains(u"Speak like a sailor."_s), qPrintable(code.at(0)));
    QVERIFY2(code.at(1).contains(u"temperature=0.4"_s), qPrintable(code.at(1)));
    QVERIFY2(code.at(2).contains(u"temperature: 0.4"_s), qPrintable(code.at(2)));
    m_composer->clear();

    // A new chat starts without them (they stay with the conversation).
    m_window->newChatAction()->trigger();
    QTRY_COMPARE(m_settingsButton->property("customized").toBool(), false);
    QVERIFY(instructions->toPlainText().isEmpty());
}

void TestChatSettingsGui::badValues_oneSentenceEach_andNotUsed() {
    startApp(u"bad"_s);
    QTest::mouseClick(m_settingsButton, Qt::LeftButton);
    auto *temperature = find<QLineEdit>(u"temperatureLineEdit"_s);
    auto *topP = find<QLineEdit>(u"topPLineEdit"_s);
    auto *maxTokens = find<QLineEdit>(u"maxTokensLineEdit"_s);
    auto *seed = find<QLineEdit>(u"randomSeedLineEdit"_s);
    auto *problems = find<QLabel>(u"problemsLabel"_s);
    QVERIFY(temperature && topP && maxTokens && seed && problems);
    QVERIFY(!problems->isVisible());

    QTest::keyClicks(temperature, u"2"_s);
    QTest::keyClicks(topP, u"1.5"_s);
    QTest::keyClicks(maxTokens, u"0"_s);
    QTest::keyClicks(seed, u"-3"_s);
    QVERIFY(problems->isVisible());
    const QStringList lines = problems->text().split(u'\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(u"Temperature must be a number from 0 to 1.5"_s));
    QVERIFY(lines.at(1).startsWith(u"Top P must be a number from 0 to 1"_s));
    QVERIFY(lines.at(2).startsWith(u"Max tokens must be a whole number greater than 0"_s));
    QVERIFY(lines.at(3).startsWith(u"The random seed must be a whole number, 0 or more"_s));
    QCOMPARE(temperature->accessibleDescription(), lines.at(0));

    // Nothing of a form that cannot be used is sent.
    send(u"Hello, rate 0"_s);
    QVERIFY(waitAnswered(0));
    const QJsonObject body = lastChatBody();
    QVERIFY(!body.contains("temperature"_L1));
    QVERIFY(!body.contains("max_tokens"_L1));

    // Fixed, the sentences go and the values apply.
    temperature->clear();
    QTest::keyClicks(temperature, u"1"_s);
    for (QLineEdit *edit : {topP, maxTokens, seed}) {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
    }
    QVERIFY(!problems->isVisible());
    QCOMPARE(m_settingsButton->text(), u"Chat Settings (1)"_s);
}

void TestChatSettingsGui::jsonSchema_editorSaysWhereItFails_thenAnswersFollowIt() {
    startApp(u"schema"_s);
    QTest::mouseClick(m_settingsButton, Qt::LeftButton);
    auto *format = find<QComboBox>(u"responseFormatComboBox"_s);
    auto *schemaBox = find<QWidget>(u"schemaGroupBox"_s);
    auto *name = find<QLineEdit>(u"schemaNameLineEdit"_s);
    auto *schema = find<QPlainTextEdit>(u"schemaPlainTextEdit"_s);
    auto *problems = find<QLabel>(u"problemsLabel"_s);
    QVERIFY(format && schemaBox && name && schema && problems);
    QVERIFY(!schemaBox->isVisible());
    format->setCurrentIndex(format->findData(int(ChatSettings::ResponseFormat::JsonSchema)));
    QVERIFY(schemaBox->isVisible());
    QTest::keyClicks(name, u"bird"_s);
    schema->setPlainText(u"{\n  \"type\": \"object\",\n  \"properties\": {\"name\" {}}\n}"_s);
    QVERIFY2(problems->text().startsWith(u"The JSON schema is not valid JSON at line 3"_s),
             qPrintable(problems->text()));
    schema->setPlainText(u"{\"type\": \"object\", \"properties\": {\"name\": {\"type\": "
                         "\"string\"}, \"wings\": {\"type\": \"integer\"}}}"_s);
    QVERIFY(!problems->isVisible());

    send(u"Name a bird, rate 0"_s);
    QVERIFY(waitAnswered(0));
    const QJsonObject format_ = lastChatBody().value("response_format"_L1).toObject();
    QCOMPARE(format_.value("type"_L1).toString(), u"json_schema"_s);
    QCOMPARE(format_.value("json_schema"_L1).toObject().value("name"_L1).toString(), u"bird"_s);
    const QJsonObject answer =
        QJsonDocument::fromJson(m_model->entries().last().message.content.plainText().toUtf8())
            .object();
    QVERIFY(answer.value("name"_L1).isString());
    QCOMPARE(answer.value("wings"_L1).toInt(), 1);
}

void TestChatSettingsGui::agent_disablesWhatItCannotTake() {
    const auto created =
        m_driver->post(u"/v1/agents"_s, QJsonObject{{u"model"_s, u"mistral-small-latest"_s},
                                                    {u"name"_s, u"Harbour master"_s},
                                                    {u"instructions"_s, u"Talk about boats."_s}});
    QCOMPARE(created.status, 200);
    startApp(u"agent"_s);
    QTest::mouseClick(m_settingsButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_targets->findText(u"Harbour master"_s, Qt::MatchContains) >= 0,
                             15000);
    auto *instructions = find<QPlainTextEdit>(u"instructionsPlainTextEdit"_s);
    auto *temperature = find<QLineEdit>(u"temperatureLineEdit"_s);
    auto *maxTokens = find<QLineEdit>(u"maxTokensLineEdit"_s);
    auto *note = find<QLabel>(u"agentNoteLabel"_s);
    QVERIFY(instructions->isEnabled() && temperature->isEnabled());
    m_targets->setCurrentIndex(m_targets->findText(u"Harbour master"_s, Qt::MatchContains));
    QVERIFY(!instructions->isEnabled());
    QVERIFY(!temperature->isEnabled());
    QVERIFY(!find<QLineEdit>(u"topPLineEdit"_s)->isEnabled());
    QVERIFY(maxTokens->isEnabled());
    QVERIFY(temperature->toolTip().contains(u"Harbour master"_s));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(u"Harbour master"_s));
}

void TestChatSettingsGui::newChat_startsFromTheDefaultsOfSettings() {
    ChatSettings defaults;
    defaults.instructions = u"Always answer in haiku."_s;
    defaults.maxTokens = 64;
    QSettings().setValue(SettingsKeys::newChatDefaults,
                         QString::fromUtf8(QJsonDocument(defaults.toJson()).toJson()));
    startApp(u"defaults"_s);
    QCOMPARE(m_settingsButton->property("customized").toBool(), true);
    QTest::mouseClick(m_settingsButton, Qt::LeftButton);
    QCOMPARE(find<QPlainTextEdit>(u"instructionsPlainTextEdit"_s)->toPlainText(),
             u"Always answer in haiku."_s);
    send(u"Hello, rate 0"_s);
    QVERIFY(waitAnswered(0));
    const QJsonObject body = lastChatBody();
    QCOMPARE(body.value("max_tokens"_L1).toInteger(), 64);
    QCOMPARE(body.value("messages"_L1).toArray().first().toObject().value("content"_L1).toString(),
             u"Always answer in haiku."_s);
}

void TestChatSettingsGui::settingsDialog_newChatsTab_usesTheSameForm() {
    SettingsDialog dialog;
    SettingsDialog::Values values;
    values.newChatDefaults.temperature = 0.2;
    dialog.setValues(values, SettingsDialog::KeySource::None);
    auto *panel = dialog.findChild<ChatSettingsPanel *>(u"newChatSettingsPanel"_s);
    QVERIFY(panel);
    auto *temperature = panel->findChild<QLineEdit *>(u"temperatureLineEdit"_s);
    QCOMPARE(temperature->text(), QLocale().toString(0.2));
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QVERIFY(save->isEnabled());
    temperature->clear();
    QTest::keyClicks(temperature, u"9"_s);
    QVERIFY(!save->isEnabled()); // a default that cannot be used is not saved
    temperature->clear();
    QTest::keyClicks(temperature, u"0.9"_s);
    QVERIFY(save->isEnabled());
    QCOMPARE(dialog.values().newChatDefaults.temperature, std::optional<double>(0.9));
}

QTEST_MAIN(TestChatSettingsGui)
#include "tst_chatsettingsgui.moc"
