// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatView.h"

#include "core/Logging.h"
#include "models/ConversationModel.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatKeyboardTargets.h"
#include "ui/chat/ChatRowActions.h"
#include "ui/chat/ChatRowHighlight.h"
#include "ui/chat/ChatTextSelection.h"
#include "ui/chat/ChatViewAccessible.h"
#include "ui/chat/ImageRepository.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int kPinSlack = 8; // this close to the bottom counts as at the bottom
constexpr int kAnimationIntervalMs = 50;

} // namespace

ChatView::ChatView(QWidget *parent)
    : QListView(parent) {
    // Screen readers see the rows and their buttons, not one painted surface. First, before
    // anything here can make Qt create the plain list's interface for this view.
    ChatViewAccessible::install();
    setObjectName(u"chatView"_s);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(false);
    // SinglePass, not Batched: QListView relays out from row 0 on every dataChanged, and in
    // Batched mode the rows past the first batch are gone until later batches run, so the
    // bottom of a long chat (where streaming happens) blanks on every update. A full pass
    // over cached heights costs about a millisecond for 10,000 rows.
    setLayoutMode(SinglePass);
    setResizeMode(Adjust);
    setSelectionMode(NoSelection);
    setEditTriggers(NoEditTriggers);
    setAutoScroll(false);
    setDragEnabled(false);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setSpacing(0);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    setAccessibleName(tr("Conversation"));

    m_images = new ImageRepository(this);
    m_delegate = new ChatDelegate(m_images, &m_heights, &m_interaction, this);
    QListView::setItemDelegate(m_delegate);
    m_delegate->setStyle(ChatStyle(palette(), font()));
    m_actions = new ChatRowActions(this, &m_interaction);
    connect(m_delegate, &ChatDelegate::actionTriggered, m_actions, &ChatRowActions::trigger);
    connect(m_actions, &ChatRowActions::imageRequested, this, &ChatView::onImageChanged);
    connect(m_actions, &ChatRowActions::animationMayHaveStarted, this, &ChatView::updateAnimation);
    connect(m_delegate, &ChatDelegate::repaintNeeded, viewport(), qOverload<>(&QWidget::update));
    connect(m_images, &ImageRepository::imageChanged, this, &ChatView::onImageChanged);

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ChatView::onScrollValueChanged);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &ChatView::onScrollRangeChanged);
    // Near the top of a long conversation: the rows before the loaded ones are wanted.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (verticalScrollBar()->maximum() > 0 && value <= viewport()->height() / 2)
            Q_EMIT olderRowsWanted();
    });

    m_jumpButton = new QToolButton(this);
    m_jumpButton->setObjectName(u"jumpToLatestToolButton"_s);
    m_jumpButton->setText(tr("Jump to latest ↓"));
    m_jumpButton->setToolTip(tr("Scroll to the newest message (End)"));
    m_jumpButton->setCursor(Qt::PointingHandCursor);
    m_jumpButton->setFocusPolicy(Qt::NoFocus);
    m_jumpButton->setStyleSheet(
        u"QToolButton { border: 1px solid palette(mid); border-radius: 14px;"
        " padding: 5px 14px; background: palette(button); color: palette(button-text); }"
        " QToolButton:hover { background: palette(light); }"_s);
    m_jumpButton->hide();
    connect(m_jumpButton, &QToolButton::clicked, this, &ChatView::scrollToLatest);

    m_highlight = new ChatRowHighlight(this);
    m_selection = new ChatTextSelection(this, &m_interaction);
    m_keyboard = std::make_unique<ChatKeyboardTargets>(this, &m_interaction);
    m_animation.setInterval(kAnimationIntervalMs);
    connect(&m_animation, &QTimer::timeout, this, &ChatView::animate);
}

ChatView::~ChatView() = default;

void ChatView::setModel(ConversationModel *model) {
    setModel(static_cast<QAbstractItemModel *>(model));
}

void ChatView::setModel(QAbstractItemModel *model) {
    auto *conversation = qobject_cast<ConversationModel *>(model);
    if (model && !conversation) {
        qCWarning(lcUi) << "ChatView shows a ConversationModel only";
        return;
    }
    m_model = conversation;
    m_delegate->setModel(conversation);
    m_imageShapes.clear();
    m_pinned = true;
    QListView::setModel(model);
    updateJumpButton();
}

void ChatView::setImageFetcher(std::shared_ptr<ImageFetcher> fetcher) {
    m_images->setFetcher(std::move(fetcher));
}

