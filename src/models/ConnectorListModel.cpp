// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ConnectorListModel.h"

#include "core/Logging.h"
#include "core/net/ApiJob.h"
#include "core/services/ConnectorPolicy.h"
#include "core/services/ToolApprovalStore.h"
#include "models/ConnectorAuthState.h"
#include "models/Roles.h"

#include <QFont>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// Server text in a tooltip: escaped and wrapped, so it is never interpreted as markup.
QString plainToolTip(const QString &text) {
    if (text.isEmpty())
        return {};
    return u"<p style='white-space:pre-wrap'>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

QString yesNo(const std::optional<bool> &value) {
    if (!value)
        return {};
    return *value ? ConnectorListModel::tr("Yes") : ConnectorListModel::tr("No");
}

int triState(const std::optional<bool> &value) {
    return value ? (*value ? 1 : 0) : -1;
}

bool isInsecure(const Connector &connector) {
    return connector.server
           && checkServerUrl(*connector.server).verdict == ServerUrlCheck::Verdict::LoopbackHttp;
}

} // namespace

ConnectorListModel::ConnectorListModel(ConnectorService *service, ToolApprovalStore *approvals,
                                       QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
    , m_approvals(approvals) {
    if (m_service) {
        connect(m_service, &ConnectorService::connectorCreated, this, &ConnectorListModel::upsert);
        connect(m_service, &ConnectorService::connectorUpdated, this, &ConnectorListModel::upsert);
        connect(m_service, &ConnectorService::connectorRemoved, this,
                &ConnectorListModel::removeConnector);
    }
    if (m_approvals) {
        connect(m_approvals, &ToolApprovalStore::approvalsChanged, this,
                [this](const QString &connectorId) {
                    const int row = rowOf(connectorId);
                    if (row >= 0)
                        Q_EMIT dataChanged(index(row, ToolsColumn), index(row, ToolsColumn));
                });
    }
}

ConnectorListModel::~ConnectorListModel() {
    // Canceling delivers the callback at once: make it a no-op.
    ++m_generation;
    if (m_job)
        m_job->cancel();
}

void ConnectorListModel::setPageSize(int pageSize) {
    m_pageSize = std::clamp(pageSize, 1, 1000);
}

void ConnectorListModel::setFilters(const ConnectorListFilters &filters) {
    if (filters == m_filters)
        return;
    m_filters = filters;
    if (m_loaded || m_loading)
        reload();
}

void ConnectorListModel::setLoading(bool loading) {
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void ConnectorListModel::reload() {
    ++m_generation;
    if (m_job)
        m_job->cancel();
    m_job = nullptr;
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    m_nextCursor.reset();
    m_loaded = false;
    requestPage(QString());
}

void ConnectorListModel::refreshConnector(const QString &connectorId) {
    if (!m_service || connectorId.isEmpty())
        return;
    m_service->get(connectorId, this, [this](const ServiceResult<Connector> &result) {
        // Only a row still listed is updated: a connector deleted meanwhile stays gone.
        if (result.ok() && rowOf(result.value->id) >= 0)
            upsert(*result.value);
    });
}

void ConnectorListModel::loadMore() {
    if (m_loading)
        return;
    if (!m_loaded) {
        requestPage(QString());
        return;
    }
    if (m_nextCursor)
        requestPage(*m_nextCursor);
}

bool ConnectorListModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_loaded && m_nextCursor && !m_loading && !m_loadError.isError();
}

void ConnectorListModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent))
        requestPage(*m_nextCursor);
}

void ConnectorListModel::requestPage(const QString &cursor) {
    if (!m_service)
        return;
    const quint64 generation = m_generation;
    setLoading(true);
    m_job = m_service->list(cursor, m_pageSize, m_filters, this,
                            [this, generation](const ServiceResult<ConnectorPage> &result) {
                                if (generation != m_generation)
                                    return; // a reload() replaced this request
                                m_job = nullptr;
                                if (!result.ok()) {
                                    if (result.error.isCanceled()) {
                                        setLoading(false);
                                        return;
                                    }
                                    m_loadError = result.error;
                                    setLoading(false);
                                    Q_EMIT loadFailed(m_loadError);
                                    return;
                                }
                                m_loadError = ApiError();
                                applyPage(*result.value);
                                setLoading(false);
                            });
}

