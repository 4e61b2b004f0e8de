<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>You can try again in %n second.</numerusform>
            <numerusform>You can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message numerus="yes">
        <source>The request was sent %n time(s) without success and the automatic retries are exhausted. Retry when you are ready.</source>
        <translation>
            <numerusform>The request was sent %n time without success and the automatic retries are exhausted. Retry when you are ready.</numerusform>
            <numerusform>The request was sent %n times without success and the automatic retries are exhausted. Retry when you are ready.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDetails</name>
    <message numerus="yes">
        <source>The request was sent %n time(s).</source>
        <translation>
            <numerusform>The request was sent %n time.</numerusform>
            <numerusform>The request was sent %n times.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server sent more data than the limit of %n byte(s).</source>
        <translation>
            <numerusform>The server sent more data than the limit of %n byte.</numerusform>
            <numerusform>The server sent more data than the limit of %n bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>McpConnectionReport</name>
    <message numerus="yes">
        <source>Reachable: %1 · MCP %2 · %n tool(s) · %3 ms</source>
        <translation>
            <numerusform>Reachable: %1 · MCP %2 · %n tool · %3 ms</numerusform>
            <numerusform>Reachable: %1 · MCP %2 · %n tools · %3 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlainBlockCache</name>
    <message numerus="yes">
        <source>… %n more line(s); Copy takes everything</source>
        <translation>
            <numerusform>… %n more line; Copy takes everything</numerusform>
            <numerusform>… %n more lines; Copy takes everything</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorToolsDialog</name>
    <message numerus="yes">
        <source>%n tool(s).</source>
        <translation>
            <numerusform>%n tool.</numerusform>
            <numerusform>%n tools.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed since you approved them.</source>
        <translation>
            <numerusform>%n changed since you approved it.</numerusform>
            <numerusform>%n changed since you approved them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not approved yet.</source>
        <translation>
            <numerusform>%n not approved yet.</numerusform>
            <numerusform>%n not approved yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorsPage</name>
    <message numerus="yes">
        <source>%n connector(s)</source>
        <translation>
            <numerusform>%n connector</numerusform>
            <numerusform>%n connectors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s), not all reviewed yet.</source>
        <translation>
            <numerusform>%n tool, not all reviewed yet.</numerusform>
            <numerusform>%n tools, not all reviewed yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ %n tool(s), all approved.</source>
        <translation>
            <numerusform>✓ %n tool, all approved.</numerusform>
            <numerusform>✓ %n tools, all approved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::LibrariesPage</name>
    <message numerus="yes">
        <source>Its %n document(s) are deleted too. Agents and chats that search it will no longer find them.</source>
        <translation>
            <numerusform>Its %n document are deleted too. Agents and chats that search it will no longer find them.</numerusform>
            <numerusform>Its %n documents are deleted too. Agents and chats that search it will no longer find them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryChecklist</name>
    <message numerus="yes">
        <source>%1 — %n document(s)</source>
        <translation>
            <numerusform>%1 — %n document</numerusform>
            <numerusform>%1 — %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryMenu</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::MistralAuthSection</name>
    <message numerus="yes">
        <source>Sign in in your browser (waiting up to %n minute(s))…</source>
        <translation>
            <numerusform>Sign in in your browser (waiting up to %n minute)…</numerusform>
            <numerusform>Sign in in your browser (waiting up to %n minutes)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::RetryCountdown</name>
    <message numerus="yes">
        <source>Rate limited — retrying in %n s</source>
        <translation>
            <numerusform>Rate limited — retrying in %n s</numerusform>
            <numerusform>Rate limited — retrying in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server had a problem — retrying in %n s</source>
        <translation>
            <numerusform>The server had a problem — retrying in %n s</numerusform>
            <numerusform>The server had a problem — retrying in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connection problem — retrying in %n s</source>
        <translation>
            <numerusform>Connection problem — retrying in %n s</numerusform>
            <numerusform>Connection problem — retrying in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::SettingsDialog</name>
    <message numerus="yes">
        <source>In use: %1 in %n image(s).</source>
        <translation>
            <numerusform>In use: %1 in %n image.</numerusform>
            <numerusform>In use: %1 in %n images.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::TargetProblemBar</name>
    <message numerus="yes">
        <source>The models could not be loaded: %1 Trying again in %n s.</source>
        <translation>
            <numerusform>The models could not be loaded: %1 Trying again in %n s.</numerusform>
            <numerusform>The models could not be loaded: %1 Trying again in %n s.</numerusform>
        </translation>
    </message>
</context>
</TS>