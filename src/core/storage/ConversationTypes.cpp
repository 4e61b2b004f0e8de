// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationTypes.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

QString statusName(MessageStatus status) {
    switch (status) {
    case MessageStatus::Complete:
        return u"complete"_s;
    case MessageStatus::Pending:
        return u"pending"_s;
    case MessageStatus::Streaming:
        return u"streaming"_s;
    case MessageStatus::Interrupted:
        return u"interrupted"_s;
    case MessageStatus::Failed:
        return u"failed"_s;
    }
    return u"complete"_s;
}

std::optional<MessageStatus> statusFromName(const QString &text) {
    for (MessageStatus s :
         {MessageStatus::Complete, MessageStatus::Pending, MessageStatus::Streaming,
          MessageStatus::Interrupted, MessageStatus::Failed}) {
        if (text == statusName(s))
            return s;
    }
    return std::nullopt;
}

QList<StoredMessage> ConversationRecord::visiblePath() const {
    QList<StoredMessage> path;
    for (const StoredMessage &m : messages) {
        if (m.onPath)
            path.append(m);
    }
    return path;
}

} // namespace Tramontane
