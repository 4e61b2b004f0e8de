// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/PlainBlockCache.h"

#include "ui/chat/ChatStyle.h"
#include "ui/markdown/BidiControls.h"
#include "ui/markdown/MessageDocumentCache.h"

#include <QPainter>
#include <QTextLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int kMaxLines = 400; // blocks show this many lines at most
constexpr qsizetype kMaxChars = 40000;
constexpr int kMaxBlocks = 256; // only expanded cards on screen need these
constexpr int kParts = 3;       // ChatRowMeasures::Block

QString cacheKey(const QString &itemKey, int part) {
    return itemKey + u'|' + QString::number(part);
}

} // namespace

const PlainBlockCache::Block &PlainBlockCache::block(const QString &itemKey, int part,
                                                     const QString &text, int width,
                                                     const ChatStyle &style) {
    const QString key = cacheKey(itemKey, part);
    const int bucket = MessageDocumentCache::widthBucket(width);
    auto it = m_blocks.find(key);
    if (it != m_blocks.end() && it->bucket == bucket)
        return *it;
    if (m_blocks.size() > kMaxBlocks)
        m_blocks.clear();

    Block block;
    block.bucket = bucket;
    QString shown = text.left(kMaxChars);
    int lines = 0;
    qsizetype cut = -1;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown.at(i) == u'\n' && ++lines >= kMaxLines) {
            cut = i;
            break;
        }
    }
    if (cut >= 0) {
        block.hiddenLines = int(text.count(u'\n')) - lines + 1;
        shown.truncate(cut);
    } else if (text.size() > shown.size()) {
        block.hiddenLines = int(QStringView(text).sliced(shown.size()).count(u'\n')) + 1;
    }
    if (block.hiddenLines > 0)
        shown += u'\n' + tr("… %n more line(s); Copy takes everything", nullptr, block.hiddenLines);
    shown.replace(u'\n', QChar::LineSeparator);
    shown = BidiControls::neutralised(shown);

    auto layout = std::make_shared<QTextLayout>(shown, style.mono);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    qreal y = 0;
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(qMax(16, width));
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    block.layout = std::move(layout);
    block.height = std::ceil(qMax(y, style.monoFm.height()));
    return *m_blocks.insert(key, block);
}

void PlainBlockCache::paint(QPainter *p, const QRect &rect, const Block &block, const QRectF &clip,
                            const ChatStyle &style, const QList<QTextLayout::FormatRange> &marks) {
    p->save();
    p->setPen(QPen(style.cardBorder, 1));
    p->setBrush(style.codeBackground);
    p->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    p->setPen(style.text);
    block.layout->draw(p,
                       QPointF(rect.left() + style.blockPadding, rect.top() + style.blockPadding),
                       marks, QRectF(rect).intersected(clip));
    p->restore();
}

void PlainBlockCache::forget(const QString &itemKey) {
    for (int part = 0; part < kParts; ++part)
        m_blocks.remove(cacheKey(itemKey, part));
}

} // namespace Tramontane
