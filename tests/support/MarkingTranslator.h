// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTranslator>

namespace Test {

//! A translator that marks every string it is asked for as «text» (with %n filled in), so a test
//! sees which texts of the interface went through tr().
class MarkingTranslator final : public QTranslator {
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override;
    bool isEmpty() const override { return false; }
};

} // namespace Test