void ConnectorListModel::applyPage(const ConnectorPage &page) {
    m_loaded = true;
    m_nextCursor = page.nextCursor;
    QList<Connector> fresh;
    for (const Connector &connector : page.items) {
        if (connector.id.isEmpty())
            continue;
        const int row = rowOf(connector.id);
        if (row >= 0) {
            m_rows[row] = connector; // created here, then listed again
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else if (std::none_of(fresh.cbegin(), fresh.cend(), [&connector](const Connector &c) {
                       return c.id == connector.id;
                   })) {
            fresh.append(connector);
        }
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_rows.append(fresh);
        endInsertRows();
    }
    qCDebug(lcUi) << "connectors page:" << page.items.size() << "items, more:" << hasMore();
    Q_EMIT pageLoaded(int(fresh.size()));
}

void ConnectorListModel::upsert(const Connector &connector) {
    if (connector.id.isEmpty())
        return;
    const int row = rowOf(connector.id);
    if (row >= 0) {
        m_rows[row] = connector;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int last = int(m_rows.size());
    beginInsertRows({}, last, last);
    m_rows.append(connector);
    endInsertRows();
}

void ConnectorListModel::removeConnector(const QString &connectorId) {
    const int row = rowOf(connectorId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

Connector ConnectorListModel::connectorAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Connector();
}

int ConnectorListModel::rowOf(const QString &connectorId) const {
    if (connectorId.isEmpty())
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id.compare(connectorId, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

bool ConnectorListModel::isComplete() const {
    return m_loaded && !m_loading && !hasMore() && !m_loadError.isError();
}

std::optional<Connector> ConnectorListModel::connectorNamed(const QString &key) const {
    for (const Connector &connector : m_rows) {
        if (connector.id == key || connector.name == key)
            return connector;
    }
    return std::nullopt;
}

int ConnectorListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectorListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectorListModel::visibilityText(const QString &visibility) {
    if (visibility == "private"_L1)
        return tr("Private");
    if (visibility == "shared_workspace"_L1)
        return tr("Workspace");
    if (visibility == "shared_org"_L1)
        return tr("Organization");
    if (visibility == "shared_global"_L1)
        return tr("Everyone");
    return visibility;
}

QString ConnectorListModel::emptyListTitle() {
    return tr("No connectors yet");
}

QString ConnectorListModel::emptyListHint() {
    return tr("A connector gives chats the tools of an MCP server. Add one with New… on the "
              "Connectors page.");
}

QVariant ConnectorListModel::toolState(const Connector &connector) const {
    if (!m_approvals || !connector.tools || connector.tools->isEmpty())
        return {};
    return int(m_approvals->summary(connector.id, *connector.tools));
}

void ConnectorListModel::setSignInStateProvider(
    std::function<std::optional<QString>(const Connector &)> provider) {
    m_signInState = std::move(provider);
    refreshSignInStates();
}

void ConnectorListModel::refreshSignInStates() {
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, AuthenticatedColumn), index(rowCount() - 1, AuthenticatedColumn),
                       {Qt::DisplayRole});
}

QVariant ConnectorListModel::displayData(const Connector &connector, int column) const {
    switch (column) {
    case NameColumn:
        return connector.isBuiltIn() ? tr("%1 (built-in)").arg(connector.name) : connector.name;
    case TitleColumn:
        return connector.title.value_or(QString());
    case ServerColumn:
        return connector.server.value_or(QString());
    case VisibilityColumn:
        return visibilityText(connector.visibility);
    case ActiveColumn:
        return yesNo(connector.active);
    case AuthenticatedColumn:
        if (m_signInState) {
            if (const std::optional<QString> state = m_signInState(connector))
                return *state;
        }
        if (ConnectorAuthState::isMistralHeld(connector))
            return ConnectorAuthState::mistralStateText(connector);
        return yesNo(connector.isAuthenticated);
    case ToolsColumn: {
        if (!connector.tools)
            return QString();
        const QString count = QString::number(connector.tools->size());
        if (toolState(connector) == int(ToolApprovalStore::State::Changed))
            return tr("%1 ⚠ changed").arg(count);
        return count;
    }
    default:
        return {};
    }
}

QVariant ConnectorListModel::sortData(const Connector &connector, int column) const {
    switch (column) {
    case NameColumn:
        return connector.name.toLower();
    case TitleColumn:
        return connector.title.value_or(QString()).toLower();
    case ServerColumn:
        return connector.server.value_or(QString()).toLower();
    case VisibilityColumn:
        return visibilityText(connector.visibility).toLower();
    case ActiveColumn:
        return triState(connector.active);
    case AuthenticatedColumn:
        return triState(connector.isAuthenticated);
    case ToolsColumn:
        return connector.tools ? int(connector.tools->size()) : -1;
    default:
        return {};
    }
}

QVariant ConnectorListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Connector &connector = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(connector, column);
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn:
            if (connector.isBuiltIn())
                return plainToolTip(tr("A built-in connector provided by Mistral: it cannot be "
                                       "edited or deleted here.\n\n%1")
                                        .arg(connector.description));
            return plainToolTip(connector.description);
        case ServerColumn:
            if (isInsecure(connector))
                return plainToolTip(tr("%1\nUnencrypted http: acceptable only for a server on "
                                       "this computer.")
                                        .arg(connector.server.value_or(QString())));
            return plainToolTip(connector.server.value_or(QString()));
        case ToolsColumn:
            if (toolState(connector) == int(ToolApprovalStore::State::Changed))
                return plainToolTip(tr("At least one tool changed since you approved it: "
                                       "review the tools."));
            return {};
        default:
            return {};
        }
    case Qt::FontRole:
        if (connector.isBuiltIn()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == ActiveColumn || column == AuthenticatedColumn || column == ToolsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case Roles::ConnectorIdRole:
        return connector.id;
    case Roles::ConnectorNameRole:
        return connector.name;
    case Roles::ConnectorObjectRole:
        return QVariant::fromValue(connector);
    case Roles::ConnectorBuiltInRole:
        return connector.isBuiltIn();
    case Roles::ConnectorServerRole:
        return connector.server.value_or(QString());
    case Roles::ConnectorInsecureRole:
        return isInsecure(connector);
    case Roles::ConnectorToolCountRole:
        return connector.tools ? QVariant(int(connector.tools->size())) : QVariant();
    case Roles::ConnectorToolStateRole:
        return toolState(connector);
    case Roles::ConnectorSortRole:
        return sortData(connector, column);
    default:
        return {};
    }
}

QVariant ConnectorListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TitleColumn:
        return tr("Title");
    case ServerColumn:
        return tr("Server");
    case VisibilityColumn:
        return tr("Visibility");
    case ActiveColumn:
        return tr("Active");
    case AuthenticatedColumn:
        return tr("Sign-in");
    case ToolsColumn:
        return tr("Tools");
    default:
        return {};
    }
}

Qt::ItemFlags ConnectorListModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ConnectorListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(Roles::ConnectorIdRole, "connectorId");
    names.insert(Roles::ConnectorNameRole, "connectorName");
    names.insert(Roles::ConnectorObjectRole, "connector");
    names.insert(Roles::ConnectorBuiltInRole, "builtIn");
    names.insert(Roles::ConnectorServerRole, "server");
    names.insert(Roles::ConnectorInsecureRole, "insecure");
    names.insert(Roles::ConnectorToolCountRole, "toolCount");
    names.insert(Roles::ConnectorToolStateRole, "toolState");
    names.insert(Roles::ConnectorSortRole, "sortValue");
    return names;
}

} // namespace Tramontane
