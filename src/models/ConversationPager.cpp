// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ConversationPager.h"

#include "core/Logging.h"
#include "core/storage/ConversationStore.h"
#include "models/ConversationModel.h"
#include "models/StoreChatPersistence.h"

#include <limits>

namespace Tramontane {

ConversationPager::ConversationPager(ConversationStore *store, ConversationModel *model)
    : m_store(store)
    , m_model(model) {}

QList<StoredMessage> ConversationPager::trimToTurn(QList<StoredMessage> page) const {
    if (page.size() < m_pageSize)
        return page; // the start of the conversation: nothing to cut
    qsizetype firstUser = 0;
    while (firstUser < page.size() && page.at(firstUser).role != u"user")
        ++firstUser;
    // A page without any user message (one very long agent turn) is kept whole.
    if (firstUser > 0 && firstUser < page.size())
        page.remove(0, firstUser);
    return page;
}

bool ConversationPager::open(qint64 id, QString *error) {
    auto page = m_store->newestMessages(id, m_pageSize);
    if (!page) {
        qCWarning(lcStorage) << "cannot open conversation" << id << page.error().message;
        if (error)
            *error = tr("The conversation could not be opened: %1").arg(page.error().message);
        return false;
    }
    m_hasOlder = page->size() >= m_pageSize;
    const QList<StoredMessage> shown = trimToTurn(*page);
    m_id = id;
    m_oldestPosition = shown.isEmpty() ? 0 : shown.first().position;
    m_model->setEntries(StoreChatPersistence::toEntries(shown),
                        [this] { return earlierEntries(); });
    return true;
}

void ConversationPager::clear() {
    m_id = 0;
    m_oldestPosition = 0;
    m_hasOlder = false;
    m_model->clear();
}

int ConversationPager::loadOlder() {
    if (!m_hasOlder || m_id == 0)
        return 0;
    auto page = m_store->messagesBefore(m_id, m_oldestPosition, m_pageSize);
    if (!page) {
        qCWarning(lcStorage) << "cannot read older messages of" << m_id << page.error().message;
        return 0;
    }
    m_hasOlder = page->size() >= m_pageSize;
    const QList<StoredMessage> shown = trimToTurn(*page);
    if (shown.isEmpty()) {
        m_hasOlder = false;
        return 0;
    }
    m_oldestPosition = shown.first().position;
    m_model->prependEntries(StoreChatPersistence::toEntries(shown));
    return int(shown.size());
}

int ConversationPager::revealMessage(qint64 messageId) {
    const auto find = [this, messageId] {
        const QList<ChatEntry> &entries = m_model->entries();
        for (int i = 0; i < entries.size(); ++i) {
            if (entries.at(i).id == messageId)
                return i;
        }
        return -1;
    };
    int entry = find();
    if (entry >= 0)
        return entry;
    // Only when the message is in this conversation, and older than what is loaded.
    const auto message = m_store->message(messageId);
    if (!message || message->conversationId != m_id || message->position >= m_oldestPosition)
        return -1;
    while (entry < 0 && loadOlder() > 0)
        entry = find();
    return entry;
}

QList<ChatEntry> ConversationPager::earlierEntries() const {
    if (!m_hasOlder || m_id == 0)
        return {};
    auto older = m_store->messagesBefore(m_id, m_oldestPosition, std::numeric_limits<int>::max());
    if (!older) {
        qCWarning(lcStorage) << "cannot read the history of" << m_id << older.error().message;
        return {};
    }
    return StoreChatPersistence::toEntries(*older);
}

} // namespace Tramontane
