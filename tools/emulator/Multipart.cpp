// SPDX-License-Identifier: GPL-3.0-or-later
#include "Multipart.h"

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

// The value of `key=` in a header's parameters, quoted or not.
QByteArray parameter(const QByteArray &header, const QByteArray &key) {
    const QList<QByteArray> params = header.split(';');
    for (const QByteArray &raw : params) {
        const QByteArray p = raw.trimmed();
        const qsizetype eq = p.indexOf('=');
        if (eq <= 0 || p.left(eq).trimmed().toLower() != key)
            continue;
        QByteArray value = p.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

} // namespace

std::optional<QList<FormPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body,
                                              QString *problem) {
    if (!contentType.toLower().trimmed().startsWith("multipart/form-data")) {
        *problem = u"The body must be multipart/form-data"_s;
        return std::nullopt;
    }
    const QByteArray boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty()) {
        *problem = u"The multipart body has no boundary"_s;
        return std::nullopt;
    }
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0) {
        *problem = u"The multipart body does not contain its boundary"_s;
        return std::nullopt;
    }
    QList<FormPart> parts;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return parts; // the closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            break;
        pos += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            break;
        FormPart part;
        const QList<QByteArray> lines = body.mid(pos, headEnd - pos).split('\n');
        for (const QByteArray &raw : lines) {
            const QByteArray line = raw.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = QString::fromUtf8(parameter(value, "name"));
                part.filename = QString::fromUtf8(parameter(value, "filename"));
            } else if (name == "content-type") {
                part.mimeType = value;
            }
        }
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headEnd + 4);
        if (next < 0)
            break;
        part.body = body.mid(headEnd + 4, next - headEnd - 4);
        parts.append(part);
        pos = next + 2;
    }
    *problem = u"The multipart body is cut or malformed"_s;
    return std::nullopt;
}

} // namespace Tramontane::Emulator
