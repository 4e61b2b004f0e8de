// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QLabel;
class QWidget;

namespace Tramontane {

//! Where the field errors of a 422 go in a form: each error's `loc` ("name", "tools.2.type",
//! "completion_args.temperature"; the leading "body" is already gone) names the field of the
//! request it concerns, and the form says which error line and which widget show that field.
class FieldErrorMap final {
public:
    //! The widget to focus for an error, given the rest of its `loc` after the field's key
    //! (e.g. {"temperature"} for "completion_args.temperature"); null: none in particular.
    using FocusResolver = std::function<QWidget *(const QStringList &rest)>;

    struct Field {
        QString key;   //!< the first element of `loc`
        QLabel *label; //!< where the message is shown
        QWidget *focus = nullptr;
        FocusResolver resolveFocus; //!< when set, wins over \a focus
    };

    //! An error and where it goes.
    struct Placement {
        ApiError::FieldError error;
        const Field *field = nullptr; //!< null: no field of the form matches
        QStringList rest;             //!< `loc` after the field's key (all of it when unplaced)
        QWidget *focus = nullptr;
    };

    //! Errors whose `loc` starts with \a key go to \a label; \a focus is the widget to bring
    //! into view. Several keys may share a label.
    void add(const QString &key, QLabel *label, QWidget *focus = nullptr,
             FocusResolver resolveFocus = {});
    const Field *find(const QString &key) const;
    //! Every error with its field, in the order given.
    QList<Placement> place(const QList<ApiError::FieldError> &errors) const;

private:
    QList<Field> m_fields;
};

} // namespace Tramontane
