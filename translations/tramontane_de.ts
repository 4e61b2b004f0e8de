<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentEditorDialog</name>
    <message>
        <source>(The server said: %1)</source>
        <translation>(Antwort des Servers: %1)</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server did not respond in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server sent a response that could not be read.</source>
        <translation>Der Server hat eine Antwort gesendet, die nicht gelesen werden konnte.</translation>
    </message>
    <message>
        <source>The request could not be sent.</source>
        <translation>Die Anfrage konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>The answer was interrupted before it was complete.</source>
        <translation>Die Antwort wurde unterbrochen, bevor sie vollständig war.</translation>
    </message>
    <message>
        <source>The server reported an error while answering.</source>
        <translation>Der Server hat beim Antworten einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The server reported an error while answering: %1</source>
        <translation>Der Server hat beim Antworten einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established.</source>
        <translation>Es konnte keine sichere Verbindung zum Server hergestellt werden.</translation>
    </message>
    <message>
        <source>The proxy server could not be used.</source>
        <translation>Der Proxyserver konnte nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The server address could not be found.</source>
        <translation>Die Serveradresse wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The server refused the connection.</source>
        <translation>Der Server hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>The server closed the connection unexpectedly.</source>
        <translation>Der Server hat die Verbindung unerwartet geschlossen.</translation>
    </message>
    <message>
        <source>The network is not available.</source>
        <translation>Das Netzwerk ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The server redirected the request somewhere it cannot safely go.</source>
        <translation>Der Server hat die Anfrage an ein Ziel umgeleitet, das nicht sicher ist.</translation>
    </message>
    <message>
        <source>A network error occurred.</source>
        <translation>Ein Netzwerkfehler ist aufgetreten.</translation>
    </message>
    <message>
        <source>The server rejected the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The server rejected the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>The conversation is too long for the model.</source>
        <translation>Die Unterhaltung ist zu lang für das Modell.</translation>
    </message>
    <message>
        <source>The API key was rejected.</source>
        <translation>Der API-Schlüssel wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The connector&apos;s server refused the token or credentials it was sent.</source>
        <translation>Der Server des Connectors hat das gesendete Token oder die Zugangsdaten abgelehnt.</translation>
    </message>
    <message>
        <source>The server holding the image refused to send it.</source>
        <translation>Der Server, der das Bild bereithält, hat es nicht herausgegeben.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>Sie haben keine Berechtigung dafür.</translation>
    </message>
    <message>
        <source>The connector&apos;s credentials do not grant the required permissions.</source>
        <translation>Die Zugangsdaten des Connectors gewähren nicht die nötigen Berechtigungen.</translation>
    </message>
    <message>
        <source>The connector was not found.</source>
        <translation>Der Connector wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The agent was not found.</source>
        <translation>Der Agent wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation>Die Datei wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The model was not found.</source>
        <translation>Das Modell wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The server has nothing at this address.</source>
        <translation>Unter dieser Adresse hat der Server nichts.</translation>
    </message>
    <message>
        <source>A connector with this name already exists.</source>
        <translation>Ein Connector mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>An agent with this name already exists.</source>
        <translation>Ein Agent mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>This conflicts with something that already exists.</source>
        <translation>Das steht im Konflikt mit etwas, das bereits existiert.</translation>
    </message>
    <message>
        <source>The connector&apos;s MCP server could not be reached.</source>
        <translation>Der MCP-Server des Connectors war nicht erreichbar.</translation>
    </message>
    <message>
        <source>The model is not valid or not available.</source>
        <translation>Das Modell ist ungültig oder nicht verfügbar.</translation>
    </message>
    <message>
        <source>A tool in the request is not valid: %1</source>
        <translation>Ein Werkzeug in der Anfrage ist ungültig: %1</translation>
    </message>
    <message>
        <source>The request has invalid fields: %1</source>
        <translation>Die Anfrage enthält ungültige Felder: %1</translation>
    </message>
    <message>
        <source>The server could not process the request.</source>
        <translation>Der Server konnte die Anfrage nicht verarbeiten.</translation>
    </message>
    <message>
        <source>The server could not process the request: %1</source>
        <translation>Der Server konnte die Anfrage nicht verarbeiten: %1</translation>
    </message>
    <message>
        <source>Too many requests: the rate limit was reached.</source>
        <translation>Zu viele Anfragen: Das Limit wurde erreicht.</translation>
    </message>
    <message>
        <source>The server had an internal error.</source>
        <translation>Auf dem Server ist ein interner Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>The service is temporarily unavailable.</source>
        <translation>Der Dienst ist vorübergehend nicht verfügbar.</translation>
    </message>
    <message>
        <source>A gateway between you and the server failed.</source>
        <translation>Ein Gateway zwischen Ihnen und dem Server ist ausgefallen.</translation>
    </message>
    <message>
        <source>The connector&apos;s MCP server failed or could not be reached.</source>
        <translation>Der MCP-Server des Connectors ist ausgefallen oder nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server took too long to respond.</source>
        <translation>Der Server hat zu lange für die Antwort gebraucht.</translation>
    </message>
    <message>
        <source>The connector&apos;s MCP server took too long to respond.</source>
        <translation>Der MCP-Server des Connectors hat zu lange für die Antwort gebraucht.</translation>
    </message>
    <message>
        <source>The server had an error (HTTP %1).</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten (HTTP %1).</translation>
    </message>
    <message>
        <source>The server answered with an unexpected redirect (HTTP %1).</source>
        <translation>Der Server hat mit einer unerwarteten Umleitung geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <source>The request failed (HTTP %1).</source>
        <translation>Die Anfrage ist fehlgeschlagen (HTTP %1).</translation>
    </message>
    <message>
        <source>The request failed (HTTP %1): %2</source>
        <translation>Die Anfrage ist fehlgeschlagen (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Check your network connection and try again.</source>
        <translation>Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, the server or a proxy in between may be misbehaving.</source>
        <translation>Versuchen Sie es erneut. Wenn es wieder passiert, verhält sich der Server oder ein Proxy dazwischen womöglich fehlerhaft.</translation>
    </message>
    <message>
        <source>Check the server address in Settings. If it is right, please report this problem.</source>
        <translation>Prüfen Sie die Serveradresse in den Einstellungen. Wenn sie stimmt, melden Sie dieses Problem bitte.</translation>
    </message>
    <message>
        <source>The partial answer is kept. Regenerate it, or ask to continue.</source>
        <translation>Die unvollständige Antwort bleibt erhalten. Erzeugen Sie sie neu oder bitten Sie darum, fortzufahren.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, try another model or a shorter request.</source>
        <translation>Versuchen Sie es erneut. Wenn es wieder passiert, versuchen Sie ein anderes Modell oder eine kürzere Anfrage.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so nothing was sent. Check the system clock and any proxy or firewall that intercepts secure connections.</source>
        <translation>Das Zertifikat des Servers konnte nicht überprüft werden, daher wurde nichts gesendet. Prüfen Sie die Systemuhr sowie jeden Proxy oder jede Firewall, die sichere Verbindungen abfängt.</translation>
    </message>
    <message>
        <source>Check the proxy settings of your system.</source>
        <translation>Prüfen Sie die Proxy-Einstellungen Ihres Systems.</translation>
    </message>
    <message>
        <source>Check your internet connection and the server address in Settings.</source>
        <translation>Prüfen Sie Ihre Internetverbindung und die Serveradresse in den Einstellungen.</translation>
    </message>
    <message>
        <source>Check the server address. If you use a local server, make sure it is running.</source>
        <translation>Prüfen Sie die Serveradresse. Wenn Sie einen lokalen Server verwenden, stellen Sie sicher, dass er läuft.</translation>
    </message>
    <message>
        <source>Check your internet connection and try again.</source>
        <translation>Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Check the message and the settings of this conversation. A very long conversation can also exceed the model&apos;s context window.</source>
        <translation>Prüfen Sie die Nachricht und die Einstellungen dieser Unterhaltung. Eine sehr lange Unterhaltung kann auch das Kontextfenster des Modells überschreiten.</translation>
    </message>
    <message>
        <source>Start a new conversation, or remove older messages or attachments.</source>
        <translation>Beginnen Sie eine neue Unterhaltung oder entfernen Sie ältere Nachrichten oder Anhänge.</translation>
    </message>
    <message>
        <source>Check the key in Settings, or the MISTRAL_API_KEY environment variable.</source>
        <translation>Prüfen Sie den Schlüssel in den Einstellungen oder die Umgebungsvariable MISTRAL_API_KEY.</translation>
    </message>
    <message>
        <source>Your Mistral API key is not the problem: the connector&apos;s token may have expired or been revoked. Open the Connectors page and authorize the connector again (sign in, or update its token), then retry.</source>
        <translation>Ihr Mistral-API-Schlüssel ist nicht das Problem: Das Token des Connectors ist möglicherweise abgelaufen oder widerrufen. Öffnen Sie die Seite „Connectors“, autorisieren Sie den Connector erneut (anmelden oder sein Token aktualisieren) und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>Your API key is not the problem: it is never sent to other servers. The image&apos;s address may have expired; ask for the image again.</source>
        <translation>Ihr API-Schlüssel ist nicht das Problem: Er wird nie an andere Server gesendet. Die Adresse des Bildes ist möglicherweise abgelaufen; fordern Sie das Bild erneut an.</translation>
    </message>
    <message>
        <source>Check that your API key belongs to the right workspace and is allowed to use this feature.</source>
        <translation>Prüfen Sie, ob Ihr API-Schlüssel zum richtigen Workspace gehört und diese Funktion nutzen darf.</translation>
    </message>
    <message>
        <source>Sign in to the connector again and grant the requested scopes.</source>
        <translation>Melden Sie sich erneut beim Connector an und gewähren Sie die angeforderten Berechtigungen.</translation>
    </message>
    <message>
        <source>It may have been deleted or renamed. Refresh the list of connectors.</source>
        <translation>Er wurde möglicherweise gelöscht oder umbenannt. Laden Sie die Liste der Connectors neu.</translation>
    </message>
    <message>
        <source>It may have been deleted. Refresh the list of agents.</source>
        <translation>Er wurde möglicherweise gelöscht. Laden Sie die Liste der Agents neu.</translation>
    </message>
    <message>
        <source>It may have expired or been deleted.</source>
        <translation>Sie ist möglicherweise abgelaufen oder wurde gelöscht.</translation>
    </message>
    <message>
        <source>Choose another model from the list.</source>
        <translation>Wählen Sie ein anderes Modell aus der Liste.</translation>
    </message>
    <message>
        <source>Check the server address (base URL) in Settings.</source>
        <translation>Prüfen Sie die Serveradresse (Basis-URL) in den Einstellungen.</translation>
    </message>
    <message>
        <source>Choose a different name, or delete the existing one first.</source>
        <translation>Wählen Sie einen anderen Namen oder löschen Sie zuerst den vorhandenen Eintrag.</translation>
    </message>
    <message>
        <source>Check the connector&apos;s server URL and that the connector is active.</source>
        <translation>Prüfen Sie die Server-URL des Connectors und ob der Connector aktiv ist.</translation>
    </message>
    <message>
        <source>Choose a model from the list, such as mistral-small-latest.</source>
        <translation>Wählen Sie ein Modell aus der Liste, etwa mistral-small-latest.</translation>
    </message>
    <message>
        <source>Check the tool&apos;s type and settings; each connector may appear only once.</source>
        <translation>Prüfen Sie Typ und Einstellungen des Werkzeugs; jeder Connector darf nur einmal vorkommen.</translation>
    </message>
    <message>
        <source>Check these settings. If they look right, this version of the app may send something the server no longer accepts.</source>
        <translation>Prüfen Sie diese Einstellungen. Wenn sie richtig aussehen, sendet diese Version der App womöglich etwas, das der Server nicht mehr akzeptiert.</translation>
    </message>
    <message>
        <source>Check the request&apos;s settings and try again.</source>
        <translation>Prüfen Sie die Einstellungen der Anfrage und versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>Sie können es in %n Sekunde erneut versuchen.</numerusform>
            <numerusform>Sie können es in %n Sekunden erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait a moment before trying again.</source>
        <translation>Warten Sie einen Moment, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Check the connector&apos;s server URL and that the server is running.</source>
        <translation>Prüfen Sie die Server-URL des Connectors und ob der Server läuft.</translation>
    </message>
    <message>
        <source>Try a simpler request, or check the MCP server.</source>
        <translation>Versuchen Sie eine einfachere Anfrage oder prüfen Sie den MCP-Server.</translation>
    </message>
    <message>
        <source>This is usually temporary. Try again in a moment.</source>
        <translation>Das ist meist nur vorübergehend. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, report it with the request id.</source>
        <translation>Versuchen Sie es erneut. Wenn es wieder passiert, melden Sie es mit der Anfrage-ID.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not a readable event stream.</source>
        <translation>Die Antwort des Servers war kein lesbarer Ereignisstrom.</translation>
    </message>
    <message>
        <source>The server did not answer with an event stream: it sent %1.</source>
        <translation>Der Server hat nicht mit einem Ereignisstrom geantwortet: Er hat %1 gesendet.</translation>
    </message>
    <message>
        <source>No answer arrived. A proxy, a sign-in page or a wrong server address may be answering instead of the API: check the server address in Settings, then retry.</source>
        <translation>Es kam keine Antwort. Möglicherweise antwortet ein Proxy, eine Anmeldeseite oder eine falsche Serveradresse anstelle der API: Prüfen Sie die Serveradresse in den Einstellungen und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The image is larger than %1 MB.</source>
        <translation>Das Bild ist größer als %1 MB.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than %1 MB.</source>
        <translation>Die Antwort des Servers ist größer als %1 MB.</translation>
    </message>
    <message>
        <source>The proxy did not accept the user name or password.</source>
        <translation>Der Proxy hat den Benutzernamen oder das Passwort nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Check the proxy&apos;s user name and password in Settings, Network.</source>
        <translation>Prüfen Sie den Benutzernamen und das Passwort des Proxys unter Einstellungen, Netzwerk.</translation>
    </message>
    <message>
        <source>The library was not found.</source>
        <translation>Die Bibliothek wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The document was not found in this library.</source>
        <translation>Das Dokument wurde in dieser Bibliothek nicht gefunden.</translation>
    </message>
    <message>
        <source>It may have been deleted. Refresh the list of libraries.</source>
        <translation>Das Element wurde möglicherweise gelöscht. Laden Sie die Liste der Bibliotheken neu.</translation>
    </message>
</context>
<context>
    <name>ChatItemText</name>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Show or hide details</source>
        <translation>Details ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Copy the tool&apos;s arguments</source>
        <translation>Die Argumente des Werkzeugs kopieren</translation>
    </message>
    <message>
        <source>Copy the tool&apos;s result</source>
        <translation>Das Ergebnis des Werkzeugs kopieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Show or hide the error&apos;s details</source>
        <translation>Die Details des Fehlers ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Copy the error&apos;s details</source>
        <translation>Die Details des Fehlers kopieren</translation>
    </message>
    <message>
        <source>Load the image again</source>
        <translation>Das Bild erneut laden</translation>
    </message>
    <message>
        <source>Open the image</source>
        <translation>Das Bild öffnen</translation>
    </message>
    <message>
        <source>Answer details</source>
        <translation>Details der Antwort</translation>
    </message>
    <message>
        <source>Open the source</source>
        <translation>Die Quelle öffnen</translation>
    </message>
    <message>
        <source>Allow the tool to run</source>
        <translation>Das Werkzeug laufen lassen</translation>
    </message>
    <message>
        <source>Do not run the tool</source>
        <translation>Das Werkzeug nicht ausführen</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>Continue the answer</source>
        <translation>Antwort fortsetzen</translation>
    </message>
    <message>
        <source>Show the previous version</source>
        <translation>Vorherige Version anzeigen</translation>
    </message>
    <message>
        <source>Show the next version</source>
        <translation>Nächste Version anzeigen</translation>
    </message>
    <message>
        <source>A document of your libraries</source>
        <translation>Ein Dokument aus Ihren Bibliotheken</translation>
    </message>
    <message>
        <source>Save the file</source>
        <translation>Die Datei speichern</translation>
    </message>
</context>
<context>
    <name>ChatKeyboardTargets</name>
    <message>
        <source>Load the image %1</source>
        <translation>Das Bild %1 laden</translation>
    </message>
    <message>
        <source>Open link %1</source>
        <translation>Link %1 öffnen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ChatLinkPrompts</name>
    <message>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>Open this link in your browser?</source>
        <translation>Diesen Link im Browser öffnen?</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open Local Link</source>
        <translation>Lokalen Link öffnen</translation>
    </message>
    <message>
        <source>This link goes to a program on this computer, over an unencrypted connection. Open it only if you expect it.</source>
        <translation>Dieser Link führt über eine unverschlüsselte Verbindung zu einem Programm auf diesem Computer. Öffnen Sie ihn nur, wenn Sie das erwarten.</translation>
    </message>
    <message>
        <source>Load Image</source>
        <translation>Bild laden</translation>
    </message>
    <message>
        <source>Load image from %1?</source>
        <translation>Bild von %1 laden?</translation>
    </message>
    <message>
        <source>The site will see that the image was requested.

%1</source>
        <translation>Die Website erfährt, dass das Bild angefordert wurde.

%1</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Link Not Opened</source>
        <translation>Link nicht geöffnet</translation>
    </message>
    <message>
        <source>Tramontane opens only https and e-mail links from messages.</source>
        <translation>Tramontane öffnet aus Nachrichten nur https- und E-Mail-Links.</translation>
    </message>
</context>
<context>
    <name>ChatRowLayout</name>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Thought for a moment — show</source>
        <translation>Kurz nachgedacht — anzeigen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
</context>
<context>
    <name>ChatRowPainter</name>
    <message>
        <source>Thinking</source>
        <translation>Denkt nach</translation>
    </message>
    <message>
        <source>Thought for a moment</source>
        <translation>Kurz nachgedacht</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>ausblenden</translation>
    </message>
    <message>
        <source>show</source>
        <translation>anzeigen</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>No result.</source>
        <translation>Kein Ergebnis.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Image could not be loaded — </source>
        <translation>Bild konnte nicht geladen werden — </translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Bild wird geladen …</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>CodeExport</name>
    <message>
        <source>the API key for the connector %1</source>
        <translation>der API-Schlüssel für den Connector %1</translation>
    </message>
    <message>
        <source>the OAuth2 access token for the connector %1</source>
        <translation>das OAuth2-Zugriffstoken für den Connector %1</translation>
    </message>
    <message>
        <source>your Mistral API key</source>
        <translation>Ihr Mistral-API-Schlüssel</translation>
    </message>
    <message>
        <source>a secret value</source>
        <translation>ein geheimer Wert</translation>
    </message>
</context>
<context>
    <name>ConnectionConfig</name>
    <message>
        <source>demo mode requested</source>
        <translation>Demomodus angefordert</translation>
    </message>
    <message>
        <source>API key from MISTRAL_API_KEY</source>
        <translation>API-Schlüssel aus MISTRAL_API_KEY</translation>
    </message>
    <message>
        <source>API key from the system keychain</source>
        <translation>API-Schlüssel aus dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>offline demo chosen</source>
        <translation>Offline-Demo gewählt</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <source>The name must not be empty.</source>
        <translation>Der Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The name must not be longer than 64 characters.</source>
        <translation>Der Name darf nicht länger als 64 Zeichen sein.</translation>
    </message>
    <message>
        <source>The name may only contain letters A-Z and a-z, digits, &quot;_&quot; and &quot;-&quot;.</source>
        <translation>Der Name darf nur die Buchstaben A–Z und a–z, Ziffern, „_“ und „-“ enthalten.</translation>
    </message>
</context>
<context>
    <name>ConnectorAuthState</name>
    <message>
        <source>Connected through Mistral</source>
        <translation>Über Mistral verbunden</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>OAuth 2.0, held by Mistral</source>
        <translation>OAuth 2.0, von Mistral verwaltet</translation>
    </message>
    <message>
        <source>OAuth 2.0, signed in from this computer</source>
        <translation>OAuth 2.0, von diesem Computer aus angemeldet</translation>
    </message>
</context>
<context>
    <name>ConnectorPolicy</name>
    <message>
        <source>Enter a header name.</source>
        <translation>Geben Sie einen Header-Namen ein.</translation>
    </message>
    <message>
        <source>A header name may only contain letters, digits and !#$%&amp;&apos;*+-.^_`|~ (no spaces).</source>
        <translation>Ein Header-Name darf nur Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~ enthalten (keine Leerzeichen).</translation>
    </message>
    <message>
        <source>%1 is set by the MCP connection itself.</source>
        <translation>%1 wird von der MCP-Verbindung selbst gesetzt.</translation>
    </message>
    <message>
        <source>A header value must not be longer than 8192 characters.</source>
        <translation>Ein Header-Wert darf nicht länger als 8192 Zeichen sein.</translation>
    </message>
    <message>
        <source>A header value must not contain line breaks or control characters.</source>
        <translation>Ein Header-Wert darf keine Zeilenumbrüche oder Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Enter the address of the MCP server, e.g. https://example.com/mcp.</source>
        <translation>Geben Sie die Adresse des MCP-Servers ein, z. B. https://example.com/mcp.</translation>
    </message>
    <message>
        <source>The address must not be longer than 2083 characters.</source>
        <translation>Die Adresse darf nicht länger als 2083 Zeichen sein.</translation>
    </message>
    <message>
        <source>This is not a complete web address: it needs a scheme and a host, e.g. https://example.com/mcp.</source>
        <translation>Das ist keine vollständige Webadresse: Sie braucht ein Schema und einen Host, z. B. https://example.com/mcp.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>Die Adresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Put credentials in a header, not in the address.</source>
        <translation>Setzen Sie Zugangsdaten in einen Header, nicht in die Adresse.</translation>
    </message>
    <message>
        <source>This address is reserved for the local network link or a cloud metadata service, not for an MCP server.</source>
        <translation>Diese Adresse ist für die lokale Netzwerkverbindung oder einen Cloud-Metadatendienst reserviert, nicht für einen MCP-Server.</translation>
    </message>
    <message>
        <source>Plain http is only allowed for a server on this computer: use https:// so that headers and tool calls are encrypted.</source>
        <translation>Unverschlüsseltes http ist nur für einen Server auf diesem Computer erlaubt: Verwenden Sie https://, damit Header und Werkzeugaufrufe verschlüsselt werden.</translation>
    </message>
    <message>
        <source>Unencrypted http: acceptable only because the server runs on this computer.</source>
        <translation>Unverschlüsseltes http: nur akzeptabel, weil der Server auf diesem Computer läuft.</translation>
    </message>
</context>
<context>
    <name>ConnectorSignInText</name>
    <message>
        <source>refreshing sign-in…</source>
        <translation>Anmeldung wird erneuert …</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>signed in as %1, expires %2</source>
        <translation>angemeldet als %1, läuft ab: %2</translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation>angemeldet als %1</translation>
    </message>
    <message>
        <source>signed in, expires %1</source>
        <translation>angemeldet, läuft ab: %1</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>Sign In to %1…</source>
        <translation>Bei %1 anmelden …</translation>
    </message>
</context>
<context>
    <name>ConversationExporter</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Werkzeugergebnis</translation>
    </message>
    <message>
        <source>Image not available: %1</source>
        <translation>Bild nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Denkt nach</translation>
    </message>
    <message>
        <source>Tool call:</source>
        <translation>Werkzeugaufruf:</translation>
    </message>
    <message>
        <source>Interrupted: this message may be incomplete.</source>
        <translation>Unterbrochen: Diese Nachricht ist möglicherweise unvollständig.</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>Die Anfrage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>Die Anfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The file %1 could not be written.</source>
        <translation>Die Datei %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The image %1 could not be written.</source>
        <translation>Das Bild %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>This file is not a Tramontane conversation.</source>
        <translation>Diese Datei ist keine Tramontane-Unterhaltung.</translation>
    </message>
    <message>
        <source>This conversation file is damaged (its version is missing).</source>
        <translation>Diese Unterhaltungsdatei ist beschädigt (ihre Version fehlt).</translation>
    </message>
    <message>
        <source>This conversation was exported by a newer version of Tramontane (format version %1). Update Tramontane to import it.</source>
        <translation>Diese Unterhaltung wurde von einer neueren Version von Tramontane exportiert (Formatversion %1). Aktualisieren Sie Tramontane, um sie zu importieren.</translation>
    </message>
    <message>
        <source>This conversation file is damaged (the field “%1” is wrong).</source>
        <translation>Diese Unterhaltungsdatei ist beschädigt (das Feld „%1“ ist fehlerhaft).</translation>
    </message>
    <message>
        <source>image: %1</source>
        <translation>Bild: %1</translation>
    </message>
    <message>
        <source>document: %1, read as text</source>
        <translation>Dokument: %1, als Text gelesen</translation>
    </message>
    <message>
        <source>document: %1</source>
        <translation>Dokument: %1</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>An image was not shown: its address is not an http(s), data or file link.</source>
        <translation>Ein Bild wurde nicht angezeigt: Seine Adresse ist kein http(s)-, Daten- oder Dateilink.</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>Referenz %1</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>audio clip</source>
        <translation>Audioclip</translation>
    </message>
    <message>
        <source>This message contains content of type “%1” that Tramontane cannot show yet.</source>
        <translation>Diese Nachricht enthält Inhalte vom Typ „%1“, die Tramontane noch nicht anzeigen kann.</translation>
    </message>
    <message>
        <source>The answer was interrupted before it finished.</source>
        <translation>Die Antwort wurde unterbrochen, bevor sie fertig war.</translation>
    </message>
    <message>
        <source>The text so far is kept. Retry to ask again.</source>
        <translation>Der bisherige Text bleibt erhalten. Wiederholen Sie, um erneut zu fragen.</translation>
    </message>
    <message numerus="yes">
        <source>The request was sent %n time(s) without success and the automatic retries are exhausted. Retry when you are ready.</source>
        <translation>
            <numerusform>Die Anfrage wurde %n Mal ohne Erfolg gesendet, und die automatischen Wiederholungen sind ausgeschöpft. Versuchen Sie es erneut, wenn Sie bereit sind.</numerusform>
            <numerusform>Die Anfrage wurde %n Mal ohne Erfolg gesendet, und die automatischen Wiederholungen sind ausgeschöpft. Versuchen Sie es erneut, wenn Sie bereit sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection ended before any answer arrived.</source>
        <translation>Die Verbindung endete, bevor eine Antwort ankam.</translation>
    </message>
    <message>
        <source>Nothing was received. Retry to ask again.</source>
        <translation>Es wurde nichts empfangen. Wiederholen Sie, um erneut zu fragen.</translation>
    </message>
    <message>
        <source>Handed off to %1</source>
        <translation>Übergeben an %1</translation>
    </message>
    <message>
        <source>The answer stopped at the length limit.</source>
        <translation>Die Antwort wurde an der Längenbegrenzung abgebrochen.</translation>
    </message>
    <message>
        <source>Continue to have the model write the rest of it.</source>
        <translation>Wählen Sie „Fortsetzen“, damit das Modell den Rest schreibt.</translation>
    </message>
    <message>
        <source>read as text</source>
        <translation>als Text gelesen</translation>
    </message>
</context>
<context>
    <name>ConversationPager</name>
    <message>
        <source>The conversation could not be opened: %1</source>
        <translation>Die Unterhaltung konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>Diese Unterhaltung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation>Diese Nachricht existiert nicht mehr.</translation>
    </message>
    <message>
        <source>A backup of the conversation history could not be written.</source>
        <translation>Eine Sicherung des Unterhaltungsverlaufs konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>This conversation history was saved by a newer version of Tramontane (format %1; this version reads up to format %2). Update Tramontane to open it; the file was not changed.</source>
        <translation>Dieser Unterhaltungsverlauf wurde von einer neueren Version von Tramontane gespeichert (Format %1; diese Version liest bis Format %2). Aktualisieren Sie Tramontane, um ihn zu öffnen; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The conversation history needs an upgrade, but a backup copy could not be written first, so nothing was changed. Check the free disk space.</source>
        <translation>Der Unterhaltungsverlauf muss aktualisiert werden, aber zuvor konnte keine Sicherungskopie geschrieben werden, daher wurde nichts verändert. Prüfen Sie den freien Speicherplatz.</translation>
    </message>
    <message>
        <source>The conversation history could not be upgraded to format %1.</source>
        <translation>Der Unterhaltungsverlauf konnte nicht auf Format %1 aktualisiert werden.</translation>
    </message>
    <message>
        <source>The conversation history could not be upgraded to format %1. A copy from before the upgrade is kept in %2.</source>
        <translation>Der Unterhaltungsverlauf konnte nicht auf Format %1 aktualisiert werden. Eine Kopie von vor der Aktualisierung liegt in %2.</translation>
    </message>
    <message>
        <source>The conversation history could not be read or saved. Check that the disk is not full and that the profile folder is writable.</source>
        <translation>Der Unterhaltungsverlauf konnte nicht gelesen oder gespeichert werden. Prüfen Sie, ob der Datenträger voll ist und ob der Profilordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>The disk is full, so the conversation history cannot be saved. Free some space on the disk, then try again.</source>
        <translation>Der Datenträger ist voll, daher kann der Unterhaltungsverlauf nicht gespeichert werden. Geben Sie Speicherplatz auf dem Datenträger frei und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>ErrorDetails</name>
    <message>
        <source>Technical details (for a bug report):</source>
        <translation>Technische Details (für einen Fehlerbericht):</translation>
    </message>
    <message>
        <source>The connection ended before the server marked the answer as complete.</source>
        <translation>Die Verbindung endete, bevor der Server die Antwort als vollständig markiert hat.</translation>
    </message>
    <message>
        <source>Nothing arrived from the server for too long, so the request was given up.</source>
        <translation>Vom Server kam zu lange nichts, deshalb wurde die Anfrage aufgegeben.</translation>
    </message>
    <message>
        <source>The server sent data that does not have the expected form.</source>
        <translation>Der Server hat Daten gesendet, die nicht die erwartete Form haben.</translation>
    </message>
    <message>
        <source>The server answered, but not with an event stream.</source>
        <translation>Der Server hat geantwortet, aber nicht mit einem Ereignisstrom.</translation>
    </message>
    <message>
        <source>The server answered with content of type %1, not with an event stream.</source>
        <translation>Der Server hat mit Inhalt vom Typ %1 geantwortet, nicht mit einem Ereignisstrom.</translation>
    </message>
    <message>
        <source>The server reported an error in the middle of its answer.</source>
        <translation>Der Server hat mitten in seiner Antwort einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The connection to the server failed.</source>
        <translation>Die Verbindung zum Server ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The server answered with an error status.</source>
        <translation>Der Server hat mit einem Fehlerstatus geantwortet.</translation>
    </message>
    <message>
        <source>The request was not sent.</source>
        <translation>Die Anfrage wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message numerus="yes">
        <source>The request was sent %n time(s).</source>
        <translation>
            <numerusform>Die Anfrage wurde %n Mal gesendet.</numerusform>
            <numerusform>Die Anfrage wurde %n Mal gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>Meldung des Servers: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server sent more data than the limit of %n byte(s).</source>
        <translation>
            <numerusform>Der Server hat mehr Daten gesendet als die Grenze von %n Byte.</numerusform>
            <numerusform>Der Server hat mehr Daten gesendet als die Grenze von %n Byte.</numerusform>
        </translation>
    </message>
    <message>
        <source>The MCP server reported an error.</source>
        <translation>Der MCP-Server hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The MCP server answered, but not as the protocol expects.</source>
        <translation>Der MCP-Server hat geantwortet, aber nicht so, wie es das Protokoll erwartet.</translation>
    </message>
</context>
<context>
    <name>ImageCache</name>
    <message>
        <source>The image could not be saved in the cache.</source>
        <translation>Das Bild konnte nicht im Cache gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>McpConnectionReport</name>
    <message>
        <source>Host not found (DNS)</source>
        <translation>Host nicht gefunden (DNS)</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>Unauthorized (HTTP 401)</source>
        <translation>Nicht autorisiert (HTTP 401)</translation>
    </message>
    <message>
        <source>Forbidden (HTTP 403)</source>
        <translation>Verboten (HTTP 403)</translation>
    </message>
    <message>
        <source>No MCP endpoint at this URL (HTTP %1)</source>
        <translation>Kein MCP-Endpunkt unter dieser URL (HTTP %1)</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Not an MCP server</source>
        <translation>Kein MCP-Server</translation>
    </message>
    <message>
        <source>HTTP error %1</source>
        <translation>HTTP-Fehler %1</translation>
    </message>
    <message>
        <source>The server reported an error</source>
        <translation>Der Server hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>MCP protocol error</source>
        <translation>MCP-Protokollfehler</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Check the host name in the server URL.</source>
        <translation>Prüfen Sie den Hostnamen in der Server-URL.</translation>
    </message>
    <message>
        <source>Check that the server is running and the port in the URL is right.</source>
        <translation>Prüfen Sie, ob der Server läuft und der Port in der URL stimmt.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted or the secure connection failed; check the URL, or ask the server&apos;s owner.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut oder die sichere Verbindung ist fehlgeschlagen; prüfen Sie die URL oder fragen Sie den Betreiber des Servers.</translation>
    </message>
    <message>
        <source>The server wants credentials: add or correct the Authorization (or API key) header.</source>
        <translation>Der Server verlangt Zugangsdaten: Fügen Sie den Authorization- (oder API-Schlüssel-)Header hinzu oder korrigieren Sie ihn.</translation>
    </message>
    <message>
        <source>The credentials were accepted but lack a permission or scope.</source>
        <translation>Die Zugangsdaten wurden akzeptiert, aber es fehlt eine Berechtigung oder ein Scope.</translation>
    </message>
    <message>
        <source>Check the path of the URL: MCP servers often serve it at /mcp.</source>
        <translation>Prüfen Sie den Pfad der URL: MCP-Server liegen oft unter /mcp.</translation>
    </message>
    <message>
        <source>The server did not answer in time; it may be down or overloaded.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet; er ist möglicherweise ausgefallen oder überlastet.</translation>
    </message>
    <message>
        <source>Something answers at this URL, but it does not speak MCP (streamable HTTP); check the path.</source>
        <translation>Unter dieser URL antwortet etwas, aber es spricht kein MCP (Streamable HTTP); prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <source>Try again later, or check the server&apos;s logs.</source>
        <translation>Versuchen Sie es später erneut oder prüfen Sie die Protokolle des Servers.</translation>
    </message>
    <message>
        <source>MCP server</source>
        <translation>MCP-Server</translation>
    </message>
    <message numerus="yes">
        <source>Reachable: %1 · MCP %2 · %n tool(s) · %3 ms</source>
        <translation>
            <numerusform>Erreichbar: %1 · MCP %2 · %n Werkzeug · %3 ms</numerusform>
            <numerusform>Erreichbar: %1 · MCP %2 · %n Werkzeuge · %3 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Not tried: %1</source>
        <translation>Nicht versucht: %1</translation>
    </message>
    <message>
        <source>Test canceled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Tools: %1</source>
        <translation>Werkzeuge: %1</translation>
    </message>
    <message>
        <source>Session: kept (Mcp-Session-Id).</source>
        <translation>Sitzung: beibehalten (Mcp-Session-Id).</translation>
    </message>
    <message>
        <source>Session: none (a stateless server).</source>
        <translation>Sitzung: keine (ein zustandsloser Server).</translation>
    </message>
    <message>
        <source>Not sent, because their secret value is not stored on this computer: %1.</source>
        <translation>Nicht gesendet, weil ihr geheimer Wert nicht auf diesem Computer gespeichert ist: %1.</translation>
    </message>
    <message>
        <source>Answer too large</source>
        <translation>Antwort zu groß</translation>
    </message>
    <message>
        <source>Not an http(s) URL</source>
        <translation>Keine http(s)-URL</translation>
    </message>
    <message>
        <source>The TLS connection to the MCP server failed.</source>
        <translation>Die TLS-Verbindung zum MCP-Server ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The MCP server&apos;s host name was not found.</source>
        <translation>Der Hostname des MCP-Servers wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Nothing listens at the MCP server&apos;s address and port (connection refused).</source>
        <translation>An Adresse und Port des MCP-Servers lauscht nichts (Verbindung abgelehnt).</translation>
    </message>
    <message>
        <source>The connection to the MCP server failed.</source>
        <translation>Die Verbindung zum MCP-Server ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The MCP server refused the request (HTTP 401): the token is missing, invalid or expired.</source>
        <translation>Der MCP-Server hat die Anfrage abgelehnt (HTTP 401): Das Token fehlt, ist ungültig oder abgelaufen.</translation>
    </message>
    <message>
        <source>The MCP server refused the request (HTTP 403): the token lacks a permission.</source>
        <translation>Der MCP-Server hat die Anfrage abgelehnt (HTTP 403): Dem Token fehlt eine Berechtigung.</translation>
    </message>
    <message>
        <source>There is no MCP endpoint at this URL (HTTP %1).</source>
        <translation>Unter dieser URL gibt es keinen MCP-Endpunkt (HTTP %1).</translation>
    </message>
    <message>
        <source>The MCP server answered HTTP %1.</source>
        <translation>Der MCP-Server hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>The MCP server sent nothing for too long.</source>
        <translation>Der MCP-Server hat zu lange nichts gesendet.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1, but not with MCP (JSON-RPC).</source>
        <translation>Der Server hat mit HTTP %1 geantwortet, aber nicht mit MCP (JSON-RPC).</translation>
    </message>
    <message>
        <source>The MCP server reported error %1: %2</source>
        <translation>Der MCP-Server hat den Fehler %1 gemeldet: %2</translation>
    </message>
    <message>
        <source>The MCP server does not follow the protocol.</source>
        <translation>Der MCP-Server hält sich nicht an das Protokoll.</translation>
    </message>
    <message>
        <source>The MCP server&apos;s answer is too large (over %1 MB).</source>
        <translation>Die Antwort des MCP-Servers ist zu groß (über %1 MB).</translation>
    </message>
    <message>
        <source>The MCP server URL is not an http(s) URL.</source>
        <translation>Die URL des MCP-Servers ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>Enter a URL that starts with https:// (or http:// for a server on this computer).</source>
        <translation>Geben Sie eine URL ein, die mit https:// beginnt (oder http:// für einen Server auf diesem Computer).</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>The server needs the permission “%1”, which the sign-in did not grant: sign in again to grant it.</source>
        <translation>Der Server braucht die Berechtigung „%1“, die bei der Anmeldung nicht gewährt wurde: Melden Sie sich erneut an, um sie zu gewähren.</translation>
    </message>
</context>
<context>
    <name>ModelService</name>
    <message>
        <source>The list of models has an unexpected shape.</source>
        <translation>Die Liste der Modelle hat eine unerwartete Form.</translation>
    </message>
</context>
<context>
    <name>PlainBlockCache</name>
    <message numerus="yes">
        <source>… %n more line(s); Copy takes everything</source>
        <translation>
            <numerusform>… %n weitere Zeile; Kopieren nimmt alles</numerusform>
            <numerusform>… %n weitere Zeilen; Kopieren nimmt alles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>Enter the proxy&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des Proxys ein.</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port (1 to 65535).</source>
        <translation>Geben Sie den Port des Proxys ein (1 bis 65535).</translation>
    </message>
</context>
<context>
    <name>SchemaOutline</name>
    <message>
        <source>The schema goes deeper; see the raw JSON for the rest.</source>
        <translation>Das Schema geht tiefer; den Rest zeigt das rohe JSON.</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert.</translation>
    </message>
    <message>
        <source>No system keychain is available (on Linux, install and unlock GNOME Keyring or KWallet). Secrets are never stored in plain files.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar (unter Linux GNOME Keyring oder KWallet installieren und entsperren). Geheimnisse werden nie in einfachen Dateien gespeichert.</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation>Der Schlüsselbund des Systems hat einen Fehler gemeldet: %1</translation>
    </message>
</context>
<context>
    <name>ToolChoiceModel</name>
    <message>
        <source>Image generation</source>
        <translation>Bilderzeugung</translation>
    </message>
    <message>
        <source>Web search</source>
        <translation>Websuche</translation>
    </message>
    <message>
        <source>Web search (premium)</source>
        <translation>Websuche (Premium)</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>Code-Interpreter</translation>
    </message>
    <message>
        <source>Document library</source>
        <translation>Dokumentbibliothek</translation>
    </message>
    <message>
        <source>Draws pictures from a description.</source>
        <translation>Zeichnet Bilder nach einer Beschreibung.</translation>
    </message>
    <message>
        <source>Searches the web.</source>
        <translation>Durchsucht das Web.</translation>
    </message>
    <message>
        <source>Searches the web and news agencies&apos; sources.</source>
        <translation>Durchsucht das Web und Quellen von Nachrichtenagenturen.</translation>
    </message>
    <message>
        <source>Runs code in a sandbox.</source>
        <translation>Führt Code in einer Sandbox aus.</translation>
    </message>
    <message>
        <source>Searches the document libraries you name.</source>
        <translation>Durchsucht die Dokumentbibliotheken, die Sie angeben.</translation>
    </message>
</context>
<context>
    <name>ToolConfirmationBar</name>
    <message>
        <source>This tool needs your permission to run.</source>
        <translation>Dieses Werkzeug braucht Ihre Erlaubnis, um zu laufen.</translation>
    </message>
    <message>
        <source>Allowed.</source>
        <translation>Erlaubt.</translation>
    </message>
    <message>
        <source>Denied: the tool did not run.</source>
        <translation>Abgelehnt: Das Werkzeug ist nicht gelaufen.</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
</context>
<context>
    <name>ToolCredentials</name>
    <message>
        <source>No secret store is available.</source>
        <translation>Kein Speicher für Geheimnisse verfügbar.</translation>
    </message>
</context>
<context>
    <name>ToolTitles</name>
    <message>
        <source>Image generation</source>
        <translation>Bilderzeugung</translation>
    </message>
    <message>
        <source>Web search</source>
        <translation>Websuche</translation>
    </message>
    <message>
        <source>Web search (premium)</source>
        <translation>Websuche (Premium)</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>Code-Interpreter</translation>
    </message>
    <message>
        <source>Document library</source>
        <translation>Dokumentbibliothek</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>%1 (connector)</source>
        <translation>%1 (Connector)</translation>
    </message>
    <message>
        <source>%1 (connector %2)</source>
        <translation>%1 (Connector %2)</translation>
    </message>
</context>
<context>
    <name>Tramontane::AgentEditorDialog</name>
    <message>
        <source>New Agent</source>
        <translation>Neuer Agent</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. deepwiki_completion_agent</source>
        <translation>z. B. deepwiki_completion_agent</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>What the agent is for (optional)</source>
        <translation>Wofür der Agent da ist (optional)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Version note:</source>
        <translation>&amp;Versionshinweis:</translation>
    </message>
    <message>
        <source>What this version changes (optional)</source>
        <translation>Was diese Version ändert (optional)</translation>
    </message>
    <message>
        <source>Each save makes a new version of the agent; the history keeps the earlier ones.</source>
        <translation>Jedes Speichern erzeugt eine neue Version des Agents; der Verlauf behält die früheren.</translation>
    </message>
    <message>
        <source>&amp;Instructions</source>
        <translation>&amp;Anweisungen</translation>
    </message>
    <message>
        <source>What the agent should do and how it should answer. Sent as the agent&apos;s system prompt.</source>
        <translation>Was der Agent tun und wie er antworten soll. Wird als Systemprompt des Agents gesendet.</translation>
    </message>
    <message>
        <source>You are a helpful assistant that…</source>
        <translation>Du bist ein hilfreicher Assistent, der …</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Built-in tools run on Mistral&apos;s side; connectors are the MCP servers of your account.</source>
        <translation>Integrierte Werkzeuge laufen bei Mistral; Connectors sind die MCP-Server Ihres Kontos.</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>&amp;Send:</source>
        <translation>&amp;Senden:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
    <message>
        <source>Default completion settings of the agent. Leave a field empty to use the server&apos;s default, shown in grey.</source>
        <translation>Standardeinstellungen des Agents für Antworten. Lassen Sie ein Feld leer, um den grau angezeigten Standard des Servers zu verwenden.</translation>
    </message>
    <message>
        <source>T&amp;emperature:</source>
        <translation>T&amp;emperatur:</translation>
    </message>
    <message>
        <source>Top &amp;p:</source>
        <translation>Top &amp;p:</translation>
    </message>
    <message>
        <source>Max &amp;tokens:</source>
        <translation>Max. &amp;Tokens:</translation>
    </message>
    <message>
        <source>&amp;Random seed:</source>
        <translation>&amp;Zufalls-Seed:</translation>
    </message>
    <message>
        <source>Tool &amp;choice:</source>
        <translation>Werkzeug&amp;wahl:</translation>
    </message>
    <message>
        <source>Response &amp;format:</source>
        <translation>Antwort&amp;format:</translation>
    </message>
    <message>
        <source>Schema na&amp;me:</source>
        <translation>Schema-Na&amp;me:</translation>
    </message>
    <message>
        <source>e.g. answer</source>
        <translation>z. B. answer</translation>
    </message>
    <message>
        <source>&amp;Strict</source>
        <translation>&amp;Strikt</translation>
    </message>
    <message>
        <source>JSON sc&amp;hema:</source>
        <translation>JSON-Sc&amp;hema:</translation>
    </message>
    <message>
        <source>&amp;Handoffs</source>
        <translation>&amp;Übergaben</translation>
    </message>
    <message>
        <source>Agents this agent may hand the conversation over to.</source>
        <translation>Agents, an die dieser Agent die Unterhaltung übergeben darf.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Server default (auto)</source>
        <translation>Standard des Servers (auto)</translation>
    </message>
    <message>
        <source>auto: the model decides</source>
        <translation>auto: Das Modell entscheidet</translation>
    </message>
    <message>
        <source>none: never call a tool</source>
        <translation>none: nie ein Werkzeug aufrufen</translation>
    </message>
    <message>
        <source>any: must call a tool</source>
        <translation>any: muss ein Werkzeug aufrufen</translation>
    </message>
    <message>
        <source>required: must call a tool</source>
        <translation>required: muss ein Werkzeug aufrufen</translation>
    </message>
    <message>
        <source>Server default (text)</source>
        <translation>Standard des Servers (Text)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>JSON-Objekt</translation>
    </message>
    <message>
        <source>JSON following a schema</source>
        <translation>JSON nach einem Schema</translation>
    </message>
    <message>
        <source>Nothing: the connector&apos;s own authorization</source>
        <translation>Nichts: die eigene Autorisierung des Connectors</translation>
    </message>
    <message>
        <source>An OAuth2 access token</source>
        <translation>Ein OAuth2-Zugriffstoken</translation>
    </message>
    <message>
        <source>An API key</source>
        <translation>Ein API-Schlüssel</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>Standard des Servers</translation>
    </message>
    <message>
        <source>No limit (server default)</source>
        <translation>Keine Grenze (Standard des Servers)</translation>
    </message>
    <message>
        <source>Random (server default)</source>
        <translation>Zufällig (Standard des Servers)</translation>
    </message>
    <message>
        <source>%1 (not among your models)</source>
        <translation>%1 (nicht unter Ihren Modellen)</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Modelle werden geladen …</translation>
    </message>
    <message>
        <source>Model default: %1</source>
        <translation>Standard des Modells: %1</translation>
    </message>
    <message>
        <source>Context: %1 tokens</source>
        <translation>Kontext: %1 Tokens</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>Schlussfolgern</translation>
    </message>
    <message>
        <source>deprecated on %1</source>
        <translation>veraltet seit %1</translation>
    </message>
    <message>
        <source>%1 (unknown agent)</source>
        <translation>%1 (unbekannter Agent)</translation>
    </message>
    <message>
        <source>There are no other agents to hand the conversation over to yet.</source>
        <translation>Es gibt noch keine anderen Agents, an die die Unterhaltung übergeben werden könnte.</translation>
    </message>
    <message>
        <source>Select a connector in the list to give the credential its tools are called with.</source>
        <translation>Wählen Sie einen Connector in der Liste, um die Zugangsdaten anzugeben, mit denen seine Werkzeuge aufgerufen werden.</translation>
    </message>
    <message>
        <source>Credential for %1</source>
        <translation>Zugangsdaten für %1</translation>
    </message>
    <message>
        <source>This connector needs a credential for its tools.</source>
        <translation>Dieser Connector braucht Zugangsdaten für seine Werkzeuge.</translation>
    </message>
    <message>
        <source>You are signed in to it: that token is sent unless you give another one.</source>
        <translation>Sie sind dort angemeldet: Dieses Token wird gesendet, wenn Sie kein anderes angeben.</translation>
    </message>
    <message>
        <source>A credential is kept in the system keychain and sent with each chat request, never stored in the agent.</source>
        <translation>Zugangsdaten werden im Schlüsselbund des Systems aufbewahrt und mit jeder Chat-Anfrage gesendet, nie im Agent gespeichert.</translation>
    </message>
    <message>
        <source>Stored in the keychain; type a new value to replace it</source>
        <translation>Im Schlüsselbund gespeichert; geben Sie einen neuen Wert ein, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>Paste the token or the key</source>
        <translation>Token oder Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Edit Agent: %1</source>
        <translation>Agent bearbeiten: %1</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Give the agent a name.</source>
        <translation>Geben Sie dem Agent einen Namen.</translation>
    </message>
    <message>
        <source>Choose a model.</source>
        <translation>Wählen Sie ein Modell.</translation>
    </message>
    <message>
        <source>Name at least one document library, or uncheck it.</source>
        <translation>Nennen Sie mindestens eine Dokumentbibliothek oder entfernen Sie das Häkchen.</translation>
    </message>
    <message>
        <source>Type the credential for %1, or choose to send nothing.</source>
        <translation>Geben Sie die Zugangsdaten für %1 ein oder wählen Sie, nichts zu senden.</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3.</source>
        <translation>%1 muss eine Zahl von %2 bis %3 sein.</translation>
    </message>
    <message>
        <source>%1 must be a whole number, 0 or more.</source>
        <translation>%1 muss eine ganze Zahl ab 0 sein.</translation>
    </message>
    <message>
        <source>The temperature</source>
        <translation>Die Temperatur</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>The random seed</source>
        <translation>Der Zufalls-Seed</translation>
    </message>
    <message>
        <source>Give the schema a name.</source>
        <translation>Geben Sie dem Schema einen Namen.</translation>
    </message>
    <message>
        <source>The schema is not valid JSON: %1 (at character %2).</source>
        <translation>Das Schema ist kein gültiges JSON: %1 (bei Zeichen %2).</translation>
    </message>
    <message>
        <source>The schema must be a JSON object.</source>
        <translation>Das Schema muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>Not connected: the agent cannot be saved.</source>
        <translation>Nicht verbunden: Der Agent kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The credential could not be stored: %1</source>
        <translation>Die Zugangsdaten konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Create the new agent?</source>
        <translation>Den neuen Agent erstellen?</translation>
    </message>
    <message>
        <source>If you discard them, your changes are lost.</source>
        <translation>Wenn Sie sie verwerfen, gehen Ihre Änderungen verloren.</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Handoffs</source>
        <translation>Übergaben</translation>
    </message>
    <message>
        <source>Save the changes to the agent “%1”?</source>
        <translation>Die Änderungen am Agent „%1“ speichern?</translation>
    </message>
    <message>
        <source>&amp;Libraries:</source>
        <translation>Bib&amp;liotheken:</translation>
    </message>
</context>
<context>
    <name>Tramontane::AgentListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>Tramontane::AgentVersionsDialog</name>
    <message>
        <source>Agent Versions</source>
        <translation>Agent-Versionen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Make Active</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Use the selected version from now on</source>
        <translation>Ab jetzt die ausgewählte Version verwenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Versions of %1</source>
        <translation>Versionen von %1</translation>
    </message>
    <message>
        <source>Loading the versions…</source>
        <translation>Versionen werden geladen …</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
    <message>
        <source>Making version %1 active…</source>
        <translation>Version %1 wird aktiviert …</translation>
    </message>
    <message>
        <source>Version %1 is now active.</source>
        <translation>Version %1 ist jetzt aktiv.</translation>
    </message>
    <message>
        <source>Every save of “%1” is a version. The active version is the one chats use.</source>
        <translation>Jedes Speichern von „%1“ ist eine Version. Die aktive Version ist die, die Chats verwenden.</translation>
    </message>
</context>
<context>
    <name>Tramontane::AgentsPage</name>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Search agents by name</source>
        <translation>Agents nach Namen suchen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load the agents, models and connectors again</source>
        <translation>Agents, Modelle und Connectors neu laden</translation>
    </message>
    <message>
        <source>&amp;New Agent…</source>
        <translation>&amp;Neuer Agent …</translation>
    </message>
    <message>
        <source>Select an agent to see its settings, or create one with New Agent.</source>
        <translation>Wählen Sie einen Agent, um seine Einstellungen zu sehen, oder erstellen Sie einen mit „Neuer Agent“.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Tools:</source>
        <translation>Werkzeuge:</translation>
    </message>
    <message>
        <source>Handoffs:</source>
        <translation>Übergaben:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Einstellungen:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Instructions:</source>
        <translation>Anweisungen:</translation>
    </message>
    <message>
        <source>&amp;Chat with Agent</source>
        <translation>Mit Agent &amp;chatten</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation>&amp;Versionen …</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>Temperatur %1</translation>
    </message>
    <message>
        <source>top p %1</source>
        <translation>Top p %1</translation>
    </message>
    <message>
        <source>at most %1 tokens</source>
        <translation>höchstens %1 Tokens</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <source>tool choice: %1</source>
        <translation>Werkzeugwahl: %1</translation>
    </message>
    <message>
        <source>JSON answers</source>
        <translation>JSON-Antworten</translation>
    </message>
    <message>
        <source>Server defaults</source>
        <translation>Standards des Servers</translation>
    </message>
    <message>
        <source>The models could not be loaded: %1</source>
        <translation>Die Modelle konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The connectors could not be loaded: %1</source>
        <translation>Die Connectors konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1 (active); saved versions: %2</source>
        <translation>%1 (aktiv); gespeicherte Versionen: %2</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>geändert am %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>Agents werden geladen …</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>No agents yet: create one with New Agent.</source>
        <translation>Noch keine Agents: Erstellen Sie einen mit „Neuer Agent“.</translation>
    </message>
    <message>
        <source>Delete Agent</source>
        <translation>Agent löschen</translation>
    </message>
    <message>
        <source>All its versions are deleted too. Chats that used it keep their messages.</source>
        <translation>Alle seine Versionen werden ebenfalls gelöscht. Chats, die ihn verwendet haben, behalten ihre Nachrichten.</translation>
    </message>
    <message>
        <source>Search agents</source>
        <translation>Agents suchen</translation>
    </message>
    <message>
        <source>Instructions of the selected agent</source>
        <translation>Anweisungen des ausgewählten Agents</translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation>&amp;Einstellungen öffnen …</translation>
    </message>
    <message>
        <source>JSON schema “%1”</source>
        <translation>JSON-Schema „%1“</translation>
    </message>
    <message>
        <source>A Mistral API key is needed to list your agents: add yours in Settings.</source>
        <translation>Um Ihre Agents aufzulisten, wird ein Mistral-API-Schlüssel benötigt: Fügen Sie Ihren in den Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>No agent&apos;s name contains “%1”.</source>
        <translation>Kein Agent-Name enthält „%1“.</translation>
    </message>
    <message>
        <source>Agent “%1” saved (version %2).</source>
        <translation>Agent „%1“ gespeichert (Version %2).</translation>
    </message>
    <message>
        <source>Delete the agent “%1”?</source>
        <translation>Den Agent „%1“ löschen?</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Agent “%1” deleted.</source>
        <translation>Agent „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Version %1 of “%2” is now active.</source>
        <translation>Version %1 von „%2“ ist jetzt aktiv.</translation>
    </message>
    <message>
        <source>The agents could not be loaded: %1</source>
        <translation>Die Agents konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::AnswerDetailsPopup</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Prompt-Tokens</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Antwort-Tokens</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Tokens insgesamt</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Copy the request ID, for support</source>
        <translation>Die Anfrage-ID kopieren, für den Support</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>Tramontane::AnswerNotifications</name>
    <message>
        <source>Answer ready</source>
        <translation>Antwort fertig</translation>
    </message>
    <message>
        <source>The answer did not complete</source>
        <translation>Die Antwort wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Open the chat to see what happened; what arrived is kept.</source>
        <translation>Öffnen Sie den Chat, um zu sehen, was passiert ist; was angekommen ist, bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ApiClient</name>
    <message>
        <source>The server address &quot;%1&quot; is not a valid URL.</source>
        <translation>Die Serveradresse „%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>Die Serveradresse darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The server address must not contain a query or a fragment.</source>
        <translation>Die Serveradresse darf keine Abfrage und kein Fragment enthalten.</translation>
    </message>
    <message>
        <source>The server address must use https: plain http would send your API key unencrypted. (http is only accepted for 127.0.0.1 and localhost.)</source>
        <translation>Die Serveradresse muss https verwenden: Einfaches http würde Ihren API-Schlüssel unverschlüsselt senden. (http wird nur für 127.0.0.1 und localhost akzeptiert.)</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>Die Serveradresse muss mit https:// beginnen.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ApiConnection</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>The system keychain cannot be used (%1), so a key cannot be kept: set MISTRAL_API_KEY, or explore the offline demo.</source>
        <translation>Der Schlüsselbund des Systems ist nicht nutzbar (%1), daher kann kein Schlüssel behalten werden: Setzen Sie MISTRAL_API_KEY oder erkunden Sie die Offline-Demo.</translation>
    </message>
    <message>
        <source>No API key</source>
        <translation>Kein API-Schlüssel</translation>
    </message>
    <message>
        <source>Add your Mistral API key in Settings to start.</source>
        <translation>Fügen Sie in den Einstellungen Ihren Mistral-API-Schlüssel hinzu, um zu beginnen.</translation>
    </message>
    <message>
        <source>Offline demo unavailable</source>
        <translation>Offline-Demo nicht verfügbar</translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation>Offline-Demo</translation>
    </message>
    <message>
        <source>%1

Open Settings to connect to the Mistral platform with your API key.</source>
        <translation>%1

Öffnen Sie die Einstellungen, um sich mit Ihrem API-Schlüssel mit der Mistral-Plattform zu verbinden.</translation>
    </message>
    <message>
        <source>Offline demo stopped</source>
        <translation>Offline-Demo beendet</translation>
    </message>
    <message>
        <source>Starting the offline demo…</source>
        <translation>Offline-Demo wird gestartet …</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>The server did not accept this key: check that it was copied whole from console.mistral.ai.</source>
        <translation>Der Server hat diesen Schlüssel nicht akzeptiert: Prüfen Sie, ob er vollständig von console.mistral.ai kopiert wurde.</translation>
    </message>
    <message>
        <source>The bundled emulator answers at %1. Open Settings to use the Mistral platform.</source>
        <translation>Der mitgelieferte Emulator antwortet unter %1. Öffnen Sie die Einstellungen, um die Mistral-Plattform zu verwenden.</translation>
    </message>
    <message>
        <source>Connected. Your API key is stored in the system keychain.</source>
        <translation>Verbunden. Ihr API-Schlüssel ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Connected, but the key could not be kept in the keychain (%1): it is used until Tramontane quits.</source>
        <translation>Verbunden, aber der Schlüssel konnte nicht im Schlüsselbund behalten werden (%1): Er wird verwendet, bis Tramontane beendet wird.</translation>
    </message>
</context>
<context>
    <name>Tramontane::Application</name>
    <message>
        <source>Sign-ins are kept for this session only: %1</source>
        <translation>Anmeldungen werden nur für diese Sitzung behalten: %1</translation>
    </message>
    <message>
        <source>This answer is shown but not saved. %1</source>
        <translation>Diese Antwort wird angezeigt, aber nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation>Bei %1 angemeldet.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatController</name>
    <message>
        <source>The answer is still starting; try again in a moment.</source>
        <translation>Die Antwort beginnt gerade erst; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The conversation could not be opened: %1</source>
        <translation>Die Unterhaltung konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Wait for the current answer to finish, or stop it.</source>
        <translation>Warten Sie, bis die aktuelle Antwort fertig ist, oder halten Sie sie an.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatFindBar</name>
    <message>
        <source>Find in this chat</source>
        <translation>In diesem Chat suchen</translation>
    </message>
    <message>
        <source>Enter goes to the next match, Shift+Enter to the previous one, Esc closes</source>
        <translation>Eingabe springt zum nächsten Treffer, Umschalt+Eingabe zum vorherigen, Esc schließt</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe, Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2 so far</source>
        <translation>%1 von bisher %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatPage</name>
    <message>
        <source>The model or agent this chat talks to (Ctrl+K)</source>
        <translation>Das Modell oder der Agent, mit dem dieser Chat spricht (Strg+K)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Built-in tools and connectors this chat may use</source>
        <translation>Integrierte Werkzeuge und Connectors, die dieser Chat verwenden darf</translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Eine neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Message… (Enter to send, Shift+Enter for a new line)</source>
        <translation>Nachricht … (Eingabe zum Senden, Umschalt+Eingabe für eine neue Zeile)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Wait for the current answer to finish, or stop it.</source>
        <translation>Warten Sie, bis die aktuelle Antwort fertig ist, oder halten Sie sie an.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the answer (Esc); what arrived is kept</source>
        <translation>Die Antwort anhalten (Esc); was angekommen ist, bleibt erhalten</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabe)</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Antwortet …</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>Schlussfolgern</translation>
    </message>
    <message>
        <source>Tools Changed</source>
        <translation>Werkzeuge geändert</translation>
    </message>
    <message>
        <source>The tools of “%1” changed since you approved them.</source>
        <translation>Die Werkzeuge von „%1“ haben sich geändert, seit Sie sie freigegeben haben.</translation>
    </message>
    <message>
        <source>A tool&apos;s description is what the model reads: a changed one can make the model do something else than you expect. Review the tools on the Connectors page, or use the connector in this chat anyway.</source>
        <translation>Die Beschreibung eines Werkzeugs liest das Modell: Eine geänderte kann das Modell dazu bringen, etwas anderes zu tun, als Sie erwarten. Prüfen Sie die Werkzeuge auf der Seite „Connectors“ oder verwenden Sie den Connector trotzdem in diesem Chat.</translation>
    </message>
    <message>
        <source>Use Anyway</source>
        <translation>Trotzdem verwenden</translation>
    </message>
    <message>
        <source>Connector “%1” is on for this chat.</source>
        <translation>Der Connector „%1“ ist für diesen Chat eingeschaltet.</translation>
    </message>
    <message>
        <source>Built-in tools</source>
        <translation>Integrierte Werkzeuge</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>Bilderzeugung</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Connectors</translation>
    </message>
    <message>
        <source>tools changed since you approved them — review in Connectors</source>
        <translation>Werkzeuge seit Ihrer Freigabe geändert — in „Connectors“ prüfen</translation>
    </message>
    <message>
        <source>tools not reviewed yet — review in Connectors</source>
        <translation>Werkzeuge noch nicht geprüft — in „Connectors“ prüfen</translation>
    </message>
    <message>
        <source>Tools (%1)</source>
        <translation>Werkzeuge (%1)</translation>
    </message>
    <message>
        <source>Nothing to regenerate yet.</source>
        <translation>Noch nichts neu zu erzeugen.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>The message to send; Enter sends it, Shift+Enter starts a new line</source>
        <translation>Die zu sendende Nachricht; Eingabe sendet sie, Umschalt+Eingabe beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>There is no model to send to yet. %1</source>
        <translation>Es gibt noch kein Modell, an das gesendet werden kann. %1</translation>
    </message>
    <message>
        <source>Tools of the agent</source>
        <translation>Werkzeuge des Agents</translation>
    </message>
    <message>
        <source>This agent has no tools.</source>
        <translation>Dieser Agent hat keine Werkzeuge.</translation>
    </message>
    <message>
        <source>These tools come from the agent; change them in the agent.</source>
        <translation>Diese Werkzeuge kommen vom Agent; ändern Sie sie im Agent.</translation>
    </message>
    <message>
        <source>Connector %1</source>
        <translation>Connector %1</translation>
    </message>
    <message>
        <source>Function %1</source>
        <translation>Funktion %1</translation>
    </message>
    <message>
        <source>Edit Agent…</source>
        <translation>Agent bearbeiten …</translation>
    </message>
    <message>
        <source>Change the tools of “%1” in the agent editor</source>
        <translation>Die Werkzeuge von „%1“ im Agent-Editor ändern</translation>
    </message>
    <message>
        <source>The tools of the agent “%1”</source>
        <translation>Die Werkzeuge des Agents „%1“</translation>
    </message>
    <message>
        <source>No models loaded</source>
        <translation>Keine Modelle geladen</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>Code-Interpreter</translation>
    </message>
    <message>
        <source>Run Python code and show its output</source>
        <translation>Python-Code ausführen und seine Ausgabe zeigen</translation>
    </message>
    <message>
        <source>This answer cannot be continued with the tools now chosen: regenerate it.</source>
        <translation>Diese Antwort kann mit den jetzt gewählten Werkzeugen nicht fortgesetzt werden: Erzeugen Sie sie neu.</translation>
    </message>
    <message>
        <source>Attach images (you can also paste them or drop them here)</source>
        <translation>Bilder anhängen (Sie können sie auch einfügen oder hierher ziehen)</translation>
    </message>
    <message>
        <source>Attach images</source>
        <translation>Bilder anhängen</translation>
    </message>
    <message>
        <source>The attached images are still being prepared: send again in a moment.</source>
        <translation>Die angehängten Bilder werden noch vorbereitet: Senden Sie gleich noch einmal.</translation>
    </message>
    <message>
        <source>Editing an earlier message: sending makes a new version of it; the earlier one stays a click away. Esc cancels.</source>
        <translation>Sie bearbeiten eine frühere Nachricht: Beim Senden entsteht eine neue Version davon; die frühere bleibt einen Klick entfernt. Esc bricht ab.</translation>
    </message>
    <message>
        <source>Attach images or documents (you can also paste images or drop files here)</source>
        <translation>Bilder oder Dokumente anhängen (Sie können auch Bilder einfügen oder Dateien hierher ziehen)</translation>
    </message>
    <message>
        <source>Attach images or documents</source>
        <translation>Bilder oder Dokumente anhängen</translation>
    </message>
    <message>
        <source>The attached documents are still being uploaded or read: send again when their chips say they are ready.</source>
        <translation>Die angehängten Dokumente werden noch hochgeladen oder gelesen: Senden Sie erneut, wenn ihre Chips anzeigen, dass sie bereit sind.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Datei gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatRowActions</name>
    <message>
        <source>The image could not be loaded.</source>
        <translation>Das Bild konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Save File</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <source>The file could not be downloaded.</source>
        <translation>Die Datei konnte nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Die Datei konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatSession</name>
    <message>
        <source>Choose a model or an agent first.</source>
        <translation>Wählen Sie zuerst ein Modell oder einen Agent.</translation>
    </message>
    <message>
        <source>Your message could not be saved, so it was not sent: %1</source>
        <translation>Ihre Nachricht konnte nicht gespeichert werden und wurde daher nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatSettingsInput</name>
    <message>
        <source>Give the JSON schema a name, such as “answer”.</source>
        <translation>Geben Sie dem JSON-Schema einen Namen, etwa „antwort“.</translation>
    </message>
    <message>
        <source>Enter the JSON schema the answer must follow: a JSON object.</source>
        <translation>Geben Sie das JSON-Schema ein, dem die Antwort folgen muss: ein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The JSON schema is not valid JSON at line %1, column %2: %3.</source>
        <translation>Das JSON-Schema ist kein gültiges JSON in Zeile %1, Spalte %2: %3.</translation>
    </message>
    <message>
        <source>The JSON schema must be a JSON object, in braces { }.</source>
        <translation>Das JSON-Schema muss ein JSON-Objekt in geschweiften Klammern { } sein.</translation>
    </message>
    <message>
        <source>Temperature must be a number from 0 to 1.5, or empty for the model’s default.</source>
        <translation>Die Temperatur muss eine Zahl von 0 bis 1,5 sein oder leer für den Standard des Modells.</translation>
    </message>
    <message>
        <source>Top P must be a number from 0 to 1, or empty for the model’s default.</source>
        <translation>Top P muss eine Zahl von 0 bis 1 sein oder leer für den Standard des Modells.</translation>
    </message>
    <message>
        <source>Max tokens must be a whole number greater than 0, or empty for no limit.</source>
        <translation>Max. Tokens muss eine ganze Zahl größer als 0 sein oder leer für keine Begrenzung.</translation>
    </message>
    <message>
        <source>The random seed must be a whole number, 0 or more, or empty for a random one.</source>
        <translation>Der Zufalls-Seed muss eine ganze Zahl ab 0 sein oder leer für einen zufälligen.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatSettingsPane</name>
    <message>
        <source>Settings of this chat</source>
        <translation>Einstellungen dieses Chats</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the chat’s settings</source>
        <translation>Die Einstellungen des Chats schließen</translation>
    </message>
    <message>
        <source>instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <source>max tokens</source>
        <translation>max. Tokens</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>Zufalls-Seed</translation>
    </message>
    <message>
        <source>answer format</source>
        <translation>Antwortformat</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>Schlussfolgern</translation>
    </message>
    <message>
        <source>Chat Settings</source>
        <translation>Chat-Einstellungen</translation>
    </message>
    <message>
        <source>Chat Settings (%1)</source>
        <translation>Chat-Einstellungen (%1)</translation>
    </message>
    <message>
        <source>Instructions, temperature and other settings of this chat</source>
        <translation>Anweisungen, Temperatur und weitere Einstellungen dieses Chats</translation>
    </message>
    <message>
        <source>This chat has its own %1</source>
        <translation>Eigene Einstellungen dieses Chats: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatSettingsPanel</name>
    <message>
        <source>&amp;Instructions (system prompt)</source>
        <translation>&amp;Anweisungen (Systemprompt)</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>How the model should answer in this chat, e.g. “Answer in French, briefly.”</source>
        <translation>Wie das Modell in diesem Chat antworten soll, z. B. „Antworte kurz und auf Englisch.“</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperatur</translation>
    </message>
    <message>
        <source>Model default (0 to 1.5)</source>
        <translation>Standard des Modells (0 bis 1,5)</translation>
    </message>
    <message>
        <source>Higher is more varied, lower more focused (0 to 1.5); empty for the model’s default</source>
        <translation>Höher ist abwechslungsreicher, niedriger fokussierter (0 bis 1,5); leer für den Standard des Modells</translation>
    </message>
    <message>
        <source>Top &amp;P</source>
        <translation>Top &amp;P</translation>
    </message>
    <message>
        <source>Model default (0 to 1)</source>
        <translation>Standard des Modells (0 bis 1)</translation>
    </message>
    <message>
        <source>Only the most likely tokens whose probabilities add up to this are considered (0 to 1)</source>
        <translation>Nur die wahrscheinlichsten Tokens, deren Wahrscheinlichkeiten zusammen diesen Wert ergeben, werden berücksichtigt (0 bis 1)</translation>
    </message>
    <message>
        <source>&amp;Max tokens</source>
        <translation>&amp;Max. Tokens</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source>The longest answer, in tokens; the answer stops there</source>
        <translation>Höchstlänge der Antwort in Tokens; dort endet die Antwort</translation>
    </message>
    <message>
        <source>Random &amp;seed</source>
        <translation>&amp;Zufalls-Seed</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>The same seed and message give the same answer</source>
        <translation>Gleicher Seed und gleiche Nachricht ergeben dieselbe Antwort</translation>
    </message>
    <message>
        <source>&amp;Answer format</source>
        <translation>Antwort&amp;format</translation>
    </message>
    <message>
        <source>JSON schema</source>
        <translation>JSON-Schema</translation>
    </message>
    <message>
        <source>Schema name</source>
        <translation>Schemaname</translation>
    </message>
    <message>
        <source>Name, e.g. answer</source>
        <translation>Name, z. B. antwort</translation>
    </message>
    <message>
        <source>S&amp;trict</source>
        <translation>&amp;Strikt</translation>
    </message>
    <message>
        <source>The answer must follow the schema exactly</source>
        <translation>Die Antwort muss genau dem Schema folgen</translation>
    </message>
    <message>
        <source>{ &quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: { … } }</source>
        <translation>{ &quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: { … } }</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Schlussfolgern</translation>
    </message>
    <message>
        <source>&amp;Effort</source>
        <translation>Auf&amp;wand</translation>
    </message>
    <message>
        <source>Use the &amp;reasoning system prompt</source>
        <translation>Systemprompt für Schlussfolgern &amp;verwenden</translation>
    </message>
    <message>
        <source>Sends prompt_mode “reasoning”: the model thinks step by step before answering</source>
        <translation>Sendet prompt_mode „reasoning“: Das Modell denkt Schritt für Schritt nach, bevor es antwortet</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>Zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Clear every field: the API’s defaults apply</source>
        <translation>Alle Felder leeren: Es gelten die Standards der API</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>JSON-Objekt</translation>
    </message>
    <message>
        <source>JSON following a schema</source>
        <translation>JSON nach einem Schema</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Standard des Modells</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Extra high</source>
        <translation>Sehr hoch</translation>
    </message>
    <message>
        <source>This chat talks to the agent “%1”: its own instructions, temperature and top P apply. The other settings are sent with each message.</source>
        <translation>Dieser Chat spricht mit dem Agent „%1“: Es gelten dessen eigene Anweisungen, Temperatur und Top P. Die übrigen Einstellungen werden mit jeder Nachricht gesendet.</translation>
    </message>
    <message>
        <source>An agent request cannot carry this: the agent “%1” uses its own (change it in the agent’s editor).</source>
        <translation>Eine Agent-Anfrage kann dies nicht übermitteln: Der Agent „%1“ verwendet seine eigene Einstellung (ändern Sie sie im Agent-Editor).</translation>
    </message>
    <message>
        <source>The chosen model does not reason: these options apply to reasoning models only.</source>
        <translation>Das gewählte Modell beherrscht kein Schlussfolgern: Diese Optionen gelten nur für Modelle, die schlussfolgern.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatTargetModel</name>
    <message>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>%1 tokens context</source>
        <translation>%1 Tokens Kontext</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · Version %2</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>Zur neuesten ↓</translation>
    </message>
    <message>
        <source>Scroll to the newest message (End)</source>
        <translation>Zur neuesten Nachricht scrollen (Ende)</translation>
    </message>
    <message>
        <source>Copy Selection</source>
        <translation>Auswahl kopieren</translation>
    </message>
    <message>
        <source>Copy Message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>Thinking: %1</source>
        <translation>Überlegung: %1</translation>
    </message>
    <message>
        <source>Tool %1</source>
        <translation>Werkzeug %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Still arriving</source>
        <translation>Kommt noch an</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Interrupted: the text so far is kept</source>
        <translation>Unterbrochen: Der bisherige Text bleibt erhalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Document: %1 (%2)</source>
        <translation>Dokument: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Tramontane::ComposerAttachments</name>
    <message>
        <source>Attached images</source>
        <translation>Angehängte Bilder</translation>
    </message>
    <message>
        <source>The pasted image could not be read, so it was not attached.</source>
        <translation>Das eingefügte Bild konnte nicht gelesen werden und wurde daher nicht angehängt.</translation>
    </message>
    <message>
        <source>Pasted image.png</source>
        <translation>Eingefügtes Bild.png</translation>
    </message>
    <message>
        <source>At most %1 images can go with one message: “%2” was not attached.</source>
        <translation>Mit einer Nachricht können höchstens %1 Bilder gesendet werden: „%2“ wurde nicht angehängt.</translation>
    </message>
    <message>
        <source>“%1” could not be made small enough to send (10 MB and 10,000 pixels a side at most), so it was not attached.</source>
        <translation>„%1“ konnte nicht klein genug zum Senden gemacht werden (höchstens 10 MB und 10.000 Pixel je Seite) und wurde daher nicht angehängt.</translation>
    </message>
    <message>
        <source>“%1” could not be read as an image, so it was not attached.</source>
        <translation>„%1“ konnte nicht als Bild gelesen werden und wurde daher nicht angehängt.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>%1 (being prepared)</source>
        <translation>%1 (wird vorbereitet)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>%1: scaled down from %2 to %3 pixels to fit the API&apos;s limits (%4)</source>
        <translation>%1: von %2 auf %3 Pixel verkleinert, um die Grenzen der API einzuhalten (%4)</translation>
    </message>
    <message>
        <source>%1: %2 pixels, %3</source>
        <translation>%1: %2 Pixel, %3</translation>
    </message>
    <message>
        <source>Attach Images</source>
        <translation>Bilder anhängen</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
