// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace Tramontane {

class ApiClient;

//! Whether an API address and a key work, before they are used: one cheap call (GET
//! /v1/models) through a client of its own, so the check never disturbs the live client (its
//! address, key and requests in flight).
class ConnectionCheck final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionCheck)

public:
    struct Result {
        //! The address cannot be used (not a URL, not http(s)...): a sentence from ApiClient.
        QString addressProblem;
        //! The call failed (no error: the address and key work).
        ApiError error;
        bool ok() const { return addressProblem.isEmpty() && !error.isError(); }
    };

    //! Checks are sent through \a live's network manager; a check without a key uses \a live's
    //! key (the one in use).
    explicit ConnectionCheck(ApiClient *live, QObject *parent = nullptr);
    ~ConnectionCheck() override;

    //! Checks \a key against \a baseUrl; \a done runs once, unless \a context is destroyed
    //! first (which also ends the request).
    void check(const QUrl &baseUrl, const QString &key, QObject *context,
               std::function<void(const Result &)> done);

private:
    ApiClient *m_live;
};

} // namespace Tramontane
