// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AgentEditorDialog.h"
#include "ui_AgentEditorDialog.h"

#include "core/Logging.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiJob.h"
#include "core/services/AgentService.h"
#include "core/services/ToolCredentials.h"
#include "models/ErrorPresenter.h"
#include "models/LibraryList.h"
#include "models/Roles.h"
#include "models/ToolChoiceModel.h"
#include "ui/LibraryChecklist.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// Reads a number field: empty is unset; \a ok is false for text that is not a number.
std::optional<double> readDouble(const QString &text, bool *ok) {
    const QString t = text.trimmed();
    *ok = true;
    if (t.isEmpty())
        return std::nullopt;
    double value = QLocale().toDouble(t, ok);
    if (!*ok)
        value = QLocale::c().toDouble(t, ok);
    return *ok ? std::optional(value) : std::nullopt;
}

std::optional<qint64> readInteger(const QString &text, bool *ok) {
    const QString t = text.trimmed();
    *ok = true;
    if (t.isEmpty())
        return std::nullopt;
    qint64 value = QLocale().toLongLong(t, ok);
    if (!*ok)
        value = QLocale::c().toLongLong(t, ok);
    return *ok ? std::optional(value) : std::nullopt;
}

QString numberText(std::optional<double> value) {
    return value ? QLocale().toString(*value, 'g', 12) : QString();
}

QString integerText(std::optional<qint64> value) {
    return value ? QString::number(*value) : QString();
}

void selectData(QComboBox *combo, const QString &data) {
    const int index = combo->findData(data);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

AgentEditorDialog::AgentEditorDialog(AgentService *agents, SecretStore *secrets, QWidget *parent)
    : FormDialog(parent)
    , m_ui(std::make_unique<Ui::AgentEditorDialog>())
    , m_agents(agents)
    , m_secrets(secrets)
    , m_tools(new ToolChoiceModel(this))
    , m_libraries(new LibraryChecklist(this)) {
    m_ui->setupUi(this);
    m_ui->libraryLayout->setWidget(0, QFormLayout::FieldRole, m_libraries);
    m_ui->librariesLabel->setBuddy(m_libraries);
    setTabOrder(m_ui->toolsListView, m_libraries->listWidget());
    m_ui->toolsListView->setModel(m_tools);

    m_ui->toolChoiceComboBox->addItem(tr("Server default (auto)"), QString());
    m_ui->toolChoiceComboBox->addItem(tr("auto: the model decides"), u"auto"_s);
    m_ui->toolChoiceComboBox->addItem(tr("none: never call a tool"), u"none"_s);
    m_ui->toolChoiceComboBox->addItem(tr("any: must call a tool"), u"any"_s);
    m_ui->toolChoiceComboBox->addItem(tr("required: must call a tool"), u"required"_s);
    m_ui->responseFormatComboBox->addItem(tr("Server default (text)"), QString());
    m_ui->responseFormatComboBox->addItem(tr("Text"), u"text"_s);
    m_ui->responseFormatComboBox->addItem(tr("JSON object"), u"json_object"_s);
    m_ui->responseFormatComboBox->addItem(tr("JSON following a schema"), u"json_schema"_s);
    m_ui->credentialTypeComboBox->addItem(tr("Nothing: the connector's own authorization"),
                                          QString());
    m_ui->credentialTypeComboBox->addItem(tr("An OAuth2 access token"), u"oauth2-token"_s);
    m_ui->credentialTypeComboBox->addItem(tr("An API key"), u"api-key"_s);

    m_ui->topPLineEdit->setPlaceholderText(tr("Server default"));
    m_ui->maxTokensLineEdit->setPlaceholderText(tr("No limit (server default)"));
    m_ui->randomSeedLineEdit->setPlaceholderText(tr("Random (server default)"));
    m_ui->schemaPlainTextEdit->setPlaceholderText(
        u"{\n  \"type\": \"object\",\n  \"properties\": {\"answer\": {\"type\": \"string\"}},\n"
        "  \"required\": [\"answer\"]\n}"_s);
    m_ui->schemaPlainTextEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->instructionsPlainTextEdit->setMinimumHeight(240);

    addErrorLabels({m_ui->nameErrorLabel, m_ui->descriptionErrorLabel, m_ui->modelErrorLabel,
                    m_ui->versionMessageErrorLabel, m_ui->instructionsErrorLabel,
                    m_ui->toolsErrorLabel, m_ui->advancedErrorLabel, m_ui->handoffsErrorLabel,
                    m_ui->generalErrorLabel});
    setStatusLabel(m_ui->statusLabel);
    setBusyWidgets({m_ui->saveAgentPushButton});
    mapFieldErrors();

    connect(m_ui->saveAgentPushButton, &QPushButton::clicked, this, &AgentEditorDialog::save);
    connect(m_ui->cancelPushButton, &QPushButton::clicked, this, &AgentEditorDialog::reject);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &AgentEditorDialog::save);

    connect(m_ui->modelComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_modelId = m_ui->modelComboBox->currentData().toString();
        m_ui->modelErrorLabel->hide();
        updateModelHints();
    });
    connect(m_ui->nameLineEdit, &QLineEdit::textEdited, m_ui->nameErrorLabel, &QWidget::hide);
    connect(m_ui->responseFormatComboBox, &QComboBox::currentIndexChanged, this,
            &AgentEditorDialog::updateSchemaWidgets);
    connect(m_ui->toolsListView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] {
                updateCredentialWidgets();
                updateLibraryWidgets();
            });
    connect(m_tools, &QAbstractItemModel::modelReset, this, [this] {
        updateCredentialWidgets();
        updateLibraryWidgets();
    });
    connect(m_tools, &ToolChoiceModel::selectionChanged, this,
            &AgentEditorDialog::updateLibraryWidgets);
    connect(m_libraries, &LibraryChecklist::chosenIdsEdited, this, [this](const QStringList &ids) {
        const int row = m_tools->rowOfBuiltIn(Tool::Type::DocumentLibrary);
        if (row < 0)
            return;
        m_tools->setData(m_tools->index(row), ids, Roles::ToolLibraryIdsRole);
        // Checking a library means using the document library tool.
        if (!m_tools->isChecked(row) && !ids.isEmpty())
            m_tools->setChecked(row, true);
        m_ui->toolsErrorLabel->hide();
    });
    connect(m_ui->credentialTypeComboBox, &QComboBox::currentIndexChanged, this,
            &AgentEditorDialog::onCredentialEdited);
    connect(m_ui->credentialValueLineEdit, &QLineEdit::textEdited, this,
            &AgentEditorDialog::onCredentialEdited);

    newAgent();
}

