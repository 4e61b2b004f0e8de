// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/LibraryMenu.h"

#include "models/LibraryChoices.h"
#include "models/LibraryList.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

LibraryMenu::LibraryMenu(LibraryChoices *choices, QWidget *parent)
    : QMenu(parent)
    , m_choices(choices) {
    setObjectName(u"documentLibrariesMenu"_s);
    setToolTipsVisible(true);
    connect(m_choices, &LibraryChoices::changed, this, &LibraryMenu::rebuild);
    rebuild();
}

LibraryMenu::~LibraryMenu() = default;

void LibraryMenu::rebuild() {
    clear();
    const qsizetype chosen = m_choices->chosen().size();
    setTitle(chosen == 0 ? tr("Document libraries") : tr("Document libraries (%1)").arg(chosen));
    menuAction()->setToolTip(tr("Search these libraries and cite their documents"));

    LibraryList *list = m_choices->list();
    const QList<LibraryList::Library> libraries =
        list ? list->libraries() : QList<LibraryList::Library>();
    const auto note = [this](const QString &text) {
        QAction *action = addAction(text);
        action->setObjectName(u"librariesNoteAction"_s);
        action->setEnabled(false);
        return action;
    };
    switch (list ? list->state() : LibraryList::State::NotLoaded) {
    case LibraryList::State::NotLoaded:
    case LibraryList::State::Loading:
        if (libraries.isEmpty())
            note(tr("Loading the libraries…"));
        break;
    case LibraryList::State::Failed: {
        note(tr("The libraries could not be loaded: %1").arg(list->error()));
        QAction *retry = addAction(tr("Try Again"));
        retry->setObjectName(u"librariesRetryAction"_s);
        connect(retry, &QAction::triggered, list, &LibraryList::refresh);
        break;
    }
    case LibraryList::State::Loaded:
        if (libraries.isEmpty())
            note(tr("No libraries yet — create one on the Libraries page"));
        break;
    }

    const auto addLibrary = [this](const QString &id, const QString &label, const QString &tip) {
        QAction *action = addAction(label);
        action->setObjectName(u"libraryAction_"_s + id);
        action->setCheckable(true);
        action->setChecked(m_choices->isChosen(id));
        action->setToolTip(tip);
        connect(action, &QAction::toggled, m_choices,
                [choices = m_choices, id](bool on) { choices->setChosen(id, on); });
    };
    for (const LibraryList::Library &library : libraries) {
        const QString label = library.name.isEmpty() ? library.id : library.name;
        const QString tip = library.documents < 0
                                ? library.id
                                : tr("%n document(s)", nullptr, int(library.documents));
        addLibrary(library.id, label, tip);
    }
    // Chosen before the list said whether they still exist (a reopened chat): shown by id.
    for (const QString &id : m_choices->chosen()) {
        const bool listed = std::any_of(libraries.cbegin(), libraries.cend(),
                                        [&id](const auto &library) { return library.id == id; });
        if (!listed)
            addLibrary(id, id, tr("Not in the list of libraries loaded last"));
    }
}

} // namespace Tramontane