void ChatView::setConfirmer(Confirmer confirmer) {
    m_actions->setConfirmer(std::move(confirmer));
}

void ChatView::setUrlOpener(UrlOpener opener) {
    m_actions->setUrlOpener(std::move(opener));
}

int ChatView::contentWidth() const {
    return viewport()->width();
}

// --- Model changes -------------------------------------------------------------------------

void ChatView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles) {
    if (!m_model || !topLeft.isValid() || !bottomRight.isValid()) {
        QListView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    bool heightChanged = false;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        heightChanged = m_delegate->rowChanged(row, contentWidth()) || heightChanged;
    if (heightChanged) {
        // QListView lays every row out again (cheap: heights are cached) and repaints.
        QListView::dataChanged(topLeft, bottomRight, roles);
    } else {
        // Same height: repaint the row, skip the layout pass.
        // NOLINTNEXTLINE(bugprone-parent-virtual-call): skipping QListView's is the point
        QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
    }
    // The animation timer is checked after the paint that follows.
}

void ChatView::rowsInserted(const QModelIndex &parent, int start, int end) {
    if (!parent.isValid() && !m_pinned && m_model
        && start < m_model->rowCount() - (end - start + 1)) {
        // Rows above the others (an older page): the layout still has the old rows, so the
        // row at the top now is found under its old number and shifted by the insertion.
        const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0));
        if (top.isValid() && top.row() >= start) {
            m_pendingAnchorRow = top.row() + (end - start + 1);
            m_pendingAnchorTop = visualRect(top).top();
        }
    }
    if (!parent.isValid())
        m_delegate->insertRows(start, end);
    QListView::rowsInserted(parent, start, end);
}

void ChatView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) {
    if (!parent.isValid())
        m_delegate->forgetRows(start, end);
    QListView::rowsAboutToBeRemoved(parent, start, end);
}

void ChatView::reset() {
    m_pendingAnchorRow = -1;
    m_selection->cancel();
    m_interaction.selectionKey.clear();
    m_interaction.selectionRange = {};
    m_highlight->clear();
    m_delegate->clearLayouts();
    m_imageShapes.clear();
    m_pinned = true;
    QListView::reset();
    updateJumpButton();
}

// --- Layout and scrolling ------------------------------------------------------------------

void ChatView::doItemsLayout() {
    if (!m_delegate || m_inLayout) { // during construction, or nested
        QListView::doItemsLayout();
        return;
    }
    // Keep what the user looks at in place when rows above it change height.
    int anchorRow = -1;
    int anchorTop = 0;
    if (m_pendingAnchorRow >= 0) {
        anchorRow = m_pendingAnchorRow;
        anchorTop = m_pendingAnchorTop;
        m_pendingAnchorRow = -1;
    } else if (!m_pinned && m_model && m_model->rowCount() > 0) {
        const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0));
        if (top.isValid()) {
            anchorRow = top.row();
            anchorTop = visualRect(top).top();
        }
    }
    {
        QScopedValueRollback adjusting(m_adjusting, true);
        QScopedValueRollback inLayout(m_inLayout, true);
        // Rows about to be on screen are measured first, so they are never painted with an
        // estimated height; a pass that changed heights is followed by another layout.
        for (int pass = 0; pass < 4; ++pass) {
            QListView::doItemsLayout();
            restoreAnchor(anchorRow, anchorTop);
            if (!measureAroundViewport())
                break;
        }
        verticalScrollBar()->setSingleStep(
            qMax(20, qRound(m_delegate->chatStyle().fm.lineSpacing() * 3)));
    }
    updateJumpButton();
}

void ChatView::restoreAnchor(int anchorRow, int anchorTop) {
    QScrollBar *bar = verticalScrollBar();
    if (m_pinned)
        bar->setValue(bar->maximum());
    else if (m_model && anchorRow >= 0 && anchorRow < m_model->rowCount())
        bar->setValue(rectForIndex(m_model->index(anchorRow)).top() - anchorTop);
}

bool ChatView::measureAroundViewport() {
    if (!m_model || m_model->rowCount() == 0 || !isVisible())
        return false;
    // The rows on screen and half a screen beyond each edge.
    const int margin = viewport()->height() / 2;
    const int x = viewport()->width() / 2;
    QModelIndex first = indexAt(QPoint(x, -margin));
    if (!first.isValid())
        first = indexAt(QPoint(x, 0));
    if (!first.isValid())
        first = m_model->index(0);
    QModelIndex last = indexAt(QPoint(x, viewport()->height() + margin));
    const int lastRow = last.isValid() ? last.row() : m_model->rowCount() - 1;
    return m_delegate->measureRows(first.row(), lastRow, contentWidth());
}

