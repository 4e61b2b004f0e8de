// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace Tramontane {

//! Raw HTTP header pairs as received, in order. The same type as
//! QNetworkReply::rawHeaderPairs(), so a reply's headers can be passed as they are.
using RawHeaders = QList<std::pair<QByteArray, QByteArray>>;

//! The value of the first header named \a name (compared case-insensitively), or a null
//! QByteArray when there is none.
inline QByteArray headerValue(const RawHeaders &headers, QByteArrayView name) {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace Tramontane