AgentEditorDialog::~AgentEditorDialog() = default;

// --- Reference data -----------------------------------------------------------------------

void AgentEditorDialog::setLibraryList(LibraryList *list) {
    m_libraryList = list;
    m_libraries->setList(list);
    if (list)
        list->refresh();
}

void AgentEditorDialog::setModels(const QList<ModelCard> &models) {
    const bool pristine = !hasUnsavedChanges();
    m_models = models;
    populateModels();
    markPristineIfUnchanged(pristine);
}

void AgentEditorDialog::setConnectors(const QList<Connector> &connectors) {
    const bool pristine = !hasUnsavedChanges();
    m_connectors = connectors;
    m_tools->setConnectors(connectors);
    readStoredCredentials();
    markPristineIfUnchanged(pristine);
}

void AgentEditorDialog::setOtherAgents(const QList<Agent> &agents) {
    const bool pristine = !hasUnsavedChanges();
    const QStringList checked = checkedHandoffs();
    m_otherAgents = agents;
    populateHandoffs(checked);
    markPristineIfUnchanged(pristine);
}

void AgentEditorDialog::markPristineIfUnchanged(bool wasPristine) {
    // Reference data arriving (a default model chosen, say) is no edit of the user's.
    if (wasPristine)
        m_loadedState = formState();
}

void AgentEditorDialog::populateModels() {
    QComboBox *combo = m_ui->modelComboBox;
    const QSignalBlocker blocker(combo);
    combo->clear();
    QStringList ids;
    for (const ModelCard &card : std::as_const(m_models)) {
        if (!card.capabilities.completionChat || ids.contains(card.id))
            continue;
        ids.append(card.id);
        combo->addItem(card.id, card.id);
        QStringList tip;
        if (card.name && *card.name != card.id)
            tip << *card.name;
        if (card.description)
            tip << *card.description;
        combo->setItemData(combo->count() - 1, tip.join(u'\n'), Qt::ToolTipRole);
    }
    if (m_modelId.isEmpty() && !ids.isEmpty() && !isEditing()) {
        // The default for a new agent: the small model when the account has it.
        m_modelId =
            ids.contains(u"mistral-small-latest"_s) ? u"mistral-small-latest"_s : ids.constFirst();
    }
    if (!m_modelId.isEmpty() && !ids.contains(m_modelId)) {
        bool alias = false;
        for (const ModelCard &card : std::as_const(m_models))
            alias = alias || card.matches(m_modelId);
        combo->addItem(m_models.isEmpty() ? m_modelId
                       : alias            ? m_modelId
                                          : tr("%1 (not among your models)").arg(m_modelId),
                       m_modelId);
    }
    if (combo->count() == 0)
        combo->addItem(tr("Loading models…"), QString());
    combo->setCurrentIndex(qMax(0, combo->findData(m_modelId)));
    updateModelHints();
}