void ChatView::scrollContentsBy(int dx, int dy) {
    QListView::scrollContentsBy(dx, dy);
    if (m_inLayout || !m_delegate || dy == 0)
        return;
    // This runs before valueChanged reaches onScrollValueChanged: decide here whether the
    // user left the bottom, or the layout below would pin the view back to it.
    if (!m_adjusting)
        onScrollValueChanged(verticalScrollBar()->value());
    // Rows coming into view get their exact height now, before the paint that shows them.
    if (measureAroundViewport())
        doItemsLayout();
}

void ChatView::onScrollValueChanged(int value) {
    if (m_adjusting)
        return;
    const bool atBottom = value >= verticalScrollBar()->maximum() - kPinSlack;
    if (atBottom != m_pinned) {
        m_pinned = atBottom;
        updateJumpButton();
    }
}

void ChatView::onScrollRangeChanged(int, int max) {
    if (m_pinned) {
        QScopedValueRollback guard(m_adjusting, true);
        verticalScrollBar()->setValue(max);
    }
    updateJumpButton();
}

void ChatView::scrollToLatest() {
    m_pinned = true;
    {
        QScopedValueRollback guard(m_adjusting, true);
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    }
    updateJumpButton();
}

void ChatView::updateJumpButton() {
    const bool show = !m_pinned && verticalScrollBar()->maximum() > 0;
    if (show) {
        m_jumpButton->adjustSize();
        const QRect vp = viewport()->geometry();
        m_jumpButton->move(vp.center().x() - m_jumpButton->width() / 2,
                           vp.bottom() - m_jumpButton->height() - 14);
        m_jumpButton->raise();
    }
    m_jumpButton->setVisible(show);
}

void ChatView::resizeEvent(QResizeEvent *event) {
    const int oldWidth = event->oldSize().width();
    // QListView relays out only when the height changes in list mode; here the width decides
    // every row's height, so lay out again at once when it changes.
    // NOLINTNEXTLINE(bugprone-parent-virtual-call): QListView's is replaced, not extended
    QAbstractItemView::resizeEvent(event);
    if (!m_delegate)
        return;
    if (event->size().width() != oldWidth)
        scheduleDelayedItemsLayout();
    updateJumpButton();
}

void ChatView::paintEvent(QPaintEvent *event) {
    if (m_images)
        m_images->setDevicePixelRatio(viewport()->devicePixelRatioF()); // no-op when unchanged
    QListView::paintEvent(event);
    if (!m_delegate)
        return;
    m_highlight->paint();
    m_keyboard->paintFocus();
    // Rows measured for the first time during this paint: one layout pass for all of them.
    m_delegate->flushSizeHintChanges();
    updateAnimation();
}

QList<int> ChatView::visibleRows() const {
    QList<int> rows;
    if (!m_model || m_model->rowCount() == 0)
        return rows;
    const QModelIndex first = indexAt(QPoint(viewport()->width() / 2, 0));
    if (!first.isValid())
        return rows;
    const int bottom = viewport()->height();
    for (int row = first.row(); row < m_model->rowCount(); ++row) {
        const QRect r = visualRect(m_model->index(row));
        if (r.top() >= bottom)
            break;
        rows.append(row);
    }
    return rows;
}

void ChatView::updateAnimation() {
    bool any = false;
    if (isVisible()) {
        const QList<int> rows = visibleRows();
        for (int row : rows) {
            if (m_delegate->isAnimated(row)) {
                any = true;
                break;
            }
        }
    }
    if (any && !m_animation.isActive())
        m_animation.start();
    else if (!any)
        m_animation.stop();
}

void ChatView::animate() {
    const QList<int> rows = visibleRows();
    bool any = false;
    for (int row : rows) {
        if (m_delegate->isAnimated(row)) {
            const QRect rect = visualRect(m_model->index(row));
            viewport()->update(m_delegate->animationRect(row, rect, contentWidth()));
            any = true;
        }
    }
    if (!any)
        m_animation.stop();
}

// --- Input ---------------------------------------------------------------------------------