</context>
<context>
    <name>Tramontane::ComposerDocuments</name>
    <message>
        <source>sent as a document</source>
        <translation>als Dokument gesendet</translation>
    </message>
    <message>
        <source>read as text (OCR)</source>
        <translation>als Text gelesen (OCR)</translation>
    </message>
    <message>
        <source>sent as text</source>
        <translation>als Text gesendet</translation>
    </message>
    <message>
        <source>Attached documents</source>
        <translation>Angehängte Dokumente</translation>
    </message>
    <message>
        <source>Documents and images (%1)</source>
        <translation>Dokumente und Bilder (%1)</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Dokumente (%1)</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>“%1” cannot be attached: PDF, Word (DOCX), PowerPoint (PPTX), text files and images can.</source>
        <translation>„%1“ kann nicht angehängt werden: Möglich sind PDF, Word (DOCX), PowerPoint (PPTX), Textdateien und Bilder.</translation>
    </message>
    <message>
        <source>“%1” is %2, over the %3 a document may have, so it was not attached.</source>
        <translation>„%1“ ist %2 groß, mehr als die %3, die ein Dokument haben darf, und wurde daher nicht angehängt.</translation>
    </message>
    <message>
        <source>“%1” could not be read, so it was not attached.</source>
        <translation>„%1“ konnte nicht gelesen werden und wurde daher nicht angehängt.</translation>
    </message>
    <message>
        <source>At most %1 documents can go with one message: “%2” was not attached.</source>
        <translation>Mit einer Nachricht können höchstens %1 Dokumente gesendet werden: „%2“ wurde nicht angehängt.</translation>
    </message>
    <message>
        <source>“%1” cannot be uploaded without a connection to the API.</source>
        <translation>„%1“ kann ohne Verbindung zur API nicht hochgeladen werden.</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen …</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>wartet …</translation>
    </message>
    <message>
        <source>uploading…</source>
        <translation>wird hochgeladen …</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>wird vorbereitet …</translation>
    </message>
    <message>
        <source>reading the text…</source>
        <translation>Text wird gelesen …</translation>
    </message>
    <message>
        <source>“%1” is not UTF-8 text, so it was not attached.</source>
        <translation>„%1“ ist kein UTF-8-Text und wurde daher nicht angehängt.</translation>
    </message>
    <message>
        <source>“%1” could not be read, so it was not attached: %2</source>
        <translation>„%1“ konnte nicht gelesen werden und wurde daher nicht angehängt: %2</translation>
    </message>
    <message>
        <source>“%1” could not be uploaded, so it was not attached: %2</source>
        <translation>„%1“ konnte nicht hochgeladen werden und wurde daher nicht angehängt: %2</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorAuthSection</name>
    <message>
        <source>&amp;Endpoints:</source>
        <translation>&amp;Endpunkte:</translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation>&amp;Ermitteln</translation>
    </message>
    <message>
        <source>Ask the server URL how to sign in: its protected-resource metadata, its authorization server and whether it registers this app by itself.</source>
        <translation>Die Server-URL fragen, wie man sich anmeldet: ihre Metadaten der geschützten Ressource, ihren Autorisierungsserver und ob sie diese App selbst registriert.</translation>
    </message>
    <message>
        <source>Discovery report</source>
        <translation>Ermittlungsbericht</translation>
    </message>
    <message>
        <source>A&amp;uthorization URL:</source>
        <translation>A&amp;utorisierungs-URL:</translation>
    </message>
    <message>
        <source>https://example.com/oauth/authorize</source>
        <translation>https://example.com/oauth/authorize</translation>
    </message>
    <message>
        <source>T&amp;oken URL:</source>
        <translation>T&amp;oken-URL:</translation>
    </message>
    <message>
        <source>https://example.com/oauth/token</source>
        <translation>https://example.com/oauth/token</translation>
    </message>
    <message>
        <source>Sco&amp;pes:</source>
        <translation>Berei&amp;che (Scopes):</translation>
    </message>
    <message>
        <source>separated by spaces; empty: what the server asks for</source>
        <translation>durch Leerzeichen getrennt; leer: was der Server verlangt</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-G&amp;eheimnis:</translation>
    </message>
    <message>
        <source>Kept in the system keychain on this computer, never in the settings.</source>
        <translation>Im Schlüsselbund des Systems auf diesem Computer behalten, nie in den Einstellungen.</translation>
    </message>
    <message>
        <source>Asking the server</source>
        <translation>Server wird gefragt</translation>
    </message>
    <message>
        <source>Resource metadata</source>
        <translation>Metadaten der Ressource</translation>
    </message>
    <message>
        <source>Authorization server</source>
        <translation>Autorisierungsserver</translation>
    </message>
    <message>
        <source>Discover from the server</source>
        <translation>Beim Server ermitteln</translation>
    </message>
    <message>
        <source>Enter the endpoints</source>
        <translation>Endpunkte eingeben</translation>
    </message>
    <message>
        <source>Google (Gmail, read-only)</source>
        <translation>Google (Gmail, nur lesen)</translation>
    </message>
    <message>
        <source>Google does not let apps register themselves: create your own OAuth client of type &quot;Desktop app&quot; in the &lt;a href=&quot;https://console.cloud.google.com/apis/credentials&quot;&gt;Google Cloud console, APIs &amp;amp; Services, Credentials&lt;/a&gt; (enable the Gmail API for its project), then enter its client id and secret here.</source>
        <translation>Google lässt Apps sich nicht selbst registrieren: Erstellen Sie Ihren eigenen OAuth-Client vom Typ „Desktop-App“ in der &lt;a href=&quot;https://console.cloud.google.com/apis/credentials&quot;&gt;Google Cloud Console, APIs &amp;amp; Dienste, Anmeldedaten&lt;/a&gt; (aktivieren Sie die Gmail-API für sein Projekt) und geben Sie dann hier seine Client-ID und sein Geheimnis ein.</translation>
    </message>
    <message>
        <source>optional when the server registers this app by itself</source>
        <translation>optional, wenn der Server diese App selbst registriert</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <source>Enter a complete https address (http only for this computer).</source>
        <translation>Geben Sie eine vollständige https-Adresse ein (http nur für diesen Computer).</translation>
    </message>
    <message>
        <source>Enter the client id of your own Google desktop OAuth client.</source>
        <translation>Geben Sie die Client-ID Ihres eigenen Google-OAuth-Clients für Desktop-Apps ein.</translation>
    </message>
    <message>
        <source>Enter the client id the provider gave you.</source>
        <translation>Geben Sie die Client-ID ein, die Ihnen der Anbieter gegeben hat.</translation>
    </message>
    <message>
        <source>Enter the server URL on the General tab first.</source>
        <translation>Geben Sie zuerst die Server-URL auf dem Reiter „Allgemein“ ein.</translation>
    </message>
    <message>
        <source>Discovering…</source>
        <translation>Wird ermittelt …</translation>
    </message>
    <message>
        <source>the server asks for a sign-in</source>
        <translation>der Server verlangt eine Anmeldung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Client: the client id entered below is used.</source>
        <translation>Client: Die unten eingegebene Client-ID wird verwendet.</translation>
    </message>
    <message>
        <source>Registration: the server registers this app by itself (%1).</source>
        <translation>Registrierung: Der Server registriert diese App selbst (%1).</translation>
    </message>
    <message>
        <source>Registration: the server does not register apps by itself; enter the client id its provider gave you.</source>
        <translation>Registrierung: Der Server registriert Apps nicht selbst; geben Sie die Client-ID ein, die Ihnen sein Anbieter gegeben hat.</translation>
    </message>
    <message>
        <source>%1 is neither https nor on this computer, so it was not asked.</source>
        <translation>%1 ist weder https noch auf diesem Computer, daher wurde nicht gefragt.</translation>
    </message>
    <message>
        <source>The address</source>
        <translation>Die Adresse</translation>
    </message>
    <message>
        <source>%1 did not answer (%2).</source>
        <translation>%1 hat nicht geantwortet (%2).</translation>
    </message>
    <message>
        <source>the server answered without asking for a sign-in, so it does not use OAuth: choose None or Headers.</source>
        <translation>der Server hat geantwortet, ohne eine Anmeldung zu verlangen, er verwendet also kein OAuth: Wählen Sie „Keine“ oder „Header“.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>the document at %1 is not usable metadata (%2).</source>
        <translation>das Dokument unter %1 sind keine brauchbaren Metadaten (%2).</translation>
    </message>
    <message>
        <source>the metadata at %1 describes another server.</source>
        <translation>die Metadaten unter %1 beschreiben einen anderen Server.</translation>
    </message>
    <message>
        <source>the metadata at %1 names another authorization server.</source>
        <translation>die Metadaten unter %1 nennen einen anderen Autorisierungsserver.</translation>
    </message>
    <message>
        <source>the authorization server does not offer PKCE (S256), which a safe sign-in needs.</source>
        <translation>der Autorisierungsserver bietet kein PKCE (S256), das eine sichere Anmeldung braucht.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorEditorDialog</name>
    <message>
        <source>New Connector</source>
        <translation>Neuer Connector</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>e.g. Team wiki</source>
        <translation>z. B. Team-Wiki</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>letters, digits, _ and -</source>
        <translation>Buchstaben, Ziffern, _ und -</translation>
    </message>
    <message>
        <source>The name a chat uses to refer to the connector: at most 64 letters, digits, &quot;_&quot; and &quot;-&quot;. Suggested from the title.</source>
        <translation>Der Name, mit dem ein Chat den Connector bezeichnet: höchstens 64 Buchstaben, Ziffern, „_“ und „-“. Wird aus dem Titel vorgeschlagen.</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>What the connector gives access to (required)</source>
        <translation>Worauf der Connector Zugriff gibt (erforderlich)</translation>
    </message>
    <message>
        <source>&amp;Server URL:</source>
        <translation>&amp;Server-URL:</translation>
    </message>
    <message>
        <source>https://example.com/mcp</source>
        <translation>https://example.com/mcp</translation>
    </message>
    <message>
        <source>The MCP server (streamable HTTP). It must use https; plain http is accepted only for a server on this computer.</source>
        <translation>Der MCP-Server (Streamable HTTP). Er muss https verwenden; einfaches http wird nur für einen Server auf diesem Computer akzeptiert.</translation>
    </message>
    <message>
        <source>&amp;Visibility:</source>
        <translation>&amp;Sichtbarkeit:</translation>
    </message>
    <message>
        <source>&amp;Icon URL:</source>
        <translation>&amp;Symbol-URL:</translation>
    </message>
    <message>
        <source>optional, https://…</source>
        <translation>optional, https://…</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Header</translation>
    </message>
    <message>
        <source>HTTP headers sent to the MCP server with every request, e.g. Authorization: Bearer … Secret values are kept in the system keychain on this computer; the server never shows them again.</source>
        <translation>HTTP-Header, die mit jeder Anfrage an den MCP-Server gesendet werden, z. B. Authorization: Bearer … Geheime Werte werden im Schlüsselbund dieses Computers aufbewahrt; der Server zeigt sie nie wieder an.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>&amp;Add Header</source>
        <translation>Header &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove Header</source>
        <translation>Header &amp;entfernen</translation>
    </message>
    <message>
        <source>System &amp;Prompt</source>
        <translation>System&amp;prompt</translation>
    </message>
    <message>
        <source>Optional instructions given to the model whenever this connector is used.</source>
        <translation>Optionale Anweisungen, die das Modell erhält, wann immer dieser Connector verwendet wird.</translation>
    </message>
    <message>
        <source>Connection Test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connect to the MCP server from this computer with these headers, and list its tools.</source>
        <translation>Von diesem Computer aus mit diesen Headern eine Verbindung zum MCP-Server herstellen und seine Werkzeuge auflisten.</translation>
    </message>
    <message>
        <source>Show T&amp;ools…</source>
        <translation>&amp;Werkzeuge anzeigen …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>Private (only me)</source>
        <translation>Privat (nur ich)</translation>
    </message>
    <message>
        <source>Shared with my workspace</source>
        <translation>Mit meinem Workspace geteilt</translation>
    </message>
    <message>
        <source>Shared with my organization (admins)</source>
        <translation>Mit meiner Organisation geteilt (Admins)</translation>
    </message>
    <message>
        <source>Edit Connector %1</source>
        <translation>Connector %1 bearbeiten</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The visibility is chosen when the connector is created.</source>
        <translation>Die Sichtbarkeit wird beim Erstellen des Connectors gewählt.</translation>
    </message>
    <message>
        <source>Describe what the connector gives access to.</source>
        <translation>Beschreiben Sie, worauf der Connector Zugriff gibt.</translation>
    </message>
    <message>
        <source>The icon address must be a complete http(s) URL.</source>
        <translation>Die Symboladresse muss eine vollständige http(s)-URL sein.</translation>
    </message>
    <message>
        <source>A connector with this name already exists: choose another name.</source>
        <translation>Ein Connector mit diesem Namen existiert bereits: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>The connector was saved, but its secret header values could not be kept in the keychain: %1</source>
        <translation>Der Connector wurde gespeichert, aber seine geheimen Header-Werte konnten nicht im Schlüsselbund aufbewahrt werden: %1</translation>
    </message>
    <message>
        <source>Unsaved Connector</source>
        <translation>Ungespeicherter Connector</translation>
    </message>
    <message>
        <source>Save the changes to this connector?</source>
        <translation>Die Änderungen an diesem Connector speichern?</translation>
    </message>
    <message>
        <source>Save this new connector?</source>
        <translation>Diesen neuen Connector speichern?</translation>
    </message>
    <message>
        <source>Reading the stored secrets…</source>
        <translation>Die gespeicherten Geheimnisse werden gelesen …</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation>&amp;Authentifizierung</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>Anmelde&amp;methode:</translation>
    </message>
    <message>
        <source>S&amp;ign In…</source>
        <translation>An&amp;melden …</translation>
    </message>
    <message>
        <source>Sign in through your browser; the tokens are kept in the system keychain.</source>
        <translation>Melden Sie sich in Ihrem Browser an; die Tokens werden im Schlüsselbund des Systems behalten.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>OAuth 2.0 (sign in through the browser)</source>
        <translation>OAuth 2.0 (Anmeldung im Browser)</translation>
    </message>
    <message>
        <source>The server needs no sign-in.</source>
        <translation>Der Server braucht keine Anmeldung.</translation>
    </message>
    <message>
        <source>The headers of the Headers tab (e.g. Authorization: Bearer …) are sent with every request.</source>
        <translation>Die Header des Reiters „Header“ (z. B. Authorization: Bearer …) werden mit jeder Anfrage gesendet.</translation>
    </message>
    <message>
        <source>You sign in through your browser; this computer keeps the tokens in the system keychain and renews them when they expire.</source>
        <translation>Sie melden sich in Ihrem Browser an; dieser Computer behält die Tokens im Schlüsselbund des Systems und erneuert sie, wenn sie ablaufen.</translation>
    </message>
    <message>
        <source>OAuth 2.0, held by Mistral (connect through the browser)</source>
        <translation>OAuth 2.0, von Mistral verwaltet (Verbindung im Browser)</translation>
    </message>
    <message>
        <source>You connect through your browser; Mistral keeps the OAuth client and your tokens, and signs the requests to the server.</source>
        <translation>Sie verbinden sich in Ihrem Browser; Mistral behält den OAuth-Client und Ihre Tokens und signiert die Anfragen an den Server.</translation>
    </message>
    <message>
        <source>Signed in; kept when you save the connector</source>
        <translation>Angemeldet; wird beim Speichern des Connectors behalten</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorHeadersModel</name>
    <message>
        <source>The header %1 is listed twice.</source>
        <translation>Der Header %1 ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>Type the value of %1 again: the server never returns secret values, and this computer has not kept it.</source>
        <translation>Geben Sie den Wert von %1 erneut ein: Der Server gibt geheime Werte nie zurück, und dieser Computer hat ihn nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>Enter a value for %1.</source>
        <translation>Geben Sie einen Wert für %1 ein.</translation>
    </message>
    <message>
        <source>e.g. Authorization</source>
        <translation>z. B. Authorization</translation>
    </message>
    <message>
        <source>•••••• stored (type to replace)</source>
        <translation>•••••• gespeichert (zum Ersetzen eingeben)</translation>
    </message>
    <message>
        <source>secret value</source>
        <translation>geheimer Wert</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>A secret value is hidden, kept in the system keychain and never shown again by the server.</source>
        <translation>Ein geheimer Wert wird verborgen, im Schlüsselbund des Systems aufbewahrt und vom Server nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>A credential each user of the connector provides. A value typed here is kept in this computer&apos;s keychain for the connection test; it is not sent to the server.</source>
        <translation>Zugangsdaten, die jeder Benutzer des Connectors selbst angibt. Ein hier eingegebener Wert wird für den Verbindungstest im Schlüsselbund dieses Computers aufbewahrt; er wird nicht an den Server gesendet.</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorListModel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (integriert)</translation>
    </message>
    <message>
        <source>%1 ⚠ changed</source>
        <translation>%1 ⚠ geändert</translation>
    </message>
    <message>
        <source>A built-in connector provided by Mistral: it cannot be edited or deleted here.