void AgentEditorDialog::updateModelHints() {
    std::optional<ModelCard> card;
    for (const ModelCard &c : std::as_const(m_models)) {
        if (c.matches(m_modelId)) {
            card = c;
            break;
        }
    }
    if (card && card->defaultModelTemperature) {
        m_ui->temperatureLineEdit->setPlaceholderText(
            tr("Model default: %1").arg(QLocale().toString(*card->defaultModelTemperature)));
    } else {
        m_ui->temperatureLineEdit->setPlaceholderText(tr("Server default"));
    }
    QStringList info;
    if (card) {
        info << tr("Context: %1 tokens").arg(QLocale().toString(card->maxContextLength));
        if (card->capabilities.functionCalling)
            info << tr("tools");
        if (card->capabilities.vision)
            info << tr("vision");
        if (card->capabilities.reasoning)
            info << tr("reasoning");
        if (card->deprecation.isValid())
            info << tr("deprecated on %1")
                        .arg(QLocale().toString(card->deprecation.date(), QLocale::ShortFormat));
    }
    m_ui->modelInfoLabel->setText(info.join(u" · "_s));
    m_ui->modelInfoLabel->setVisible(!info.isEmpty());
}

void AgentEditorDialog::populateHandoffs(const QStringList &checkedIds) {
    QListWidget *list = m_ui->handoffsListWidget;
    list->clear();
    QStringList known;
    for (const Agent &agent : std::as_const(m_otherAgents)) {
        if (agent.id == m_baseline.id || known.contains(agent.id))
            continue;
        known.append(agent.id);
        auto *item = new QListWidgetItem(agent.name, list);
        item->setData(Qt::UserRole, agent.id);
        item->setToolTip(agent.description.value_or(agent.model));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checkedIds.contains(agent.id) ? Qt::Checked : Qt::Unchecked);
    }
    for (const QString &id : checkedIds) {
        if (known.contains(id))
            continue;
        auto *item = new QListWidgetItem(tr("%1 (unknown agent)").arg(id), list);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_ui->handoffsHintLabel->setText(
        list->count() == 0 ? tr("There are no other agents to hand the conversation over to yet.")
                           : tr("Agents this agent may hand the conversation over to."));
}

QStringList AgentEditorDialog::checkedHandoffs() const {
    QStringList ids;
    for (int i = 0; i < m_ui->handoffsListWidget->count(); ++i) {
        const QListWidgetItem *item = m_ui->handoffsListWidget->item(i);
        if (item->checkState() == Qt::Checked)
            ids.append(item->data(Qt::UserRole).toString());
    }
    return ids;
}

// --- Credentials --------------------------------------------------------------------------

void AgentEditorDialog::readStoredCredentials() {
    if (!m_secrets)
        return;
    for (const Connector &connector : std::as_const(m_connectors)) {
        const QString id = connector.id;
        if (!m_credentials.contains(id))
            m_credentials.insert(id, Credential());
        auto refresh = [this, id] {
            const Credential &c = m_credentials[id];
            const bool typed = c.edited && !c.type.isEmpty() && !c.value.isEmpty();
            const bool removed = c.edited && c.type.isEmpty();
            m_tools->setHasCredential(id, typed || (!removed && c.stored) || c.signedIn);
            updateCredentialWidgets();
        };
        m_secrets->read(ToolCredentials::entry(id), this,
                        [this, id, refresh](const SecretStore::Result &result) {
                            Credential &c = m_credentials[id];
                            const auto stored =
                                result.ok && result.value
                                    ? ToolCredentials::parseStored(*result.value, false)
                                    : std::nullopt;
                            c.stored = stored.has_value();
                            c.storedType = stored ? stored->type : QString();
                            refresh();
                        });
        m_secrets->read(SecretStore::oauthTokenEntry(id), this,
                        [this, id, refresh](const SecretStore::Result &result) {
                            m_credentials[id].signedIn =
                                result.ok && result.value && !result.value->isEmpty();
                            refresh();
                        });
    }
}

void AgentEditorDialog::updateCredentialWidgets() {
    const int row = m_ui->toolsListView->currentIndex().row();
    const std::optional<Connector> connector = m_tools->connectorAt(row);
    QGroupBox *box = m_ui->credentialGroupBox;
    const QSignalBlocker typeBlocker(m_ui->credentialTypeComboBox);
    const QSignalBlocker valueBlocker(m_ui->credentialValueLineEdit);
    if (!connector) {
        box->setTitle(tr("Credential"));
        m_ui->credentialHintLabel->setText(
            tr("Select a connector in the list to give the credential its tools are called "
               "with."));
        m_ui->credentialTypeComboBox->setCurrentIndex(0);
        m_ui->credentialValueLineEdit->clear();
        m_ui->credentialTypeComboBox->setEnabled(false);
        m_ui->credentialValueLineEdit->setEnabled(false);
        return;
    }
    const Credential c = m_credentials.value(connector->id);
    box->setTitle(tr("Credential for %1").arg(connector->displayName()));
    QStringList hint;
    if (ToolChoiceModel::connectorNeedsAuthorization(*connector))
        hint << tr("This connector needs a credential for its tools.");
    if (c.signedIn)
        hint << tr("You are signed in to it: that token is sent unless you give another one.");
    hint << tr("A credential is kept in the system keychain and sent with each chat request, "
               "never stored in the agent.");
    m_ui->credentialHintLabel->setText(hint.join(u' '));
    const QString type = c.edited ? c.type : c.storedType;
    selectData(m_ui->credentialTypeComboBox, type);
    m_ui->credentialValueLineEdit->setText(c.edited ? c.value : QString());
    m_ui->credentialValueLineEdit->setPlaceholderText(
        c.stored && type == c.storedType && !type.isEmpty()
            ? tr("Stored in the keychain; type a new value to replace it")
            : tr("Paste the token or the key"));
    m_ui->credentialTypeComboBox->setEnabled(true);
    m_ui->credentialValueLineEdit->setEnabled(!type.isEmpty());
}

