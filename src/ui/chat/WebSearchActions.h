// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Tool.h"

#include <QCoreApplication>

#include <functional>

class QMenu;

namespace Tramontane {

//! "Web search" and "Web search (premium)" in a tools menu: two check boxes of which one at
//! most is checked (checking one unchecks the other; both may be off). Check boxes rather than
//! an exclusive group, whose unchecked items show no box at all in most styles.
//! Tests find "webSearchAction" and "webSearchPremiumAction".
class WebSearchActions final {
    Q_DECLARE_TR_FUNCTIONS(WebSearchActions)

public:
    //! Adds both to \a menu, \a current checked (Tool::Type::Unknown: none); \a chosen gets
    //! WebSearch, WebSearchPremium or Unknown (none) when the person changes it.
    static void add(QMenu *menu, Tool::Type current, const std::function<void(Tool::Type)> &chosen);
};

} // namespace Tramontane
