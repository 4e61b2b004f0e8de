// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LibraryList.h"

#include <algorithm>

namespace Tramontane {

LibraryList::LibraryList(QObject *parent)
    : QObject(parent) {}

LibraryList::~LibraryList() = default;

void LibraryList::refresh() {
    if (m_state == State::Loading)
        return;
    m_state = State::Loading;
    Q_EMIT changed();
    Q_EMIT loadWanted();
}

void LibraryList::setLibraries(const QList<Library> &libraries) {
    m_libraries = libraries;
    m_state = State::Loaded;
    m_error.clear();
    Q_EMIT changed();
}

void LibraryList::setFailed(const QString &message) {
    m_state = State::Failed;
    m_error = message;
    Q_EMIT changed();
}

bool LibraryList::contains(const QString &id) const {
    return std::any_of(m_libraries.cbegin(), m_libraries.cend(),
                       [&id](const Library &library) { return library.id == id; });
}

QString LibraryList::displayName(const QString &id) const {
    for (const Library &library : m_libraries) {
        if (library.id == id)
            return library.name.isEmpty() ? id : library.name;
    }
    return id;
}

} // namespace Tramontane