void AgentEditorDialog::onCredentialEdited() {
    const std::optional<Connector> connector =
        m_tools->connectorAt(m_ui->toolsListView->currentIndex().row());
    if (!connector)
        return;
    Credential &c = m_credentials[connector->id];
    c.edited = true;
    c.type = m_ui->credentialTypeComboBox->currentData().toString();
    c.value = c.type.isEmpty() ? QString() : m_ui->credentialValueLineEdit->text().trimmed();
    if (c.type.isEmpty())
        m_ui->credentialValueLineEdit->clear();
    m_ui->credentialValueLineEdit->setEnabled(!c.type.isEmpty());
    const bool typed = !c.type.isEmpty() && (!c.value.isEmpty() || c.stored);
    m_tools->setHasCredential(connector->id, typed || c.signedIn);
    m_ui->toolsErrorLabel->hide();
}

void AgentEditorDialog::updateLibraryWidgets() {
    const int row = m_tools->rowOfBuiltIn(Tool::Type::DocumentLibrary);
    m_ui->librariesLabel->setVisible(row >= 0);
    m_libraries->setVisible(row >= 0);
    if (row < 0)
        return;
    const QStringList ids = m_tools->toolAt(row).libraryIds;
    if (ids != m_libraries->chosenIds())
        m_libraries->setChosenIds(ids);
}

void AgentEditorDialog::updateSchemaWidgets() {
    const bool schema = m_ui->responseFormatComboBox->currentData().toString() == "json_schema"_L1;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->schemaNameLabel),
                       static_cast<QWidget *>(m_ui->schemaNameLineEdit),
                       static_cast<QWidget *>(m_ui->schemaStrictCheckBox),
                       static_cast<QWidget *>(m_ui->schemaLabel),
                       static_cast<QWidget *>(m_ui->schemaPlainTextEdit)})
        w->setEnabled(schema);
}

// --- Loading ------------------------------------------------------------------------------

void AgentEditorDialog::newAgent() {
    load(Agent());
}

void AgentEditorDialog::editAgent(const Agent &agent) {
    load(agent);
}

void AgentEditorDialog::load(const Agent &agent) {
    m_baseline = agent;
    m_modelId = agent.model;
    setState(State::Editing);
    clearErrors();

    setWindowTitle(isEditing() ? tr("Edit Agent: %1").arg(agent.name) : tr("New Agent"));
    m_ui->saveAgentPushButton->setText(isEditing() ? tr("&Save") : tr("&Create"));
    m_ui->versionHintLabel->setVisible(isEditing());
    m_ui->nameLineEdit->setText(agent.name);
    m_ui->descriptionLineEdit->setText(agent.description.value_or(QString()));
    m_ui->versionMessageLineEdit->clear();
    m_ui->instructionsPlainTextEdit->setPlainText(agent.instructions.value_or(QString()));
    m_tools->setSelection(agent.tools);
    m_libraries->setChosenIds({});
    updateLibraryWidgets();
    if (m_libraryList)
        m_libraryList->refresh();
    for (Credential &c : m_credentials) {
        c.edited = false;
        c.type.clear();
        c.value.clear();
    }

    const CompletionArgs &args = agent.completionArgs;
    m_ui->temperatureLineEdit->setText(numberText(args.temperature));
    m_ui->topPLineEdit->setText(numberText(args.topP));
    m_ui->maxTokensLineEdit->setText(integerText(args.maxTokens));
    m_ui->randomSeedLineEdit->setText(integerText(args.randomSeed));
    selectData(m_ui->toolChoiceComboBox, args.toolChoice.value_or(QString()));
    QString format;
    QJsonObject schema;
    if (args.responseFormat) {
        format = args.responseFormat->value("type"_L1).toString(u"text"_s);
        schema = args.responseFormat->value("json_schema"_L1).toObject();
    }
    selectData(m_ui->responseFormatComboBox, format);
    m_ui->schemaNameLineEdit->setText(schema.value("name"_L1).toString());
    m_ui->schemaStrictCheckBox->setChecked(schema.value("strict"_L1).toBool());
    const QJsonValue schemaBody = schema.value("schema"_L1);
    m_ui->schemaPlainTextEdit->setPlainText(
        schemaBody.isObject()
            ? QString::fromUtf8(
                  QJsonDocument(schemaBody.toObject()).toJson(QJsonDocument::Indented))
                  .trimmed()
            : QString());
    updateSchemaWidgets();

    populateHandoffs(agent.handoffs.value_or(QStringList()));
    populateModels();
    readStoredCredentials();
    updateCredentialWidgets();

    m_ui->editorTabWidget->setCurrentIndex(0);
    m_ui->nameLineEdit->setFocus();
    m_loadedState = formState();
}

