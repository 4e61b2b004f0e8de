// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LibraryChoices.h"

namespace Tramontane {

LibraryChoices::LibraryChoices(LibraryList *list, QObject *parent)
    : QObject(parent) {
    setList(list);
}

LibraryChoices::~LibraryChoices() = default;

void LibraryChoices::setList(LibraryList *list) {
    if (m_list == list)
        return;
    if (m_list)
        disconnect(m_list, nullptr, this, nullptr);
    m_list = list;
    if (m_list)
        connect(m_list, &LibraryList::changed, this, &LibraryChoices::onListChanged);
    onListChanged();
}

void LibraryChoices::onListChanged() {
    dropDeleted();
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
    dropDeleted();
    Q_EMIT changed();
}

std::optional<Tool> LibraryChoices::tool() const {
    if (m_chosen.isEmpty())
        return std::nullopt;
    return Tool::documentLibrary(m_chosen);
}

QList<Tool> LibraryChoices::withoutLibraries(QList<Tool> tools, const QStringList &gone) {
    for (Tool &tool : tools) {
        if (tool.type == Tool::Type::DocumentLibrary)
            tool.libraryIds.removeIf([&gone](const QString &id) { return gone.contains(id); });
    }
    tools.removeIf([](const Tool &tool) {
        return tool.type == Tool::Type::DocumentLibrary && tool.libraryIds.isEmpty();
    });
    return tools;
}

void LibraryChoices::dropDeleted() {
    if (!m_list || m_list->state() != LibraryList::State::Loaded)
        return;
    QStringList gone;
    for (const QString &id : std::as_const(m_chosen)) {
        if (!m_list->contains(id))
            gone.append(id);
    }
    if (gone.isEmpty())
        return;
    for (const QString &id : std::as_const(gone))
        m_chosen.removeAll(id);
    Q_EMIT dropped(gone);
}

} // namespace Tramontane