void ChatView::keyPressEvent(QKeyEvent *event) {
    const bool press = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
                       || event->key() == Qt::Key_Space;
    if (press && m_interaction.keyboardRow >= 0 && event->modifiers() == Qt::NoModifier) {
        m_actions->trigger(m_interaction.keyboardRow, m_interaction.keyboardTarget);
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::Copy)) {
        copy();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && hasTextSelection()) {
        clearTextSelection();
        event->accept();
        return;
    }
    QScrollBar *bar = verticalScrollBar();
    const int line = bar->singleStep();
    const int page = qMax(line, viewport()->height() - 2 * line);
    switch (event->key()) {
    case Qt::Key_Up:
        bar->setValue(bar->value() - line);
        break;
    case Qt::Key_Down:
        bar->setValue(bar->value() + line);
        break;
    case Qt::Key_PageUp:
        bar->setValue(bar->value() - page);
        break;
    case Qt::Key_PageDown:
        bar->setValue(bar->value() + page);
        break;
    case Qt::Key_Home:
        bar->setValue(bar->minimum());
        break;
    case Qt::Key_End:
        scrollToLatest();
        break;
    default:
        QListView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ChatView::mouseMoveEvent(QMouseEvent *event) {
    if (!m_delegate) {
        QListView::mouseMoveEvent(event);
        return;
    }
    if (m_selection->move(event->position().toPoint(), event->buttons())) {
        event->accept();
        return;
    }
    const QModelIndex index = indexAt(event->position().toPoint());
    const int previous = m_interaction.hoverRow;
    if (!index.isValid()) {
        m_interaction.hoverRow = -1;
        viewport()->unsetCursor();
    }
    if (previous >= 0 && previous != index.row() && m_model && previous < m_model->rowCount())
        viewport()->update(visualRect(m_model->index(previous)));
    QListView::mouseMoveEvent(event);
}

void ChatView::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && m_model)
        m_selection->press(event->position().toPoint());
    QListView::mousePressEvent(event);
}

void ChatView::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton)
        m_selection->release(event->position().toPoint());
    QListView::mouseReleaseEvent(event);
}

void ChatView::mouseDoubleClickEvent(QMouseEvent *event) {
    // First: without a press on the same row before, the base class turns the event into a
    // press, which must not be taken for the third click of a triple-click.
    QListView::mouseDoubleClickEvent(event);
    if (event->button() == Qt::LeftButton && m_model)
        m_selection->doubleClick(event->position().toPoint());
}

void ChatView::contextMenuEvent(QContextMenuEvent *event) {
    if (!m_model) {
        QListView::contextMenuEvent(event);
        return;
    }
    const QModelIndex index = indexAt(event->pos());
    QMenu menu(this);
    menu.setObjectName(u"chatContextMenu"_s);
    QAction *copySelection = menu.addAction(tr("Copy Selection"));
    copySelection->setObjectName(u"copySelectionAction"_s);
    copySelection->setShortcut(QKeySequence::Copy);
    copySelection->setEnabled(hasTextSelection());
    connect(copySelection, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(selectedText()); });
    QAction *copyRow = menu.addAction(tr("Copy Message"));
    copyRow->setObjectName(u"copyMessageAction"_s);
    copyRow->setEnabled(index.isValid());
    const QPersistentModelIndex row(index);
    connect(copyRow, &QAction::triggered, this, [this, row] {
        if (!row.isValid())
            return;
        setCurrentIndex(row);
        copyCurrentRow();
    });
    menu.exec(event->globalPos());
    event->accept();
}

// --- Text selection ------------------------------------------------------------------------

int ChatView::rowOfKey(const QString &key, int &hint) const {
    if (!m_model || key.isEmpty())
        return -1;
    const int rows = m_model->rowCount();
    if (hint >= 0 && hint < rows && m_model->item(hint).key == key)
        return hint;
    for (int row = rows - 1; row >= 0; --row) {
        if (m_model->item(row).key == key) {
            hint = row;
            return row;
        }
    }
    return -1;
}

QStyleOptionViewItem ChatView::optionFor(const QModelIndex &index) const {
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    option.widget = this;
    return option;
}

bool ChatView::hasTextSelection() const {
    return m_selection->hasSelection();
}

QString ChatView::selectedText() const {
    return m_selection->selectedText();
}

void ChatView::clearTextSelection() {
    m_selection->clear();
}

void ChatView::copy() {
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
    else
        copyCurrentRow();
}

