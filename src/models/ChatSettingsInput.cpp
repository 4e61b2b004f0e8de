// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChatSettingsInput.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane::ChatSettingsInput {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ChatSettingsInput", text);
}

std::optional<double> number(const QString &text) {
    bool ok = false;
    double value = QLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::optional<qint64> wholeNumber(const QString &text) {
    bool ok = false;
    qint64 value = QLocale().toLongLong(text, &ok);
    if (!ok)
        value = QLocale::c().toLongLong(text, &ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

//! Line and column (from 1) of \a offset in \a text.
std::pair<int, int> lineAndColumn(const QString &text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < qMin(offset, int(text.size())); ++i) {
        if (text.at(i) == u'\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

void readSchema(const Text &text, Result &result) {
    if (text.schemaName.trimmed().isEmpty())
        result.problems.append(
            {Field::SchemaName, tr("Give the JSON schema a name, such as “answer”.")});
    result.settings.schemaName = text.schemaName.trimmed();
    result.settings.schemaStrict = text.schemaStrict;
    if (text.schema.trimmed().isEmpty()) {
        result.problems.append(
            {Field::Schema, tr("Enter the JSON schema the answer must follow: a JSON object.")});
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.schema.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes: bring it back to characters.
        const int offset = int(QString::fromUtf8(text.schema.toUtf8().left(error.offset)).size());
        const auto [line, column] = lineAndColumn(text.schema, offset);
        result.problems.append(
            {Field::Schema, tr("The JSON schema is not valid JSON at line %1, column %2: %3.")
                                .arg(line)
                                .arg(column)
                                .arg(error.errorString())});
        return;
    }
    if (!doc.isObject()) {
        result.problems.append(
            {Field::Schema, tr("The JSON schema must be a JSON object, in braces { }.")});
        return;
    }
    result.settings.schema = doc.object();
}

} // namespace

Result read(const Text &text) {
    Result result;
    ChatSettings &s = result.settings;
    s.instructions = text.instructions.trimmed().isEmpty() ? QString() : text.instructions;
    if (!text.temperature.trimmed().isEmpty()) {
        const auto value = number(text.temperature.trimmed());
        if (value && *value >= 0 && *value <= maxTemperature)
            s.temperature = value;
        else
            result.problems.append(
                {Field::Temperature,
                 tr("Temperature must be a number from 0 to 1.5, or empty for the model’s "
                    "default.")});
    }
    if (!text.topP.trimmed().isEmpty()) {
        const auto value = number(text.topP.trimmed());
        if (value && *value >= 0 && *value <= 1)
            s.topP = value;
        else
            result.problems.append(
                {Field::TopP, tr("Top P must be a number from 0 to 1, or empty for the "
                                 "model’s default.")});
    }
    if (!text.maxTokens.trimmed().isEmpty()) {
        const auto value = wholeNumber(text.maxTokens.trimmed());
        if (value && *value > 0)
            s.maxTokens = value;
        else
            result.problems.append(
                {Field::MaxTokens, tr("Max tokens must be a whole number greater than 0, or "
                                      "empty for no limit.")});
    }
    if (!text.randomSeed.trimmed().isEmpty()) {
        const auto value = wholeNumber(text.randomSeed.trimmed());
        if (value && *value >= 0)
            s.randomSeed = value;
        else
            result.problems.append(
                {Field::RandomSeed,
                 tr("The random seed must be a whole number, 0 or more, or empty for a "
                    "random one.")});
    }
    s.responseFormat = text.responseFormat;
    if (s.responseFormat == ChatSettings::ResponseFormat::JsonSchema)
        readSchema(text, result);
    if (!text.reasoningEffort.isEmpty())
        s.reasoningEffort = text.reasoningEffort;
    s.reasoningPromptMode = text.reasoningPromptMode;
    return result;
}

Text write(const ChatSettings &s) {
    Text text;
    const QLocale locale;
    text.instructions = s.instructions;
    if (s.temperature)
        text.temperature = locale.toString(*s.temperature, 'g', 6);
    if (s.topP)
        text.topP = locale.toString(*s.topP, 'g', 6);
    if (s.maxTokens)
        text.maxTokens = QString::number(*s.maxTokens);
    if (s.randomSeed)
        text.randomSeed = QString::number(*s.randomSeed);
    text.responseFormat = s.responseFormat;
    text.schemaName = s.schemaName;
    if (s.responseFormat == ChatSettings::ResponseFormat::JsonSchema)
        text.schema = QString::fromUtf8(QJsonDocument(s.schema).toJson(QJsonDocument::Indented));
    text.schemaStrict = s.schemaStrict;
    text.reasoningEffort = s.reasoningEffort.value_or(QString());
    text.reasoningPromptMode = s.reasoningPromptMode;
    return text;
}

} // namespace Tramontane::ChatSettingsInput