%1</source>
        <translation>Ein von Mistral bereitgestellter integrierter Connector: Er kann hier weder bearbeitet noch gelöscht werden.

%1</translation>
    </message>
    <message>
        <source>%1
Unencrypted http: acceptable only for a server on this computer.</source>
        <translation>%1
Unverschlüsseltes http: nur für einen Server auf diesem Computer akzeptabel.</translation>
    </message>
    <message>
        <source>At least one tool changed since you approved it: review the tools.</source>
        <translation>Mindestens ein Werkzeug hat sich seit Ihrer Freigabe geändert: Prüfen Sie die Werkzeuge.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>No connectors yet</source>
        <translation>Noch keine Connectors</translation>
    </message>
    <message>
        <source>A connector gives chats the tools of an MCP server. Add one with New… on the Connectors page.</source>
        <translation>Ein Connector gibt Chats die Werkzeuge eines MCP-Servers. Fügen Sie auf der Seite „Connectors“ mit „Neu …“ einen hinzu.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorSignInBar</name>
    <message>
        <source>Sign In A&amp;gain…</source>
        <translation>Er&amp;neut anmelden …</translation>
    </message>
    <message>
        <source>A connector refused its sign-in and could not renew it. Sign in again, then retry: your message is kept.</source>
        <translation>Ein Connector hat seine Anmeldung abgelehnt und konnte sie nicht erneuern. Melden Sie sich erneut an und wiederholen Sie dann: Ihre Nachricht bleibt erhalten.</translation>
    </message>
    <message>
        <source>A connector</source>
        <translation>Ein Connector</translation>
    </message>
    <message>
        <source>%1 needs the permission “%2”, which its sign-in did not grant: sign in again to grant it, then retry (your message is kept).</source>
        <translation>%1 braucht die Berechtigung „%2“, die bei seiner Anmeldung nicht gewährt wurde: Melden Sie sich erneut an, um sie zu gewähren, und wiederholen Sie dann (Ihre Nachricht bleibt erhalten).</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorSignInDialog</name>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Choose how to sign in, then sign in through your browser.</source>
        <translation>Wählen Sie, wie Sie sich anmelden, und melden Sie sich dann in Ihrem Browser an.</translation>
    </message>
    <message>
        <source>Reading the client secret from the keychain…</source>
        <translation>Das Client-Geheimnis wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>Asking the server how to sign in…</source>
        <translation>Der Server wird gefragt, wie man sich anmeldet …</translation>
    </message>
    <message>
        <source>Identifying this app to the authorization server…</source>
        <translation>Diese App wird beim Autorisierungsserver ausgewiesen …</translation>
    </message>
    <message>
        <source>Continue in your browser. This window waits until the browser comes back (at most 5 minutes).</source>
        <translation>Fahren Sie in Ihrem Browser fort. Dieses Fenster wartet, bis der Browser zurückkommt (höchstens 5 Minuten).</translation>
    </message>
    <message>
        <source>Getting the tokens…</source>
        <translation>Die Tokens werden abgerufen …</translation>
    </message>
    <message>
        <source>Keeping the tokens in the keychain…</source>
        <translation>Die Tokens werden im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <source>The browser could not be opened. Open this address yourself: %1</source>
        <translation>Der Browser konnte nicht geöffnet werden. Öffnen Sie diese Adresse selbst: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Signed in for this session only: the system keychain is not available, so you will sign in again next time.</source>
        <translation>Nur für diese Sitzung angemeldet: Der Schlüsselbund des Systems ist nicht verfügbar, daher melden Sie sich beim nächsten Mal erneut an.</translation>
    </message>
    <message>
        <source>Could not find how to sign in: %1</source>
        <translation>Es war nicht zu ermitteln, wie man sich anmeldet: %1</translation>
    </message>
    <message>
        <source>The sign-in settings are incomplete: edit the connector&apos;s Authentication.</source>
        <translation>Die Anmeldeeinstellungen sind unvollständig: Bearbeiten Sie die Authentifizierung des Connectors.</translation>
    </message>
    <message>
        <source>This server does not register apps by itself: enter the client id its provider gave you, then sign in again.</source>
        <translation>Dieser Server registriert Apps nicht selbst: Geben Sie die Client-ID ein, die Ihnen sein Anbieter gegeben hat, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>The authorization server refused to register this app.</source>
        <translation>Der Autorisierungsserver hat die Registrierung dieser App abgelehnt.</translation>
    </message>
    <message>
        <source>The browser did not come back within 5 minutes: sign in again when you are ready.</source>
        <translation>Der Browser ist nicht innerhalb von 5 Minuten zurückgekommen: Melden Sie sich erneut an, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <source>The sign-in address is not https, so it was not opened.</source>
        <translation>Die Anmeldeadresse ist nicht https, daher wurde sie nicht geöffnet.</translation>
    </message>
    <message>
        <source>This app could not wait for the browser&apos;s answer: no local port was free.</source>
        <translation>Diese App konnte nicht auf die Antwort des Browsers warten: Kein lokaler Port war frei.</translation>
    </message>
    <message>
        <source>The sign-in was refused in the browser.</source>
        <translation>Die Anmeldung wurde im Browser abgelehnt.</translation>
    </message>
    <message>
        <source>The answer that came back did not belong to this sign-in, so it was refused.</source>
        <translation>Die zurückgekommene Antwort gehörte nicht zu dieser Anmeldung, daher wurde sie abgelehnt.</translation>
    </message>
    <message>
        <source>The provider did not give a usable token for this sign-in.</source>
        <translation>Der Anbieter hat für diese Anmeldung kein brauchbares Token geliefert.</translation>
    </message>
    <message>
        <source>The sign-in failed.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Anmeldung abgelaufen</translation>
    </message>
    <message>
        <source>Signed in (refreshing)</source>
        <translation>Angemeldet (wird erneuert)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed in until %1</source>
        <translation>Angemeldet bis %1</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Sign-in canceled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Signed in. The sign-in is kept when you save the connector.</source>
        <translation>Angemeldet. Die Anmeldung wird beim Speichern des Connectors behalten.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorToolsDialog</name>
    <message>
        <source>Connector Tools</source>
        <translation>Connector-Werkzeuge</translation>
    </message>
    <message>
        <source>MCP servers are not vetted by anyone: read the description and the input of each tool before a chat may use it. The model reads the descriptions too, so a description that asks for files, keys or other data is a red flag.</source>
        <translation>MCP-Server werden von niemandem geprüft: Lesen Sie die Beschreibung und die Eingabe jedes Werkzeugs, bevor ein Chat es verwenden darf. Auch das Modell liest die Beschreibungen; eine Beschreibung, die nach Dateien, Schlüsseln oder anderen Daten fragt, ist ein Warnsignal.</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Description (as the model reads it):</source>
        <translation>Beschreibung (so, wie das Modell sie liest):</translation>
    </message>
    <message>
        <source>Tool description</source>
        <translation>Werkzeugbeschreibung</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Input properties</source>
        <translation>Eingabe-Eigenschaften</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <source>Tool definition as JSON</source>
        <translation>Werkzeugdefinition als JSON</translation>
    </message>
    <message>
        <source>&amp;Approve This Tool</source>
        <translation>Dieses Werkzeug &amp;freigeben</translation>
    </message>
    <message>
        <source>Remember this definition: if the server changes it later, it is flagged again.</source>
        <translation>Diese Definition merken: Ändert der Server sie später, wird sie erneut markiert.</translation>
    </message>
    <message>
        <source>Approve A&amp;ll</source>
        <translation>A&amp;lle freigeben</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Tools of %1</source>
        <translation>Werkzeuge von %1</translation>
    </message>
    <message>
        <source>Approve All and &amp;Use in Chat</source>
        <translation>Alle freigeben und im Chat &amp;verwenden</translation>
    </message>
    <message>
        <source>Loading the tools…</source>
        <translation>Die Werkzeuge werden geladen …</translation>
    </message>
    <message>
        <source>The server offers no tools.</source>
        <translation>Der Server bietet keine Werkzeuge an.</translation>
    </message>
    <message>
        <source>✓ Approved</source>
        <translation>✓ Freigegeben</translation>
    </message>
    <message>
        <source>⚠ Changed since you approved it</source>
        <translation>⚠ Seit Ihrer Freigabe geändert</translation>
    </message>
    <message>
        <source>Not approved yet</source>
        <translation>Noch nicht freigegeben</translation>
    </message>
    <message>
        <source>The server changed this tool since you approved it: read it again before approving.</source>
        <translation>Der Server hat dieses Werkzeug seit Ihrer Freigabe geändert: Lesen Sie es erneut, bevor Sie es freigeben.</translation>
    </message>
    <message>
        <source>Not approved yet.</source>
        <translation>Noch nicht freigegeben.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Freigegeben.</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s).</source>
        <translation>
            <numerusform>%n Werkzeug.</numerusform>
            <numerusform>%n Werkzeuge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the connector to approve its tools.</source>
        <translation>Speichern Sie den Connector, um seine Werkzeuge freizugeben.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed since you approved them.</source>
        <translation>
            <numerusform>%n seit Ihrer Freigabe geändert.</numerusform>
            <numerusform>%n seit Ihrer Freigabe geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not approved yet.</source>
        <translation>
            <numerusform>%n noch nicht freigegeben.</numerusform>
            <numerusform>%n noch nicht freigegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>All approved.</source>
        <translation>Alle freigegeben.</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <source>(no input)</source>
        <translation>(keine Eingabe)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Save the connector first.</source>
        <translation>Speichern Sie den Connector zuerst.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorsPage</name>
    <message>
        <source>Connectors</source>
        <translation>Connectors</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu …</translation>
    </message>
    <message>
        <source>Add a connector to an MCP server</source>
        <translation>Einen Connector zu einem MCP-Server hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connect to the MCP server from this computer and list its tools</source>
        <translation>Von diesem Computer aus eine Verbindung zum MCP-Server herstellen und seine Werkzeuge auflisten</translation>
    </message>
    <message>
        <source>T&amp;ools…</source>
        <translation>&amp;Werkzeuge …</translation>
    </message>
    <message>
        <source>Read and approve the connector&apos;s tools</source>
        <translation>Die Werkzeuge des Connectors lesen und freigeben</translation>
    </message>
    <message>
        <source>&amp;Use in Chat</source>
        <translation>Im Chat &amp;verwenden</translation>
    </message>
    <message>
        <source>Offer this connector&apos;s tools in the chat</source>
        <translation>Die Werkzeuge dieses Connectors im Chat anbieten</translation>
    </message>
    <message>
        <source>Filter connectors</source>
        <translation>Connectors filtern</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load &amp;More</source>
        <translation>&amp;Mehr laden</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Visibility:</source>
        <translation>Sichtbarkeit:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Connection Test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Noch nicht getestet.</translation>
    </message>
    <message>
        <source>(request id %1)</source>
        <translation>(Anfrage-ID %1)</translation>
    </message>
    <message>
        <source>Loading connectors…</source>
        <translation>Connectors werden geladen …</translation>
    </message>
    <message>
        <source>The connectors could not be loaded: %1</source>
        <translation>Die Connectors konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>A built-in connector cannot be edited or deleted.</source>
        <translation>Ein integrierter Connector kann weder bearbeitet noch gelöscht werden.</translation>
    </message>
    <message>
        <source>Edit the selected connector</source>
        <translation>Den ausgewählten Connector bearbeiten</translation>
    </message>
    <message>
        <source>Delete the selected connector</source>
        <translation>Den ausgewählten Connector löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n connector(s)</source>
        <translation>
            <numerusform>%n Connector</numerusform>
            <numerusform>%n Connectors</numerusform>
        </translation>
    </message>
    <message>
        <source>(more on the server)</source>
        <translation>(weitere auf dem Server)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>No connector selected</source>
        <translation>Kein Connector ausgewählt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>integriert</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>authenticated</source>
        <translation>authentifiziert</translation>
    </message>
    <message>
        <source>not authenticated</source>
        <translation>nicht authentifiziert</translation>
    </message>
    <message>
        <source>auth: %1</source>
        <translation>Anmeldung: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (secret)</source>
        <translation>%1 (geheim)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Built-in connector provided by Mistral: read-only.</source>
        <translation>Von Mistral bereitgestellter integrierter Connector: schreibgeschützt.</translation>
    </message>
    <message>
        <source>⚠ Unencrypted http: acceptable only because the server runs on this computer.</source>
        <translation>⚠ Unverschlüsseltes http: nur akzeptabel, weil der Server auf diesem Computer läuft.</translation>
    </message>
    <message>
        <source>⚠ A tool changed since you approved it: open Tools… to read it again.</source>
        <translation>⚠ Ein Werkzeug hat sich seit Ihrer Freigabe geändert: Öffnen Sie „Werkzeuge …“, um es erneut zu lesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s), not all reviewed yet.</source>
        <translation>
            <numerusform>%n Werkzeug, noch nicht alle geprüft.</numerusform>
            <numerusform>%n Werkzeuge, noch nicht alle geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ %n tool(s), all approved.</source>
        <translation>
            <numerusform>✓ %n Werkzeug, alle freigegeben.</numerusform>
            <numerusform>✓ %n Werkzeuge, alle freigegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>Connector %1 saved.</source>
        <translation>Connector %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete Connector</source>
        <translation>Connector löschen</translation>
    </message>
    <message>
        <source>Delete the connector “%1”?</source>
        <translation>Den Connector „%1“ löschen?</translation>
    </message>
    <message>
        <source>Chats and agents that use it lose its tools. This cannot be undone.</source>
        <translation>Chats und Agents, die ihn verwenden, verlieren seine Werkzeuge. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht …</translation>
    </message>
    <message>
        <source>%1 was not deleted: %2</source>
        <translation>%1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Connector %1 deleted.</source>
        <translation>Connector %1 gelöscht.</translation>
    </message>
    <message>
        <source>Connection test passed.</source>
        <translation>Verbindungstest bestanden.</translation>
    </message>
    <message>
        <source>%1 is offered in the chat.</source>
        <translation>%1 wird im Chat angeboten.</translation>
    </message>
    <message>
        <source>The tools could not be listed: %1</source>
        <translation>Die Werkzeuge konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Checking the tools of %1…</source>
        <translation>Die Werkzeuge von %1 werden geprüft …</translation>
    </message>
    <message>
        <source>The tools of %1 could not be listed, so they cannot be reviewed: %2</source>
        <translation>Die Werkzeuge von %1 konnten nicht aufgelistet und daher nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>Review the tools of %1 before using it.</source>
        <translation>Prüfen Sie die Werkzeuge von %1, bevor Sie ihn verwenden.</translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation>&amp;Einstellungen öffnen …</translation>
    </message>
    <message>
        <source>A Mistral API key is needed to list your connectors: add yours in Settings.</source>
        <translation>Um Ihre Connectors aufzulisten, wird ein Mistral-API-Schlüssel benötigt: Fügen Sie Ihren in den Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>header (%1)</source>
        <translation>Header (%1)</translation>
    </message>
    <message>
        <source>%1 was deleted, but some of its secrets could not be removed from the keychain: %2</source>
        <translation>%1 wurde gelöscht, aber einige seiner Geheimnisse konnten nicht aus dem Schlüsselbund entfernt werden: %2</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Anmeldung:</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>An&amp;melden …</translation>
    </message>
    <message>
        <source>Sign in to this connector through your browser</source>
        <translation>Bei diesem Connector in Ihrem Browser anmelden</translation>
    </message>
    <message>
        <source>Sign O&amp;ut</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Revoke this computer&apos;s tokens for the connector and forget them</source>
        <translation>Die Tokens dieses Computers für den Connector widerrufen und vergessen</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Von %1 abgemeldet.</translation>
    </message>
    <message>
        <source>Signed out of %1 on this computer; the provider did not confirm the revocation.</source>
        <translation>Auf diesem Computer von %1 abgemeldet; der Anbieter hat den Widerruf nicht bestätigt.</translation>
    </message>
    <message>
        <source>C&amp;onnect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <source>S&amp;ign In…</source>
        <translation>An&amp;melden …</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Disconnected %1.</source>
        <translation>Verbindung zu %1 getrennt.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Signed in (refreshing)</source>
        <translation>Angemeldet (wird erneuert)</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Anmeldung abgelaufen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>This computer (not checked yet)</source>
        <translation>Dieser Computer (noch nicht geprüft)</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Sign in in your browser…</source>
        <translation>Melden Sie sich in Ihrem Browser an …</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConversationFiles</name>
    <message>
        <source>Export as Markdown</source>
        <translation>Als Markdown exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>Als JSON exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Import Conversation</source>
        <translation>Unterhaltung importieren</translation>
    </message>
    <message>
        <source>Exported conversations (*.json);;All files (*)</source>
        <translation>Exportierte Unterhaltungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>There is no saved conversation to export yet.</source>
        <translation>Es gibt noch keine gespeicherte Unterhaltung zum Exportieren.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>The conversation could not be exported to %1.

