// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"

#include <QHash>
#include <QString>

namespace Tramontane {

//! The cache key of each image row's image, hashed once per item rather than per paint (a
//! data: URL is long).
class ChatImageKeys final {
public:
    QString of(const ChatItem &item) {
        if (item.image.kind == ImageSource::Kind::FileId)
            return item.image.key(); // cheap: "file:<id>"
        auto it = m_keys.constFind(item.key);
        if (it == m_keys.cend())
            it = m_keys.insert(item.key, item.image.key());
        return *it;
    }
    void forget(const QString &itemKey) { m_keys.remove(itemKey); }
    void clear() { m_keys.clear(); }

private:
    QHash<QString, QString> m_keys; // item key → image key
};

} // namespace Tramontane
