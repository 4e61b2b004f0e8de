// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LibraryChecklist.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {
constexpr int IdRole = Qt::UserRole;
}

LibraryChecklist::LibraryChecklist(QWidget *parent)
    : QWidget(parent)
    , m_note(new QLabel(this))
    , m_list(new QListWidget(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note->setObjectName(u"librariesNoteLabel"_s);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setObjectName(u"librariesListWidget"_s);
    m_list->setUniformItemSizes(true);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 8);
    layout->addWidget(m_note);
    layout->addWidget(m_list);
    // As tall as its rows need (up to eight), not as tall as the form could make it.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setFocusProxy(m_list);
    connect(m_list, &QListWidget::itemChanged, this, &LibraryChecklist::onItemChanged);
    rebuild();
}

LibraryChecklist::~LibraryChecklist() = default;

void LibraryChecklist::setList(LibraryList *list) {
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = list;
    if (m_source)
        connect(m_source, &LibraryList::changed, this, &LibraryChecklist::readList);
    // Another account's list: nothing of the old one stays.
    m_libraries.clear();
    m_state = LibraryList::State::NotLoaded;
    readList();
}

void LibraryChecklist::readList() {
    if (!m_source) {
        setLoading();
        return;
    }
    switch (m_source->state()) {
    case LibraryList::State::Loaded:
        setLibraries(m_source->libraries());
        break;
    case LibraryList::State::Failed:
        setFailed(m_source->error());
        break;
    case LibraryList::State::NotLoaded:
    case LibraryList::State::Loading:
        // An earlier list stays shown while a new one loads.
        if (m_state != LibraryList::State::Loaded)
            setLoading();
        break;
    }
}

void LibraryChecklist::setLibraries(const QList<LibraryList::Library> &libraries) {
    m_libraries = libraries;
    m_state = LibraryList::State::Loaded;
    m_error.clear();
    rebuild();
}

void LibraryChecklist::setFailed(const QString &message) {
    m_state = LibraryList::State::Failed;
    m_error = message;
    updateNote();
}

void LibraryChecklist::setLoading() {
    m_libraries.clear();
    m_state = LibraryList::State::Loading;
    rebuild();
}

void LibraryChecklist::setChosenIds(const QStringList &ids) {
    m_chosen.clear();
    for (const QString &id : ids) {
        const QString trimmed = id.trimmed();
        if (!trimmed.isEmpty() && !m_chosen.contains(trimmed))
            m_chosen.append(trimmed);
    }
    m_unlisted.clear();
    rebuild();
}

void LibraryChecklist::rebuild() {
    m_list->setAccessibleName(tr("Document libraries"));
    const QSignalBlocker block(m_list);
    m_list->clear();
    const auto listed = [this](const QString &id) {
        return std::any_of(m_libraries.cbegin(), m_libraries.cend(),
                           [&id](const LibraryList::Library &l) { return l.id == id; });
    };
    // Chosen ids the list does not have stay shown (by id) while the form is open.
    for (const QString &id : std::as_const(m_chosen)) {
        if (!listed(id) && !m_unlisted.contains(id))
            m_unlisted.append(id);
    }
    m_unlisted.removeIf(listed);
    const auto add = [this](const QString &id, const QString &text, const QString &tip) {
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(IdRole, id);
        item->setToolTip(tip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(m_chosen.contains(id) ? Qt::Checked : Qt::Unchecked);
    };
    for (const LibraryList::Library &library : std::as_const(m_libraries)) {
        const QString tip =
            library.documents < 0
                ? library.id
                : tr("%1 — %n document(s)", nullptr, int(library.documents)).arg(library.id);
        add(library.id, library.name.isEmpty() ? library.id : library.name, tip);
    }
    for (const QString &id : std::as_const(m_unlisted))
        add(id, id,
            m_state == LibraryList::State::Loaded
                ? tr("Not among the libraries of this account (deleted, or elsewhere)")
                : tr("Library id"));
    updateNote();
}

void LibraryChecklist::updateNote() {
    QString text;
    switch (m_state) {
    case LibraryList::State::NotLoaded:
    case LibraryList::State::Loading:
        text = tr("Loading the libraries…");
        break;
    case LibraryList::State::Failed:
        text = tr("The libraries could not be loaded: %1").arg(m_error);
        break;
    case LibraryList::State::Loaded:
        if (m_libraries.isEmpty() && m_unlisted.isEmpty())
            text = tr("No libraries yet — create one on the Libraries page");
        break;
    }
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void LibraryChecklist::onItemChanged(QListWidgetItem *item) {
    const QString id = item->data(IdRole).toString();
    const bool on = item->checkState() == Qt::Checked;
    if (on == m_chosen.contains(id))
        return;
    if (on)
        m_chosen.append(id);
    else
        m_chosen.removeAll(id);
    Q_EMIT chosenIdsEdited(m_chosen);
}

void LibraryChecklist::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        rebuild();
}

} // namespace Tramontane
