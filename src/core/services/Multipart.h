// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Tramontane::Multipart {

//! A boundary for a `multipart/form-data` body, random enough never to occur in a file.
QByteArray randomBoundary();
//! A file name as a quoted multipart parameter: no quote, backslash or line break in it.
QByteArray quotedName(const QString &fileName);
//! The part of a file named \a field (its boundary line, headers, bytes and line end).
QByteArray filePart(const QByteArray &boundary, const QByteArray &field, const QString &fileName,
                    const QString &mimeType, const QByteArray &bytes);
//! The line that ends a body.
QByteArray closing(const QByteArray &boundary);

} // namespace Tramontane::Multipart
