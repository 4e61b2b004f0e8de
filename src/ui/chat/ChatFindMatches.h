// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/chat/ChatFindText.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

namespace Tramontane {

class ConversationModel;

//! The matches of "Find in this chat" over the whole conversation: the rows the model holds
//! and the older messages it has not loaded yet (read through ConversationModel's earlier
//! entries and derived into rows the same way, so their keys are the ones they get once
//! loaded). Matches are found in the text each row shows (ChatFindText), in reading order,
//! and one of them is the current match. The loaded rows are searched at once; older messages
//! whose text must first be rendered from its markdown are searched in slices of a few
//! milliseconds, nearest first, so that a long conversation never blocks the window (count()
//! grows meanwhile; going round past either end finishes the search first). Rows that change
//! while the search is open (an answer streaming in) are searched again a moment later; rows
//! added or removed, at once.
//! No widgets: the view paints rangesOf() and the find bar shows count() and currentIndex().
class ChatFindMatches final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatFindMatches)

public:
    using Range = ChatFindText::Range;

    //! One match: the row's item key, its number within the row and where it is in the row's
    //! visible text.
    struct Match {
        QString key;
        int ordinal = -1;
        Range range;
        bool isValid() const { return ordinal >= 0; }
    };

    explicit ChatFindMatches(QObject *parent = nullptr);
    ~ChatFindMatches() override;

    void setModel(ConversationModel *model);
    //! Searches for \a needle (nothing is searched while it is empty). The current match is the
    //! first one in or after the row showing \a fromKey, or else the last one before it
    //! (\a fromKey empty: the first match).
    void setQuery(const QString &needle, Qt::CaseSensitivity cs, const QString &fromKey = {});
    const QString &needle() const { return m_needle; }
    Qt::CaseSensitivity caseSensitivity() const { return m_cs; }
    bool isActive() const { return !m_needle.isEmpty(); }
    //! Forgets the query and what was read for it.
    void clear();

    //! How many matches, over the whole conversation.
    int count() const { return m_total; }
    //! The current match from 0 in reading order, or -1 when there is none.
    int currentIndex() const;
    Match current() const;
    //! Moves to the next match (wrapping from the last to the first) or the previous one.
    void next();
    void previous();
    void setCurrentIndex(int index);

    //! The matches in the row showing \a key, in its visible text (empty when none).
    const QList<Range> &rangesOf(const QString &key) const;
    //! Whether the row showing \a key is in the model (not an older message still to load).
    bool isLoaded(const QString &key) const { return m_loadedKeys.contains(key); }
    //! The rows searched (loaded and not), and those read from older messages.
    int searchedRows() const { return int(m_units.size()); }
    int rowsNotLoaded() const { return m_notLoaded; }

    //! How long the older messages are searched at once with a new query, then per pass of the
    //! event loop (default 30 and 8 ms; 0 searches one message at a time).
    void setSliceMs(int firstMs, int nextMs);
    //! Whether older messages are still being searched (count() may still grow).
    bool isSearching() const { return m_pending >= 0; }
    //! Applies changes of the model now and finishes searching (tests, benchmarks).
    void flush();

Q_SIGNALS:
    //! The matches or the current match changed.
    void matchesChanged();
    //! A current match was chosen by the search of older messages (there was none before).
    void currentFound();

private:
    struct Unit {
        QString key;
        QList<Range> ranges;
        int earlier = -1; //!< the row in m_earlier of an older message still to search
    };
    struct CachedText {
        qsizetype sourceSize = -1;
        QString text;
    };

    void rebuild();
    void readEarlier();
    void searchUnit(Unit &unit, const ChatItem &item);
    const QString &textOf(const ChatItem &item);
    void onRowsChanged(int first, int last);
    void updateChangedRows();
    void scheduleRebuild();
    int unitOfIndex(int index, int *ordinal) const;
    void selectFrom(int unit);
    //! Searches older messages for about \a budgetMs (all of them with a negative budget).
    void searchOlder(int budgetMs);

    QPointer<ConversationModel> m_model;
    QString m_needle;
    Qt::CaseSensitivity m_cs = Qt::CaseInsensitive;
    QList<Unit> m_units;
    QHash<QString, int> m_unitIndex; // key -> index in m_units
    QSet<QString> m_loadedKeys;
    QList<ChatItem> m_earlier; // rows of the messages not loaded, oldest first
    bool m_earlierRead = false;
    int m_notLoaded = 0;
    QHash<QString, CachedText> m_texts;
    int m_total = 0;
    int m_currentUnit = -1;
    int m_currentOrdinal = -1;
    QSet<QString> m_changedKeys;
    QTimer m_changeTimer;  // rows changed in place (streaming): searched again after it
    QTimer m_rebuildTimer; // rows added or removed: everything again, once
    QTimer m_sliceTimer;   // the next slice of older messages
    int m_pending = -1;    // the next unit of older messages to search, going up; -1: none
    int m_fromUnit = 0;    // where the current match was looked for
    int m_firstSliceMs = 30;
    int m_sliceMs = 8;
};

} // namespace Tramontane
