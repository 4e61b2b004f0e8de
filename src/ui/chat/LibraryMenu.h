// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace Tramontane {

class LibraryChoices;

//! "Document libraries" in the chat's tools menu: the account's libraries, each checkable; the
//! checked ones are searched by the chat. While the list loads, when it failed or when there
//! are none yet, one line says so. Tests find the actions by objectName: "libraryAction_<id>",
//! "librariesNoteAction", "librariesRetryAction".
class LibraryMenu final : public QMenu {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryMenu)

public:
    //! \a choices is not owned and must outlive the menu.
    explicit LibraryMenu(LibraryChoices *choices, QWidget *parent = nullptr);
    ~LibraryMenu() override;

    //! Builds the entries again from the choices (also after a language change).
    void rebuild();

private:
    LibraryChoices *m_choices;
};

} // namespace Tramontane
