// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LibraryList.h"

#include "core/services/LibraryService.h"
#include "models/ErrorPresenter.h"

#include <algorithm>
#include <utility>

namespace Tramontane {

namespace {
// Enough for any account; a list that never ends is cut there.
constexpr int kMaxPages = 50;

LibraryList::Library entryOf(const Tramontane::Library &library) {
    return {library.id, library.name, library.documentCount};
}
} // namespace

LibraryList::LibraryList(LibraryService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_pageSize(LibraryService::kDefaultPageSize) {
    if (!m_service)
        return;
    connect(m_service, &LibraryService::libraryCreated, this,
            [this](const Tramontane::Library &library) {
                if (m_state != State::Loaded || contains(library.id))
                    return;
                QList<Library> libraries = m_libraries;
                libraries.append(entryOf(library));
                setLibraries(libraries);
            });
    connect(m_service, &LibraryService::libraryRemoved, this, [this](const QString &id) {
        if (m_state != State::Loaded || !contains(id))
            return;
        QList<Library> libraries = m_libraries;
        libraries.removeIf([&id](const Library &library) { return library.id == id; });
        setLibraries(libraries);
    });
}

LibraryList::~LibraryList() {
    if (m_job)
        m_job->cancel();
}

void LibraryList::refresh() {
    if (m_state == State::Loading)
        return;
    m_state = State::Loading;
    Q_EMIT changed();
    Q_EMIT loadWanted();
    if (m_service) {
        m_loading.clear();
        loadPage(QString());
    }
}

void LibraryList::loadPage(const QString &pageToken) {
    m_pages = pageToken.isEmpty() ? 1 : m_pages + 1;
    m_job = m_service->listLibraries(
        pageToken, this,
        [this](const ServiceResult<LibraryPage> &result) {
            if (!result.ok()) {
                if (result.error.isCanceled())
                    return;
                setFailed(ErrorPresenter::sentence(result.error));
                return;
            }
            for (const Tramontane::Library &library : result.value->libraries)
                m_loading.append(entryOf(library));
            if (!result.value->nextPageToken.isEmpty() && m_pages < kMaxPages) {
                loadPage(result.value->nextPageToken);
                return;
            }
            setLibraries(std::exchange(m_loading, {}));
        },
        m_pageSize);
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
