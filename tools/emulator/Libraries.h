// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane::Emulator {

//! A document of a library (`/v1/libraries/{id}/documents`). Its text is what the service
//! extracted from it once processing is done: the text of a text file, the shown strings of a
//! PDF; search reads it.
struct LibraryDocument {
    //! The SDK's ProcessStatus values the emulator uses.
    enum class State { InProgress, Done, Error };

    QString id;
    QString libraryId;
    QString name;
    QString mimeType;
    QString extension;
    QByteArray bytes;
    QString text;
    int pages = 0;
    QString hash; //!< SHA-256 of the bytes, hex
    QString createdAt;
    QString lastProcessedAt; //!< empty until processing ends
    State state = State::InProgress;
};

//! A library: a named set of documents.
struct LibraryRecord {
    QString id;
    QString name;
    std::optional<QString> description;
    QString createdAt;
    QString updatedAt;
    QList<LibraryDocument> documents;

    qint64 totalSize() const;
};

//! The libraries the emulator holds, with their documents.
class Libraries final {
public:
    LibraryRecord &create(const QString &name, const std::optional<QString> &description);
    LibraryRecord *find(const QString &id);
    const QList<LibraryRecord> &all() const { return m_libraries; }
    bool remove(QString id); // by value: callers pass ids of stored elements
    void clear() { m_libraries.clear(); }

    //! Adds an uploaded document, in progress, to \a library. Its text and page count are read
    //! now; processing ends (finish()) when the emulator says so.
    LibraryDocument &addDocument(LibraryRecord &library, const QString &name,
                                 const QByteArray &mimeType, const QByteArray &bytes);
    LibraryDocument *findDocument(const QString &libraryId, const QString &documentId);
    bool removeDocument(const QString &libraryId, QString documentId);
    //! Ends the processing of a document: done, or error for one with no readable text (an
    //! empty file, bytes that are neither text nor a PDF). False if it is gone.
    bool finish(const QString &libraryId, const QString &documentId);

    //! Every document whose processing is done, across libraries (or only \a libraryIds when
    //! not empty): what a document library search reads.
    QList<const LibraryDocument *> readyDocuments(const QStringList &libraryIds = {}) const;

    static QJsonObject libraryJson(const LibraryRecord &library);
    static QJsonObject documentJson(const LibraryDocument &document);
    //! The answer of `/status` (the SDK's ProcessingStatus).
    static QJsonObject statusJson(const LibraryDocument &document);
    //! `process_status` and the deprecated `processing_status` of a state.
    static QString processStatus(LibraryDocument::State state);
    static QString processingStatus(LibraryDocument::State state);

private:
    QList<LibraryRecord> m_libraries;
};

} // namespace Tramontane::Emulator
