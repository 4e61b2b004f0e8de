// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace Tramontane {

//! Every custom item-data role of the project's models, in one place, so that roles of
//! different models never collide and views can be written against names, not numbers.
//! Unscoped on purpose: the item-model API takes plain ints.
namespace Roles {
enum : int {
    // ChatTargetModel (models and agents a chat can talk to)
    TargetIdRole = Qt::UserRole + 1,
    TargetKindRole,
    TargetSubtitleRole,
    VisionRole,
    FunctionCallingRole,
    ReasoningRole,
    ContextLengthRole,
    DeprecatedRole,

    // Conversation rows. The chat view (ChatView, ChatDelegate and their parts) reads ChatItem
    // through ConversationModel::item() directly, for speed: a row is laid out and painted from
    // a dozen of its fields, many times per frame, without a QVariant per field. Only these
    // two roles are offered to anything else; add a role when something reads it.
    ItemTextRole = Qt::UserRole + 100,
    ItemExpandedRole,

    // Conversation list (ConversationListModel) and search hits (ConversationSearchModel)
    ConversationIdRole = Qt::UserRole + 200,
    ConversationTitleRole,      //!< the stored title; empty until one can be derived
    ConversationUpdatedRole,    //!< QDateTime (UTC): the last activity
    ConversationPinnedRole,     //!< bool
    ConversationDayGroupRole,   //!< QString: "Pinned", "Today", "Yesterday", a month…
    ConversationGroupStartRole, //!< bool: the first row of its group (draws the header)
    ConversationInfoRole,       //!< the ConversationInfo
    SearchMessageIdRole,        //!< qint64: the message a search hit is in
    SearchPositionRole,         //!< qint64: its position in the conversation
    SearchSnippetRole,          //!< QString: plain text around the match
    SearchHighlightsRole,       //!< QList<TextRange>: the matched words in the snippet

    // Connectors
    ConnectorIdRole = Qt::UserRole + 300,
    ConnectorNameRole,
    ConnectorObjectRole,
    ConnectorBuiltInRole,
    ConnectorServerRole,    //!< the server URL (QString)
    ConnectorInsecureRole,  //!< bool: the server URL is plain http (loopback)
    ConnectorToolCountRole, //!< int, or invalid when the API did not list the tools
    ConnectorToolStateRole, //!< int(ToolApprovalStore::State) of the listed tools
    ConnectorSortRole,      //!< the column's value for sorting (numbers and booleans as such)

    // Connector headers (ConnectorHeadersModel: the connector editor's headers table)
    HeaderPlaceholderRole = Qt::UserRole + 350, //!< QString: what an empty cell says
    HeaderSecretRole,                           //!< bool: the value is secret (masked)

    // Agents
    AgentIdRole = Qt::UserRole + 400,
    AgentObjectRole,
    AgentVersionRole,
    AgentNameRole,
    AgentModelRole,
    AgentToolsRole,   //!< QStringList: a readable name per tool
    AgentUpdatedRole, //!< QDateTime
    AgentDescriptionRole,

    // Tool choices (ToolChoiceModel: the agent editor and the chat composer)
    ToolTypeRole = Qt::UserRole + 450, //!< the wire type ("image_generation", "connector", …)
    ToolObjectRole,                    //!< the Tool as it would be sent
    ToolConnectorIdRole,
    ToolBuiltInRole,
    ToolAuthNeededRole,    //!< the connector needs a user credential it does not have
    ToolHasCredentialRole, //!< a credential for the connector is stored locally
    ToolMissingRole,       //!< selected, but the account has no such connector
    ToolErrorRole,         //!< what the server said about this tool, or empty
    ToolLibraryIdsRole,    //!< QStringList, document_library only (editable)

    // Document libraries (LibraryListModel, LibraryDocumentModel: the Libraries page)
    LibraryIdRole = Qt::UserRole + 900,
    LibraryDocumentIdRole,    //!< empty while the document is still uploading
    LibraryDocumentStateRole, //!< int: DocumentState; -1 while uploading
    LibrarySortRole,          //!< the column's value for sorting (numbers as such)
};
} // namespace Roles

} // namespace Tramontane
