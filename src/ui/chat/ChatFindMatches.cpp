// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatFindMatches.h"

#include "models/ConversationModel.h"

#include <QElapsedTimer>

namespace Tramontane {

namespace {

constexpr int kChangeDelayMs = 150; // a streaming answer is searched again at most this often

qsizetype sourceSize(const ChatItem &item) {
    return item.text.size() + item.toolArguments.size() + item.toolResult.size()
           + (item.hasToolResult ? 1 : 0);
}

} // namespace

ChatFindMatches::ChatFindMatches(QObject *parent)
    : QObject(parent) {
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(kChangeDelayMs);
    connect(&m_changeTimer, &QTimer::timeout, this, &ChatFindMatches::updateChangedRows);
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(0);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &ChatFindMatches::rebuild);
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, [this] { searchOlder(m_sliceMs); });
}

ChatFindMatches::~ChatFindMatches() = default;

void ChatFindMatches::setModel(ConversationModel *model) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_earlierRead = false;
    m_texts.clear();
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_earlierRead = false; // another conversation, or the same one reopened
            m_texts.clear();
            scheduleRebuild();
        });
        connect(model, &QAbstractItemModel::rowsInserted, this, &ChatFindMatches::scheduleRebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ChatFindMatches::scheduleRebuild);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    onRowsChanged(topLeft.row(), bottomRight.row());
                });
    }
    rebuild();
}

void ChatFindMatches::setQuery(const QString &needle, Qt::CaseSensitivity cs,
                               const QString &fromKey) {
    m_needle = needle;
    m_cs = cs;
    m_currentUnit = -1;
    m_currentOrdinal = -1;
    rebuild();
    m_fromUnit = fromKey.isEmpty() ? 0 : int(m_unitIndex.value(fromKey, 0));
    if (m_total > 0)
        selectFrom(m_fromUnit);
    if (isSearching())
        searchOlder(m_firstSliceMs); // most searches end there
    else
        Q_EMIT matchesChanged();
}

void ChatFindMatches::clear() {
    m_needle.clear();
    m_units.clear();
    m_unitIndex.clear();
    m_earlier.clear();
    m_earlierRead = false;
    m_texts.clear();
    m_total = 0;
    m_notLoaded = 0;
    m_currentUnit = -1;
    m_currentOrdinal = -1;
    m_changeTimer.stop();
    m_rebuildTimer.stop();
    m_sliceTimer.stop();
    m_pending = -1;
    Q_EMIT matchesChanged();
}

void ChatFindMatches::flush() {
    if (m_rebuildTimer.isActive())
        rebuild();
    if (m_changeTimer.isActive()) {
        m_changeTimer.stop();
        updateChangedRows();
    }
    if (isSearching())
        searchOlder(-1);
}

// --- Searching ------------------------------------------------------------------------------

const QString &ChatFindMatches::textOf(const ChatItem &item) {
    auto it = m_texts.find(item.key);
    const qsizetype size = sourceSize(item);
    if (it == m_texts.end() || it->sourceSize != size)
        it = m_texts.insert(item.key, CachedText{size, ChatFindText::visibleText(item)});
    return it->text;
}

void ChatFindMatches::searchUnit(Unit &unit, const ChatItem &item) {
    unit.ranges.clear();
    if (m_needle.isEmpty() || !ChatFindText::isSearchable(item)
        || !ChatFindText::mayContain(item, m_needle, m_cs))
        return;
    unit.ranges = ChatFindText::findAll(textOf(item), m_needle, m_cs);
}

void ChatFindMatches::readEarlier() {
    if (m_earlierRead || !m_model)
        return;
    const QList<ChatEntry> earlier = m_model->earlierEntries();
    m_earlier = ConversationModel::deriveItems(earlier, 0, int(earlier.size()));
    m_earlierRead = true;
}

