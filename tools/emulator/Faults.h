// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tramontane::Emulator {

//! A fault to inject into the next matching requests. See README.md ("Faults").
struct Fault {
    enum class Kind {
        Status,      //!< answer `status` with a body of shape `body`
        Delay,       //!< only wait `delayMs`, then answer normally
        Cut,         //!< streams: close after `afterEvents` events; plain: close mid-body
        Malformed,   //!< plain: 200 with broken JSON; streams: one broken event after K
        StreamError, //!< streams: an error object after K events, and no [DONE]
        Drop,        //!< close the connection without answering
        EndlessLine, //!< streams: after K events, a `data:` line that never ends
        KeepAlive,   //!< streams: after K events, only keep-alive comments, forever
        Pause,       //!< streams: stop after K events for `delayMs` (0: until the client leaves)
        Omit,        //!< plain: answer normally, without the top-level JSON fields in `fields`
        HtmlPage,    //!< HTTP 200 with an HTML sign-in page instead of the answer
    };
    //! Whether this kind changes a stream after `afterEvents` events.
    bool isStreamKind() const;
    enum class Body { Default, Detail, DetailArray, Object, Wrapped, Gateway, Html, Text, Empty };

    QString id;
    Kind kind = Kind::Status;
    QString pathPrefix = QStringLiteral("/v1/");
    QByteArray method; //!< empty: any method
    int remaining = 1; //!< requests left; 0 or less: every request until cleared
    bool unlimited = false;
    int status = 500;
    Body body = Body::Default;
    QString message;
    QByteArray retryAfter;
    int delayMs = 0;
    int afterEvents = 1;
    QStringList fields; //!< Omit: the top-level fields left out of the answer

    bool matches(const QByteArray &method, const QString &path) const;
    QJsonObject toJson() const;
    //! Parses the admin/command-line form; on error returns nothing and sets \a error.
    static std::optional<Fault> fromJson(const QJsonObject &json, QString *error);
};

//! The body (and content type) of a Status fault.
struct FaultBody {
    QByteArray contentType;
    QByteArray bytes;
};
FaultBody faultBody(const Fault &fault, const QByteArray &requestId);

//! The faults waiting for requests, first added first used.
class FaultList final {
public:
    void add(Fault fault);
    void clear() { m_faults.clear(); }
    //! Takes the first fault that matches (consuming one of its uses).
    std::optional<Fault> take(const QByteArray &method, const QString &path);
    QJsonObject toJson() const;

private:
    QList<Fault> m_faults;
    int m_nextId = 1;
};

} // namespace Tramontane::Emulator
