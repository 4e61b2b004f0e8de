// SPDX-License-Identifier: GPL-3.0-or-later
// The model and agent picker's rows: which badges a row shows comes from the model's roles,
// they are painted where badgeRects() says, and agents are grouped under a header.
#include "models/ChatTargetModel.h"
#include "ui/TargetItemDelegate.h"

#include <QApplication>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Badge = TargetItemDelegate::Badge;

namespace {

constexpr QRgb kBase = 0xffffffff;

ModelCard card(const QString &id, bool vision, bool tools) {
    const QJsonObject caps{
        {u"completion_chat"_s, true}, {u"vision"_s, vision}, {u"function_calling"_s, tools}};
    return ModelCard::fromJson(
        QJsonObject{{u"id"_s, id}, {u"capabilities"_s, caps}, {u"max_context_length"_s, 32768}});
}

Agent agent(const QString &id, const QString &name, bool withTools) {
    Agent a;
    a.id = id;
    a.name = name;
    a.model = u"mistral-medium-latest"_s;
    a.version = 1;
    if (withTools)
        a.tools.append(Tool::builtIn(Tool::Type::ImageGeneration));
    return a;
}

QStyleOptionViewItem optionFor(const QRect &rect) {
    QStyleOptionViewItem option;
    option.rect = rect;
    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Base, QColor(kBase));
    palette.setColor(QPalette::Window, QColor(kBase));
    palette.setColor(QPalette::Text, Qt::black);
    option.palette = palette;
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.state = QStyle::State_Enabled;
    return option;
}

// Paints row \a row of \a model into an image of \a width, returns the image and the option.
QImage paintRow(const TargetItemDelegate &delegate, const QAbstractItemModel &model, int row,
                int width, QStyleOptionViewItem *used = nullptr) {
    const QModelIndex index = model.index(row, 0);
    QStyleOptionViewItem option = optionFor(QRect(0, 0, width, 10));
    const QSize hint = delegate.sizeHint(option, index);
    option.rect = QRect(0, 0, width, hint.height());
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(kBase);
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    painter.end();
    if (used)
        *used = option;
    return image;
}

int inkIn(const QImage &image, const QRect &rect) {
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixel(x, y) != kBase ? 1 : 0;
    }
    return n;
}

} // namespace

class TestTargetItemDelegate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void badges_comeFromTheRoles_data();
    void badges_comeFromTheRoles();
    void agents_areGroupedUnderAHeader();
    void badges_arePaintedRightAligned();
    void roleChange_changesThePainting();

private:
    ChatTargetModel m_model;
    TargetItemDelegate m_delegate;
};

void TestTargetItemDelegate::init() {
    m_model.setModels({card(u"pixtral-large-latest"_s, true, true),
                       card(u"mistral-small-latest"_s, false, true),
                       card(u"open-plain-latest"_s, false, false)});
    m_model.setAgents({agent(u"ag_1"_s, u"Painter"_s, true), agent(u"ag_2"_s, u"Quiet"_s, false)});
}

void TestTargetItemDelegate::badges_comeFromTheRoles_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<QList<Badge>>("expected");
    // Models are sorted by id: mistral-small, open-plain, pixtral-large; then the agents.
    QTest::newRow("tools only") << 0 << QList<Badge>{Badge::Tools};
    QTest::newRow("nothing") << 1 << QList<Badge>{};
    QTest::newRow("vision and tools") << 2 << QList<Badge>{Badge::Vision, Badge::Tools};
    QTest::newRow("agent with tools") << 3 << QList<Badge>{Badge::Tools, Badge::Agent};
    QTest::newRow("agent without tools") << 4 << QList<Badge>{Badge::Agent};
}

void TestTargetItemDelegate::badges_comeFromTheRoles() {
    QFETCH(int, row);
    QFETCH(QList<Badge>, expected);
    QCOMPARE(TargetItemDelegate::badges(m_model.index(row, 0)), expected);
    const QStyleOptionViewItem option = optionFor(QRect(0, 0, 400, 30));
    QCOMPARE(m_delegate.badgeRects(option, m_model.index(row, 0)).size(), expected.size());
}

