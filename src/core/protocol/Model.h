// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tramontane {

//! What a model can do (`ModelCapabilities`; every flag defaults to false).
struct ModelCapabilities {
    bool completionChat = false;
    bool functionCalling = false;
    bool reasoning = false;
    bool completionFim = false;
    bool fineTuning = false;
    bool vision = false;
    bool ocr = false;
    bool classification = false;
    bool moderation = false;
    bool audio = false;
    bool audioTranscription = false;
    bool audioTranscriptionRealtime = false;
    bool audioSpeech = false;
    bool unifiedResources = false;
    //! The object as received, so capabilities added later are not lost.
    QJsonObject raw;

    static ModelCapabilities fromJson(const QJsonObject &json);
    //! `raw` with the known flags as currently set.
    QJsonObject toJson() const;
};

//! One model of `GET /v1/models` (`BaseModelCard`, or `FTModelCard` when type is
//! "fine-tuned").
struct ModelCard {
    QString id;
    QString object = QStringLiteral("model");
    std::optional<qint64> created;
    QString ownedBy = QStringLiteral("mistralai");
    ModelCapabilities capabilities;
    std::optional<QString> name;
    std::optional<QString> description;
    qint64 maxContextLength = 32768;
    QStringList aliases;
    QDateTime deprecation; //!< Invalid when not deprecated.
    std::optional<QString> deprecationReplacementModel;
    std::optional<double> defaultModelTemperature;
    bool internal = false;
    std::optional<QString> billingModelName; //!< In SDK 2.7.0, not in the published spec.
    QString type = QStringLiteral("base");   //!< "base" or "fine-tuned"
    // Fine-tuned models only:
    QString job;
    QString root;
    bool archived = false;

    static ModelCard fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    bool isFineTuned() const { return type == QLatin1StringView("fine-tuned"); }
    //! The name when there is one, else the id.
    QString displayName() const;
    //! True when \a modelId is this model's id or one of its aliases.
    bool matches(const QString &modelId) const;
};

//! `{"object":"list","data":[ModelCard…]}`.
struct ModelList {
    QList<ModelCard> data;

    //! Items that are not objects, or have no id, are skipped.
    static ModelList fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    //! The models usable for chat (capabilities.completion_chat), in order.
    QList<ModelCard> chatModels() const;
    //! The model with this id or alias.
    std::optional<ModelCard> find(const QString &modelId) const;
};

} // namespace Tramontane
