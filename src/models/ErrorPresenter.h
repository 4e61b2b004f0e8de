// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Tramontane {

class ApiError;

//! The words for an ApiError: core errors carry kinds, reasons and technical detail only, and
//! this is the one place that turns them into sentences a user reads (translated here, once).
//! It lives in the models layer, the lowest one that shows errors (chat notices), and needs no
//! widgets. Its words keep the translation context "ApiError", where the catalogues hold them.
class ErrorPresenter final {
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    ErrorPresenter() = delete;

    //! One clear sentence saying what happened (empty for no error).
    static QString title(const ApiError &error);
    //! What the user can do about it (may be empty, e.g. for Canceled).
    static QString hint(const ApiError &error);
    //! title() and hint() as one line, for a status line, a tooltip or a notice.
    static QString sentence(const ApiError &error);
};

} // namespace Tramontane
