// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcNet, "tramontane.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSse, "tramontane.sse", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "tramontane.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcChat, "tramontane.chat", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMcp, "tramontane.mcp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "tramontane.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "tramontane.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEmulator, "tramontane.emulator", QtInfoMsg)