%2</source>
        <translation>Die Unterhaltung konnte nicht nach %1 exportiert werden.

%2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>%1 could not be imported.

%2</source>
        <translation>%1 konnte nicht importiert werden.

%2</translation>
    </message>
    <message>
        <source>Imported “%1”. It opens once the answer being written is done or stopped.</source>
        <translation>„%1“ importiert. Sie öffnet sich, sobald die gerade entstehende Antwort fertig oder angehalten ist.</translation>
    </message>
    <message>
        <source>Imported “%1”.</source>
        <translation>„%1“ importiert.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1
Last activity: %2</source>
        <translation>%1
Letzte Aktivität: %2</translation>
    </message>
    <message>
        <source>The conversation list could not be read.</source>
        <translation>Die Liste der Unterhaltungen konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The conversation could not be pinned.</source>
        <translation>Die Unterhaltung konnte nicht angeheftet werden.</translation>
    </message>
    <message>
        <source>The conversation could not be renamed.</source>
        <translation>Die Unterhaltung konnte nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>The conversation could not be deleted.</source>
        <translation>Die Unterhaltung konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The conversation could not be restored.</source>
        <translation>Die Unterhaltung konnte nicht wiederhergestellt werden.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConversationSearchModel</name>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConversationStore</name>
    <message>
        <source>Tramontane is already running with this profile.</source>
        <translation>Tramontane läuft bereits mit diesem Profil.</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt (QSQLITE) is not installed, so the conversation history cannot be opened.</source>
        <translation>Der SQLite-Treiber von Qt (QSQLITE) ist nicht installiert, daher kann der Unterhaltungsverlauf nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The conversation history %1 cannot be opened.</source>
        <translation>Der Unterhaltungsverlauf %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The conversation history %1 is damaged or is not a Tramontane history. It was left as it is.</source>
        <translation>Der Unterhaltungsverlauf %1 ist beschädigt oder ist kein Tramontane-Verlauf. Er wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>The conversation history %1 cannot be opened: the file cannot be read or written. It was left as it is.</source>
        <translation>Der Unterhaltungsverlauf %1 kann nicht geöffnet werden: Die Datei kann nicht gelesen oder geschrieben werden. Sie wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>The damaged history could not be moved aside in %1.</source>
        <translation>Der beschädigte Verlauf konnte in %1 nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>The SQLite library in use has no full-text search (FTS5), which the conversation history needs.</source>
        <translation>Die verwendete SQLite-Bibliothek hat keine Volltextsuche (FTS5), die der Unterhaltungsverlauf braucht.</translation>
    </message>
    <message>
        <source>The SQLite library in use has no JSON functions, which the conversation history needs.</source>
        <translation>Die verwendete SQLite-Bibliothek hat keine JSON-Funktionen, die der Unterhaltungsverlauf braucht.</translation>
    </message>
    <message>
        <source>The message could not be saved.</source>
        <translation>Die Nachricht konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file %1 is too large to be a conversation.</source>
        <translation>Die Datei %1 ist zu groß für eine Unterhaltung.</translation>
    </message>
    <message>
        <source>The conversation could not be imported: a message has no role.</source>
        <translation>Die Unterhaltung konnte nicht importiert werden: Eine Nachricht hat keine Rolle.</translation>
    </message>
    <message>
        <source>The profile folder %1 cannot be created. Make its parent folder writable, or set XDG_DATA_HOME to a folder that is.</source>
        <translation>Der Profilordner %1 kann nicht angelegt werden. Machen Sie seinen übergeordneten Ordner beschreibbar oder setzen Sie XDG_DATA_HOME auf einen beschreibbaren Ordner.</translation>
    </message>
    <message>
        <source>The profile folder %1 is read-only. Make it writable, or set XDG_DATA_HOME to a folder that is.</source>
        <translation>Der Profilordner %1 ist schreibgeschützt. Machen Sie ihn beschreibbar oder setzen Sie XDG_DATA_HOME auf einen beschreibbaren Ordner.</translation>
    </message>
    <message>
        <source>The conversation history %1 is locked by another program. Close the program that has it open (a database browser, a backup tool) and start Tramontane again.</source>
        <translation>Der Unterhaltungsverlauf %1 ist von einem anderen Programm gesperrt. Schließen Sie das Programm, das ihn geöffnet hat (einen Datenbank-Browser, ein Sicherungsprogramm), und starten Sie Tramontane erneut.</translation>
    </message>