void ChatFindMatches::rebuild() {
    m_rebuildTimer.stop();
    const QString currentKey = m_currentUnit >= 0 ? m_units.at(m_currentUnit).key : QString();
    const int currentOrdinal = m_currentOrdinal;
    m_units.clear();
    m_unitIndex.clear();
    m_loadedKeys.clear();
    m_total = 0;
    m_notLoaded = 0;
    m_currentUnit = -1;
    m_currentOrdinal = -1;
    if (!m_model || m_needle.isEmpty())
        return;
    readEarlier();
    const int rows = m_model->rowCount();
    m_loadedKeys.reserve(rows);
    for (int row = 0; row < rows; ++row)
        m_loadedKeys.insert(m_model->item(row).key);
    m_sliceTimer.stop();
    m_pending = -1;
    const auto add = [this](const ChatItem &item, int earlier) {
        if (!ChatFindText::isSearchable(item))
            return;
        Unit unit{item.key, {}, -1};
        const auto cached = m_texts.constFind(item.key);
        if (earlier < 0 || !ChatFindText::mayContain(item, m_needle, m_cs)
            || (cached != m_texts.cend() && cached->sourceSize == sourceSize(item))) {
            searchUnit(unit, item); // loaded, or cheap
        } else {
            unit.earlier = earlier; // its markdown to render: searched in slices
            m_pending = int(m_units.size());
        }
        m_total += int(unit.ranges.size());
        m_unitIndex.insert(unit.key, int(m_units.size()));
        m_units.append(std::move(unit));
    };
    // Older messages first, those loaded since excepted.
    for (int i = 0; i < m_earlier.size(); ++i) {
        const ChatItem &item = m_earlier.at(i);
        if (!m_loadedKeys.contains(item.key)) {
            add(item, i);
            ++m_notLoaded;
        }
    }
    for (int row = 0; row < rows; ++row)
        add(m_model->item(row), -1);

    // The current match stays where it was when it still exists.
    const int unit = m_unitIndex.value(currentKey, -1);
    if (unit >= 0 && !m_units.at(unit).ranges.isEmpty()) {
        m_currentUnit = unit;
        m_currentOrdinal = qMin(currentOrdinal, int(m_units.at(unit).ranges.size()) - 1);
    } else if (unit >= 0) {
        selectFrom(unit);
    } else if (m_total > 0 && !currentKey.isEmpty()) {
        selectFrom(0);
    }
    if (isSearching())
        m_sliceTimer.start();
    Q_EMIT matchesChanged();
}

void ChatFindMatches::setSliceMs(int firstMs, int nextMs) {
    m_firstSliceMs = qMax(0, firstMs);
    m_sliceMs = qMax(0, nextMs);
}

void ChatFindMatches::searchOlder(int budgetMs) {
    m_sliceTimer.stop();
    QElapsedTimer clock;
    clock.start();
    // Nearest to the loaded rows first: going back from the first loaded match finds these.
    while (m_pending >= 0) {
        Unit &unit = m_units[m_pending];
        --m_pending;
        if (unit.earlier < 0)
            continue;
        searchUnit(unit, m_earlier.at(unit.earlier));
        unit.earlier = -1;
        m_total += int(unit.ranges.size());
        if (budgetMs >= 0 && clock.elapsed() >= budgetMs)
            break;
    }
    const bool found = m_currentUnit < 0 && m_total > 0 && !m_needle.isEmpty();
    if (found)
        selectFrom(m_fromUnit);
    if (m_pending >= 0)
        m_sliceTimer.start();
    Q_EMIT matchesChanged();
    if (found)
        Q_EMIT currentFound();
}

void ChatFindMatches::scheduleRebuild() {
    if (!m_needle.isEmpty())
        m_rebuildTimer.start();
}

void ChatFindMatches::onRowsChanged(int first, int last) {
    if (m_needle.isEmpty() || !m_model)
        return;
    for (int row = qMax(0, first); row <= last && row < m_model->rowCount(); ++row)
        m_changedKeys.insert(m_model->item(row).key);
    if (!m_changeTimer.isActive())
        m_changeTimer.start();
}

