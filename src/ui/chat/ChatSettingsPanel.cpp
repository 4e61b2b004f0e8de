// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatSettingsPanel.h"
#include "ui_ChatSettingsPanel.h"

#include "ui/forms/StatusColors.h"

#include <QEvent>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// The reasoning efforts of the API (SDK 2.7.0 ReasoningEffort), after "Model default".
const QStringList &reasoningEfforts() {
    static const QStringList efforts{u"none"_s,   u"minimal"_s, u"low"_s,
                                     u"medium"_s, u"high"_s,    u"xhigh"_s};
    return efforts;
}

} // namespace

ChatSettingsPanel::ChatSettingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChatSettingsPanel>()) {
    m_ui->setupUi(this);
    for (const auto format :
         {ChatSettings::ResponseFormat::Text, ChatSettings::ResponseFormat::JsonObject,
          ChatSettings::ResponseFormat::JsonSchema})
        m_ui->responseFormatComboBox->addItem(QString(), int(format));
    m_ui->reasoningEffortComboBox->addItem(QString(), QString());
    for (const QString &effort : reasoningEfforts())
        m_ui->reasoningEffortComboBox->addItem(QString(), effort);
    nameChoices();
    QFont mono = m_ui->schemaPlainTextEdit->font();
    mono.setFamily(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_ui->schemaPlainTextEdit->setFont(mono);

    for (QLineEdit *edit : {m_ui->temperatureLineEdit, m_ui->topPLineEdit, m_ui->maxTokensLineEdit,
                            m_ui->randomSeedLineEdit, m_ui->schemaNameLineEdit})
        connect(edit, &QLineEdit::textEdited, this, &ChatSettingsPanel::onEdited);
    for (QPlainTextEdit *edit : {m_ui->instructionsPlainTextEdit, m_ui->schemaPlainTextEdit})
        connect(edit, &QPlainTextEdit::textChanged, this, &ChatSettingsPanel::onEdited);
    for (QComboBox *box : {m_ui->responseFormatComboBox, m_ui->reasoningEffortComboBox})
        connect(box, &QComboBox::currentIndexChanged, this, &ChatSettingsPanel::onEdited);
    for (QCheckBox *box : {m_ui->schemaStrictCheckBox, m_ui->reasoningPromptModeCheckBox})
        connect(box, &QCheckBox::toggled, this, &ChatSettingsPanel::onEdited);
    connect(m_ui->resetPushButton, &QPushButton::clicked, this, [this] {
        setSettings({});
        onEdited();
    });
    updateFormatFields();
    updateAvailability();
}

ChatSettingsPanel::~ChatSettingsPanel() = default;

void ChatSettingsPanel::setSettings(const ChatSettings &settings) {
    const ChatSettingsInput::Text text = ChatSettingsInput::write(settings);
    m_filling = true;
    if (m_ui->instructionsPlainTextEdit->toPlainText() != text.instructions)
        m_ui->instructionsPlainTextEdit->setPlainText(text.instructions);
    m_ui->temperatureLineEdit->setText(text.temperature);
    m_ui->topPLineEdit->setText(text.topP);
    m_ui->maxTokensLineEdit->setText(text.maxTokens);
    m_ui->randomSeedLineEdit->setText(text.randomSeed);
    m_ui->responseFormatComboBox->setCurrentIndex(
        qMax(0, m_ui->responseFormatComboBox->findData(int(text.responseFormat))));
    m_ui->schemaNameLineEdit->setText(text.schemaName);
    if (m_ui->schemaPlainTextEdit->toPlainText() != text.schema)
        m_ui->schemaPlainTextEdit->setPlainText(text.schema);
    m_ui->schemaStrictCheckBox->setChecked(text.schemaStrict);
    m_ui->reasoningEffortComboBox->setCurrentIndex(
        qMax(0, m_ui->reasoningEffortComboBox->findData(text.reasoningEffort)));
    m_ui->reasoningPromptModeCheckBox->setChecked(text.reasoningPromptMode);
    m_filling = false;
    updateFormatFields();
    showProblems(read());
}

ChatSettingsInput::Result ChatSettingsPanel::read() const {
    ChatSettingsInput::Text text;
    text.instructions = m_ui->instructionsPlainTextEdit->toPlainText();
    text.temperature = m_ui->temperatureLineEdit->text();
    text.topP = m_ui->topPLineEdit->text();
    text.maxTokens = m_ui->maxTokensLineEdit->text();
    text.randomSeed = m_ui->randomSeedLineEdit->text();
    text.responseFormat =
        ChatSettings::ResponseFormat(m_ui->responseFormatComboBox->currentData().toInt());
    text.schemaName = m_ui->schemaNameLineEdit->text();
    text.schema = m_ui->schemaPlainTextEdit->toPlainText();
    text.schemaStrict = m_ui->schemaStrictCheckBox->isChecked();
    text.reasoningEffort = m_ui->reasoningEffortComboBox->currentData().toString();
    text.reasoningPromptMode = m_ui->reasoningPromptModeCheckBox->isChecked();
    return ChatSettingsInput::read(text);
}

QStringList ChatSettingsPanel::problems() const {
    QStringList sentences;
    for (const auto &problem : read().problems)
        sentences.append(problem.sentence);
    return sentences;
}

void ChatSettingsPanel::setAgent(const QString &agentName) {
    m_agentName = agentName;
    updateAvailability();
}

void ChatSettingsPanel::focusFirstField() {
    QWidget *first = m_ui->instructionsPlainTextEdit->isEnabled()
                         ? static_cast<QWidget *>(m_ui->instructionsPlainTextEdit)
                         : static_cast<QWidget *>(m_ui->maxTokensLineEdit);
    first->setFocus(Qt::OtherFocusReason);
}

void ChatSettingsPanel::setReasoningAvailable(bool available) {
    m_reasoningAvailable = available;
    updateAvailability();
}

void ChatSettingsPanel::onEdited() {
    if (m_filling)
        return;
    updateFormatFields();
    const ChatSettingsInput::Result result = read();
    showProblems(result);
    Q_EMIT edited(result);
}

void ChatSettingsPanel::showProblems(const ChatSettingsInput::Result &result) {
    using Field = ChatSettingsInput::Field;
    const QList<std::pair<Field, QWidget *>> fields{
        {Field::Temperature, m_ui->temperatureLineEdit},
        {Field::TopP, m_ui->topPLineEdit},
        {Field::MaxTokens, m_ui->maxTokensLineEdit},
        {Field::RandomSeed, m_ui->randomSeedLineEdit},
        {Field::SchemaName, m_ui->schemaNameLineEdit},
        {Field::Schema, m_ui->schemaPlainTextEdit},
    };
    QStringList sentences;
    for (const auto &[field, widget] : fields) {
        QString sentence;
        for (const auto &problem : result.problems) {
            if (problem.field == field)
                sentence = problem.sentence;
        }
        // Screen readers read the problem with the field.
        widget->setAccessibleDescription(sentence);
        widget->setProperty("invalid", !sentence.isEmpty());
        if (!sentence.isEmpty())
            sentences.append(sentence);
    }
    m_ui->problemsLabel->setText(sentences.join(u'\n'));
    m_ui->problemsLabel->setVisible(!sentences.isEmpty());
    StatusColors::paint(m_ui->problemsLabel, StatusColors::Kind::Error, palette());
}

void ChatSettingsPanel::updateFormatFields() {
    m_ui->schemaGroupBox->setVisible(m_ui->responseFormatComboBox->currentData().toInt()
                                     == int(ChatSettings::ResponseFormat::JsonSchema));
}

void ChatSettingsPanel::updateAvailability() {
    const bool agent = !m_agentName.isEmpty();
    m_ui->agentNoteLabel->setVisible(agent);
    m_ui->agentNoteLabel->setText(
        tr("This chat talks to the agent “%1”: its own instructions, temperature and top P "
           "apply. The other settings are sent with each message.")
            .arg(m_agentName));
    const QString agentReason =
        tr("An agent request cannot carry this: the agent “%1” uses its own (change it in the "
           "agent’s editor).")
            .arg(m_agentName);
    for (QWidget *widget : {static_cast<QWidget *>(m_ui->instructionsPlainTextEdit),
                            static_cast<QWidget *>(m_ui->temperatureLineEdit),
                            static_cast<QWidget *>(m_ui->topPLineEdit)}) {
        widget->setEnabled(!agent);
        widget->setToolTip(agent ? agentReason : QString());
    }
    m_ui->temperatureLineEdit->setToolTip(
        agent ? agentReason
              : tr("Higher is more varied, lower more focused (0 to 1.5); empty for the "
                   "model’s default"));
    m_ui->topPLineEdit->setToolTip(agent ? agentReason
                                         : tr("Only the most likely tokens whose probabilities "
                                              "add up to this are considered (0 to 1)"));
    // An agent's model is not known here: its reasoning options stay available.
    const bool reasoning = agent || m_reasoningAvailable;
    m_ui->reasoningGroupBox->setEnabled(reasoning);
    m_ui->reasoningGroupBox->setToolTip(
        reasoning ? QString()
                  : tr("The chosen model does not reason: these options apply to reasoning "
                       "models only."));
}

void ChatSettingsPanel::nameChoices() {
    const QStringList formats{tr("Text"), tr("JSON object"), tr("JSON following a schema")};
    for (int i = 0; i < formats.size(); ++i)
        m_ui->responseFormatComboBox->setItemText(i, formats.at(i));
    const QStringList efforts{tr("Model default"), tr("None"), tr("Minimal"),   tr("Low"),
                              tr("Medium"),        tr("High"), tr("Extra high")};
    for (int i = 0; i < efforts.size(); ++i)
        m_ui->reasoningEffortComboBox->setItemText(i, efforts.at(i));
}

void ChatSettingsPanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        StatusColors::paint(m_ui->problemsLabel, StatusColors::Kind::Error, palette());
    if (event->type() == QEvent::LanguageChange) {
        // retranslateUi() leaves the choices added in code and the texts set from state.
        m_ui->retranslateUi(this);
        nameChoices();
        updateFormatFields();
        updateAvailability();
    }
}

} // namespace Tramontane