</context>
<context>
    <name>Tramontane::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>Tramontane::DocumentChip</name>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>Tramontane::EmptyChatPanel</name>
    <message>
        <source>Start a conversation</source>
        <translation>Eine Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>Type a message below, or begin with one of these. Nothing is sent until you press Send.</source>
        <translation>Schreiben Sie unten eine Nachricht oder beginnen Sie mit einem dieser Vorschläge. Nichts wird gesendet, bevor Sie auf „Senden“ drücken.</translation>
    </message>
    <message>
        <source>Puts a first question in the composer</source>
        <translation>Setzt eine erste Frage in das Nachrichtenfeld</translation>
    </message>
    <message>
        <source>Turns on image generation and puts a drawing request in the composer</source>
        <translation>Schaltet die Bilderzeugung ein und setzt einen Zeichenauftrag in das Nachrichtenfeld</translation>
    </message>
    <message>
        <source>Turns the connector on for this chat and asks what it can do</source>
        <translation>Schaltet den Connector für diesen Chat ein und fragt, was er kann</translation>
    </message>
    <message>
        <source>Chat with one of your agents…</source>
        <translation>Mit einem Ihrer Agents chatten …</translation>
    </message>
    <message>
        <source>Opens the list of models and agents</source>
        <translation>Öffnet die Liste der Modelle und Agents</translation>
    </message>
    <message>
        <source>Every keyboard shortcut: %1</source>
        <translation>Alle Tastenkürzel: %1</translation>
    </message>
    <message>
        <source>Ask: “%1”</source>
        <translation>Fragen: „%1“</translation>
    </message>
    <message>
        <source>Draw: “%1”</source>
        <translation>Zeichnen: „%1“</translation>
    </message>
    <message>
        <source>Use the connector %1</source>
        <translation>Den Connector %1 verwenden</translation>
    </message>
    <message>
        <source>Explain how a heat pump works, in five short points.</source>
        <translation>Erkläre in fünf kurzen Punkten, wie eine Wärmepumpe funktioniert.</translation>
    </message>
    <message>
        <source>Draw a lighthouse on a cliff in a storm, as a watercolour.</source>
        <translation>Zeichne einen Leuchtturm auf einer Klippe im Sturm, als Aquarell.</translation>
    </message>
    <message>
        <source>What can you do with %1? List its tools in a sentence each.</source>
        <translation>Was kannst du mit %1 tun? Beschreibe jedes seiner Werkzeuge in einem Satz.</translation>
    </message>