// --- Form state ---------------------------------------------------------------------------

QJsonObject AgentEditorDialog::formState() const {
    QJsonObject credentials;
    for (auto it = m_credentials.cbegin(); it != m_credentials.cend(); ++it) {
        if (it->edited && (it->type != it->storedType || !it->value.isEmpty()))
            credentials.insert(it.key(), QJsonArray{it->type, it->value});
    }
    QStringList handoffs = checkedHandoffs();
    handoffs.sort();
    return {
        {u"name"_s, m_ui->nameLineEdit->text()},
        {u"description"_s, m_ui->descriptionLineEdit->text()},
        {u"model"_s, m_modelId},
        {u"versionMessage"_s, m_ui->versionMessageLineEdit->text()},
        {u"instructions"_s, m_ui->instructionsPlainTextEdit->toPlainText()},
        {u"tools"_s, toolsToJson(m_tools->selection())},
        {u"temperature"_s, m_ui->temperatureLineEdit->text().trimmed()},
        {u"topP"_s, m_ui->topPLineEdit->text().trimmed()},
        {u"maxTokens"_s, m_ui->maxTokensLineEdit->text().trimmed()},
        {u"randomSeed"_s, m_ui->randomSeedLineEdit->text().trimmed()},
        {u"toolChoice"_s, m_ui->toolChoiceComboBox->currentData().toString()},
        {u"responseFormat"_s, m_ui->responseFormatComboBox->currentData().toString()},
        {u"schemaName"_s, m_ui->schemaNameLineEdit->text()},
        {u"schemaStrict"_s, m_ui->schemaStrictCheckBox->isChecked()},
        {u"schema"_s, m_ui->schemaPlainTextEdit->toPlainText()},
        {u"handoffs"_s, QJsonArray::fromStringList(handoffs)},
        {u"credentials"_s, credentials},
    };
}

bool AgentEditorDialog::hasUnsavedChanges() const {
    return formState() != m_loadedState;
}

Agent AgentEditorDialog::formAgent() const {
    return buildAgent(nullptr);
}

