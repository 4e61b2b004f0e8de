// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/Multipart.h"

#include <QRandomGenerator>

namespace Tramontane::Multipart {

QByteArray randomBoundary() {
    QByteArray boundary = "----TramontaneBoundary";
    for (int i = 0; i < 4; ++i)
        boundary += QByteArray::number(QRandomGenerator::global()->generate(), 16);
    return boundary;
}

QByteArray quotedName(const QString &fileName) {
    QByteArray name = fileName.toUtf8();
    for (char &c : name) {
        if (c == '"' || c == '\\' || c == '\r' || c == '\n')
            c = '_';
    }
    return name;
}

QByteArray filePart(const QByteArray &boundary, const QByteArray &field, const QString &fileName,
                    const QString &mimeType, const QByteArray &bytes) {
    QByteArray part;
    part.reserve(bytes.size() + 256);
    part += "--" + boundary + "\r\n";
    part += "Content-Disposition: form-data; name=\"" + field + "\"; filename=\""
            + quotedName(fileName) + "\"\r\n";
    part += "Content-Type: " + mimeType.toLatin1() + "\r\n\r\n";
    part += bytes;
    part += "\r\n";
    return part;
}

QByteArray closing(const QByteArray &boundary) {
    return "--" + boundary + "--\r\n";
}

} // namespace Tramontane::Multipart