void TestTargetItemDelegate::agents_areGroupedUnderAHeader() {
    QCOMPARE(TargetItemDelegate::headerText(m_model.index(0, 0)), u"Models"_s);
    QVERIFY(TargetItemDelegate::headerText(m_model.index(1, 0)).isEmpty());
    QVERIFY(TargetItemDelegate::headerText(m_model.index(2, 0)).isEmpty());
    QCOMPARE(TargetItemDelegate::headerText(m_model.index(3, 0)), u"Agents"_s);
    QVERIFY(TargetItemDelegate::headerText(m_model.index(4, 0)).isEmpty());

    // The header takes room above the first agent: its item part starts lower.
    const QStyleOptionViewItem option = optionFor(QRect(0, 0, 400, 10));
    const int plain = m_delegate.sizeHint(option, m_model.index(1, 0)).height();
    const int first = m_delegate.sizeHint(option, m_model.index(3, 0)).height();
    QVERIFY2(first > plain, qPrintable(u"%1 vs %2"_s.arg(first).arg(plain)));
    QStyleOptionViewItem tall = optionFor(QRect(0, 0, 400, first));
    QCOMPARE(m_delegate.itemRect(tall, m_model.index(3, 0)).height(), plain);

    // Without agents there is no header at all.
    m_model.setAgents({});
    QVERIFY(TargetItemDelegate::headerText(m_model.index(0, 0)).isEmpty());
}

void TestTargetItemDelegate::badges_arePaintedRightAligned() {
    QStyleOptionViewItem option;
    const QImage image = paintRow(m_delegate, m_model, 2, 400, &option);
    const QList<QRect> rects = m_delegate.badgeRects(option, m_model.index(2, 0));
    QCOMPARE(rects.size(), 2);
    QVERIFY(rects.at(0).right() < rects.at(1).left());
    QVERIFY(rects.at(1).right() <= option.rect.right());
    QVERIFY(rects.at(1).right() > option.rect.right() - 20); // at the right edge
    for (const QRect &r : rects)
        QVERIFY2(inkIn(image, r) > r.width() * r.height() / 4, "a badge is not painted");
    // The name is drawn left of the badges.
    QVERIFY(inkIn(image, QRect(0, 0, rects.at(0).left() - 8, option.rect.height())) > 20);
}

void TestTargetItemDelegate::roleChange_changesThePainting() {
    // pixtral paints a vision badge; once the model says it has no vision, the place where
    // the badge was is blank and the tools badge moved to the edge.
    QStyleOptionViewItem option;
    const QImage before = paintRow(m_delegate, m_model, 2, 400, &option);
    const QRect vision = m_delegate.badgeRects(option, m_model.index(2, 0)).at(0);
    QVERIFY(inkIn(before, vision) > 0);

    m_model.setModels({card(u"pixtral-large-latest"_s, false, true),
                       card(u"mistral-small-latest"_s, false, true),
                       card(u"open-plain-latest"_s, false, false)});
    QCOMPARE(TargetItemDelegate::badges(m_model.index(2, 0)), QList<Badge>{Badge::Tools});
    const QImage after = paintRow(m_delegate, m_model, 2, 400, &option);
    const QList<QRect> rects = m_delegate.badgeRects(option, m_model.index(2, 0));
    QCOMPARE(rects.size(), 1);
    const QRect gap(vision.left(), vision.top(), rects.at(0).left() - vision.left() - 1,
                    vision.height());
    QVERIFY(gap.width() >= vision.width());
    QCOMPARE(inkIn(after, gap), 0);
    QVERIFY(inkIn(after, rects.at(0)) > 0);

    // A row without badges paints nothing at the right edge.
    const QImage plain = paintRow(m_delegate, m_model, 1, 400, &option);
    QCOMPARE(inkIn(plain, QRect(option.rect.right() - 60, 0, 60, option.rect.height())), 0);
}

QTEST_MAIN(TestTargetItemDelegate)
#include "tst_targetitemdelegate.moc"
