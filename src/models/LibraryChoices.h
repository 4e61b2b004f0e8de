// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Tool.h"
#include "models/LibraryList.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace Tramontane {

//! The document libraries a chat searches: the ones chosen among the account's libraries
//! (a LibraryList), which make one `document_library` tool with their ids. Once a list
//! arrived, a chosen library that is not in it was deleted: it leaves the choice.
class LibraryChoices final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryChoices)

public:
    //! Chooses among \a list (not owned; may be replaced with setList()).
    explicit LibraryChoices(LibraryList *list, QObject *parent = nullptr);
    ~LibraryChoices() override;

    LibraryList *list() const { return m_list; }
    //! Chooses among \a list from now on (the app's shared one).
    void setList(LibraryList *list);

    //! The chosen library ids, in the order they were chosen.
    QStringList chosen() const { return m_chosen; }
    bool isChosen(const QString &id) const { return m_chosen.contains(id); }
    void setChosen(const QString &id, bool chosen);
    //! Replaces the choice (a reopened chat's tool); ids are kept until a list says otherwise.
    void setChosenIds(const QStringList &ids);
    //! The `document_library` tool of the choice, none when nothing is chosen.
    std::optional<Tool> tool() const;

    //! \a tools without the libraries \a gone; a document_library tool left with none goes.
    static QList<Tool> withoutLibraries(QList<Tool> tools, const QStringList &gone);

Q_SIGNALS:
    //! The list, its state or the choice changed.
    void changed();
    //! Chosen libraries that the list no longer has (deleted) left the choice.
    void dropped(const QStringList &ids);

private:
    void onListChanged();
    void dropDeleted();

    QPointer<LibraryList> m_list;
    QStringList m_chosen;
};

} // namespace Tramontane
