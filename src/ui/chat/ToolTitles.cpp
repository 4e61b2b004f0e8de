// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ToolTitles.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

QString ToolTitles::builtInTitle(const QString &name) {
    const QString key = name.trimmed().toLower();
    if (key == "image_generation"_L1 || key == "generate_image"_L1 || key == "image"_L1)
        return tr("Image generation");
    if (key == "web_search"_L1)
        return tr("Web search");
    if (key == "web_search_premium"_L1)
        return tr("Web search (premium)");
    if (key == "code_interpreter"_L1)
        return tr("Code interpreter");
    if (key == "document_library"_L1)
        return tr("Document library");
    return {};
}

QString ToolTitles::humanize(const QString &name) {
    QString text = name.simplified();
    text.replace(u'_', u' ').replace(u'-', u' ');
    text = text.simplified();
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString ToolTitles::title(const QString &name, const QString &toolType, const QString &connector) {
    const bool fromConnector =
        toolType.compare("connector"_L1, Qt::CaseInsensitive) == 0 || !connector.isEmpty();
    if (fromConnector) {
        const QString tool = humanize(name).isEmpty() ? tr("Tool") : humanize(name);
        return connector.isEmpty() ? tr("%1 (connector)").arg(tool)
                                   : tr("%1 (connector %2)").arg(tool, connector);
    }
    // The call's name first: a search tool may report a generic type.
    QString known = builtInTitle(name);
    if (known.isEmpty())
        known = builtInTitle(toolType);
    if (!known.isEmpty())
        return known;
    const QString shown = humanize(name);
    return shown.isEmpty() ? tr("Tool") : shown;
}

} // namespace Tramontane