</context>
<context>
    <name>Tramontane::EmulatorLauncher</name>
    <message>
        <source>The offline emulator did not start in time.</source>
        <translation>Der Offline-Emulator ist nicht rechtzeitig gestartet.</translation>
    </message>
    <message>
        <source>The offline emulator could not be started: %1</source>
        <translation>Der Offline-Emulator konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The offline emulator crashed.</source>
        <translation>Der Offline-Emulator ist abgestürzt.</translation>
    </message>
    <message>
        <source>The offline emulator exited with code %1.</source>
        <translation>Der Offline-Emulator wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <source>The offline emulator was not found at %1.</source>
        <translation>Der Offline-Emulator wurde unter %1 nicht gefunden.</translation>
    </message>
    <message>
        <source>The offline emulator printed an unexpected address.</source>
        <translation>Der Offline-Emulator hat eine unerwartete Adresse ausgegeben.</translation>
    </message>
</context>
<context>
    <name>Tramontane::FormDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>Tramontane::HistorySidebar</name>
    <message>
        <source>Conversation history</source>
        <translation>Unterhaltungsverlauf</translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Eine neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>No conversations yet. What you send is kept here.</source>
        <translation>Noch keine Unterhaltungen. Was Sie senden, wird hier aufbewahrt.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Keine Nachricht passt.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Bring the conversation back (Ctrl+Z)</source>
        <translation>Die Unterhaltung zurückholen (Strg+Z)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Undo Delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>The conversation is back.</source>
        <translation>Die Unterhaltung ist zurück.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Search all conversations (Ctrl+Shift+F)</source>
        <translation>Alle Unterhaltungen durchsuchen (Strg+Umschalt+F)</translation>
    </message>