void ChatFindMatches::updateChangedRows() {
    const QSet<QString> keys = std::exchange(m_changedKeys, {});
    if (!m_model || m_needle.isEmpty())
        return;
    bool changed = false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const ChatItem &item = m_model->item(row);
        if (!keys.contains(item.key))
            continue;
        const int unit = m_unitIndex.value(item.key, -1);
        if (unit < 0) {
            // A row that was not searchable before (an empty answer that got its first words).
            if (ChatFindText::isSearchable(item)) {
                rebuild();
                return;
            }
            continue;
        }
        const int before = int(m_units.at(unit).ranges.size());
        searchUnit(m_units[unit], item);
        const int after = int(m_units.at(unit).ranges.size());
        m_total += after - before;
        if (unit == m_currentUnit && m_currentOrdinal >= after)
            m_currentOrdinal = after - 1;
        if (unit == m_currentUnit && after == 0)
            selectFrom(unit);
        changed = true;
    }
    if (changed)
        Q_EMIT matchesChanged();
}

// --- The current match ----------------------------------------------------------------------

void ChatFindMatches::selectFrom(int unit) {
    m_currentUnit = -1;
    m_currentOrdinal = -1;
    if (m_total == 0)
        return;
    for (int u = qMax(0, unit); u < m_units.size(); ++u) {
        if (!m_units.at(u).ranges.isEmpty()) {
            m_currentUnit = u;
            m_currentOrdinal = 0;
            return;
        }
    }
    for (int u = qMin(unit, int(m_units.size())) - 1; u >= 0; --u) {
        if (!m_units.at(u).ranges.isEmpty()) {
            m_currentUnit = u;
            m_currentOrdinal = int(m_units.at(u).ranges.size()) - 1;
            return;
        }
    }
}

int ChatFindMatches::currentIndex() const {
    if (m_currentUnit < 0)
        return -1;
    int index = m_currentOrdinal;
    for (int u = 0; u < m_currentUnit; ++u)
        index += int(m_units.at(u).ranges.size());
    return index;
}

int ChatFindMatches::unitOfIndex(int index, int *ordinal) const {
    for (int u = 0; u < m_units.size(); ++u) {
        const int n = int(m_units.at(u).ranges.size());
        if (index < n) {
            *ordinal = index;
            return u;
        }
        index -= n;
    }
    return -1;
}

void ChatFindMatches::setCurrentIndex(int index) {
    if (m_total == 0)
        return;
    index = ((index % m_total) + m_total) % m_total;
    int ordinal = -1;
    const int unit = unitOfIndex(index, &ordinal);
    if (unit < 0)
        return;
    m_currentUnit = unit;
    m_currentOrdinal = ordinal;
    Q_EMIT matchesChanged();
}

void ChatFindMatches::next() {
    if (isSearching() && (currentIndex() < 0 || currentIndex() + 1 >= m_total))
        searchOlder(-1); // going round to the first match, which may not be found yet
    const int index = currentIndex();
    setCurrentIndex(index < 0 ? 0 : index + 1);
}

void ChatFindMatches::previous() {
    if (isSearching() && currentIndex() <= 0)
        searchOlder(-1); // the match before may be in what is not searched yet
    const int index = currentIndex();
    setCurrentIndex(index < 0 ? m_total - 1 : index - 1);
}

ChatFindMatches::Match ChatFindMatches::current() const {
    if (m_currentUnit < 0)
        return {};
    const Unit &unit = m_units.at(m_currentUnit);
    return Match{unit.key, m_currentOrdinal, unit.ranges.at(m_currentOrdinal)};
}

const QList<ChatFindMatches::Range> &ChatFindMatches::rangesOf(const QString &key) const {
    static const QList<Range> none;
    const int unit = m_unitIndex.value(key, -1);
    return unit < 0 ? none : m_units.at(unit).ranges;
}

} // namespace Tramontane
