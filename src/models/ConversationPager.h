// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/ConversationTypes.h"
#include "models/ChatItem.h"

#include <QCoreApplication>

namespace Tramontane {

class ConversationModel;
class ConversationStore;

//! Shows a stored conversation in a ConversationModel page by page: the newest messages when
//! it opens, older pages when the user scrolls up (or a search hit needs them). A page starts
//! at a user message when it can, so turns are not cut. Requests still carry the whole
//! conversation: the model reads the messages not loaded yet through this pager.
class ConversationPager final {
    Q_DECLARE_TR_FUNCTIONS(ConversationPager)
    Q_DISABLE_COPY_MOVE(ConversationPager)

public:
    ConversationPager(ConversationStore *store, ConversationModel *model);

    //! Messages per page (default 200).
    void setPageSize(int messages) { m_pageSize = qMax(1, messages); }
    int pageSize() const { return m_pageSize; }

    //! Replaces the model's entries with the newest page of conversation \a id. On a store
    //! error returns false with a sentence in \a error and leaves the model as it was.
    bool open(qint64 id, QString *error = nullptr);
    //! Forgets the conversation (a new chat): the model is cleared.
    void clear();

    qint64 conversationId() const { return m_id; }
    //! Whether older messages than the loaded ones may exist.
    bool hasOlder() const { return m_hasOlder; }
    //! Puts the previous page in front of the loaded entries; returns how many entries were
    //! added (0 when there are none, or on a store error).
    int loadOlder();
    //! Loads older pages until message \a messageId is in the model; returns its entry
    //! index, or -1 when the conversation shown does not have it.
    int revealMessage(qint64 messageId);

private:
    //! Drops leading messages up to the first user message of a full page (they come with
    //! the page before), and returns the rest.
    QList<StoredMessage> trimToTurn(QList<StoredMessage> page) const;
    QList<ChatEntry> earlierEntries() const;

    ConversationStore *m_store;
    ConversationModel *m_model;
    int m_pageSize = 200;
    qint64 m_id = 0;
    qint64 m_oldestPosition = 0; // of the first loaded message
    bool m_hasOlder = false;
};

} // namespace Tramontane