Agent AgentEditorDialog::buildAgent(QList<Problem> *problems) const {
    auto problem = [problems](Field field, const QString &message, QWidget *focus) {
        if (problems)
            problems->append({field, message, focus});
    };
    const QJsonObject state = formState();
    auto unchanged = [&](const QString &key) {
        return state.value(key) == m_loadedState.value(key);
    };

    Agent agent = m_baseline;
    agent.name = m_ui->nameLineEdit->text().trimmed();
    if (agent.name.isEmpty())
        problem(Field::Name, tr("Give the agent a name."), m_ui->nameLineEdit);
    const QString description = m_ui->descriptionLineEdit->text().trimmed();
    agent.description = description.isEmpty() ? std::nullopt : std::optional(description);
    agent.model = m_modelId;
    if (agent.model.isEmpty())
        problem(Field::Model, tr("Choose a model."), m_ui->modelComboBox);
    const QString instructions = m_ui->instructionsPlainTextEdit->toPlainText();
    agent.instructions =
        instructions.trimmed().isEmpty() ? std::nullopt : std::optional(instructions);

    agent.tools = m_tools->selection();
    for (const Tool &tool : std::as_const(agent.tools)) {
        if (tool.type == Tool::Type::DocumentLibrary && tool.libraryIds.isEmpty())
            problem(Field::Tools, tr("Name at least one document library, or uncheck it."),
                    m_libraries);
    }
    for (auto it = m_credentials.cbegin(); it != m_credentials.cend(); ++it) {
        if (it->edited && !it->type.isEmpty() && it->value.isEmpty()
            && !(it->stored && it->storedType == it->type)) {
            QString name = it.key();
            for (const Connector &c : m_connectors) {
                if (c.id == it.key())
                    name = c.displayName();
            }
            problem(Field::Tools,
                    tr("Type the credential for %1, or choose to send nothing.").arg(name),
                    m_ui->credentialValueLineEdit);
        }
    }

    // Completion arguments: an unchanged field keeps the server's value exactly.
    CompletionArgs &args = agent.completionArgs;
    auto readNumber = [&](const char *key, QLineEdit *edit, std::optional<double> &target,
                          double min, double max, const QString &what) {
        if (unchanged(QLatin1StringView(key)))
            return;
        bool ok = false;
        const std::optional<double> value = readDouble(edit->text(), &ok);
        if (!ok || (value && (*value < min || *value > max))) {
            problem(Field::Advanced,
                    tr("%1 must be a number from %2 to %3.")
                        .arg(what, QLocale().toString(min), QLocale().toString(max)),
                    edit);
            return;
        }
        target = value;
    };
    auto readWhole = [&](const char *key, QLineEdit *edit, std::optional<qint64> &target,
                         const QString &what) {
        if (unchanged(QLatin1StringView(key)))
            return;
        bool ok = false;
        const std::optional<qint64> value = readInteger(edit->text(), &ok);
        if (!ok || (value && *value < 0)) {
            problem(Field::Advanced, tr("%1 must be a whole number, 0 or more.").arg(what), edit);
            return;
        }
        target = value;
    };
    readNumber("temperature", m_ui->temperatureLineEdit, args.temperature, 0.0, 1.5,
               tr("The temperature"));
    readNumber("topP", m_ui->topPLineEdit, args.topP, 0.0, 1.0, tr("Top p"));
    readWhole("maxTokens", m_ui->maxTokensLineEdit, args.maxTokens, tr("Max tokens"));
    readWhole("randomSeed", m_ui->randomSeedLineEdit, args.randomSeed, tr("The random seed"));
    if (!unchanged(u"toolChoice"_s)) {
        const QString choice = m_ui->toolChoiceComboBox->currentData().toString();
        args.toolChoice = choice.isEmpty() ? std::nullopt : std::optional(choice);
    }
    const bool formatUnchanged = unchanged(u"responseFormat"_s) && unchanged(u"schemaName"_s)
                                 && unchanged(u"schemaStrict"_s) && unchanged(u"schema"_s);
    if (!formatUnchanged) {
        const QString format = m_ui->responseFormatComboBox->currentData().toString();
        if (format.isEmpty()) {
            args.responseFormat.reset();
        } else if (format != "json_schema"_L1) {
            args.responseFormat = QJsonObject{{u"type"_s, format}};
        } else {
            QJsonObject jsonSchema;
            const QString name = m_ui->schemaNameLineEdit->text().trimmed();
            if (name.isEmpty())
                problem(Field::Advanced, tr("Give the schema a name."), m_ui->schemaNameLineEdit);
            jsonSchema.insert(u"name"_s, name);
            QJsonParseError error;
            const QJsonDocument doc =
                QJsonDocument::fromJson(m_ui->schemaPlainTextEdit->toPlainText().toUtf8(), &error);
            if (error.error != QJsonParseError::NoError) {
                problem(Field::Advanced,
                        tr("The schema is not valid JSON: %1 (at character %2).")
                            .arg(error.errorString())
                            .arg(error.offset),
                        m_ui->schemaPlainTextEdit);
            } else if (!doc.isObject()) {
                problem(Field::Advanced, tr("The schema must be a JSON object."),
                        m_ui->schemaPlainTextEdit);
            }
            jsonSchema.insert(u"schema"_s, doc.object());
            jsonSchema.insert(u"strict"_s, m_ui->schemaStrictCheckBox->isChecked());
            // Keep a description written elsewhere (the form has no field for it).
            const QJsonValue oldDescription =
                m_baseline.completionArgs.responseFormat.value_or(QJsonObject())
                    .value("json_schema"_L1)
                    .toObject()
                    .value("description"_L1);
            if (oldDescription.isString())
                jsonSchema.insert(u"description"_s, oldDescription);
            args.responseFormat =
                QJsonObject{{u"type"_s, u"json_schema"_s}, {u"json_schema"_s, jsonSchema}};
        }
    }

    const QStringList handoffs = checkedHandoffs();
    if (!unchanged(u"handoffs"_s))
        agent.handoffs = handoffs.isEmpty() ? std::nullopt : std::optional(handoffs);
    return agent;
}

// --- Saving -------------------------------------------------------------------------------

void AgentEditorDialog::save() {
    if (isBusy())
        return;
    clearErrors();
    setState(State::Validating);
    QList<Problem> problems;
    const Agent after = buildAgent(&problems);
    if (!problems.isEmpty()) {
        for (const Problem &p : std::as_const(problems))
            showFieldError(p.field, p.message, p.focus);
        setState(State::Editing);
        return;
    }
    if (!m_agents) {
        showFieldError(Field::General, tr("Not connected: the agent cannot be saved."));
        setState(State::Editing);
        return;
    }
    setState(State::Applying);
    QList<QString> edited;
    for (auto it = m_credentials.cbegin(); it != m_credentials.cend(); ++it) {
        if (it->edited)
            edited.append(it.key());
    }
    storeCredentials(edited, [this, after] { submit(after); });
}

void AgentEditorDialog::storeCredentials(QList<QString> connectorIds, std::function<void()> then) {
    while (!connectorIds.isEmpty()) {
        const QString id = connectorIds.takeFirst();
        const Credential c = m_credentials.value(id);
        std::optional<ConnectorAuthorization> credential;
        if (!c.type.isEmpty() && !c.value.isEmpty())
            credential = ConnectorAuthorization{c.type, c.value};
        else if (!c.type.isEmpty() || !c.stored)
            continue; // the stored credential stays, or there is nothing to remove
        ToolCredentials::write(
            m_secrets, id, credential, this,
            [this, id, credential, connectorIds, then](bool ok, const QString &error) {
                if (!ok) {
                    setState(State::Failed);
                    showFieldError(Field::Tools,
                                   tr("The credential could not be stored: %1").arg(error),
                                   m_ui->credentialValueLineEdit);
                    return;
                }
                Credential &c = m_credentials[id];
                c.stored = credential.has_value();
                c.storedType = credential ? credential->type : QString();
                c.edited = false;
                c.type.clear();
                c.value.clear();
                m_loadedState.insert(u"credentials"_s, formState().value("credentials"_L1));
                updateCredentialWidgets();
                storeCredentials(connectorIds, then);
            });
        return;
    }
    then();
}

