// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/forms/FieldErrorMap.h"

namespace Tramontane {

void FieldErrorMap::add(const QString &key, QLabel *label, QWidget *focus,
                        FocusResolver resolveFocus) {
    m_fields.append({key, label, focus, std::move(resolveFocus)});
}

const FieldErrorMap::Field *FieldErrorMap::find(const QString &key) const {
    for (const Field &field : m_fields) {
        if (field.key == key)
            return &field;
    }
    return nullptr;
}

QList<FieldErrorMap::Placement>
FieldErrorMap::place(const QList<ApiError::FieldError> &errors) const {
    QList<Placement> out;
    out.reserve(errors.size());
    for (const ApiError::FieldError &error : errors) {
        Placement p;
        p.error = error;
        p.field = error.loc.isEmpty() ? nullptr : find(error.loc.constFirst());
        p.rest = p.field ? error.loc.mid(1) : error.loc;
        if (p.field)
            p.focus = p.field->resolveFocus ? p.field->resolveFocus(p.rest) : p.field->focus;
        out.append(p);
    }
    return out;
}

} // namespace Tramontane
