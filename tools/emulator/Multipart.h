// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane::Emulator {

//! One part of a multipart/form-data body.
struct FormPart {
    QString name;        //!< the `name` of Content-Disposition
    QString filename;    //!< its `filename`, empty for a plain field
    QByteArray mimeType; //!< the part's Content-Type, empty if it has none
    QByteArray body;
};

//! Reads a multipart/form-data body (RFC 7578), as file uploads send it. \a contentType is the
//! request's Content-Type header, which names the boundary. Returns nothing, with \a problem set,
//! when the header has no boundary or the body does not follow it.
std::optional<QList<FormPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body,
                                              QString *problem);

} // namespace Tramontane::Emulator
