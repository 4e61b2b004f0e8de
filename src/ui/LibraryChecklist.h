// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/LibraryList.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace Tramontane {

//! The account's document libraries as a checklist, for a document_library tool: the checked
//! ones are its `library_ids`. An id that is not among the listed libraries (deleted, or of
//! another workspace) is shown by id and kept until it is unchecked, so nothing is lost. A
//! line above the list says when the list is loading, failed or empty.
//! Tests find "librariesListWidget" and "librariesNoteLabel".
class LibraryChecklist final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryChecklist)

public:
    explicit LibraryChecklist(QWidget *parent = nullptr);
    ~LibraryChecklist() override;

    //! Follows \a list (not owned): its libraries, or why there are none.
    void setList(LibraryList *list);

    //! The account's libraries arrived.
    void setLibraries(const QList<LibraryList::Library> &libraries);
    //! The list could not be loaded: \a message says why.
    void setFailed(const QString &message);
    //! Forgets the list: "loading" until the next one arrives.
    void setLoading();

    //! Checks exactly \a ids (unlisted ones are shown by id).
    void setChosenIds(const QStringList &ids);
    //! The checked ids: the ones set first, in their order, then the ones checked later.
    QStringList chosenIds() const { return m_chosen; }

    QListWidget *listWidget() const { return m_list; }

Q_SIGNALS:
    //! The person checked or unchecked a library.
    void chosenIdsEdited(const QStringList &ids);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void readList();
    void updateNote();
    void onItemChanged(QListWidgetItem *item);

    QPointer<LibraryList> m_source;
    QLabel *m_note;
    QListWidget *m_list;
    QList<LibraryList::Library> m_libraries;
    LibraryList::State m_state = LibraryList::State::Loading;
    QString m_error;
    QStringList m_chosen;
    QStringList m_unlisted; // shown by id: chosen when set, not in the list
};

} // namespace Tramontane
