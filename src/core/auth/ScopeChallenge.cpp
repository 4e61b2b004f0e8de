// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/ScopeChallenge.h"

#include "core/auth/OAuthMetadata.h"
#include "core/net/ApiError.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString insufficientScope(const ApiError &error) {
    if (error.kind() != ApiError::Kind::Http || error.httpStatus() != 403)
        return {};
    const std::optional<BearerChallenge> challenge =
        BearerChallenge::parse(error.wwwAuthenticate());
    if (!challenge || challenge->error != "insufficient_scope"_L1)
        return {};
    return challenge->scope.simplified();
}

QString missingScope(const QString &wanted, const QString &granted) {
    const QStringList have = granted.split(u' ', Qt::SkipEmptyParts);
    QStringList missing = wanted.split(u' ', Qt::SkipEmptyParts);
    missing.removeIf([&have](const QString &s) { return have.contains(s); });
    return missing.isEmpty() ? wanted.simplified() : missing.join(u' ');
}

QString unitedScope(const QString &a, const QString &b) {
    QStringList scopes = a.split(u' ', Qt::SkipEmptyParts);
    for (const QString &s : b.split(u' ', Qt::SkipEmptyParts)) {
        if (!scopes.contains(s))
            scopes.append(s);
    }
    return scopes.join(u' ');
}

} // namespace Tramontane