</context>
<context>
    <name>Tramontane::ImageRepository</name>
    <message>
        <source>The image data is malformed or too large.</source>
        <translation>Die Bilddaten sind fehlerhaft oder zu groß.</translation>
    </message>
    <message>
        <source>Images cannot be loaded here.</source>
        <translation>Bilder können hier nicht geladen werden.</translation>
    </message>
    <message>
        <source>The image could not be downloaded.</source>
        <translation>Das Bild konnte nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>The image is too large to show (%1 × %2 pixels).</source>
        <translation>Das Bild ist zu groß zum Anzeigen (%1 × %2 Pixel).</translation>
    </message>
    <message>
        <source>The image is too large to show.</source>
        <translation>Das Bild ist zu groß zum Anzeigen.</translation>
    </message>
    <message>
        <source>The image could not be read (%1).</source>
        <translation>Das Bild konnte nicht gelesen werden (%1).</translation>
    </message>
</context>
<context>
    <name>Tramontane::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Verkleinern (−)</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Fit to window (F)</source>
        <translation>An Fenster anpassen (F)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <source>Show the image at its own size (1)</source>
        <translation>Das Bild in seiner eigenen Größe zeigen (1)</translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Copy the image (Ctrl+C)</source>
        <translation>Das Bild kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Save the original file (Ctrl+S)</source>
        <translation>Die Originaldatei speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>%1 × %2 · %3</source>
        <translation>%1 × %2 · %3</translation>
    </message>
    <message>
        <source>The image could not be read (%1).</source>
        <translation>Das Bild konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>The zoom level in percent; French writes &quot;%1 %&quot; with a no-break space.</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 image (*.%2)</source>
        <translation>%1-Bild (*.%2)</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <source>The image could not be saved: %1</source>
        <translation>Das Bild konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibrariesPage</name>
    <message>
        <source>Libraries</source>
        <translation>Bibliotheken</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load the libraries and their documents again</source>
        <translation>Die Bibliotheken und ihre Dokumente neu laden</translation>
    </message>
    <message>
        <source>&amp;Delete Library…</source>
        <translation>Bibliothek &amp;löschen …</translation>
    </message>
    <message>
        <source>New Library</source>
        <translation>Neue Bibliothek</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>For example: Product manuals</source>
        <translation>Zum Beispiel: Produkthandbücher</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Create Library</source>
        <translation>Bibliothek &amp;erstellen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Drop files here to add them to the library.</source>
        <translation>Ziehen Sie Dateien hierher, um sie der Bibliothek hinzuzufügen.</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>&amp;Hochladen …</translation>
    </message>
    <message>
        <source>Add files to the selected library</source>
        <translation>Dateien zur ausgewählten Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Delete &amp;Document</source>
        <translation>&amp;Dokument löschen</translation>
    </message>
    <message>
        <source>Loading libraries…</source>
        <translation>Bibliotheken werden geladen …</translation>
    </message>
    <message>
        <source>No libraries yet: create one below, then add documents to it.</source>
        <translation>Noch keine Bibliotheken: Erstellen Sie unten eine und fügen Sie ihr dann Dokumente hinzu.</translation>
    </message>
    <message>
        <source>Select a library to see its documents.</source>
        <translation>Wählen Sie eine Bibliothek, um ihre Dokumente zu sehen.</translation>
    </message>
    <message>
        <source>Documents in “%1”</source>
        <translation>Dokumente in „%1“</translation>
    </message>
    <message>
        <source>Library “%1” created.</source>
        <translation>Bibliothek „%1“ erstellt.</translation>
    </message>
    <message>
        <source>Delete Library</source>
        <translation>Bibliothek löschen</translation>
    </message>
    <message>
        <source>Delete the library “%1”?</source>
        <translation>Die Bibliothek „%1“ löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Its %n document(s) are deleted too. Agents and chats that search it will no longer find them.</source>
        <translation>
            <numerusform>Das %n Dokument darin wird ebenfalls gelöscht. Agents und Chats, die die Bibliothek durchsuchen, finden es nicht mehr.</numerusform>
            <numerusform>Die %n Dokumente darin werden ebenfalls gelöscht. Agents und Chats, die die Bibliothek durchsuchen, finden sie nicht mehr.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Library “%1” deleted.</source>
        <translation>Bibliothek „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Upload Documents</source>
        <translation>Dokumente hochladen</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.docx *.pptx *.csv *.json *.html)</source>
        <translation>Dokumente (*.pdf *.txt *.md *.docx *.pptx *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Select a library first, then add documents to it.</source>
        <translation>Wählen Sie zuerst eine Bibliothek und fügen Sie ihr dann Dokumente hinzu.</translation>
    </message>
    <message>
        <source>The file “%1” is larger than %2 MB.</source>
        <translation>Die Datei „%1“ ist größer als %2 MB.</translation>
    </message>
    <message>
        <source>The file “%1” could not be read: %2</source>
        <translation>Die Datei „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryChecklist</name>
    <message>
        <source>Document libraries</source>
        <translation>Dokumentbibliotheken</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n document(s)</source>
        <translation>
            <numerusform>%1 — %n Dokument</numerusform>
            <numerusform>%1 — %n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>Not among the libraries of this account (deleted, or elsewhere)</source>
        <translation>Nicht unter den Bibliotheken dieses Kontos (gelöscht oder anderswo)</translation>
    </message>
    <message>
        <source>Library id</source>
        <translation>Bibliotheks-ID</translation>
    </message>
    <message>
        <source>Loading the libraries…</source>
        <translation>Bibliotheken werden geladen …</translation>
    </message>
    <message>
        <source>The libraries could not be loaded: %1</source>
        <translation>Die Bibliotheken konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No libraries yet — create one on the Libraries page</source>
        <translation>Noch keine Bibliotheken — erstellen Sie eine auf der Seite „Bibliotheken“</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryDocumentModel</name>
    <message>
        <source>Uploading… %1%</source>
        <translation>Wird hochgeladen … %1&#xa0;%</translation>
    </message>
    <message>
        <source>Processing…</source>
        <translation>Wird verarbeitet …</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The server could not read this document. Check that it is not empty, then delete it and upload it again.</source>
        <translation>Der Server konnte dieses Dokument nicht lesen. Prüfen Sie, ob es leer ist, löschen Sie es dann und laden Sie es erneut hoch.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryMenu</name>
    <message>
        <source>Document libraries</source>
        <translation>Dokumentbibliotheken</translation>
    </message>
    <message>
        <source>Document libraries (%1)</source>
        <translation>Dokumentbibliotheken (%1)</translation>
    </message>
    <message>
        <source>Search these libraries and cite their documents</source>
        <translation>In diesen Bibliotheken suchen und ihre Dokumente angeben</translation>
    </message>
    <message>
        <source>Loading the libraries…</source>
        <translation>Bibliotheken werden geladen …</translation>
    </message>
    <message>
        <source>The libraries could not be loaded: %1</source>
        <translation>Die Bibliotheken konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>No libraries yet — create one on the Libraries page</source>
        <translation>Noch keine Bibliotheken — erstellen Sie eine auf der Seite „Bibliotheken“</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the list of libraries loaded last</source>
        <translation>Nicht in der zuletzt geladenen Liste der Bibliotheken</translation>
    </message>
</context>
<context>
    <name>Tramontane::LoopbackReturnListener</name>
    <message>
        <source>You can close this tab.</source>
        <translation>Sie können diesen Tab schließen.</translation>
    </message>
</context>
<context>
    <name>Tramontane::MainWindow</name>
    <message>
        <source>Tramontane</source>
        <translation>Tramontane</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;New Chat</source>
        <translation>&amp;Neuer Chat</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation>Als &amp;Markdown exportieren …</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren …</translation>
    </message>
    <message>
        <source>&amp;Import Conversation…</source>
        <translation>Unterhaltung &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Connection, API key and preferences</source>
        <translation>Verbindung, API-Schlüssel und Einstellungen</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Copy Last Answer</source>
        <translation>Letzte Antwort &amp;kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Focus Message Box</source>
        <translation>Nachrichtenfeld &amp;fokussieren</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Connectors</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Choose &amp;Model or Agent…</source>
        <translation>&amp;Modell oder Agent wählen …</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Stop Answer</source>
        <translation>Antwort an&amp;halten</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>&amp;Regenerate Answer</source>
        <translation>Antwort neu &amp;erzeugen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Show as &amp;Code…</source>
        <translation>Als &amp;Code anzeigen …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Conversation &amp;History</source>
        <translation>Unterhaltungs&amp;verlauf</translation>
    </message>
    <message>
        <source>Show or hide the conversation history beside the chat</source>
        <translation>Den Unterhaltungsverlauf neben dem Chat ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Tramontane</source>
        <translation>&amp;Über Tramontane</translation>
    </message>
    <message>
        <source>About Tramontane</source>
        <translation>Über Tramontane</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tramontane %1&lt;/h3&gt;&lt;p&gt;A native desktop client for Mistral AI: chat with models and agents, generated images inline, MCP connectors and agents in forms.&lt;/p&gt;&lt;p&gt;Secrets are kept in the system keychain.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tramontane %1&lt;/h3&gt;&lt;p&gt;Ein nativer Desktop-Client für Mistral AI: Chats mit Modellen und Agents, erzeugte Bilder direkt im Verlauf, MCP-Connectors und Agents in Formularen.&lt;/p&gt;&lt;p&gt;Geheimnisse werden im Schlüsselbund des Systems aufbewahrt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Find in Chat…</source>
        <translation>Im Chat &amp;suchen …</translation>
    </message>
    <message>
        <source>Find text in this conversation (in the history list: search all conversations)</source>
        <translation>Text in dieser Unterhaltung suchen (in der Verlaufsliste: alle Unterhaltungen durchsuchen)</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Shift+F3</source>
        <translation>Shift+F3</translation>
    </message>
    <message>
        <source>&amp;Search All Conversations…</source>
        <translation>&amp;Alle Unterhaltungen durchsuchen …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotheken</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
</context>
<context>
    <name>Tramontane::MessageDocument</name>
    <message>
        <source>The rest of this message is too long to display. Use Copy Message or export the chat to get the full text.</source>
        <translation>Der Rest dieser Nachricht ist zu lang zum Anzeigen. Verwenden Sie „Nachricht kopieren“ oder exportieren Sie den Chat, um den vollständigen Text zu erhalten.</translation>
    </message>
</context>
<context>
    <name>Tramontane::MistralAuthSection</name>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Metadata URL:</source>
        <translation>&amp;Metadaten-URL:</translation>
    </message>
    <message>
        <source>https://example.com/.well-known/oauth-authorization-server</source>
        <translation>https://example.com/.well-known/oauth-authorization-server</translation>
    </message>
    <message>
        <source>or metadata (&amp;JSON):</source>
        <translation>oder Metadaten (&amp;JSON):</translation>
    </message>
    <message>
        <source>{&quot;issuer&quot;: &quot;…&quot;, &quot;authorization_endpoint&quot;: &quot;…&quot;, &quot;token_endpoint&quot;: &quot;…&quot;}</source>
        <translation>{&quot;issuer&quot;: &quot;…&quot;, &quot;authorization_endpoint&quot;: &quot;…&quot;, &quot;token_endpoint&quot;: &quot;…&quot;}</translation>
    </message>
    <message>
        <source>C&amp;onnect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>sent once to Mistral, which keeps it</source>
        <translation>einmal an Mistral gesendet, das es behält</translation>
    </message>
    <message>
        <source>To replace the client, enter the new one below (the metadata as JSON only); leave it empty to keep it.</source>
        <translation>Um den Client zu ersetzen, geben Sie unten den neuen ein (die Metadaten nur als JSON); lassen Sie das Feld leer, um ihn zu behalten.</translation>
    </message>
    <message>
        <source>Mistral holds this connector&apos;s OAuth client and the tokens of your sign-in; this computer keeps neither. Connect signs you in through your browser.</source>
        <translation>Mistral verwaltet den OAuth-Client dieses Connectors und die Tokens Ihrer Anmeldung; dieser Computer behält keines von beiden. „Verbinden“ meldet Sie in Ihrem Browser an.</translation>
    </message>
    <message>
        <source>Mistral holds this connector&apos;s OAuth client (authorization server %1) and the tokens of your sign-in; this computer keeps neither. Connect signs you in through your browser.</source>
        <translation>Mistral verwaltet den OAuth-Client dieses Connectors (Autorisierungsserver %1) und die Tokens Ihrer Anmeldung; dieser Computer behält keines von beiden. „Verbinden“ meldet Sie in Ihrem Browser an.</translation>
    </message>
    <message>
        <source>Mistral keeps the OAuth client and the tokens of your sign-in: the client secret is sent once, when the connector is created, and is not kept on this computer. Give the authorization server&apos;s metadata as a URL or as JSON.</source>
        <translation>Mistral behält den OAuth-Client und die Tokens Ihrer Anmeldung: Das Client-Geheimnis wird einmal beim Erstellen des Connectors gesendet und nicht auf diesem Computer behalten. Geben Sie die Metadaten des Autorisierungsservers als URL oder als JSON an.</translation>
    </message>
    <message>
        <source>Metadata (&amp;JSON):</source>
        <translation>Metadaten (&amp;JSON):</translation>
    </message>
    <message>
        <source>keep the current client</source>
        <translation>aktuellen Client behalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save the connector first, then connect.</source>
        <translation>Speichern Sie zuerst den Connector und verbinden Sie dann.</translation>
    </message>
    <message>
        <source>Enter the client id of the new OAuth client.</source>
        <translation>Geben Sie die Client-ID des neuen OAuth-Clients ein.</translation>
    </message>
    <message>
        <source>The metadata must be a JSON object with at least &quot;issuer&quot; and &quot;token_endpoint&quot;.</source>
        <translation>Die Metadaten müssen ein JSON-Objekt mit mindestens &quot;issuer&quot; und &quot;token_endpoint&quot; sein.</translation>
    </message>
    <message>
        <source>Paste the authorization server&apos;s metadata JSON: a URL can only be given when the connector is created.</source>
        <translation>Fügen Sie das Metadaten-JSON des Autorisierungsservers ein: Eine URL kann nur beim Erstellen des Connectors angegeben werden.</translation>
    </message>
    <message>
        <source>Enter the client id of the OAuth app registered with the provider.</source>
        <translation>Geben Sie die Client-ID der beim Anbieter registrierten OAuth-App ein.</translation>
    </message>
    <message>
        <source>Give either the metadata URL or the metadata JSON, not both.</source>
        <translation>Geben Sie entweder die Metadaten-URL oder das Metadaten-JSON an, nicht beides.</translation>
    </message>
    <message>
        <source>Give the authorization server&apos;s metadata URL, or paste its metadata JSON.</source>
        <translation>Geben Sie die Metadaten-URL des Autorisierungsservers an oder fügen Sie sein Metadaten-JSON ein.</translation>
    </message>
    <message>
        <source>Enter a complete https address for the metadata (http only for this computer).</source>
        <translation>Geben Sie eine vollständige https-Adresse für die Metadaten ein (http nur für diesen Computer).</translation>
    </message>
    <message>
        <source>The browser could not be opened.</source>
        <translation>Der Browser konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Asking Mistral for the sign-in address…</source>
        <translation>Mistral wird nach der Anmeldeadresse gefragt …</translation>
    </message>
    <message numerus="yes">
        <source>Sign in in your browser (waiting up to %n minute(s))…</source>
        <translation>
            <numerusform>Melden Sie sich in Ihrem Browser an (Wartezeit bis zu %n Minute) …</numerusform>
            <numerusform>Melden Sie sich in Ihrem Browser an (Wartezeit bis zu %n Minuten) …</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Verbindung wird geprüft …</translation>
    </message>
    <message>
        <source>Connected through Mistral.</source>
        <translation>Über Mistral verbunden.</translation>
    </message>
    <message>
        <source>The sign-in did not complete (%1): the connector is still not connected.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen (%1): Der Connector ist weiterhin nicht verbunden.</translation>
    </message>
    <message>
        <source>Mistral sent a sign-in address that is not https; it was not opened.</source>
        <translation>Mistral hat eine Anmeldeadresse gesendet, die nicht https ist; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>No local port could be opened for the browser to come back to.</source>
        <translation>Es konnte kein lokaler Port geöffnet werden, zu dem der Browser zurückkehren kann.</translation>
    </message>
    <message>
        <source>The browser did not come back in time: connect again.</source>
        <translation>Der Browser ist nicht rechtzeitig zurückgekommen: Verbinden Sie erneut.</translation>
    </message>
    <message>
        <source>Connection canceled.</source>
        <translation>Verbindung abgebrochen.</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Verbindung wird getrennt …</translation>
    </message>
</context>
<context>
    <name>Tramontane::OAuthSignIn</name>
    <message>
        <source>Tramontane received the answer of the sign-in. You can close this tab and go back to Tramontane.</source>
        <translation>Tramontane hat die Antwort der Anmeldung erhalten. Sie können diesen Tab schließen und zu Tramontane zurückkehren.</translation>
    </message>
</context>
<context>
    <name>Tramontane::PlatformConnect</name>
    <message>
        <source>Tramontane received the answer of the sign-in. You can close this tab and go back to Tramontane.</source>
        <translation>Tramontane hat die Antwort der Anmeldung erhalten. Sie können diesen Tab schließen und zu Tramontane zurückkehren.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ProxyCredentials</name>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>Das Proxy-Passwort konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>The proxy password could not be kept in the keychain (%1): it is used until Tramontane quits.</source>
        <translation>Das Proxy-Passwort konnte nicht im Schlüsselbund behalten werden (%1): Es wird verwendet, bis Tramontane beendet wird.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ProxyCredentialsDialog</name>
    <message>
        <source>Proxy Sign-In</source>
        <translation>Proxy-Anmeldung</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>The proxy %1 did not accept the stored user name and password. Enter them again to go on.</source>
        <translation>Der Proxy %1 hat den gespeicherten Benutzernamen und das Passwort nicht akzeptiert. Geben Sie sie erneut ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>The proxy %1 asks for a user name and password.</source>
        <translation>Der Proxy %1 verlangt einen Benutzernamen und ein Passwort.</translation>
    </message>
</context>
<context>
    <name>Tramontane::RetryCountdown</name>
    <message numerus="yes">
        <source>Rate limited — retrying in %n s</source>
        <translation>
            <numerusform>Ratenlimit erreicht — neuer Versuch in %n s</numerusform>
            <numerusform>Ratenlimit erreicht — neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server had a problem — retrying in %n s</source>
        <translation>
            <numerusform>Der Server hatte ein Problem — neuer Versuch in %n s</numerusform>
            <numerusform>Der Server hatte ein Problem — neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connection problem — retrying in %n s</source>
        <translation>
            <numerusform>Verbindungsproblem — neuer Versuch in %n s</numerusform>
            <numerusform>Verbindungsproblem — neuer Versuch in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::SafeTextDocument</name>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Image: %1 — %2 (click to load)</source>
        <translation>Bild: %1 — %2 (zum Laden klicken)</translation>
    </message>
    <message>
        <source>[image blocked]</source>
        <translation>[Bild blockiert]</translation>
    </message>
    <message>
        <source>[image blocked: %1]</source>
        <translation>[Bild blockiert: %1]</translation>
    </message>
</context>
<context>
    <name>Tramontane::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Offline demo: the bundled emulator, no account needed</source>
        <translation>Offline-Demo: der mitgelieferte Emulator, kein Konto nötig</translation>
    </message>
    <message>
        <source>Mistral AI platform</source>
        <translation>Mistral-AI-Plattform</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Paste the key from console.mistral.ai</source>
        <translation>Den Schlüssel von console.mistral.ai einfügen</translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation>API-&amp;Adresse:</translation>
    </message>
    <message>
        <source>https://api.mistral.ai</source>
        <translation>https://api.mistral.ai</translation>
    </message>
    <message>
        <source>The key is kept in the system keychain, never in a settings file. The MISTRAL_API_KEY environment variable, when set, takes precedence.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Systems aufbewahrt, nie in einer Einstellungsdatei. Die Umgebungsvariable MISTRAL_API_KEY hat Vorrang, wenn sie gesetzt ist.</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Set by the MISTRAL_API_KEY environment variable</source>
        <translation>Durch die Umgebungsvariable MISTRAL_API_KEY gesetzt</translation>
    </message>
    <message>
        <source>A key is stored in the keychain (type to replace it)</source>
        <translation>Ein Schlüssel ist im Schlüsselbund gespeichert (zum Ersetzen eingeben)</translation>
    </message>
    <message>
        <source>Enter your API key to use the Mistral platform.</source>
        <translation>Geben Sie Ihren API-Schlüssel ein, um die Mistral-Plattform zu verwenden.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>✓ Connected: the key works.</source>
        <translation>✓ Verbunden: Der Schlüssel funktioniert.</translation>
    </message>
    <message>
        <source>&amp;Forget Key</source>
        <translation>Schlüssel &amp;vergessen</translation>
    </message>
    <message>
        <source>Deletes the API key from the system keychain</source>
        <translation>Löscht den API-Schlüssel aus dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation>Standard&amp;modell:</translation>
    </message>
    <message>
        <source>The model chosen at start, and at once in a chat not begun yet; empty: the one used last</source>
        <translation>Das beim Start gewählte Modell, sofort auch in einem noch nicht begonnenen Chat; leer: das zuletzt verwendete</translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation>&amp;Zeitlimit für Anfragen:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A request fails when the server sends nothing for this long</source>
        <translation>Eine Anfrage schlägt fehl, wenn der Server so lange nichts sendet</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Use the &amp;system proxy settings</source>
        <translation>Die Proxy-Einstellungen des &amp;Systems verwenden</translation>
    </message>
    <message>
        <source>&amp;No proxy</source>
        <translation>&amp;Kein Proxy</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Privacy and Storage</source>
        <translation>Datenschutz und Speicher</translation>
    </message>
    <message>
        <source>&amp;Notify me when an answer finishes while Tramontane is in the background</source>
        <translation>&amp;Benachrichtigen, wenn eine Antwort fertig ist, während Tramontane im Hintergrund ist</translation>
    </message>
    <message>
        <source>&amp;Image cache size:</source>
        <translation>Größe des &amp;Bildzwischenspeichers:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>&amp;Clear Cache</source>
        <translation>Zwischenspeicher &amp;leeren</translation>
    </message>
    <message>
        <source>Deletes the generated and downloaded images kept on this computer</source>
        <translation>Löscht die erzeugten und heruntergeladenen Bilder, die auf diesem Computer gespeichert sind</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>The model used last</source>
        <translation>Das zuletzt verwendete Modell</translation>
    </message>
    <message>
        <source>Key in use: from the MISTRAL_API_KEY environment variable.</source>
        <translation>Verwendeter Schlüssel: aus der Umgebungsvariable MISTRAL_API_KEY.</translation>
    </message>
    <message>
        <source>Key in use: from the system keychain.</source>
        <translation>Verwendeter Schlüssel: aus dem Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>No key is stored.</source>
        <translation>Es ist kein Schlüssel gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>In use: %1 in %n image(s).</source>
        <translation>
            <numerusform>Belegt: %1 in %n Bild.</numerusform>
            <numerusform>Belegt: %1 in %n Bildern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget the API key</source>
        <translation>Den API-Schlüssel vergessen</translation>
    </message>
    <message>
        <source>Delete the API key from the system keychain?</source>
        <translation>Den API-Schlüssel aus dem Schlüsselbund des Systems löschen?</translation>
    </message>
    <message>
        <source>Tramontane cannot reach the Mistral platform again until you paste a key.</source>
        <translation>Tramontane kann die Mistral-Plattform erst wieder erreichen, wenn Sie einen Schlüssel einfügen.</translation>
    </message>
    <message>
        <source>Forget Key</source>
        <translation>Schlüssel vergessen</translation>
    </message>
    <message>
        <source>The key was deleted from the keychain.</source>
        <translation>Der Schlüssel wurde aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>New Chats</source>
        <translation>Neue Chats</translation>
    </message>
    <message>
        <source>Each new chat starts with these settings; a chat’s own settings are changed beside it.</source>
        <translation>Jeder neue Chat beginnt mit diesen Einstellungen; die eigenen Einstellungen eines Chats werden neben ihm geändert.</translation>
    </message>
    <message>
        <source>The first message and its answer are sent once more, to a small model of the same API.</source>
        <translation>Die erste Nachricht und ihre Antwort werden noch einmal gesendet, an ein kleines Modell derselben API.</translation>
    </message>
    <message>
        <source>Name chats with a small &amp;model after their first answer</source>
        <translation>Chats nach der ersten Antwort von einem kleinen Modell be&amp;nennen lassen</translation>
    </message>
    <message>
        <source>New chats: %1</source>
        <translation>Neue Chats: %1</translation>
    </message>
    <message>
        <source>&amp;Manual proxy</source>
        <translation>&amp;Manueller Proxy</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Only if the proxy asks for one</source>
        <translation>Nur wenn der Proxy einen verlangt</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Applies at once to every request; the offline demo on this computer never goes through a proxy. The password is kept in the system keychain.</source>
        <translation>Gilt sofort für jede Anfrage; die Offline-Demo auf diesem Computer geht nie über einen Proxy. Das Passwort wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>A password is stored in the keychain (type to replace it)</source>
        <translation>Ein Passwort ist im Schlüsselbund gespeichert (zum Ersetzen eingeben)</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>Im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <source>The new language applies as soon as you save; a status line still shown keeps its words until it changes.</source>
        <translation>Die neue Sprache gilt, sobald Sie speichern; eine noch angezeigte Statuszeile behält ihren Wortlaut, bis sie sich ändert.</translation>
    </message>
    <message>
        <source>Every setting applies as soon as you save.</source>
        <translation>Jede Einstellung gilt, sobald Sie speichern.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Find a command or a key</source>
        <translation>Einen Befehl oder eine Taste suchen</translation>
    </message>
    <message>
        <source>Find a shortcut</source>
        <translation>Ein Tastenkürzel suchen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>No command or key matches.</source>
        <translation>Kein Befehl und keine Taste passt.</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Nachrichtenfeld</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Die Nachricht senden</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Neue Zeile</translation>
    </message>
    <message>
        <source>Stop the answer, or stop editing a message</source>
        <translation>Die Antwort anhalten oder das Bearbeiten einer Nachricht abbrechen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>Den ausgewählten Text kopieren</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Die Auswahl aufheben</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Scrollen</translation>
    </message>
    <message>
        <source>Top and bottom of the chat</source>
        <translation>Anfang und Ende des Chats</translation>
    </message>
    <message>
        <source>Next or previous button of a message (copy, edit, retry, open, link)</source>
        <translation>Nächste oder vorherige Schaltfläche einer Nachricht (kopieren, bearbeiten, wiederholen, öffnen, Link)</translation>
    </message>
    <message>
        <source>Press the highlighted button</source>
        <translation>Die hervorgehobene Schaltfläche drücken</translation>
    </message>
    <message>
        <source>Find in this chat</source>
        <translation>In diesem Chat suchen</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
</context>
<context>
    <name>Tramontane::ShowAsCode</name>
    <message>
        <source>Choose a model or an agent first.</source>
        <translation>Wählen Sie zuerst ein Modell oder einen Agent.</translation>
    </message>
    <message>
        <source>The code talks to the offline demo at %1, which runs only while Tramontane is open and accepts only its own random key. In Settings, connect to the Mistral platform to get code for the real API.</source>
        <translation>Der Code spricht mit der Offline-Demo unter %1, die nur läuft, solange Tramontane geöffnet ist, und nur ihren eigenen zufälligen Schlüssel akzeptiert. Verbinden Sie sich in den Einstellungen mit der Mistral-Plattform, um Code für die echte API zu erhalten.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ShowAsCodeDialog</name>
    <message>
        <source>Show as Code</source>
        <translation>Als Code anzeigen</translation>
    </message>
    <message>
        <source>This chat&apos;s next request, ready to run outside Tramontane: the model or agent, the tools, the conversation so far and the text in the composer.</source>
        <translation>Die nächste Anfrage dieses Chats, bereit zur Ausführung außerhalb von Tramontane: das Modell oder der Agent, die Werkzeuge, die bisherige Unterhaltung und der Text im Nachrichtenfeld.</translation>
    </message>
    <message>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <source>curl command</source>
        <translation>curl-Befehl</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Python program</source>
        <translation>Python-Programm</translation>
    </message>
    <message>
        <source>Needs the mistralai package (pip install mistralai).</source>
        <translation>Braucht das Paket mistralai (pip install mistralai).</translation>
    </message>
    <message>
        <source>TypeScript</source>
        <translation>TypeScript</translation>
    </message>
    <message>
        <source>TypeScript program</source>
        <translation>TypeScript-Programm</translation>
    </message>
    <message>
        <source>Needs the @mistralai/mistralai package; runs as an ES module.</source>
        <translation>Braucht das Paket @mistralai/mistralai; läuft als ES-Modul.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No secret is written in the code. Set these environment variables before running it:
%1</source>
        <translation>Im Code steht kein Geheimnis. Setzen Sie vor dem Ausführen diese Umgebungsvariablen:
%1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>Tramontane::TargetItemDelegate</name>
    <message>
        <source>vision</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
</context>
<context>
    <name>Tramontane::TargetProblemBar</name>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Load the models and agents again</source>
        <translation>Die Modelle und Agents erneut laden</translation>
    </message>
    <message>
        <source>Loading the models again…</source>
        <translation>Die Modelle werden erneut geladen …</translation>
    </message>
    <message numerus="yes">
        <source>The models could not be loaded: %1 Trying again in %n s.</source>
        <translation>
            <numerusform>Die Modelle konnten nicht geladen werden: %1 Neuer Versuch in %n s.</numerusform>
            <numerusform>Die Modelle konnten nicht geladen werden: %1 Neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The models could not be loaded: %1</source>
        <translation>Die Modelle konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached; Tramontane connects by itself as soon as the network is back.</source>
        <translation>Der Server ist nicht erreichbar; Tramontane verbindet sich von selbst, sobald das Netzwerk wieder da ist.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ToolChoiceModel</name>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>%1 (needs authorization)</source>
        <translation>%1 (Autorisierung nötig)</translation>
    </message>
    <message>
        <source>Its tools need you to sign in or to give a credential.</source>
        <translation>Für seine Werkzeuge müssen Sie sich anmelden oder Zugangsdaten angeben.</translation>
    </message>
    <message>
        <source>This account has no connector “%1”.</source>
        <translation>Dieses Konto hat keinen Connector „%1“.</translation>
    </message>
</context>
<context>
    <name>Tramontane::VisionBar</name>
    <message>
        <source>%1 does not read images, and no model that does is available: remove the images to send the message.</source>
        <translation>%1 liest keine Bilder, und es ist kein Modell verfügbar, das Bilder liest: Entfernen Sie die Bilder, um die Nachricht zu senden.</translation>
    </message>
    <message>
        <source>%1 does not read images: switch to a model that does, or remove the images.</source>
        <translation>%1 liest keine Bilder: Wechseln Sie zu einem Modell, das Bilder liest, oder entfernen Sie die Bilder.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>Send this chat&apos;s messages to %1, which reads images</source>
        <translation>Die Nachrichten dieses Chats an %1 senden, das Bilder liest</translation>
    </message>
</context>
<context>
    <name>Tramontane::WelcomePage</name>
    <message>
        <source>Welcome to Tramontane</source>
        <translation>Willkommen bei Tramontane</translation>
    </message>
    <message>
        <source>Tramontane talks to Mistral AI. There are two ways to begin:</source>
        <translation>Tramontane spricht mit Mistral AI. Es gibt zwei Wege anzufangen:</translation>
    </message>
    <message>
        <source>Connect with your API key</source>
        <translation>Mit Ihrem API-Schlüssel verbinden</translation>
    </message>
    <message>
        <source>Create a key at console.mistral.ai (API Keys) and paste it here. Tramontane checks it with one request and keeps it in the system keychain, never in a file.</source>
        <translation>Erstellen Sie einen Schlüssel auf console.mistral.ai (API Keys) und fügen Sie ihn hier ein. Tramontane prüft ihn mit einer Anfrage und behält ihn im Schlüsselbund des Systems, nie in einer Datei.</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Paste the key from console.mistral.ai</source>
        <translation>Fügen Sie den Schlüssel von console.mistral.ai ein</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Or explore first</source>
        <translation>Oder erst erkunden</translation>
    </message>
    <message>
        <source>The offline demo runs a small emulator of the API on this computer: every screen works, with made-up answers, without an account and without sending anything anywhere.</source>
        <translation>Die Offline-Demo startet einen kleinen Emulator der API auf diesem Computer: Jede Ansicht funktioniert, mit erfundenen Antworten, ohne Konto und ohne irgendetwas irgendwohin zu senden.</translation>
    </message>
    <message>
        <source>Explore the Offline &amp;Demo</source>
        <translation>Die Offline-&amp;Demo erkunden</translation>
    </message>
    <message>
        <source>You can switch at any time in Settings. The MISTRAL_API_KEY environment variable, when set, is used instead of the keychain.</source>
        <translation>Sie können jederzeit in den Einstellungen wechseln. Die Umgebungsvariable MISTRAL_API_KEY wird, wenn gesetzt, statt des Schlüsselbunds verwendet.</translation>
    </message>
    <message>
        <source>The key is checked against %1 (set in Settings).</source>
        <translation>Der Schlüssel wird bei %1 geprüft (in den Einstellungen festgelegt).</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>Der Schlüssel wird geprüft …</translation>
    </message>
    <message>
        <source>✓ The key works.</source>
        <translation>✓ Der Schlüssel funktioniert.</translation>
    </message>
</context>
<context>
    <name>WebSearchActions</name>
    <message>
        <source>Web search</source>
        <translation>Websuche</translation>
    </message>
    <message>
        <source>Search the web and cite the sources</source>
        <translation>Im Web suchen und die Quellen angeben</translation>
    </message>
    <message>
        <source>Web search (premium)</source>
        <translation>Websuche (Premium)</translation>
    </message>
    <message>
        <source>Search the web and news agencies, and cite the sources</source>
        <translation>Im Web und bei Nachrichtenagenturen suchen und die Quellen angeben</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tramontane can keep the damaged file beside a new, empty history; nothing is deleted. Or quit, and the file stays where it is.</source>
        <translation>Tramontane kann die beschädigte Datei neben einem neuen, leeren Verlauf aufbewahren; nichts wird gelöscht. Oder beenden Sie, und die Datei bleibt, wo sie ist.</translation>
    </message>
    <message>
        <source>Start a New History</source>
        <translation>Einen neuen Verlauf beginnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>A native desktop client for Mistral AI.</source>
        <translation>Ein nativer Desktop-Client für Mistral AI.</translation>
    </message>
    <message>
        <source>Send requests to &lt;url&gt; instead of the Mistral API.</source>
        <translation>Anfragen an &lt;url&gt; statt an die Mistral-API senden.</translation>
    </message>
    <message>
        <source>Run against the bundled offline emulator.</source>
        <translation>Mit dem mitgelieferten Offline-Emulator arbeiten.</translation>
    </message>
    <message>
        <source>Keep history and settings in profile &lt;name&gt;.</source>
        <translation>Verlauf und Einstellungen im Profil &lt;name&gt; aufbewahren.</translation>
    </message>
    <message>
        <source>A profile name may contain letters, digits, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation>Ein Profilname darf nur Buchstaben, Ziffern, „_“ und „-“ enthalten.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read: Tramontane starts with default settings and cannot save them until the file&apos;s permissions allow it.</source>
        <translation>Die Einstellungsdatei %1 kann nicht gelesen werden: Tramontane startet mit Standardeinstellungen und kann sie erst speichern, wenn die Berechtigungen der Datei es erlauben.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be moved aside: Tramontane starts with default settings; delete the file to save new ones.</source>
        <translation>Die Einstellungsdatei %1 ist beschädigt und kann nicht beiseitegelegt werden: Tramontane startet mit Standardeinstellungen; löschen Sie die Datei, um neue zu speichern.</translation>
    </message>
    <message>
        <source>The settings file was damaged: Tramontane kept it as %1 and starts with default settings.</source>
        <translation>Die Einstellungsdatei war beschädigt: Tramontane hat sie als %1 behalten und startet mit Standardeinstellungen.</translation>
    </message>
</context>
</TS>