bool ChatView::viewportEvent(QEvent *event) {
    if (event->type() == QEvent::Leave && m_delegate) {
        const int previous = m_interaction.hoverRow;
        m_interaction.hoverRow = -1;
        if (previous >= 0 && m_model && previous < m_model->rowCount())
            viewport()->update(visualRect(m_model->index(previous)));
    }
    return QListView::viewportEvent(event);
}

void ChatView::changeEvent(QEvent *event) {
    // A new language changes the rows' words (buttons, tool titles, notes) as a new style
    // changes their look: every cached layout and document is made again.
    const bool look = event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
                      || event->type() == QEvent::StyleChange
                      || event->type() == QEvent::LanguageChange;
    if (m_delegate && look) {
        m_delegate->setStyle(ChatStyle(palette(), font()));
        scheduleDelayedItemsLayout();
    }
    QListView::changeEvent(event);
}

void ChatView::copyCurrentRow() {
    m_actions->copyCurrentRow();
}

void ChatView::copyLastAnswer() {
    m_actions->copyLastAnswer();
}

void ChatView::setImageViewerEnabled(bool enabled) {
    m_actions->setImageViewerEnabled(enabled);
}

void ChatView::setSavePathChooser(SavePathChooser chooser) {
    m_actions->setSavePathChooser(std::move(chooser));
}

// --- Images --------------------------------------------------------------------------------

void ChatView::onImageChanged(const QString &key) {
    // What decides the height of the rows showing it: the natural size once known (rows had
    // the default square until then), or a compact box for a failure without a size.
    QSize shape = m_images->naturalSize(key);
    if (!shape.isValid() && m_images->status(key) == ImageRepository::Status::Failed)
        shape = QSize(-2, -2);
    bool relayout = false;
    if (m_imageShapes.value(key) != shape) {
        m_imageShapes.insert(key, shape);
        m_delegate->invalidateImageRows();
        relayout = true;
    }
    const QList<QString> messages = m_delegate->messagesWithInlineImage(key);
    if (!messages.isEmpty() && m_images->status(key) == ImageRepository::Status::Ready) {
        for (const QString &message : messages)
            m_delegate->invalidateMessage(message);
        relayout = true;
    }
    if (relayout)
        scheduleDelayedItemsLayout();
    viewport()->update();
    updateAnimation();
}

// --- Row buttons from the keyboard ---------------------------------------------------------

QStringList ChatView::rowActionNames(int row) const {
    return m_keyboard->actionNames(row);
}

bool ChatView::triggerRowAction(int row, const QString &name) {
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    if (!rowActionNames(row).contains(name))
        return false;
    scrollTo(m_model->index(row));
    // Scrolling moved the targets: find the button again where it is now.
    const std::optional<ChatHit> target = m_keyboard->targetNamed(row, name);
    if (!target)
        return false;
    m_actions->trigger(row, *target);
    return true;
}

bool ChatView::focusNextPrevChild(bool next) {
    if (hasFocus() && m_keyboard->move(next))
        return true;
    return QListView::focusNextPrevChild(next);
}

void ChatView::focusOutEvent(QFocusEvent *event) {
    // Tab and Shift+Tab past the last button leave the view; another reason keeps the place.
    if (event->reason() != Qt::TabFocusReason && event->reason() != Qt::BacktabFocusReason
        && m_interaction.keyboardRow >= 0)
        viewport()->update(visualRect(m_model->index(m_interaction.keyboardRow)));
    QListView::focusOutEvent(event);
}

// --- Revealing a row (search hits) ---------------------------------------------------------

void ChatView::revealRow(int row) {
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    m_pinned = false;
    // Laid out with the row a fifth of the way down; rows around it are measured first.
    m_pendingAnchorRow = row;
    m_pendingAnchorTop = viewport()->height() / 5;
    doItemsLayout();
    m_highlight->start(row, m_model->item(row).key);
    setCurrentIndex(m_model->index(row));
    updateJumpButton();
    viewport()->update();
}

void ChatView::showRowAt(int row, int y) {
    keepRowAt(row, viewport()->height() / 3 - y);
}

void ChatView::keepRowAt(int row, int top) {
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    m_pinned = false;
    m_pendingAnchorRow = row;
    m_pendingAnchorTop = top;
    doItemsLayout();
    updateJumpButton();
    viewport()->update();
}

void ChatView::setFindMatches(const ChatFindMatches *matches) {
    if (m_interaction.find == matches)
        return;
    m_interaction.find = matches;
    viewport()->update();
}

int ChatView::highlightedRow() const {
    return m_highlight->row();
}

} // namespace Tramontane