void AgentEditorDialog::submit(const Agent &after) {
    const QString versionMessage = m_ui->versionMessageLineEdit->text().trimmed();
    auto done = [this](const ServiceResult<Agent> &result) {
        if (!result.ok()) {
            setState(State::Failed);
            showApiError(result.error);
            failApply(result.error);
            return;
        }
        setState(State::Editing);
        finishSaved(*result.value);
    };
    if (!isEditing()) {
        AgentCreateRequest request;
        request.model = after.model;
        request.name = after.name;
        request.description = after.description;
        request.instructions = after.instructions;
        request.tools = after.tools;
        if (!after.completionArgs.isEmpty())
            request.completionArgs = after.completionArgs;
        request.handoffs = after.handoffs.value_or(QStringList());
        if (!versionMessage.isEmpty())
            request.versionMessage = versionMessage;
        m_job = m_agents->create(request, this, done);
        return;
    }
    AgentUpdateRequest request = AgentUpdateRequest::fromChanges(m_baseline, after);
    request.versionMessage.reset();
    if (request.isEmpty()) {
        // Only credentials changed (or nothing): no new version.
        setState(State::Editing);
        finishSaved(m_baseline);
        return;
    }
    if (!versionMessage.isEmpty())
        request.versionMessage = versionMessage;
    m_job = m_agents->update(m_baseline.id, request, this, done);
}

void AgentEditorDialog::finishSaved(const Agent &agent) {
    const bool changed =
        agent.id != m_baseline.id || agent.version != m_baseline.version || !isEditing();
    m_baseline = agent;
    m_loadedState = formState();
    if (changed)
        Q_EMIT agentSaved(agent);
    accept();
}

// --- Closing ------------------------------------------------------------------------------

