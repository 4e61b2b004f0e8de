// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Tramontane {

//! The titles of tool runs shown in the chat. The server names a hosted tool's call after the
//! tool (`image_generation`, `web_search`...) or after what it does (`generate_image`), and says
//! which tool ran in the call's `metadata.tool_type`; a connector's tool carries the MCP tool's
//! name and the connector's. Known tools get a translated title; any other name is humanised
//! ("fetch_page_text" -> "Fetch page text"), never shown as an identifier.
class ToolTitles final {
    Q_DECLARE_TR_FUNCTIONS(ToolTitles)

public:
    //! The title of a call named \a name; \a toolType is `metadata.tool_type` (may be empty),
    //! \a connector the connector that ran it (may be empty).
    static QString title(const QString &name, const QString &toolType = {},
                         const QString &connector = {});
    //! The translated name of a built-in tool (image_generation, web_search,
    //! web_search_premium, code_interpreter, document_library and their call names), or an
    //! empty string for any other name.
    static QString builtInTitle(const QString &name);
    //! \a name with underscores and dashes as spaces and the first letter in upper case.
    static QString humanize(const QString &name);
};

} // namespace Tramontane
