// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tramontane {

//! Implemented by pages and dialogs that can hold unsaved work (an edited agent or connector
//! form). Before the window closes or the page is left, confirmDiscardChanges() asks the user
//! (save, discard or cancel) and returns false to stay.
class UnsavedChangesGuard {
public:
    virtual ~UnsavedChangesGuard() = default;
    virtual bool confirmDiscardChanges() = 0;
};

} // namespace Tramontane
