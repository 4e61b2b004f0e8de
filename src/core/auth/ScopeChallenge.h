// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tramontane {

class ApiError;

//! The scope a refusal asks for: a 403 whose `WWW-Authenticate` is
//! `Bearer error="insufficient_scope", scope="…"` (RFC 6750 §3.1; the MCP authorization
//! specification's step-up), from the MCP server or relayed by the chat endpoint. Empty for any
//! other error.
QString insufficientScope(const ApiError &error);

//! The scopes of \a wanted that \a granted lacks (all of \a wanted when it lacks none: the
//! server wants them anyway).
QString missingScope(const QString &wanted, const QString &granted);

//! The space-separated union of two scopes, in order, without repeats.
QString unitedScope(const QString &a, const QString &b);

} // namespace Tramontane
