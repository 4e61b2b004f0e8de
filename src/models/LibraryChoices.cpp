// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LibraryChoices.h"

#include <algorithm>

namespace Tramontane {

LibraryChoices::LibraryChoices(QObject *parent)
    : QObject(parent) {}

LibraryChoices::~LibraryChoices() = default;

void LibraryChoices::refresh() {
    if (m_state == State::Loading)
        return;
    m_state = State::Loading;
    Q_EMIT changed();
    Q_EMIT loadWanted();
}

void LibraryChoices::setLibraries(const QList<Library> &libraries) {
    m_libraries = libraries;
    m_state = State::Loaded;
    m_error.clear();
    dropDeleted();
    Q_EMIT changed();
}

void LibraryChoices::setFailed(const QString &message) {
    m_state = State::Failed;
    m_error = message;
    Q_EMIT changed();
}

void LibraryChoices::setChosen(const QString &id, bool chosen) {
    if (id.isEmpty() || chosen == m_chosen.contains(id))
        return;
    if (chosen)
        m_chosen.append(id);
    else
        m_chosen.removeAll(id);
    Q_EMIT changed();
}

void LibraryChoices::setChosenIds(const QStringList &ids) {
    QStringList unique;
    for (const QString &id : ids) {
        if (!id.isEmpty() && !unique.contains(id))
            unique.append(id);
    }
    if (unique == m_chosen)
        return;
    m_chosen = unique;
    // A list already known says at once which of them are gone.
    if (m_state == State::Loaded)
        dropDeleted();
    Q_EMIT changed();
}

std::optional<Tool> LibraryChoices::tool() const {
    if (m_chosen.isEmpty())
        return std::nullopt;
    return Tool::documentLibrary(m_chosen);
}

QString LibraryChoices::displayName(const QString &id) const {
    for (const Library &library : m_libraries) {
        if (library.id == id)
            return library.name.isEmpty() ? id : library.name;
    }
    return id;
}

void LibraryChoices::dropDeleted() {
    QStringList gone;
    for (const QString &id : std::as_const(m_chosen)) {
        const bool listed = std::any_of(m_libraries.cbegin(), m_libraries.cend(),
                                        [&id](const Library &library) { return library.id == id; });
        if (!listed)
            gone.append(id);
    }
    if (gone.isEmpty())
        return;
    for (const QString &id : std::as_const(gone))
        m_chosen.removeAll(id);
    Q_EMIT dropped(gone);
}

} // namespace Tramontane
