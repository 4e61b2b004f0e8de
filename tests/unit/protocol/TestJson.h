// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

//! Helpers shared by the protocol tests: JSON from literals and from fixtures in data/.
namespace Tramontane::Test {

//! Parses a JSON document from a literal; fails the test (empty result) on a syntax error.
inline QJsonDocument parseJson(const QByteArray &text) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON in test: %s at %d", qPrintable(error.errorString()), error.offset);
    return document;
}

inline QJsonObject jsonObject(const QByteArray &text) {
    return parseJson(text).object();
}

inline QJsonArray jsonArray(const QByteArray &text) {
    return parseJson(text).array();
}

//! Reads tests/unit/protocol/data/<name>.
inline QByteArray fixture(const QString &name) {
    QFile file(QStringLiteral(PROTOCOL_TEST_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open fixture %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

inline QJsonObject fixtureObject(const QString &name) {
    return parseJson(fixture(name)).object();
}

//! Compact text of a JSON object, for readable comparison failures.
inline QByteArray compact(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray compact(const QJsonArray &array) {
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace Tramontane::Test

//! Compares two JSON objects and prints both compactly when they differ.
#define COMPARE_JSON(actual, expected)                                                             \
    QCOMPARE(Tramontane::Test::compact(actual), Tramontane::Test::compact(expected))
