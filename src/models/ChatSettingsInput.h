// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatSettings.h"

#include <QList>
#include <QString>

//! The chat settings form's text, read into ChatSettings with one clear sentence per field
//! that cannot be used, and written back from them. Numbers are read in the user's locale or
//! with a dot; an empty field is unset (the API's default).
namespace Tramontane::ChatSettingsInput {

//! What the form's fields hold.
struct Text {
    QString instructions;
    QString temperature;
    QString topP;
    QString maxTokens;
    QString randomSeed;
    ChatSettings::ResponseFormat responseFormat = ChatSettings::ResponseFormat::Text;
    QString schemaName;
    QString schema;
    bool schemaStrict = false;
    QString reasoningEffort; //!< empty: the model's default
    bool reasoningPromptMode = false;
};

enum class Field { Temperature, TopP, MaxTokens, RandomSeed, SchemaName, Schema };

struct Problem {
    Field field;
    QString sentence;
};

struct Result {
    ChatSettings settings; //!< what could be read (the bad fields unset)
    QList<Problem> problems;
    bool ok() const { return problems.isEmpty(); }
};

//! The settings of \a text; the schema is checked only for the JSON schema format.
Result read(const Text &text);
//! The form's text for \a settings (the schema indented).
Text write(const ChatSettings &settings);

//! The ranges the API documents: temperature 0 to 1.5, top_p 0 to 1.
inline constexpr double maxTemperature = 1.5;

} // namespace Tramontane::ChatSettingsInput
