// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tramontane {

//! Whether the pages that list the account's resources may ask the API, as the composition
//! root decides it: never before the API can answer, never without a key.
enum class ApiAvailability {
    Starting, //!< the address or the key is not settled yet (the demo's emulator is starting)
    NeedsKey, //!< no API key: nothing is asked; the page says so and offers the settings
    Ready,    //!< requests may go
};

} // namespace Tramontane