bool AgentEditorDialog::confirmDiscardChanges() {
    if (isBusy())
        return false; // already on its way; the dialog closes once saved
    if (!hasUnsavedChanges())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved Changes"),
                    isEditing() ? tr("Save the changes to the agent “%1”?").arg(m_baseline.name)
                                : tr("Create the new agent?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(u"unsavedChangesMessageBox"_s);
    box.setInformativeText(tr("If you discard them, your changes are lost."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Discard:
        m_loadedState = formState();
        QDialog::reject();
        return true;
    case QMessageBox::Save:
        save();
        return false;
    default:
        return false;
    }
}

void AgentEditorDialog::reject() {
    if (confirmDiscardChanges())
        QDialog::reject();
}

// --- Errors -------------------------------------------------------------------------------

QLabel *AgentEditorDialog::errorLabel(Field field) const {
    switch (field) {
    case Field::Name:
        return m_ui->nameErrorLabel;
    case Field::Description:
        return m_ui->descriptionErrorLabel;
    case Field::Model:
        return m_ui->modelErrorLabel;
    case Field::VersionMessage:
        return m_ui->versionMessageErrorLabel;
    case Field::Instructions:
        return m_ui->instructionsErrorLabel;
    case Field::Tools:
        return m_ui->toolsErrorLabel;
    case Field::Advanced:
        return m_ui->advancedErrorLabel;
    case Field::Handoffs:
        return m_ui->handoffsErrorLabel;
    case Field::General:
        break;
    }
    return m_ui->generalErrorLabel;
}

void AgentEditorDialog::clearErrors() {
    clearErrorLabels();
    m_tools->clearErrors();
}

void AgentEditorDialog::showFieldError(Field field, const QString &message, QWidget *focus) {
    FormDialog::showFieldError(errorLabel(field), message, focus);
}

void AgentEditorDialog::mapFieldErrors() {
    FieldErrorMap &map = fieldErrors();
    map.add(u"name"_s, m_ui->nameErrorLabel, m_ui->nameLineEdit);
    map.add(u"description"_s, m_ui->descriptionErrorLabel, m_ui->descriptionLineEdit);
    map.add(u"model"_s, m_ui->modelErrorLabel, m_ui->modelComboBox);
    map.add(u"version_message"_s, m_ui->versionMessageErrorLabel, m_ui->versionMessageLineEdit);
    map.add(u"instructions"_s, m_ui->instructionsErrorLabel, m_ui->instructionsPlainTextEdit);
    map.add(u"tools"_s, m_ui->toolsErrorLabel, m_ui->toolsListView);
    map.add(u"completion_args"_s, m_ui->advancedErrorLabel, nullptr,
            [this](const QStringList &rest) -> QWidget * {
                const QString arg = rest.value(0);
                if (arg == "temperature"_L1)
                    return m_ui->temperatureLineEdit;
                if (arg == "top_p"_L1)
                    return m_ui->topPLineEdit;
                if (arg == "max_tokens"_L1)
                    return m_ui->maxTokensLineEdit;
                if (arg == "random_seed"_L1)
                    return m_ui->randomSeedLineEdit;
                if (arg == "tool_choice"_L1)
                    return m_ui->toolChoiceComboBox;
                if (arg == "response_format"_L1) {
                    return rest.value(1) == "json_schema"_L1
                               ? static_cast<QWidget *>(m_ui->schemaPlainTextEdit)
                               : m_ui->responseFormatComboBox;
                }
                return nullptr;
            });
    map.add(u"handoffs"_s, m_ui->handoffsErrorLabel, m_ui->handoffsListWidget);
}

void AgentEditorDialog::showApiError(const ApiError &error) {
    if (error.isCanceled())
        return;
    qCInfo(lcUi).noquote() << "agent not saved:" << error.toLogString();
    auto sentence = [](const ApiError &e, const QString &detail = {}) {
        QStringList parts{ErrorPresenter::title(e)};
        const QString said = detail.isEmpty() ? e.serverMessage() : detail;
        if (!said.isEmpty() && said != ErrorPresenter::title(e))
            parts << QCoreApplication::translate("AgentEditorDialog", "(The server said: %1)")
                         .arg(said);
        if (const QString hint = ErrorPresenter::hint(e); !hint.isEmpty())
            parts << hint;
        return parts.join(u' ');
    };
    const QString requestId =
        error.requestId().isEmpty() ? QString() : tr("Request id: %1").arg(error.requestId());
    auto withRequestId = [&](Field field) {
        errorLabel(field)->setToolTip(requestId);
    };
    const QString message = error.serverMessage();
    const QList<Tool> sent = formAgent().tools;

    if (error.httpStatus() == 409) {
        showFieldError(Field::Name, sentence(error), m_ui->nameLineEdit);
        withRequestId(Field::Name);
        m_ui->nameLineEdit->selectAll();
        return;
    }
    if (error.httpStatus() == 404) {
        const bool aboutConnector = message.contains("connector"_L1, Qt::CaseInsensitive);
        const bool hasConnectors = std::any_of(sent.cbegin(), sent.cend(), [](const Tool &t) {
            return t.type == Tool::Type::Connector;
        });
        if (aboutConnector || (hasConnectors && !isEditing())) {
            ApiError connectorError = error;
            connectorError.setContext(ApiError::Context::Connector);
            for (const Tool &tool : sent) {
                if (tool.type != Tool::Type::Connector)
                    continue;
                const int row = m_tools->rowOfConnector(tool.connectorId);
                const std::optional<Connector> c = m_tools->connectorAt(row);
                const bool named = message.contains(tool.connectorId, Qt::CaseInsensitive)
                                   || (c && message.contains(c->name));
                const bool missing =
                    m_tools->data(m_tools->index(row), Roles::ToolMissingRole).toBool();
                if (named || missing) {
                    m_tools->setRowError(row, ErrorPresenter::title(connectorError));
                }
            }
            showFieldError(Field::Tools, sentence(connectorError), m_ui->toolsListView);
            withRequestId(Field::Tools);
            return;
        }
    }
    if (error.httpStatus() == 422 && !error.fieldErrors().isEmpty()) {
        for (const FieldErrorMap::Placement &p : fieldErrors().place(error.fieldErrors())) {
            QLabel *label = p.field ? p.field->label : m_ui->generalErrorLabel;
            if (p.field && p.field->key == "tools"_L1) {
                // The tool the error is about, by its index in the request.
                bool ok = false;
                const int index = p.rest.value(0).toInt(&ok);
                if (ok && index >= 0 && index < sent.size()) {
                    const Tool &tool = sent.at(index);
                    const int row = tool.type == Tool::Type::Connector
                                        ? m_tools->rowOfConnector(tool.connectorId)
                                        : m_tools->rowOfBuiltIn(tool.type);
                    m_tools->setRowError(row, p.error.message);
                }
            }
            const QString where = p.rest.join(u'.');
            FormDialog::showFieldError(
                label, where.isEmpty() ? p.error.message : tr("%1: %2").arg(where, p.error.message),
                p.focus);
            label->setToolTip(requestId);
        }
        return;
    }
    if (error.httpStatus() == 400
        && (error.serverType().contains("model"_L1, Qt::CaseInsensitive)
            || message.contains("model"_L1, Qt::CaseInsensitive))) {
        showFieldError(Field::Model, sentence(error), m_ui->modelComboBox);
        withRequestId(Field::Model);
        return;
    }
    QString text = sentence(error);
    if (!error.fieldErrorText().isEmpty())
        text += u'\n' + error.fieldErrorText();
    if (!requestId.isEmpty())
        text += u'\n' + requestId;
    showFieldError(Field::General, text);
}

} // namespace Tramontane
