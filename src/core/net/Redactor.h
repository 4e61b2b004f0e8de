// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/HttpHeaders.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Tramontane {

//! The one place where secrets are taken out of anything that may be logged or shown as a
//! technical detail: header values, JSON bodies and free text. Every function is thread-safe
//! (the list of registered secrets is shared and guarded).
//!
//! What counts as sensitive:
//! - header and JSON field names: authorization, proxy-authorization, x-api-key, cookie,
//!   set-cookie, and any name containing token, secret, key, password, auth or credential
//!   (x-ratelimit-* headers excepted: they are counters), plus the connector fields `headers`,
//!   `global_headers` and `auth_data` whose values are credentials whatever their names;
//! - in free text: every registered secret value (addSecret), `Bearer`/`Basic` credentials,
//!   `name=value` query parameters with a sensitive name, `"name": "value"` JSON pairs and
//!   `Authorization: ...` header lines.
class Redactor final {
public:
    Redactor() = delete;

    //! The text that replaces a secret.
    static QString mask();

    //! True if a header or JSON field with this name holds a secret.
    static bool isSensitiveName(QStringView name);
    static bool isSensitiveName(QByteArrayView name);

    //! The value to log for header \a name: masked when the name is sensitive (an
    //! `Authorization` value keeps its scheme: "Bearer [redacted]"), else run through
    //! redactText() in case it carries a registered secret.
    static QByteArray redactHeaderValue(QByteArrayView name, QByteArrayView value);
    static RawHeaders redactHeaders(const RawHeaders &headers);

    //! A copy of \a value in which every string under a sensitive field name (recursively,
    //! e.g. `"authorization":{"type":"oauth2-token","value":"..."}`) is masked; other strings
    //! go through redactText(). Numbers, booleans and nulls are kept (`max_tokens` stays).
    static QJsonValue redactJson(const QJsonValue &value);
    static QJsonObject redactJson(const QJsonObject &object);

    //! A body as text for a log or a details view: JSON is redacted structurally and
    //! re-serialised compactly; anything else goes through redactText(). Invalid UTF-8 is
    //! replaced, never passed through.
    static QString redactBody(QByteArrayView body);

    //! \a text with registered secrets, Bearer/Basic credentials, sensitive query parameters,
    //! JSON pairs and header lines masked.
    static QString redactText(const QString &text);

    //! Registers a secret value (the API key, an OAuth token) so it is masked wherever it
    //! appears in text. Values shorter than 6 characters are ignored: masking them would hide
    //! ordinary words without protecting anything.
    static void addSecret(const QString &secret);
    static void removeSecret(const QString &secret);
    static void clearSecrets();

    //! Installs a Qt message handler that redacts every message (qDebug, qWarning, categorised
    //! logging...) before handing it to the handler that was installed before. Installing
    //! twice is harmless.
    static void installMessageHandler();
    //! Restores the handler that installMessageHandler() replaced.
    static void uninstallMessageHandler();
};

} // namespace Tramontane
