<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AgentEditorDialog</name>
    <message>
        <source>(The server said: %1)</source>
        <translation>(Réponse du serveur&#xa0;: %1)</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The request was canceled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <source>The server did not respond in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The server sent a response that could not be read.</source>
        <translation>Le serveur a envoyé une réponse illisible.</translation>
    </message>
    <message>
        <source>The request could not be sent.</source>
        <translation>Impossible d’envoyer la requête.</translation>
    </message>
    <message>
        <source>The answer was interrupted before it was complete.</source>
        <translation>La réponse a été interrompue avant d’être complète.</translation>
    </message>
    <message>
        <source>The server reported an error while answering.</source>
        <translation>Le serveur a signalé une erreur pendant sa réponse.</translation>
    </message>
    <message>
        <source>The server reported an error while answering: %1</source>
        <translation>Le serveur a signalé une erreur pendant sa réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established.</source>
        <translation>Impossible d’établir une connexion sécurisée avec le serveur.</translation>
    </message>
    <message>
        <source>The proxy server could not be used.</source>
        <translation>Impossible d’utiliser le serveur proxy.</translation>
    </message>
    <message>
        <source>The server address could not be found.</source>
        <translation>L’adresse du serveur est introuvable.</translation>
    </message>
    <message>
        <source>The server refused the connection.</source>
        <translation>Le serveur a refusé la connexion.</translation>
    </message>
    <message>
        <source>The server closed the connection unexpectedly.</source>
        <translation>Le serveur a fermé la connexion de façon inattendue.</translation>
    </message>
    <message>
        <source>The network is not available.</source>
        <translation>Le réseau n’est pas disponible.</translation>
    </message>
    <message>
        <source>The server redirected the request somewhere it cannot safely go.</source>
        <translation>Le serveur a redirigé la requête vers une destination non sûre.</translation>
    </message>
    <message>
        <source>A network error occurred.</source>
        <translation>Une erreur réseau s’est produite.</translation>
    </message>
    <message>
        <source>The server rejected the request.</source>
        <translation>Le serveur a rejeté la requête.</translation>
    </message>
    <message>
        <source>The server rejected the request: %1</source>
        <translation>Le serveur a rejeté la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>The conversation is too long for the model.</source>
        <translation>La conversation est trop longue pour le modèle.</translation>
    </message>
    <message>
        <source>The API key was rejected.</source>
        <translation>La clé API a été refusée.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>Vous n’avez pas l’autorisation d’effectuer cette action.</translation>
    </message>
    <message>
        <source>The connector&apos;s credentials do not grant the required permissions.</source>
        <translation>Les identifiants du connecteur n’accordent pas les autorisations nécessaires.</translation>
    </message>
    <message>
        <source>The connector was not found.</source>
        <translation>Le connecteur est introuvable.</translation>
    </message>
    <message>
        <source>The agent was not found.</source>
        <translation>L’agent est introuvable.</translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation>Le fichier est introuvable.</translation>
    </message>
    <message>
        <source>The model was not found.</source>
        <translation>Le modèle est introuvable.</translation>
    </message>
    <message>
        <source>The server has nothing at this address.</source>
        <translation>Le serveur n’a rien à cette adresse.</translation>
    </message>
    <message>
        <source>A connector with this name already exists.</source>
        <translation>Un connecteur portant ce nom existe déjà.</translation>
    </message>
    <message>
        <source>An agent with this name already exists.</source>
        <translation>Un agent portant ce nom existe déjà.</translation>
    </message>
    <message>
        <source>This conflicts with something that already exists.</source>
        <translation>Cela entre en conflit avec un élément existant.</translation>
    </message>
    <message>
        <source>The connector&apos;s MCP server could not be reached.</source>
        <translation>Le serveur MCP du connecteur est injoignable.</translation>
    </message>
    <message>
        <source>The model is not valid or not available.</source>
        <translation>Le modèle n’est pas valide ou n’est pas disponible.</translation>
    </message>
    <message>
        <source>A tool in the request is not valid: %1</source>
        <translation>Un outil de la requête n’est pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request has invalid fields: %1</source>
        <translation>La requête contient des champs non valides&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server could not process the request.</source>
        <translation>Le serveur n’a pas pu traiter la requête.</translation>
    </message>
    <message>
        <source>The server could not process the request: %1</source>
        <translation>Le serveur n’a pas pu traiter la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>Too many requests: the rate limit was reached.</source>
        <translation>Trop de requêtes&#xa0;: la limite de débit est atteinte.</translation>
    </message>
    <message>
        <source>The server had an internal error.</source>
        <translation>Le serveur a rencontré une erreur interne.</translation>
    </message>
    <message>
        <source>The service is temporarily unavailable.</source>
        <translation>Le service est temporairement indisponible.</translation>
    </message>
    <message>
        <source>A gateway between you and the server failed.</source>
        <translation>Une passerelle entre vous et le serveur a échoué.</translation>
    </message>
    <message>
        <source>The connector&apos;s MCP server failed or could not be reached.</source>
        <translation>Le serveur MCP du connecteur a échoué ou est injoignable.</translation>
    </message>
    <message>
        <source>The server took too long to respond.</source>
        <translation>Le serveur a mis trop de temps à répondre.</translation>
    </message>
    <message>
        <source>The connector&apos;s MCP server took too long to respond.</source>
        <translation>Le serveur MCP du connecteur a mis trop de temps à répondre.</translation>
    </message>
    <message>
        <source>The server had an error (HTTP %1).</source>
        <translation>Le serveur a rencontré une erreur (HTTP %1).</translation>
    </message>
    <message>
        <source>The server answered with an unexpected redirect (HTTP %1).</source>
        <translation>Le serveur a répondu par une redirection inattendue (HTTP %1).</translation>
    </message>
    <message>
        <source>The request failed (HTTP %1).</source>
        <translation>La requête a échoué (HTTP %1).</translation>
    </message>
    <message>
        <source>The request failed (HTTP %1): %2</source>
        <translation>La requête a échoué (HTTP %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Check your network connection and try again.</source>
        <translation>Vérifiez votre connexion réseau et réessayez.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, the server or a proxy in between may be misbehaving.</source>
        <translation>Réessayez. Si le problème persiste, le serveur ou un proxy intermédiaire fonctionne peut-être mal.</translation>
    </message>
    <message>
        <source>Check the server address in Settings. If it is right, please report this problem.</source>
        <translation>Vérifiez l’adresse du serveur dans les paramètres. Si elle est correcte, veuillez signaler ce problème.</translation>
    </message>
    <message>
        <source>The partial answer is kept. Regenerate it, or ask to continue.</source>
        <translation>La réponse partielle est conservée. Régénérez-la ou demandez la suite.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, try another model or a shorter request.</source>
        <translation>Réessayez. Si le problème persiste, essayez un autre modèle ou une requête plus courte.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so nothing was sent. Check the system clock and any proxy or firewall that intercepts secure connections.</source>
        <translation>Le certificat du serveur n’a pas pu être vérifié&#xa0;; rien n’a donc été envoyé. Vérifiez l’horloge du système et tout proxy ou pare-feu qui intercepterait les connexions sécurisées.</translation>
    </message>
    <message>
        <source>Check the proxy settings of your system.</source>
        <translation>Vérifiez les paramètres de proxy de votre système.</translation>
    </message>
    <message>
        <source>Check your internet connection and the server address in Settings.</source>
        <translation>Vérifiez votre connexion Internet et l’adresse du serveur dans les paramètres.</translation>
    </message>
    <message>
        <source>Check the server address. If you use a local server, make sure it is running.</source>
        <translation>Vérifiez l’adresse du serveur. Si vous utilisez un serveur local, assurez-vous qu’il est démarré.</translation>
    </message>
    <message>
        <source>Check your internet connection and try again.</source>
        <translation>Vérifiez votre connexion Internet et réessayez.</translation>
    </message>
    <message>
        <source>Check the message and the settings of this conversation. A very long conversation can also exceed the model&apos;s context window.</source>
        <translation>Vérifiez le message et les paramètres de cette conversation. Une conversation très longue peut aussi dépasser la fenêtre de contexte du modèle.</translation>
    </message>
    <message>
        <source>Start a new conversation, or remove older messages or attachments.</source>
        <translation>Commencez une nouvelle conversation, ou supprimez des messages ou des pièces jointes plus anciens.</translation>
    </message>
    <message>
        <source>Check the key in Settings, or the MISTRAL_API_KEY environment variable.</source>
        <translation>Vérifiez la clé dans les paramètres, ou la variable d’environnement MISTRAL_API_KEY.</translation>
    </message>
    <message>
        <source>Check that your API key belongs to the right workspace and is allowed to use this feature.</source>
        <translation>Vérifiez que votre clé API appartient au bon espace de travail et qu’elle donne accès à cette fonctionnalité.</translation>
    </message>
    <message>
        <source>Sign in to the connector again and grant the requested scopes.</source>
        <translation>Reconnectez-vous au connecteur et accordez les autorisations demandées.</translation>
    </message>
    <message>
        <source>It may have been deleted or renamed. Refresh the list of connectors.</source>
        <translation>Il a peut-être été supprimé ou renommé. Actualisez la liste des connecteurs.</translation>
    </message>
    <message>
        <source>It may have been deleted. Refresh the list of agents.</source>
        <translation>Il a peut-être été supprimé. Actualisez la liste des agents.</translation>
    </message>
    <message>
        <source>It may have expired or been deleted.</source>
        <translation>Il a peut-être expiré ou été supprimé.</translation>
    </message>
    <message>
        <source>Choose another model from the list.</source>
        <translation>Choisissez un autre modèle dans la liste.</translation>
    </message>
    <message>
        <source>Check the server address (base URL) in Settings.</source>
        <translation>Vérifiez l’adresse du serveur (URL de base) dans les paramètres.</translation>
    </message>
    <message>
        <source>Choose a different name, or delete the existing one first.</source>
        <translation>Choisissez un autre nom, ou supprimez d’abord l’élément existant.</translation>
    </message>
    <message>
        <source>Check the connector&apos;s server URL and that the connector is active.</source>
        <translation>Vérifiez l’URL du serveur du connecteur et que le connecteur est actif.</translation>
    </message>
    <message>
        <source>Choose a model from the list, such as mistral-small-latest.</source>
        <translation>Choisissez un modèle dans la liste, par exemple mistral-small-latest.</translation>
    </message>
    <message>
        <source>Check the tool&apos;s type and settings; each connector may appear only once.</source>
        <translation>Vérifiez le type et les paramètres de l’outil&#xa0;; chaque connecteur ne peut figurer qu’une fois.</translation>
    </message>
    <message>
        <source>Check these settings. If they look right, this version of the app may send something the server no longer accepts.</source>
        <translation>Vérifiez ces paramètres. S’ils semblent corrects, cette version de l’application envoie peut-être quelque chose que le serveur n’accepte plus.</translation>
    </message>
    <message>
        <source>Check the request&apos;s settings and try again.</source>
        <translation>Vérifiez les paramètres de la requête et réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>Vous pourrez réessayer dans %n seconde.</numerusform>
            <numerusform>Vous pourrez réessayer dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait a moment before trying again.</source>
        <translation>Patientez un instant avant de réessayer.</translation>
    </message>
    <message>
        <source>Check the connector&apos;s server URL and that the server is running.</source>
        <translation>Vérifiez l’URL du serveur du connecteur et que le serveur est démarré.</translation>
    </message>
    <message>
        <source>Try a simpler request, or check the MCP server.</source>
        <translation>Essayez une requête plus simple, ou vérifiez le serveur MCP.</translation>
    </message>
    <message>
        <source>This is usually temporary. Try again in a moment.</source>
        <translation>C’est généralement temporaire. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, report it with the request id.</source>
        <translation>Réessayez. Si le problème persiste, signalez-le en indiquant l’ID de requête.</translation>
    </message>
    <message>
        <source>The connector&apos;s server refused the token or credentials it was sent.</source>
        <translation>Le serveur du connecteur a refusé le jeton ou les identifiants qui lui ont été envoyés.</translation>
    </message>
    <message>
        <source>Your Mistral API key is not the problem: the connector&apos;s token may have expired or been revoked. Open the Connectors page and authorize the connector again (sign in, or update its token), then retry.</source>
        <translation>Votre clé API Mistral n’est pas en cause&#xa0;: le jeton du connecteur a peut-être expiré ou été révoqué. Ouvrez la page Connecteurs et autorisez de nouveau le connecteur (connectez-vous, ou mettez à jour son jeton), puis réessayez.</translation>
    </message>
    <message>
        <source>The server holding the image refused to send it.</source>
        <translation>Le serveur qui héberge l&apos;image a refusé de l&apos;envoyer.</translation>
    </message>
    <message>
        <source>Your API key is not the problem: it is never sent to other servers. The image&apos;s address may have expired; ask for the image again.</source>
        <translation>Votre clé d&apos;API n&apos;est pas en cause : elle n&apos;est jamais envoyée à d&apos;autres serveurs. L&apos;adresse de l&apos;image a peut-être expiré ; redemandez l&apos;image.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not a readable event stream.</source>
        <translation>La réponse du serveur n’était pas un flux d’événements lisible.</translation>
    </message>
    <message>
        <source>The server did not answer with an event stream: it sent %1.</source>
        <translation>Le serveur n’a pas répondu par un flux d’événements&#xa0;: il a envoyé %1.</translation>
    </message>
    <message>
        <source>No answer arrived. A proxy, a sign-in page or a wrong server address may be answering instead of the API: check the server address in Settings, then retry.</source>
        <translation>Aucune réponse n’est arrivée. Un proxy, une page de connexion ou une mauvaise adresse de serveur répond peut-être à la place de l’API&#xa0;: vérifiez l’adresse du serveur dans les Paramètres, puis réessayez.</translation>
    </message>
    <message>
        <source>The image is larger than %1 MB.</source>
        <translation>L’image dépasse %1 Mo.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than %1 MB.</source>
        <translation>La réponse du serveur dépasse %1 Mo.</translation>
    </message>
    <message>
        <source>The proxy did not accept the user name or password.</source>
        <translation>Le proxy n’a pas accepté le nom d’utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <source>Check the proxy&apos;s user name and password in Settings, Network.</source>
        <translation>Vérifiez le nom d’utilisateur et le mot de passe du proxy dans Paramètres, Réseau.</translation>
    </message>
    <message>
        <source>The library was not found.</source>
        <translation>La bibliothèque est introuvable.</translation>
    </message>
    <message>
        <source>The document was not found in this library.</source>
        <translation>Le document est introuvable dans cette bibliothèque.</translation>
    </message>
    <message>
        <source>It may have been deleted. Refresh the list of libraries.</source>
        <translation>Cet élément a peut-être été supprimé. Actualisez la liste des bibliothèques.</translation>
    </message>
</context>
<context>
    <name>ChatItemText</name>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Modifier le message</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Show or hide details</source>
        <translation>Afficher ou masquer les détails</translation>
    </message>
    <message>
        <source>Copy the tool&apos;s arguments</source>
        <translation>Copier les arguments de l’outil</translation>
    </message>
    <message>
        <source>Copy the tool&apos;s result</source>
        <translation>Copier le résultat de l’outil</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Show or hide the error&apos;s details</source>
        <translation>Afficher ou masquer les détails de l’erreur</translation>
    </message>
    <message>
        <source>Copy the error&apos;s details</source>
        <translation>Copier les détails de l’erreur</translation>
    </message>
    <message>
        <source>Load the image again</source>
        <translation>Charger l’image à nouveau</translation>
    </message>
    <message>
        <source>Open the image</source>
        <translation>Ouvrir l’image</translation>
    </message>
    <message>
        <source>Answer details</source>
        <translation>Détails de la réponse</translation>
    </message>
    <message>
        <source>Open the source</source>
        <translation>Ouvrir la source</translation>
    </message>
    <message>
        <source>Allow the tool to run</source>
        <translation>Autoriser l’outil à s’exécuter</translation>
    </message>
    <message>
        <source>Do not run the tool</source>
        <translation>Ne pas exécuter l’outil</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Ouvrir le lien</translation>
    </message>
    <message>
        <source>Continue the answer</source>
        <translation>Poursuivre la réponse</translation>
    </message>
    <message>
        <source>Show the previous version</source>
        <translation>Afficher la version précédente</translation>
    </message>
    <message>
        <source>Show the next version</source>
        <translation>Afficher la version suivante</translation>
    </message>
    <message>
        <source>A document of your libraries</source>
        <translation>Un document de vos bibliothèques</translation>
    </message>
    <message>
        <source>Save the file</source>
        <translation>Enregistrer le fichier</translation>
    </message>
</context>
<context>
    <name>ChatKeyboardTargets</name>
    <message>
        <source>Load the image %1</source>
        <translation>Charger l’image %1</translation>
    </message>
    <message>
        <source>Open link %1</source>
        <translation>Ouvrir le lien %1</translation>
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
        <translation>Ouvrir le lien</translation>
    </message>
    <message>
        <source>Open this link in your browser?</source>
        <translation>Ouvrir ce lien dans votre navigateur&#xa0;?</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open Local Link</source>
        <translation>Ouvrir un lien local</translation>
    </message>
    <message>
        <source>This link goes to a program on this computer, over an unencrypted connection. Open it only if you expect it.</source>
        <translation>Ce lien mène à un programme de cet ordinateur, par une connexion non chiffrée. Ne l’ouvrez que si vous vous y attendiez.</translation>
    </message>
    <message>
        <source>Load Image</source>
        <translation>Charger l’image</translation>
    </message>
    <message>
        <source>Load image from %1?</source>
        <translation>Charger l’image depuis %1&#xa0;?</translation>
    </message>
    <message>
        <source>The site will see that the image was requested.

%1</source>
        <translation>Le site saura que l’image a été demandée.

%1</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Link Not Opened</source>
        <translation>Lien non ouvert</translation>
    </message>
    <message>
        <source>Tramontane opens only https and e-mail links from messages.</source>
        <translation>Tramontane n’ouvre, depuis les messages, que les liens https et e-mail.</translation>
    </message>
</context>
<context>
    <name>ChatRowLayout</name>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Thought for a moment — show</source>
        <translation>Réflexion terminée — afficher</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Enregistrer sous…</translation>
    </message>
</context>
<context>
    <name>ChatRowPainter</name>
    <message>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>Thought for a moment</source>
        <translation>Réflexion terminée</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>masquer</translation>
    </message>
    <message>
        <source>show</source>
        <translation>afficher</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>No result.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Image could not be loaded — </source>
        <translation>Impossible de charger l’image — </translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Chargement de l’image…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>CodeExport</name>
    <message>
        <source>the API key for the connector %1</source>
        <translation>la clé API du connecteur %1</translation>
    </message>
    <message>
        <source>the OAuth2 access token for the connector %1</source>
        <translation>le jeton d’accès OAuth2 du connecteur %1</translation>
    </message>
    <message>
        <source>your Mistral API key</source>
        <translation>votre clé API Mistral</translation>
    </message>
    <message>
        <source>a secret value</source>
        <translation>une valeur secrète</translation>
    </message>
</context>
<context>
    <name>ConnectionConfig</name>
    <message>
        <source>demo mode requested</source>
        <translation>mode démo demandé</translation>
    </message>
    <message>
        <source>API key from MISTRAL_API_KEY</source>
        <translation>clé API issue de MISTRAL_API_KEY</translation>
    </message>
    <message>
        <source>API key from the system keychain</source>
        <translation>clé API issue du trousseau du système</translation>
    </message>
    <message>
        <source>offline demo chosen</source>
        <translation>démo hors ligne choisie</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <source>The name must not be empty.</source>
        <translation>Le nom ne doit pas être vide.</translation>
    </message>
    <message>
        <source>The name must not be longer than 64 characters.</source>
        <translation>Le nom ne doit pas dépasser 64 caractères.</translation>
    </message>
    <message>
        <source>The name may only contain letters A-Z and a-z, digits, &quot;_&quot; and &quot;-&quot;.</source>
        <translation>Le nom ne peut contenir que des lettres A-Z et a-z, des chiffres, «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ConnectorAuthState</name>
    <message>
        <source>Connected through Mistral</source>
        <translation>Connecté via Mistral</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>OAuth 2.0, held by Mistral</source>
        <translation>OAuth 2.0, géré par Mistral</translation>
    </message>
    <message>
        <source>OAuth 2.0, signed in from this computer</source>
        <translation>OAuth 2.0, connecté depuis cet ordinateur</translation>
    </message>
</context>
<context>
    <name>ConnectorPolicy</name>
    <message>
        <source>Enter a header name.</source>
        <translation>Saisissez un nom d’en-tête.</translation>
    </message>
    <message>
        <source>A header name may only contain letters, digits and !#$%&amp;&apos;*+-.^_`|~ (no spaces).</source>
        <translation>Un nom d’en-tête ne peut contenir que des lettres, des chiffres et !#$%&amp;&apos;*+-.^_`|~ (sans espace).</translation>
    </message>
    <message>
        <source>%1 is set by the MCP connection itself.</source>
        <translation>%1 est défini par la connexion MCP elle-même.</translation>
    </message>
    <message>
        <source>A header value must not be longer than 8192 characters.</source>
        <translation>La valeur d’un en-tête ne doit pas dépasser 8192 caractères.</translation>
    </message>
    <message>
        <source>A header value must not contain line breaks or control characters.</source>
        <translation>La valeur d’un en-tête ne doit contenir ni saut de ligne ni caractère de contrôle.</translation>
    </message>
    <message>
        <source>Enter the address of the MCP server, e.g. https://example.com/mcp.</source>
        <translation>Saisissez l’adresse du serveur MCP, par ex. https://example.com/mcp.</translation>
    </message>
    <message>
        <source>The address must not be longer than 2083 characters.</source>
        <translation>L’adresse ne doit pas dépasser 2083 caractères.</translation>
    </message>
    <message>
        <source>This is not a complete web address: it needs a scheme and a host, e.g. https://example.com/mcp.</source>
        <translation>Ce n’est pas une adresse web complète&#xa0;: il faut un schéma et un hôte, par ex. https://example.com/mcp.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>L’adresse doit commencer par https://.</translation>
    </message>
    <message>
        <source>Put credentials in a header, not in the address.</source>
        <translation>Placez les identifiants dans un en-tête, pas dans l’adresse.</translation>
    </message>
    <message>
        <source>Plain http is only allowed for a server on this computer: use https:// so that headers and tool calls are encrypted.</source>
        <translation>Le http non chiffré n’est autorisé que pour un serveur situé sur cet ordinateur&#xa0;: utilisez https:// pour que les en-têtes et les appels d’outils soient chiffrés.</translation>
    </message>
    <message>
        <source>Unencrypted http: acceptable only because the server runs on this computer.</source>
        <translation>http non chiffré&#xa0;: acceptable uniquement parce que le serveur tourne sur cet ordinateur.</translation>
    </message>
    <message>
        <source>This address is reserved for the local network link or a cloud metadata service, not for an MCP server.</source>
        <translation>Cette adresse est réservée au lien réseau local ou à un service de métadonnées cloud, pas à un serveur MCP.</translation>
    </message>
</context>
<context>
    <name>ConnectorSignInText</name>
    <message>
        <source>refreshing sign-in…</source>
        <translation>renouvellement de la connexion…</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>connexion requise</translation>
    </message>
    <message>
        <source>signed in as %1, expires %2</source>
        <translation>connecté en tant que %1, expiration&#xa0;: %2</translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation>connecté en tant que %1</translation>
    </message>
    <message>
        <source>signed in, expires %1</source>
        <translation>connecté, expiration&#xa0;: %1</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>Sign In to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>ConversationExporter</name>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Résultat d’outil</translation>
    </message>
    <message>
        <source>Image not available: %1</source>
        <translation>Image non disponible&#xa0;: %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>Tool call:</source>
        <translation>Appel d’outil&#xa0;:</translation>
    </message>
    <message>
        <source>Interrupted: this message may be incomplete.</source>
        <translation>Interrompu&#xa0;: ce message est peut-être incomplet.</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>La requête a échoué.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>La requête a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file %1 could not be written.</source>
        <translation>Impossible d’écrire le fichier %1.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation>agent %1</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>The image %1 could not be written.</source>
        <translation>Impossible d’écrire l’image %1.</translation>
    </message>
    <message>
        <source>This file is not a Tramontane conversation.</source>
        <translation>Ce fichier n’est pas une conversation Tramontane.</translation>
    </message>
    <message>
        <source>This conversation file is damaged (its version is missing).</source>
        <translation>Ce fichier de conversation est endommagé (sa version est absente).</translation>
    </message>
    <message>
        <source>This conversation was exported by a newer version of Tramontane (format version %1). Update Tramontane to import it.</source>
        <translation>Cette conversation a été exportée par une version plus récente de Tramontane (version de format %1). Mettez Tramontane à jour pour l’importer.</translation>
    </message>
    <message>
        <source>This conversation file is damaged (the field “%1” is wrong).</source>
        <translation>Ce fichier de conversation est endommagé (le champ «&#xa0;%1&#xa0;» est incorrect).</translation>
    </message>
    <message>
        <source>image: %1</source>
        <translation>image&#xa0;: %1</translation>
    </message>
    <message>
        <source>document: %1, read as text</source>
        <translation>document&#xa0;: %1, lu comme texte</translation>
    </message>
    <message>
        <source>document: %1</source>
        <translation>document&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>An image was not shown: its address is not an http(s), data or file link.</source>
        <translation>Une image n’a pas été affichée&#xa0;: son adresse n’est pas un lien http(s), data ou file.</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>Référence %1</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>fichier %1</translation>
    </message>
    <message>
        <source>audio clip</source>
        <translation>extrait audio</translation>
    </message>
    <message>
        <source>This message contains content of type “%1” that Tramontane cannot show yet.</source>
        <translation>Ce message contient du contenu de type «&#xa0;%1&#xa0;» que Tramontane ne sait pas encore afficher.</translation>
    </message>
    <message>
        <source>The answer was interrupted before it finished.</source>
        <translation>La réponse a été interrompue avant la fin.</translation>
    </message>
    <message>
        <source>The text so far is kept. Retry to ask again.</source>
        <translation>Le texte déjà reçu est conservé. Réessayez pour relancer la demande.</translation>
    </message>
    <message numerus="yes">
        <source>The request was sent %n time(s) without success and the automatic retries are exhausted. Retry when you are ready.</source>
        <translation>
            <numerusform>La requête a été envoyée %n fois sans succès et les nouvelles tentatives automatiques sont épuisées. Réessayez quand vous serez prêt.</numerusform>
            <numerusform>La requête a été envoyée %n fois sans succès et les nouvelles tentatives automatiques sont épuisées. Réessayez quand vous serez prêt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection ended before any answer arrived.</source>
        <translation>La connexion s’est terminée avant qu’une réponse n’arrive.</translation>
    </message>
    <message>
        <source>Nothing was received. Retry to ask again.</source>
        <translation>Rien n’a été reçu. Réessayez pour reposer la question.</translation>
    </message>
    <message>
        <source>Handed off to %1</source>
        <translation>Confié à %1</translation>
    </message>
    <message>
        <source>The answer stopped at the length limit.</source>
        <translation>La réponse s’est arrêtée à la limite de longueur.</translation>
    </message>
    <message>
        <source>Continue to have the model write the rest of it.</source>
        <translation>Choisissez Continuer pour que le modèle en écrive la suite.</translation>
    </message>
    <message>
        <source>read as text</source>
        <translation>lu comme texte</translation>
    </message>
</context>
<context>
    <name>ConversationPager</name>
    <message>
        <source>The conversation could not be opened: %1</source>
        <translation>Impossible d’ouvrir la conversation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>Cette conversation n’existe plus.</translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation>Ce message n’existe plus.</translation>
    </message>
    <message>
        <source>A backup of the conversation history could not be written.</source>
        <translation>Impossible d’écrire une sauvegarde de l’historique des conversations.</translation>
    </message>
    <message>
        <source>This conversation history was saved by a newer version of Tramontane (format %1; this version reads up to format %2). Update Tramontane to open it; the file was not changed.</source>
        <translation>Cet historique des conversations a été enregistré par une version plus récente de Tramontane (format %1&#xa0;; cette version lit jusqu’au format %2). Mettez Tramontane à jour pour l’ouvrir&#xa0;; le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>The conversation history needs an upgrade, but a backup copy could not be written first, so nothing was changed. Check the free disk space.</source>
        <translation>L’historique des conversations doit être mis à niveau, mais aucune copie de sauvegarde n’a pu être écrite au préalable&#xa0;; rien n’a donc été modifié. Vérifiez l’espace disque disponible.</translation>
    </message>
    <message>
        <source>The conversation history could not be upgraded to format %1.</source>
        <translation>Impossible de mettre à niveau l’historique des conversations au format %1.</translation>
    </message>
    <message>
        <source>The conversation history could not be upgraded to format %1. A copy from before the upgrade is kept in %2.</source>
        <translation>Impossible de mettre à niveau l’historique des conversations au format %1. Une copie antérieure à la mise à niveau est conservée dans %2.</translation>
    </message>
    <message>
        <source>The conversation history could not be read or saved. Check that the disk is not full and that the profile folder is writable.</source>
        <translation>Impossible de lire ou d’enregistrer l’historique des conversations. Vérifiez que le disque n’est pas plein et que le dossier du profil est accessible en écriture.</translation>
    </message>
    <message>
        <source>The disk is full, so the conversation history cannot be saved. Free some space on the disk, then try again.</source>
        <translation>Le disque est plein, l’historique des conversations ne peut donc pas être enregistré. Libérez de l’espace sur le disque, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>ErrorDetails</name>
    <message>
        <source>Technical details (for a bug report):</source>
        <translation>Détails techniques (pour un rapport de bogue)&#xa0;:</translation>
    </message>
    <message>
        <source>The connection ended before the server marked the answer as complete.</source>
        <translation>La connexion s’est terminée avant que le serveur n’indique que la réponse était complète.</translation>
    </message>
    <message>
        <source>Nothing arrived from the server for too long, so the request was given up.</source>
        <translation>Rien n’est arrivé du serveur pendant trop longtemps, la requête a donc été abandonnée.</translation>
    </message>
    <message>
        <source>The server sent data that does not have the expected form.</source>
        <translation>Le serveur a envoyé des données qui n’ont pas la forme attendue.</translation>
    </message>
    <message>
        <source>The server answered, but not with an event stream.</source>
        <translation>Le serveur a répondu, mais pas par un flux d’événements.</translation>
    </message>
    <message>
        <source>The server answered with content of type %1, not with an event stream.</source>
        <translation>Le serveur a répondu avec un contenu de type %1, pas par un flux d’événements.</translation>
    </message>
    <message>
        <source>The server reported an error in the middle of its answer.</source>
        <translation>Le serveur a signalé une erreur au milieu de sa réponse.</translation>
    </message>
    <message>
        <source>The connection to the server failed.</source>
        <translation>La connexion au serveur a échoué.</translation>
    </message>
    <message>
        <source>The server answered with an error status.</source>
        <translation>Le serveur a répondu avec un statut d’erreur.</translation>
    </message>
    <message>
        <source>The request was not sent.</source>
        <translation>La requête n’a pas été envoyée.</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>Statut HTTP&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>The request was sent %n time(s).</source>
        <translation>
            <numerusform>La requête a été envoyée %n fois.</numerusform>
            <numerusform>La requête a été envoyée %n fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>ID de requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>Message du serveur&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server sent more data than the limit of %n byte(s).</source>
        <translation>
            <numerusform>Le serveur a envoyé plus de données que la limite de %n octet.</numerusform>
            <numerusform>Le serveur a envoyé plus de données que la limite de %n octets.</numerusform>
        </translation>
    </message>
    <message>
        <source>The MCP server reported an error.</source>
        <translation>Le serveur MCP a signalé une erreur.</translation>
    </message>
    <message>
        <source>The MCP server answered, but not as the protocol expects.</source>
        <translation>Le serveur MCP a répondu, mais pas comme le prévoit le protocole.</translation>
    </message>
</context>
<context>
    <name>ImageCache</name>
    <message>
        <source>The image could not be saved in the cache.</source>
        <translation>Impossible d’enregistrer l’image dans le cache.</translation>
    </message>
</context>
<context>
    <name>McpConnectionReport</name>
    <message>
        <source>Host not found (DNS)</source>
        <translation>Hôte introuvable (DNS)</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>Erreur TLS</translation>
    </message>
    <message>
        <source>Unauthorized (HTTP 401)</source>
        <translation>Non autorisé (HTTP 401)</translation>
    </message>
    <message>
        <source>Forbidden (HTTP 403)</source>
        <translation>Accès interdit (HTTP 403)</translation>
    </message>
    <message>
        <source>No MCP endpoint at this URL (HTTP %1)</source>
        <translation>Aucun point de terminaison MCP à cette URL (HTTP %1)</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Not an MCP server</source>
        <translation>Ce n’est pas un serveur MCP</translation>
    </message>
    <message>
        <source>HTTP error %1</source>
        <translation>Erreur HTTP %1</translation>
    </message>
    <message>
        <source>The server reported an error</source>
        <translation>Le serveur a signalé une erreur</translation>
    </message>
    <message>
        <source>MCP protocol error</source>
        <translation>Erreur de protocole MCP</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Erreur réseau</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Check the host name in the server URL.</source>
        <translation>Vérifiez le nom d’hôte dans l’URL du serveur.</translation>
    </message>
    <message>
        <source>Check that the server is running and the port in the URL is right.</source>
        <translation>Vérifiez que le serveur est démarré et que le port indiqué dans l’URL est correct.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted or the secure connection failed; check the URL, or ask the server&apos;s owner.</source>
        <translation>Le certificat du serveur n’est pas reconnu ou la connexion sécurisée a échoué&#xa0;; vérifiez l’URL, ou contactez le responsable du serveur.</translation>
    </message>
    <message>
        <source>The server wants credentials: add or correct the Authorization (or API key) header.</source>
        <translation>Le serveur demande des identifiants&#xa0;: ajoutez ou corrigez l’en-tête Authorization (ou celui de la clé API).</translation>
    </message>
    <message>
        <source>The credentials were accepted but lack a permission or scope.</source>
        <translation>Les identifiants ont été acceptés, mais il leur manque une autorisation ou une portée.</translation>
    </message>
    <message>
        <source>Check the path of the URL: MCP servers often serve it at /mcp.</source>
        <translation>Vérifiez le chemin de l’URL&#xa0;: les serveurs MCP répondent souvent sur /mcp.</translation>
    </message>
    <message>
        <source>The server did not answer in time; it may be down or overloaded.</source>
        <translation>Le serveur n’a pas répondu à temps&#xa0;; il est peut-être arrêté ou surchargé.</translation>
    </message>
    <message>
        <source>Something answers at this URL, but it does not speak MCP (streamable HTTP); check the path.</source>
        <translation>Quelque chose répond à cette URL, mais pas en MCP (streamable HTTP)&#xa0;; vérifiez le chemin.</translation>
    </message>
    <message>
        <source>Try again later, or check the server&apos;s logs.</source>
        <translation>Réessayez plus tard, ou consultez les journaux du serveur.</translation>
    </message>
    <message>
        <source>MCP server</source>
        <translation>Serveur MCP</translation>
    </message>
    <message numerus="yes">
        <source>Reachable: %1 · MCP %2 · %n tool(s) · %3 ms</source>
        <translation>
            <numerusform>Joignable&#xa0;: %1 · MCP %2 · %n outil · %3&#xa0;ms</numerusform>
            <numerusform>Joignable&#xa0;: %1 · MCP %2 · %n outils · %3&#xa0;ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Injoignable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not tried: %1</source>
        <translation>Non testé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Test canceled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <source>Tools: %1</source>
        <translation>Outils&#xa0;: %1</translation>
    </message>
    <message>
        <source>Session: kept (Mcp-Session-Id).</source>
        <translation>Session&#xa0;: conservée (Mcp-Session-Id).</translation>
    </message>
    <message>
        <source>Session: none (a stateless server).</source>
        <translation>Session&#xa0;: aucune (serveur sans état).</translation>
    </message>
    <message>
        <source>Not sent, because their secret value is not stored on this computer: %1.</source>
        <translation>Non envoyés, car leur valeur secrète n’est pas enregistrée sur cet ordinateur&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Answer too large</source>
        <translation>Réponse trop volumineuse</translation>
    </message>
    <message>
        <source>Not an http(s) URL</source>
        <translation>URL http(s) attendue</translation>
    </message>
    <message>
        <source>The TLS connection to the MCP server failed.</source>
        <translation>La connexion TLS au serveur MCP a échoué.</translation>
    </message>
    <message>
        <source>The MCP server&apos;s host name was not found.</source>
        <translation>Le nom d’hôte du serveur MCP est introuvable.</translation>
    </message>
    <message>
        <source>Nothing listens at the MCP server&apos;s address and port (connection refused).</source>
        <translation>Rien n’écoute à l’adresse et au port du serveur MCP (connexion refusée).</translation>
    </message>
    <message>
        <source>The connection to the MCP server failed.</source>
        <translation>La connexion au serveur MCP a échoué.</translation>
    </message>
    <message>
        <source>The MCP server refused the request (HTTP 401): the token is missing, invalid or expired.</source>
        <translation>Le serveur MCP a refusé la requête (HTTP 401)&#xa0;: le jeton est absent, non valide ou expiré.</translation>
    </message>
    <message>
        <source>The MCP server refused the request (HTTP 403): the token lacks a permission.</source>
        <translation>Le serveur MCP a refusé la requête (HTTP 403)&#xa0;: il manque une autorisation au jeton.</translation>
    </message>
    <message>
        <source>There is no MCP endpoint at this URL (HTTP %1).</source>
        <translation>Il n’y a pas de point de terminaison MCP à cette URL (HTTP %1).</translation>
    </message>
    <message>
        <source>The MCP server answered HTTP %1.</source>
        <translation>Le serveur MCP a répondu HTTP %1.</translation>
    </message>
    <message>
        <source>The MCP server sent nothing for too long.</source>
        <translation>Le serveur MCP n’a rien envoyé pendant trop longtemps.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1, but not with MCP (JSON-RPC).</source>
        <translation>Le serveur a répondu HTTP %1, mais pas en MCP (JSON-RPC).</translation>
    </message>
    <message>
        <source>The MCP server reported error %1: %2</source>
        <translation>Le serveur MCP a signalé l’erreur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The MCP server does not follow the protocol.</source>
        <translation>Le serveur MCP ne respecte pas le protocole.</translation>
    </message>
    <message>
        <source>The MCP server&apos;s answer is too large (over %1 MB).</source>
        <translation>La réponse du serveur MCP est trop volumineuse (plus de %1&#xa0;Mo).</translation>
    </message>
    <message>
        <source>The MCP server URL is not an http(s) URL.</source>
        <translation>L’URL du serveur MCP n’est pas une URL http(s).</translation>
    </message>
    <message>
        <source>Enter a URL that starts with https:// (or http:// for a server on this computer).</source>
        <translation>Saisissez une URL commençant par https:// (ou http:// pour un serveur sur cet ordinateur).</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server needs the permission “%1”, which the sign-in did not grant: sign in again to grant it.</source>
        <translation>Le serveur a besoin de l’autorisation «&#xa0;%1&#xa0;», que la connexion n’a pas accordée&#xa0;: reconnectez-vous pour l’accorder.</translation>
    </message>
</context>
<context>
    <name>ModelService</name>
    <message>
        <source>The list of models has an unexpected shape.</source>
        <translation>La liste des modèles a une structure inattendue.</translation>
    </message>
</context>
<context>
    <name>PlainBlockCache</name>
    <message numerus="yes">
        <source>… %n more line(s); Copy takes everything</source>
        <translation>
            <numerusform>… %n ligne de plus&#xa0;; Copier prend tout</numerusform>
            <numerusform>… %n lignes de plus&#xa0;; Copier prend tout</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>Enter the proxy&apos;s host name.</source>
        <translation>Saisissez le nom d’hôte du proxy.</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port (1 to 65535).</source>
        <translation>Saisissez le port du proxy (1 à 65535).</translation>
    </message>
</context>
<context>
    <name>SchemaOutline</name>
    <message>
        <source>The schema goes deeper; see the raw JSON for the rest.</source>
        <translation>Le schéma est plus profond&#xa0;; consultez le JSON brut pour la suite.</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation>L’accès au trousseau du système a été refusé.</translation>
    </message>
    <message>
        <source>No system keychain is available (on Linux, install and unlock GNOME Keyring or KWallet). Secrets are never stored in plain files.</source>
        <translation>Aucun trousseau système n’est disponible (sous Linux, installez et déverrouillez GNOME Keyring ou KWallet). Les secrets ne sont jamais enregistrés dans des fichiers en clair.</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation>Le trousseau du système a signalé une erreur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ToolChoiceModel</name>
    <message>
        <source>Image generation</source>
        <translation>Génération d’images</translation>
    </message>
    <message>
        <source>Web search</source>
        <translation>Recherche web</translation>
    </message>
    <message>
        <source>Web search (premium)</source>
        <translation>Recherche web (premium)</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>Interpréteur de code</translation>
    </message>
    <message>
        <source>Document library</source>
        <translation>Bibliothèque de documents</translation>
    </message>
    <message>
        <source>Draws pictures from a description.</source>
        <translation>Crée des images à partir d’une description.</translation>
    </message>
    <message>
        <source>Searches the web.</source>
        <translation>Fait des recherches sur le web.</translation>
    </message>
    <message>
        <source>Searches the web and news agencies&apos; sources.</source>
        <translation>Fait des recherches sur le web et dans les sources des agences de presse.</translation>
    </message>
    <message>
        <source>Runs code in a sandbox.</source>
        <translation>Exécute du code dans un bac à sable.</translation>
    </message>
    <message>
        <source>Searches the document libraries you name.</source>
        <translation>Fait des recherches dans les bibliothèques de documents que vous indiquez.</translation>
    </message>
</context>
<context>
    <name>ToolConfirmationBar</name>
    <message>
        <source>This tool needs your permission to run.</source>
        <translation>Cet outil a besoin de votre permission pour s’exécuter.</translation>
    </message>
    <message>
        <source>Allowed.</source>
        <translation>Autorisé.</translation>
    </message>
    <message>
        <source>Denied: the tool did not run.</source>
        <translation>Refusé&#xa0;: l’outil ne s’est pas exécuté.</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Autoriser</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
</context>
<context>
    <name>ToolCredentials</name>
    <message>
        <source>No secret store is available.</source>
        <translation>Aucun stockage de secrets n’est disponible.</translation>
    </message>
</context>
<context>
    <name>ToolTitles</name>
    <message>
        <source>Image generation</source>
        <translation>Génération d’images</translation>
    </message>
    <message>
        <source>Web search</source>
        <translation>Recherche web</translation>
    </message>
    <message>
        <source>Web search (premium)</source>
        <translation>Recherche web (premium)</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>Interpréteur de code</translation>
    </message>
    <message>
        <source>Document library</source>
        <translation>Bibliothèque de documents</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>%1 (connector)</source>
        <translation>%1 (connecteur)</translation>
    </message>
    <message>
        <source>%1 (connector %2)</source>
        <translation>%1 (connecteur %2)</translation>
    </message>
</context>
<context>
    <name>Tramontane::AgentEditorDialog</name>
    <message>
        <source>New Agent</source>
        <translation>Nouvel agent</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. deepwiki_completion_agent</source>
        <translation>par ex. deepwiki_completion_agent</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>What the agent is for (optional)</source>
        <translation>À quoi sert l’agent (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Version note:</source>
        <translation>Note de &amp;version&#xa0;:</translation>
    </message>
    <message>
        <source>What this version changes (optional)</source>
        <translation>Ce que change cette version (facultatif)</translation>
    </message>
    <message>
        <source>Each save makes a new version of the agent; the history keeps the earlier ones.</source>
        <translation>Chaque enregistrement crée une nouvelle version de l’agent&#xa0;; l’historique conserve les précédentes.</translation>
    </message>
    <message>
        <source>&amp;Instructions</source>
        <translation>&amp;Instructions</translation>
    </message>
    <message>
        <source>What the agent should do and how it should answer. Sent as the agent&apos;s system prompt.</source>
        <translation>Ce que l’agent doit faire et comment il doit répondre. Envoyé comme prompt système de l’agent.</translation>
    </message>
    <message>
        <source>You are a helpful assistant that…</source>
        <translation>Vous êtes un assistant serviable qui…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Built-in tools run on Mistral&apos;s side; connectors are the MCP servers of your account.</source>
        <translation>Les outils intégrés s’exécutent chez Mistral&#xa0;; les connecteurs sont les serveurs MCP de votre compte.</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Identifiant d’accès</translation>
    </message>
    <message>
        <source>&amp;Send:</source>
        <translation>En&amp;voyer&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>Vale&amp;ur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Avancé</translation>
    </message>
    <message>
        <source>Default completion settings of the agent. Leave a field empty to use the server&apos;s default, shown in grey.</source>
        <translation>Paramètres de génération par défaut de l’agent. Laissez un champ vide pour utiliser la valeur par défaut du serveur, affichée en gris.</translation>
    </message>
    <message>
        <source>T&amp;emperature:</source>
        <translation>Tempé&amp;rature&#xa0;:</translation>
    </message>
    <message>
        <source>Top &amp;p:</source>
        <translation>Top &amp;p&#xa0;:</translation>
    </message>
    <message>
        <source>Max &amp;tokens:</source>
        <translation>Jetons &amp;max&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Random seed:</source>
        <translation>Graine a&amp;léatoire&#xa0;:</translation>
    </message>
    <message>
        <source>Tool &amp;choice:</source>
        <translation>C&amp;hoix d’outil&#xa0;:</translation>
    </message>
    <message>
        <source>Response &amp;format:</source>
        <translation>&amp;Format de réponse&#xa0;:</translation>
    </message>
    <message>
        <source>Schema na&amp;me:</source>
        <translation>&amp;Nom du schéma&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. answer</source>
        <translation>par ex. reponse</translation>
    </message>
    <message>
        <source>&amp;Strict</source>
        <translation>&amp;Strict</translation>
    </message>
    <message>
        <source>JSON sc&amp;hema:</source>
        <translation>Schéma &amp;JSON&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Handoffs</source>
        <translation>&amp;Transferts</translation>
    </message>
    <message>
        <source>Agents this agent may hand the conversation over to.</source>
        <translation>Agents auxquels cet agent peut transférer la conversation.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Server default (auto)</source>
        <translation>Valeur par défaut du serveur (auto)</translation>
    </message>
    <message>
        <source>auto: the model decides</source>
        <translation>auto&#xa0;: le modèle décide</translation>
    </message>
    <message>
        <source>none: never call a tool</source>
        <translation>none&#xa0;: n’appeler aucun outil</translation>
    </message>
    <message>
        <source>any: must call a tool</source>
        <translation>any&#xa0;: doit appeler un outil</translation>
    </message>
    <message>
        <source>required: must call a tool</source>
        <translation>required&#xa0;: doit appeler un outil</translation>
    </message>
    <message>
        <source>Server default (text)</source>
        <translation>Valeur par défaut du serveur (texte)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>Objet JSON</translation>
    </message>
    <message>
        <source>JSON following a schema</source>
        <translation>JSON conforme à un schéma</translation>
    </message>
    <message>
        <source>Nothing: the connector&apos;s own authorization</source>
        <translation>Rien&#xa0;: l’autorisation propre au connecteur</translation>
    </message>
    <message>
        <source>An OAuth2 access token</source>
        <translation>Un jeton d’accès OAuth2</translation>
    </message>
    <message>
        <source>An API key</source>
        <translation>Une clé API</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>Valeur par défaut du serveur</translation>
    </message>
    <message>
        <source>No limit (server default)</source>
        <translation>Aucune limite (défaut du serveur)</translation>
    </message>
    <message>
        <source>Random (server default)</source>
        <translation>Aléatoire (défaut du serveur)</translation>
    </message>
    <message>
        <source>%1 (not among your models)</source>
        <translation>%1 (absent de vos modèles)</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Chargement des modèles…</translation>
    </message>
    <message>
        <source>Model default: %1</source>
        <translation>Par défaut pour le modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Context: %1 tokens</source>
        <translation>Contexte&#xa0;: %1 jetons</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>outils</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>vision</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>raisonnement</translation>
    </message>
    <message>
        <source>deprecated on %1</source>
        <translation>obsolète à partir du %1</translation>
    </message>
    <message>
        <source>%1 (unknown agent)</source>
        <translation>%1 (agent inconnu)</translation>
    </message>
    <message>
        <source>There are no other agents to hand the conversation over to yet.</source>
        <translation>Il n’y a pas encore d’autre agent auquel transférer la conversation.</translation>
    </message>
    <message>
        <source>Select a connector in the list to give the credential its tools are called with.</source>
        <translation>Sélectionnez un connecteur dans la liste pour indiquer l’identifiant d’accès avec lequel ses outils sont appelés.</translation>
    </message>
    <message>
        <source>Credential for %1</source>
        <translation>Identifiant d’accès pour %1</translation>
    </message>
    <message>
        <source>This connector needs a credential for its tools.</source>
        <translation>Ce connecteur a besoin d’un identifiant d’accès pour ses outils.</translation>
    </message>
    <message>
        <source>You are signed in to it: that token is sent unless you give another one.</source>
        <translation>Vous y êtes connecté&#xa0;: ce jeton est envoyé, sauf si vous en indiquez un autre.</translation>
    </message>
    <message>
        <source>A credential is kept in the system keychain and sent with each chat request, never stored in the agent.</source>
        <translation>L’identifiant d’accès est conservé dans le trousseau du système et envoyé avec chaque requête de discussion&#xa0;; il n’est jamais enregistré dans l’agent.</translation>
    </message>
    <message>
        <source>Stored in the keychain; type a new value to replace it</source>
        <translation>Enregistré dans le trousseau&#xa0;; saisissez une nouvelle valeur pour le remplacer</translation>
    </message>
    <message>
        <source>Paste the token or the key</source>
        <translation>Collez le jeton ou la clé</translation>
    </message>
    <message>
        <source>Edit Agent: %1</source>
        <translation>Modifier l’agent&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Give the agent a name.</source>
        <translation>Donnez un nom à l’agent.</translation>
    </message>
    <message>
        <source>Choose a model.</source>
        <translation>Choisissez un modèle.</translation>
    </message>
    <message>
        <source>Name at least one document library, or uncheck it.</source>
        <translation>Indiquez au moins une bibliothèque de documents, ou décochez-la.</translation>
    </message>
    <message>
        <source>Type the credential for %1, or choose to send nothing.</source>
        <translation>Saisissez l’identifiant d’accès pour %1, ou choisissez de ne rien envoyer.</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3.</source>
        <translation>%1 doit être un nombre compris entre %2 et %3.</translation>
    </message>
    <message>
        <source>%1 must be a whole number, 0 or more.</source>
        <translation>%1 doit être un nombre entier supérieur ou égal à 0.</translation>
    </message>
    <message>
        <source>The temperature</source>
        <translation>La température</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Le nombre maximal de jetons</translation>
    </message>
    <message>
        <source>The random seed</source>
        <translation>La graine aléatoire</translation>
    </message>
    <message>
        <source>Give the schema a name.</source>
        <translation>Donnez un nom au schéma.</translation>
    </message>
    <message>
        <source>The schema is not valid JSON: %1 (at character %2).</source>
        <translation>Le schéma n’est pas un JSON valide&#xa0;: %1 (au caractère %2).</translation>
    </message>
    <message>
        <source>The schema must be a JSON object.</source>
        <translation>Le schéma doit être un objet JSON.</translation>
    </message>
    <message>
        <source>Not connected: the agent cannot be saved.</source>
        <translation>Non connecté&#xa0;: impossible d’enregistrer l’agent.</translation>
    </message>
    <message>
        <source>The credential could not be stored: %1</source>
        <translation>Impossible d’enregistrer l’identifiant d’accès&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Create the new agent?</source>
        <translation>Créer le nouvel agent&#xa0;?</translation>
    </message>
    <message>
        <source>If you discard them, your changes are lost.</source>
        <translation>Si vous les abandonnez, vos modifications seront perdues.</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>ID de requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Handoffs</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>Save the changes to the agent “%1”?</source>
        <translation>Enregistrer les modifications de l’agent «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Libraries:</source>
        <translation>&amp;Bibliothèques&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Tramontane::AgentListModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
</context>
<context>
    <name>Tramontane::AgentVersionsDialog</name>
    <message>
        <source>Agent Versions</source>
        <translation>Versions de l’agent</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>&amp;Make Active</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>Use the selected version from now on</source>
        <translation>Utiliser désormais la version sélectionnée</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Versions of %1</source>
        <translation>Versions de %1</translation>
    </message>
    <message>
        <source>Loading the versions…</source>
        <translation>Chargement des versions…</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (active)</translation>
    </message>
    <message>
        <source>Making version %1 active…</source>
        <translation>Activation de la version %1…</translation>
    </message>
    <message>
        <source>Version %1 is now active.</source>
        <translation>La version %1 est maintenant active.</translation>
    </message>
    <message>
        <source>Every save of “%1” is a version. The active version is the one chats use.</source>
        <translation>Chaque enregistrement de «&#xa0;%1&#xa0;» est une version. La version active est celle qu’utilisent les discussions.</translation>
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
        <translation>Rechercher des agents par nom</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Load the agents, models and connectors again</source>
        <translation>Recharger les agents, les modèles et les connecteurs</translation>
    </message>
    <message>
        <source>&amp;New Agent…</source>
        <translation>&amp;Nouvel agent…</translation>
    </message>
    <message>
        <source>Select an agent to see its settings, or create one with New Agent.</source>
        <translation>Sélectionnez un agent pour voir ses paramètres, ou créez-en un avec Nouvel agent.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Tools:</source>
        <translation>Outils&#xa0;:</translation>
    </message>
    <message>
        <source>Handoffs:</source>
        <translation>Transferts&#xa0;:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Paramètres&#xa0;:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version&#xa0;:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID&#xa0;:</translation>
    </message>
    <message>
        <source>Instructions:</source>
        <translation>Instructions&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Chat with Agent</source>
        <translation>&amp;Discuter avec l’agent</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation>&amp;Versions…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>température %1</translation>
    </message>
    <message>
        <source>top p %1</source>
        <translation>top p %1</translation>
    </message>
    <message>
        <source>at most %1 tokens</source>
        <translation>%1 jetons au maximum</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>graine %1</translation>
    </message>
    <message>
        <source>tool choice: %1</source>
        <translation>choix d’outil&#xa0;: %1</translation>
    </message>
    <message>
        <source>JSON answers</source>
        <translation>réponses JSON</translation>
    </message>
    <message>
        <source>Server defaults</source>
        <translation>Valeurs par défaut du serveur</translation>
    </message>
    <message>
        <source>The models could not be loaded: %1</source>
        <translation>Impossible de charger les modèles&#xa0;: %1</translation>
    </message>
    <message>
        <source>The connectors could not be loaded: %1</source>
        <translation>Impossible de charger les connecteurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>%1 (active); saved versions: %2</source>
        <translation>%1 (active)&#xa0;; versions enregistrées&#xa0;: %2</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>modifiée le %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>Chargement des agents…</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>ID de requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>No agents yet: create one with New Agent.</source>
        <translation>Aucun agent pour l’instant&#xa0;: créez-en un avec Nouvel agent.</translation>
    </message>
    <message>
        <source>Delete Agent</source>
        <translation>Supprimer l’agent</translation>
    </message>
    <message>
        <source>All its versions are deleted too. Chats that used it keep their messages.</source>
        <translation>Toutes ses versions sont également supprimées. Les discussions qui l’utilisaient conservent leurs messages.</translation>
    </message>
    <message>
        <source>Search agents</source>
        <translation>Rechercher des agents</translation>
    </message>
    <message>
        <source>Instructions of the selected agent</source>
        <translation>Instructions de l’agent sélectionné</translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation>Ouvrir les &amp;Paramètres…</translation>
    </message>
    <message>
        <source>JSON schema “%1”</source>
        <translation>Schéma JSON «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>A Mistral API key is needed to list your agents: add yours in Settings.</source>
        <translation>Une clé d’API Mistral est nécessaire pour lister vos agents&#xa0;: ajoutez la vôtre dans les Paramètres.</translation>
    </message>
    <message>
        <source>No agent&apos;s name contains “%1”.</source>
        <translation>Aucun nom d’agent ne contient «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Agent “%1” saved (version %2).</source>
        <translation>Agent «&#xa0;%1&#xa0;» enregistré (version %2).</translation>
    </message>
    <message>
        <source>Delete the agent “%1”?</source>
        <translation>Supprimer l’agent «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Agent “%1” deleted.</source>
        <translation>Agent «&#xa0;%1&#xa0;» supprimé.</translation>
    </message>
    <message>
        <source>Version %1 of “%2” is now active.</source>
        <translation>La version %1 de «&#xa0;%2&#xa0;» est maintenant active.</translation>
    </message>
    <message>
        <source>The agents could not be loaded: %1</source>
        <translation>Impossible de charger les agents&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::AnswerDetailsPopup</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Jetons d’entrée</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Jetons de sortie</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Total des jetons</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID de requête</translation>
    </message>
    <message>
        <source>Copy the request ID, for support</source>
        <translation>Copier l’ID de requête, pour l’assistance</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>Tramontane::AnswerNotifications</name>
    <message>
        <source>Answer ready</source>
        <translation>Réponse prête</translation>
    </message>
    <message>
        <source>The answer did not complete</source>
        <translation>La réponse n’a pas abouti</translation>
    </message>
    <message>
        <source>Open the chat to see what happened; what arrived is kept.</source>
        <translation>Ouvrez la discussion pour voir ce qui s’est passé&#xa0;; ce qui est arrivé est conservé.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ApiClient</name>
    <message>
        <source>The server address &quot;%1&quot; is not a valid URL.</source>
        <translation>L’adresse du serveur «&#xa0;%1&#xa0;» n’est pas une URL valide.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>L’adresse du serveur ne doit contenir ni nom d’utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <source>The server address must not contain a query or a fragment.</source>
        <translation>L’adresse du serveur ne doit contenir ni requête ni fragment.</translation>
    </message>
    <message>
        <source>The server address must use https: plain http would send your API key unencrypted. (http is only accepted for 127.0.0.1 and localhost.)</source>
        <translation>L’adresse du serveur doit utiliser https&#xa0;: en http, votre clé API serait envoyée sans chiffrement. (http n’est accepté que pour 127.0.0.1 et localhost.)</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>L’adresse du serveur doit commencer par https://.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ApiConnection</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Adresse de l’API</translation>
    </message>
    <message>
        <source>The system keychain cannot be used (%1), so a key cannot be kept: set MISTRAL_API_KEY, or explore the offline demo.</source>
        <translation>Le trousseau du système est inutilisable (%1), une clé ne peut donc pas être conservée&#xa0;: définissez MISTRAL_API_KEY ou explorez la démo hors ligne.</translation>
    </message>
    <message>
        <source>No API key</source>
        <translation>Aucune clé API</translation>
    </message>
    <message>
        <source>Add your Mistral API key in Settings to start.</source>
        <translation>Ajoutez votre clé API Mistral dans les paramètres pour commencer.</translation>
    </message>
    <message>
        <source>Offline demo unavailable</source>
        <translation>Démo hors ligne indisponible</translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation>Démo hors ligne</translation>
    </message>
    <message>
        <source>%1

Open Settings to connect to the Mistral platform with your API key.</source>
        <translation>%1

Ouvrez les paramètres pour vous connecter à la plateforme Mistral avec votre clé API.</translation>
    </message>
    <message>
        <source>Offline demo stopped</source>
        <translation>Démo hors ligne arrêtée</translation>
    </message>
    <message>
        <source>Starting the offline demo…</source>
        <translation>Démarrage de la démo hors ligne…</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <source>The server did not accept this key: check that it was copied whole from console.mistral.ai.</source>
        <translation>Le serveur n’a pas accepté cette clé&#xa0;: vérifiez qu’elle a été copiée en entier depuis console.mistral.ai.</translation>
    </message>
    <message>
        <source>The bundled emulator answers at %1. Open Settings to use the Mistral platform.</source>
        <translation>L’émulateur intégré répond à l’adresse %1. Ouvrez les paramètres pour utiliser la plateforme Mistral.</translation>
    </message>
    <message>
        <source>Connected. Your API key is stored in the system keychain.</source>
        <translation>Connecté. Votre clé d’API est enregistrée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Connected, but the key could not be kept in the keychain (%1): it is used until Tramontane quits.</source>
        <translation>Connecté, mais la clé n’a pas pu être conservée dans le trousseau (%1)&#xa0;: elle est utilisée jusqu’à la fermeture de Tramontane.</translation>
    </message>
</context>
<context>
    <name>Tramontane::Application</name>
    <message>
        <source>Sign-ins are kept for this session only: %1</source>
        <translation>Les connexions ne sont conservées que pour cette session&#xa0;: %1</translation>
    </message>
    <message>
        <source>This answer is shown but not saved. %1</source>
        <translation>Cette réponse est affichée mais pas enregistrée. %1</translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatController</name>
    <message>
        <source>The answer is still starting; try again in a moment.</source>
        <translation>La réponse est encore en cours de démarrage&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The conversation could not be opened: %1</source>
        <translation>Impossible d’ouvrir la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Wait for the current answer to finish, or stop it.</source>
        <translation>Attendez la fin de la réponse en cours, ou arrêtez-la.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatFindBar</name>
    <message>
        <source>Find in this chat</source>
        <translation>Rechercher dans cette discussion</translation>
    </message>
    <message>
        <source>Enter goes to the next match, Shift+Enter to the previous one, Esc closes</source>
        <translation>Entrée passe au résultat suivant, Maj+Entrée au précédent, Échap ferme</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Résultat précédent (Maj+Entrée, Maj+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Résultat suivant (Entrée, F3)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>%1 of %2 so far</source>
        <translation>%1 sur %2 pour l’instant</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatPage</name>
    <message>
        <source>The model or agent this chat talks to (Ctrl+K)</source>
        <translation>Le modèle ou l’agent de cette discussion (Ctrl+K)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Built-in tools and connectors this chat may use</source>
        <translation>Outils intégrés et connecteurs que cette discussion peut utiliser</translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Commencer une nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Message… (Enter to send, Shift+Enter for a new line)</source>
        <translation>Message… (Entrée pour envoyer, Maj+Entrée pour aller à la ligne)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Wait for the current answer to finish, or stop it.</source>
        <translation>Attendez la fin de la réponse en cours, ou arrêtez-la.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the answer (Esc); what arrived is kept</source>
        <translation>Arrêter la réponse (Échap)&#xa0;; le texte déjà reçu est conservé</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Réponse en cours…</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>vision</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>outils</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>raisonnement</translation>
    </message>
    <message>
        <source>Connector “%1” is on for this chat.</source>
        <translation>Le connecteur «&#xa0;%1&#xa0;» est activé pour cette discussion.</translation>
    </message>
    <message>
        <source>Built-in tools</source>
        <translation>Outils intégrés</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>Génération d’images</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Connecteurs</translation>
    </message>
    <message>
        <source>Tools (%1)</source>
        <translation>Outils (%1)</translation>
    </message>
    <message>
        <source>Nothing to regenerate yet.</source>
        <translation>Rien à régénérer pour l’instant.</translation>
    </message>
    <message>
        <source>Tools Changed</source>
        <translation>Outils modifiés</translation>
    </message>
    <message>
        <source>The tools of “%1” changed since you approved them.</source>
        <translation>Les outils de «&#xa0;%1&#xa0;» ont changé depuis votre approbation.</translation>
    </message>
    <message>
        <source>A tool&apos;s description is what the model reads: a changed one can make the model do something else than you expect. Review the tools on the Connectors page, or use the connector in this chat anyway.</source>
        <translation>La description d’un outil est ce que lit le modèle&#xa0;: une description modifiée peut l’amener à faire autre chose que ce que vous attendez. Vérifiez les outils dans la page Connecteurs, ou utilisez quand même le connecteur dans cette discussion.</translation>
    </message>
    <message>
        <source>Use Anyway</source>
        <translation>Utiliser quand même</translation>
    </message>
    <message>
        <source>tools changed since you approved them — review in Connectors</source>
        <translation>outils modifiés depuis votre approbation — à vérifier dans Connecteurs</translation>
    </message>
    <message>
        <source>tools not reviewed yet — review in Connectors</source>
        <translation>outils pas encore vérifiés — à vérifier dans Connecteurs</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>The message to send; Enter sends it, Shift+Enter starts a new line</source>
        <translation>Le message à envoyer&#xa0;; Entrée l’envoie, Maj+Entrée commence une nouvelle ligne</translation>
    </message>
    <message>
        <source>There is no model to send to yet. %1</source>
        <translation>Il n’y a pas encore de modèle auquel envoyer. %1</translation>
    </message>
    <message>
        <source>Tools of the agent</source>
        <translation>Outils de l’agent</translation>
    </message>
    <message>
        <source>This agent has no tools.</source>
        <translation>Cet agent n’a aucun outil.</translation>
    </message>
    <message>
        <source>These tools come from the agent; change them in the agent.</source>
        <translation>Ces outils viennent de l’agent&#xa0;; modifiez-les dans l’agent.</translation>
    </message>
    <message>
        <source>Connector %1</source>
        <translation>Connecteur %1</translation>
    </message>
    <message>
        <source>Function %1</source>
        <translation>Fonction %1</translation>
    </message>
    <message>
        <source>Edit Agent…</source>
        <translation>Modifier l’agent…</translation>
    </message>
    <message>
        <source>Change the tools of “%1” in the agent editor</source>
        <translation>Modifier les outils de «&#xa0;%1&#xa0;» dans l’éditeur d’agent</translation>
    </message>
    <message>
        <source>The tools of the agent “%1”</source>
        <translation>Les outils de l’agent «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>No models loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <source>Code interpreter</source>
        <translation>Interpréteur de code</translation>
    </message>
    <message>
        <source>Run Python code and show its output</source>
        <translation>Exécuter du code Python et afficher sa sortie</translation>
    </message>
    <message>
        <source>This answer cannot be continued with the tools now chosen: regenerate it.</source>
        <translation>Cette réponse ne peut pas être poursuivie avec les outils choisis actuellement&#xa0;: régénérez-la.</translation>
    </message>
    <message>
        <source>Attach images (you can also paste them or drop them here)</source>
        <translation>Joindre des images (vous pouvez aussi les coller ou les déposer ici)</translation>
    </message>
    <message>
        <source>Attach images</source>
        <translation>Joindre des images</translation>
    </message>
    <message>
        <source>The attached images are still being prepared: send again in a moment.</source>
        <translation>Les images jointes sont encore en préparation&#xa0;: envoyez de nouveau dans un instant.</translation>
    </message>
    <message>
        <source>Editing an earlier message: sending makes a new version of it; the earlier one stays a click away. Esc cancels.</source>
        <translation>Modification d’un message antérieur&#xa0;: l’envoyer en crée une nouvelle version&#xa0;; l’ancienne reste accessible en un clic. Échap annule.</translation>
    </message>
    <message>
        <source>Attach images or documents (you can also paste images or drop files here)</source>
        <translation>Joindre des images ou des documents (vous pouvez aussi coller des images ou déposer des fichiers ici)</translation>
    </message>
    <message>
        <source>Attach images or documents</source>
        <translation>Joindre des images ou des documents</translation>
    </message>
    <message>
        <source>The attached documents are still being uploaded or read: send again when their chips say they are ready.</source>
        <translation>Les documents joints sont encore en cours d’envoi ou de lecture&#xa0;: envoyez de nouveau quand leurs vignettes indiquent qu’ils sont prêts.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Fichier enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatRowActions</name>
    <message>
        <source>The image could not be loaded.</source>
        <translation>Impossible de charger l’image.</translation>
    </message>
    <message>
        <source>Save File</source>
        <translation>Enregistrer le fichier</translation>
    </message>
    <message>
        <source>The file could not be downloaded.</source>
        <translation>Impossible de télécharger le fichier.</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Impossible d’enregistrer le fichier&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatSession</name>
    <message>
        <source>Choose a model or an agent first.</source>
        <translation>Choisissez d’abord un modèle ou un agent.</translation>
    </message>
    <message>
        <source>Your message could not be saved, so it was not sent: %1</source>
        <translation>Votre message n’a pas pu être enregistré&#xa0;; il n’a donc pas été envoyé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatSettingsInput</name>
    <message>
        <source>Give the JSON schema a name, such as “answer”.</source>
        <translation>Donnez un nom au schéma JSON, par exemple «&#xa0;sortie&#xa0;».</translation>
    </message>
    <message>
        <source>Enter the JSON schema the answer must follow: a JSON object.</source>
        <translation>Saisissez le schéma JSON que la réponse doit respecter&#xa0;: un objet JSON.</translation>
    </message>
    <message>
        <source>The JSON schema is not valid JSON at line %1, column %2: %3.</source>
        <translation>Le schéma JSON n’est pas un JSON valide à la ligne %1, colonne %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>The JSON schema must be a JSON object, in braces { }.</source>
        <translation>Le schéma JSON doit être un objet JSON, entre accolades { }.</translation>
    </message>
    <message>
        <source>Temperature must be a number from 0 to 1.5, or empty for the model’s default.</source>
        <translation>La température doit être un nombre de 0 à 1,5, ou vide pour la valeur par défaut du modèle.</translation>
    </message>
    <message>
        <source>Top P must be a number from 0 to 1, or empty for the model’s default.</source>
        <translation>Top P doit être un nombre de 0 à 1, ou vide pour la valeur par défaut du modèle.</translation>
    </message>
    <message>
        <source>Max tokens must be a whole number greater than 0, or empty for no limit.</source>
        <translation>Le nombre maximal de jetons doit être un entier supérieur à 0, ou vide pour ne fixer aucune limite.</translation>
    </message>
    <message>
        <source>The random seed must be a whole number, 0 or more, or empty for a random one.</source>
        <translation>La graine aléatoire doit être un entier positif ou nul, ou vide pour en tirer une au hasard.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatSettingsPane</name>
    <message>
        <source>Settings of this chat</source>
        <translation>Paramètres de cette discussion</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the chat’s settings</source>
        <translation>Fermer les paramètres de la discussion</translation>
    </message>
    <message>
        <source>instructions</source>
        <translation>instructions</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>température</translation>
    </message>
    <message>
        <source>top P</source>
        <translation>top P</translation>
    </message>
    <message>
        <source>max tokens</source>
        <translation>jetons max</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>graine aléatoire</translation>
    </message>
    <message>
        <source>answer format</source>
        <translation>format de réponse</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>raisonnement</translation>
    </message>
    <message>
        <source>Chat Settings</source>
        <translation>Paramètres de la discussion</translation>
    </message>
    <message>
        <source>Chat Settings (%1)</source>
        <translation>Paramètres de la discussion (%1)</translation>
    </message>
    <message>
        <source>Instructions, temperature and other settings of this chat</source>
        <translation>Instructions, température et autres paramètres de cette discussion</translation>
    </message>
    <message>
        <source>This chat has its own %1</source>
        <translation>Paramètres propres à cette discussion&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatSettingsPanel</name>
    <message>
        <source>&amp;Instructions (system prompt)</source>
        <translation>&amp;Instructions (prompt système)</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>How the model should answer in this chat, e.g. “Answer in French, briefly.”</source>
        <translation>Comment le modèle doit répondre dans cette discussion, p. ex. «&#xa0;Réponds en anglais, brièvement.&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Température</translation>
    </message>
    <message>
        <source>Model default (0 to 1.5)</source>
        <translation>Valeur par défaut du modèle (0 à 1,5)</translation>
    </message>
    <message>
        <source>Higher is more varied, lower more focused (0 to 1.5); empty for the model’s default</source>
        <translation>Élevée&#xa0;: réponses plus variées&#xa0;; basse&#xa0;: plus ciblées (0 à 1,5)&#xa0;; vide&#xa0;: valeur par défaut du modèle</translation>
    </message>
    <message>
        <source>Top &amp;P</source>
        <translation>Top &amp;P</translation>
    </message>
    <message>
        <source>Model default (0 to 1)</source>
        <translation>Valeur par défaut du modèle (0 à 1)</translation>
    </message>
    <message>
        <source>Only the most likely tokens whose probabilities add up to this are considered (0 to 1)</source>
        <translation>Seuls les jetons les plus probables dont les probabilités totalisent cette valeur sont pris en compte (0 à 1)</translation>
    </message>
    <message>
        <source>&amp;Max tokens</source>
        <translation>Jetons &amp;max</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>The longest answer, in tokens; the answer stops there</source>
        <translation>Longueur maximale de la réponse, en jetons&#xa0;; la réponse s’arrête là</translation>
    </message>
    <message>
        <source>Random &amp;seed</source>
        <translation>&amp;Graine aléatoire</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <source>The same seed and message give the same answer</source>
        <translation>La même graine et le même message donnent la même réponse</translation>
    </message>
    <message>
        <source>&amp;Answer format</source>
        <translation>&amp;Format de réponse</translation>
    </message>
    <message>
        <source>JSON schema</source>
        <translation>Schéma JSON</translation>
    </message>
    <message>
        <source>Schema name</source>
        <translation>Nom du schéma</translation>
    </message>
    <message>
        <source>Name, e.g. answer</source>
        <translation>Nom, p. ex. sortie</translation>
    </message>
    <message>
        <source>S&amp;trict</source>
        <translation>&amp;Strict</translation>
    </message>
    <message>
        <source>The answer must follow the schema exactly</source>
        <translation>La réponse doit respecter exactement le schéma</translation>
    </message>
    <message>
        <source>{ &quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: { … } }</source>
        <translation>{ &quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: { … } }</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Raisonnement</translation>
    </message>
    <message>
        <source>&amp;Effort</source>
        <translation>&amp;Effort</translation>
    </message>
    <message>
        <source>Use the &amp;reasoning system prompt</source>
        <translation>Utiliser le prompt système de &amp;raisonnement</translation>
    </message>
    <message>
        <source>Sends prompt_mode “reasoning”: the model thinks step by step before answering</source>
        <translation>Envoie prompt_mode «&#xa0;reasoning&#xa0;»&#xa0;: le modèle réfléchit étape par étape avant de répondre</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>Réi&amp;nitialiser</translation>
    </message>
    <message>
        <source>Clear every field: the API’s defaults apply</source>
        <translation>Vider tous les champs&#xa0;: les valeurs par défaut de l’API s’appliquent</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>Objet JSON</translation>
    </message>
    <message>
        <source>JSON following a schema</source>
        <translation>JSON conforme à un schéma</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Valeur par défaut du modèle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>Extra high</source>
        <translation>Très élevé</translation>
    </message>
    <message>
        <source>This chat talks to the agent “%1”: its own instructions, temperature and top P apply. The other settings are sent with each message.</source>
        <translation>Cette discussion s’adresse à l’agent «&#xa0;%1&#xa0;»&#xa0;: ses propres instructions, température et top P s’appliquent. Les autres paramètres sont envoyés avec chaque message.</translation>
    </message>
    <message>
        <source>An agent request cannot carry this: the agent “%1” uses its own (change it in the agent’s editor).</source>
        <translation>Une requête à un agent ne peut pas transmettre ce paramètre&#xa0;: l’agent «&#xa0;%1&#xa0;» utilise le sien (modifiez-le dans l’éditeur de l’agent).</translation>
    </message>
    <message>
        <source>The chosen model does not reason: these options apply to reasoning models only.</source>
        <translation>Le modèle choisi ne raisonne pas&#xa0;: ces options ne s’appliquent qu’aux modèles de raisonnement.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatTargetModel</name>
    <message>
        <source>Agent: %1</source>
        <translation>Agent&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 tokens context</source>
        <translation>contexte de %1 jetons</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · version %2</translation>
    </message>
</context>
<context>
    <name>Tramontane::ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>Aller au plus récent ↓</translation>
    </message>
    <message>
        <source>Scroll to the newest message (End)</source>
        <translation>Faire défiler jusqu’au dernier message (Fin)</translation>
    </message>
    <message>
        <source>Copy Selection</source>
        <translation>Copier la sélection</translation>
    </message>
    <message>
        <source>Copy Message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Vous&#xa0;: %1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Thinking: %1</source>
        <translation>Réflexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>Tool %1</source>
        <translation>Outil %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Still arriving</source>
        <translation>En cours d’arrivée</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Interrupted: the text so far is kept</source>
        <translation>Interrompu&#xa0;: le texte reçu est conservé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Document: %1 (%2)</source>
        <translation>Document&#xa0;: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Tramontane::ComposerAttachments</name>
    <message>
        <source>Attached images</source>
        <translation>Images jointes</translation>
    </message>
    <message>
        <source>The pasted image could not be read, so it was not attached.</source>
        <translation>L’image collée n’a pas pu être lue&#xa0;; elle n’a donc pas été jointe.</translation>
    </message>
    <message>
        <source>Pasted image.png</source>
        <translation>Image collée.png</translation>
    </message>
    <message>
        <source>At most %1 images can go with one message: “%2” was not attached.</source>
        <translation>Un message peut comporter au plus %1&#xa0;images&#xa0;: l’image «&#xa0;%2&#xa0;» n’a pas été jointe.</translation>
    </message>
    <message>
        <source>“%1” could not be made small enough to send (10 MB and 10,000 pixels a side at most), so it was not attached.</source>
        <translation>L’image «&#xa0;%1&#xa0;» n’a pas pu être assez réduite pour être envoyée (10&#xa0;Mo et 10&#xa0;000&#xa0;pixels de côté au maximum)&#xa0;; elle n’a donc pas été jointe.</translation>
    </message>
    <message>
        <source>“%1” could not be read as an image, so it was not attached.</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» n’a pas pu être lu comme une image&#xa0;; il n’a donc pas été joint.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>%1 (being prepared)</source>
        <translation>%1 (en préparation)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>%1: scaled down from %2 to %3 pixels to fit the API&apos;s limits (%4)</source>
        <translation>%1&#xa0;: réduite de %2 à %3 pixels pour respecter les limites de l’API (%4)</translation>
    </message>
    <message>
        <source>%1: %2 pixels, %3</source>
        <translation>%1&#xa0;: %2 pixels, %3</translation>
    </message>
    <message>
        <source>Attach Images</source>
        <translation>Joindre des images</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
</context>
<context>
    <name>Tramontane::ComposerDocuments</name>
    <message>
        <source>sent as a document</source>
        <translation>envoyé comme document</translation>
    </message>
    <message>
        <source>read as text (OCR)</source>
        <translation>lu comme texte (OCR)</translation>
    </message>
    <message>
        <source>sent as text</source>
        <translation>envoyé comme texte</translation>
    </message>
    <message>
        <source>Attached documents</source>
        <translation>Documents joints</translation>
    </message>
    <message>
        <source>Documents and images (%1)</source>
        <translation>Documents et images (%1)</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>“%1” cannot be attached: PDF, Word (DOCX), PowerPoint (PPTX), text files and images can.</source>
        <translation>Impossible de joindre «&#xa0;%1&#xa0;»&#xa0;: seuls les fichiers PDF, Word (DOCX), PowerPoint (PPTX), les fichiers texte et les images peuvent l’être.</translation>
    </message>
    <message>
        <source>“%1” is %2, over the %3 a document may have, so it was not attached.</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» fait %2, au-delà des %3 autorisés pour un document&#xa0;; il n’a donc pas été joint.</translation>
    </message>
    <message>
        <source>“%1” could not be read, so it was not attached.</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» n’a pas pu être lu&#xa0;; il n’a donc pas été joint.</translation>
    </message>
    <message>
        <source>At most %1 documents can go with one message: “%2” was not attached.</source>
        <translation>Un message peut comporter au plus %1&#xa0;documents&#xa0;: «&#xa0;%2&#xa0;» n’a pas été joint.</translation>
    </message>
    <message>
        <source>“%1” cannot be uploaded without a connection to the API.</source>
        <translation>Impossible d’envoyer «&#xa0;%1&#xa0;» sans connexion à l’API.</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>en attente…</translation>
    </message>
    <message>
        <source>uploading…</source>
        <translation>envoi…</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>préparation…</translation>
    </message>
    <message>
        <source>reading the text…</source>
        <translation>lecture du texte…</translation>
    </message>
    <message>
        <source>“%1” is not UTF-8 text, so it was not attached.</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» n’est pas du texte UTF-8&#xa0;; il n’a donc pas été joint.</translation>
    </message>
    <message>
        <source>“%1” could not be read, so it was not attached: %2</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» n’a pas pu être lu&#xa0;; il n’a donc pas été joint&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” could not be uploaded, so it was not attached: %2</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» n’a pas pu être envoyé&#xa0;; il n’a donc pas été joint&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorAuthSection</name>
    <message>
        <source>&amp;Endpoints:</source>
        <translation>&amp;Points d’accès&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation>&amp;Découvrir</translation>
    </message>
    <message>
        <source>Ask the server URL how to sign in: its protected-resource metadata, its authorization server and whether it registers this app by itself.</source>
        <translation>Demander à l’URL du serveur comment se connecter&#xa0;: ses métadonnées de ressource protégée, son serveur d’autorisation et s’il enregistre cette application de lui-même.</translation>
    </message>
    <message>
        <source>Discovery report</source>
        <translation>Rapport de découverte</translation>
    </message>
    <message>
        <source>A&amp;uthorization URL:</source>
        <translation>URL d’a&amp;utorisation&#xa0;:</translation>
    </message>
    <message>
        <source>https://example.com/oauth/authorize</source>
        <translation>https://example.com/oauth/authorize</translation>
    </message>
    <message>
        <source>T&amp;oken URL:</source>
        <translation>URL du &amp;jeton&#xa0;:</translation>
    </message>
    <message>
        <source>https://example.com/oauth/token</source>
        <translation>https://example.com/oauth/token</translation>
    </message>
    <message>
        <source>Sco&amp;pes:</source>
        <translation>Port&amp;ées&#xa0;:</translation>
    </message>
    <message>
        <source>separated by spaces; empty: what the server asks for</source>
        <translation>séparées par des espaces&#xa0;; vide&#xa0;: ce que demande le serveur</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>&amp;ID client&#xa0;:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>S&amp;ecret client&#xa0;:</translation>
    </message>
    <message>
        <source>Kept in the system keychain on this computer, never in the settings.</source>
        <translation>Conservé dans le trousseau du système de cet ordinateur, jamais dans les paramètres.</translation>
    </message>
    <message>
        <source>Asking the server</source>
        <translation>Interrogation du serveur</translation>
    </message>
    <message>
        <source>Resource metadata</source>
        <translation>Métadonnées de la ressource</translation>
    </message>
    <message>
        <source>Authorization server</source>
        <translation>Serveur d’autorisation</translation>
    </message>
    <message>
        <source>Discover from the server</source>
        <translation>Découvrir auprès du serveur</translation>
    </message>
    <message>
        <source>Enter the endpoints</source>
        <translation>Saisir les points d’accès</translation>
    </message>
    <message>
        <source>Google (Gmail, read-only)</source>
        <translation>Google (Gmail, lecture seule)</translation>
    </message>
    <message>
        <source>Google does not let apps register themselves: create your own OAuth client of type &quot;Desktop app&quot; in the &lt;a href=&quot;https://console.cloud.google.com/apis/credentials&quot;&gt;Google Cloud console, APIs &amp;amp; Services, Credentials&lt;/a&gt; (enable the Gmail API for its project), then enter its client id and secret here.</source>
        <translation>Google ne permet pas aux applications de s’enregistrer elles-mêmes&#xa0;: créez votre propre client OAuth de type «&#xa0;Application de bureau&#xa0;» dans la &lt;a href=&quot;https://console.cloud.google.com/apis/credentials&quot;&gt;console Google Cloud, API et services, Identifiants&lt;/a&gt; (activez l’API Gmail pour son projet), puis saisissez ici son ID client et son secret.</translation>
    </message>
    <message>
        <source>optional when the server registers this app by itself</source>
        <translation>facultatif quand le serveur enregistre cette application de lui-même</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation>enregistré dans le trousseau&#xa0;; saisissez pour le remplacer</translation>
    </message>
    <message>
        <source>Enter a complete https address (http only for this computer).</source>
        <translation>Saisissez une adresse https complète (http seulement pour cet ordinateur).</translation>
    </message>
    <message>
        <source>Enter the client id of your own Google desktop OAuth client.</source>
        <translation>Saisissez l’ID de votre propre client OAuth Google de bureau.</translation>
    </message>
    <message>
        <source>Enter the client id the provider gave you.</source>
        <translation>Saisissez l’ID client que le fournisseur vous a donné.</translation>
    </message>
    <message>
        <source>Enter the server URL on the General tab first.</source>
        <translation>Saisissez d’abord l’URL du serveur dans l’onglet Général.</translation>
    </message>
    <message>
        <source>Discovering…</source>
        <translation>Découverte…</translation>
    </message>
    <message>
        <source>the server asks for a sign-in</source>
        <translation>le serveur demande une connexion</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Client: the client id entered below is used.</source>
        <translation>Client&#xa0;: l’ID client saisi ci-dessous est utilisé.</translation>
    </message>
    <message>
        <source>Registration: the server registers this app by itself (%1).</source>
        <translation>Enregistrement&#xa0;: le serveur enregistre cette application de lui-même (%1).</translation>
    </message>
    <message>
        <source>Registration: the server does not register apps by itself; enter the client id its provider gave you.</source>
        <translation>Enregistrement&#xa0;: le serveur n’enregistre pas les applications de lui-même&#xa0;; saisissez l’ID client que son fournisseur vous a donné.</translation>
    </message>
    <message>
        <source>%1 is neither https nor on this computer, so it was not asked.</source>
        <translation>%1 n’est ni en https ni sur cet ordinateur, il n’a donc pas été interrogé.</translation>
    </message>
    <message>
        <source>The address</source>
        <translation>L’adresse</translation>
    </message>
    <message>
        <source>%1 did not answer (%2).</source>
        <translation>%1 n’a pas répondu (%2).</translation>
    </message>
    <message>
        <source>the server answered without asking for a sign-in, so it does not use OAuth: choose None or Headers.</source>
        <translation>le serveur a répondu sans demander de connexion, il n’utilise donc pas OAuth&#xa0;: choisissez Aucune ou En-têtes.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 a répondu HTTP %2.</translation>
    </message>
    <message>
        <source>the document at %1 is not usable metadata (%2).</source>
        <translation>le document à l’adresse %1 n’est pas une métadonnée utilisable (%2).</translation>
    </message>
    <message>
        <source>the metadata at %1 describes another server.</source>
        <translation>les métadonnées à l’adresse %1 décrivent un autre serveur.</translation>
    </message>
    <message>
        <source>the metadata at %1 names another authorization server.</source>
        <translation>les métadonnées à l’adresse %1 désignent un autre serveur d’autorisation.</translation>
    </message>
    <message>
        <source>the authorization server does not offer PKCE (S256), which a safe sign-in needs.</source>
        <translation>le serveur d’autorisation ne propose pas PKCE (S256), nécessaire à une connexion sûre.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorEditorDialog</name>
    <message>
        <source>New Connector</source>
        <translation>Nouveau connecteur</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Tit&amp;re&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. Team wiki</source>
        <translation>par ex. Wiki de l’équipe</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>letters, digits, _ and -</source>
        <translation>lettres, chiffres, _ et -</translation>
    </message>
    <message>
        <source>The name a chat uses to refer to the connector: at most 64 letters, digits, &quot;_&quot; and &quot;-&quot;. Suggested from the title.</source>
        <translation>Le nom par lequel une discussion désigne le connecteur&#xa0;: 64 lettres, chiffres, «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;» au maximum. Proposé à partir du titre.</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>What the connector gives access to (required)</source>
        <translation>Ce à quoi le connecteur donne accès (obligatoire)</translation>
    </message>
    <message>
        <source>&amp;Server URL:</source>
        <translation>&amp;URL du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>https://example.com/mcp</source>
        <translation>https://example.com/mcp</translation>
    </message>
    <message>
        <source>The MCP server (streamable HTTP). It must use https; plain http is accepted only for a server on this computer.</source>
        <translation>Le serveur MCP (streamable HTTP). Il doit utiliser https&#xa0;; le http non chiffré n’est accepté que pour un serveur situé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Visibility:</source>
        <translation>&amp;Visibilité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Icon URL:</source>
        <translation>URL de l’&amp;icône&#xa0;:</translation>
    </message>
    <message>
        <source>optional, https://…</source>
        <translation>facultatif, https://…</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>En-têtes &amp;HTTP</translation>
    </message>
    <message>
        <source>HTTP headers sent to the MCP server with every request, e.g. Authorization: Bearer … Secret values are kept in the system keychain on this computer; the server never shows them again.</source>
        <translation>En-têtes HTTP envoyés au serveur MCP avec chaque requête, par ex. Authorization: Bearer … Les valeurs secrètes sont conservées dans le trousseau du système de cet ordinateur&#xa0;; le serveur ne les renvoie jamais.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>&amp;Add Header</source>
        <translation>&amp;Ajouter un en-tête</translation>
    </message>
    <message>
        <source>&amp;Remove Header</source>
        <translation>&amp;Supprimer l’en-tête</translation>
    </message>
    <message>
        <source>System &amp;Prompt</source>
        <translation>&amp;Prompt système</translation>
    </message>
    <message>
        <source>Optional instructions given to the model whenever this connector is used.</source>
        <translation>Instructions facultatives données au modèle chaque fois que ce connecteur est utilisé.</translation>
    </message>
    <message>
        <source>Connection Test</source>
        <translation>Test de connexion</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Connect to the MCP server from this computer with these headers, and list its tools.</source>
        <translation>Se connecter au serveur MCP depuis cet ordinateur avec ces en-têtes, et lister ses outils.</translation>
    </message>
    <message>
        <source>Show T&amp;ools…</source>
        <translation>Afficher les &amp;outils…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Private (only me)</source>
        <translation>Privé (moi uniquement)</translation>
    </message>
    <message>
        <source>Shared with my workspace</source>
        <translation>Partagé avec mon espace de travail</translation>
    </message>
    <message>
        <source>Shared with my organization (admins)</source>
        <translation>Partagé avec mon organisation (administrateurs)</translation>
    </message>
    <message>
        <source>Edit Connector %1</source>
        <translation>Modifier le connecteur %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>The visibility is chosen when the connector is created.</source>
        <translation>La visibilité se choisit à la création du connecteur.</translation>
    </message>
    <message>
        <source>Describe what the connector gives access to.</source>
        <translation>Décrivez ce à quoi le connecteur donne accès.</translation>
    </message>
    <message>
        <source>The icon address must be a complete http(s) URL.</source>
        <translation>L’adresse de l’icône doit être une URL http(s) complète.</translation>
    </message>
    <message>
        <source>A connector with this name already exists: choose another name.</source>
        <translation>Un connecteur portant ce nom existe déjà&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>ID de requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>The connector was saved, but its secret header values could not be kept in the keychain: %1</source>
        <translation>Le connecteur a été enregistré, mais les valeurs secrètes de ses en-têtes n’ont pas pu être conservées dans le trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unsaved Connector</source>
        <translation>Connecteur non enregistré</translation>
    </message>
    <message>
        <source>Save the changes to this connector?</source>
        <translation>Enregistrer les modifications de ce connecteur&#xa0;?</translation>
    </message>
    <message>
        <source>Save this new connector?</source>
        <translation>Enregistrer ce nouveau connecteur&#xa0;?</translation>
    </message>
    <message>
        <source>Reading the stored secrets…</source>
        <translation>Lecture des secrets enregistrés…</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation>&amp;Authentification</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>&amp;Méthode de connexion&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;ign In…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>Sign in through your browser; the tokens are kept in the system keychain.</source>
        <translation>Connectez-vous dans votre navigateur&#xa0;; les jetons sont conservés dans le trousseau du système.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>OAuth 2.0 (sign in through the browser)</source>
        <translation>OAuth 2.0 (connexion dans le navigateur)</translation>
    </message>
    <message>
        <source>The server needs no sign-in.</source>
        <translation>Le serveur ne demande pas de connexion.</translation>
    </message>
    <message>
        <source>The headers of the Headers tab (e.g. Authorization: Bearer …) are sent with every request.</source>
        <translation>Les en-têtes de l’onglet En-têtes (par ex. Authorization: Bearer …) sont envoyés avec chaque requête.</translation>
    </message>
    <message>
        <source>You sign in through your browser; this computer keeps the tokens in the system keychain and renews them when they expire.</source>
        <translation>Vous vous connectez dans votre navigateur&#xa0;; cet ordinateur conserve les jetons dans le trousseau du système et les renouvelle quand ils expirent.</translation>
    </message>
    <message>
        <source>OAuth 2.0, held by Mistral (connect through the browser)</source>
        <translation>OAuth 2.0, géré par Mistral (connexion dans le navigateur)</translation>
    </message>
    <message>
        <source>You connect through your browser; Mistral keeps the OAuth client and your tokens, and signs the requests to the server.</source>
        <translation>Vous vous connectez dans votre navigateur&#xa0;; Mistral conserve le client OAuth et vos jetons, et signe les requêtes envoyées au serveur.</translation>
    </message>
    <message>
        <source>Signed in; kept when you save the connector</source>
        <translation>Connecté&#xa0;; conservé à l’enregistrement du connecteur</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorHeadersModel</name>
    <message>
        <source>The header %1 is listed twice.</source>
        <translation>L’en-tête %1 figure deux fois.</translation>
    </message>
    <message>
        <source>Type the value of %1 again: the server never returns secret values, and this computer has not kept it.</source>
        <translation>Saisissez de nouveau la valeur de %1&#xa0;: le serveur ne renvoie jamais les valeurs secrètes, et cet ordinateur ne l’a pas conservée.</translation>
    </message>
    <message>
        <source>Enter a value for %1.</source>
        <translation>Saisissez une valeur pour %1.</translation>
    </message>
    <message>
        <source>e.g. Authorization</source>
        <translation>par ex. Authorization</translation>
    </message>
    <message>
        <source>•••••• stored (type to replace)</source>
        <translation>•••••• enregistrée (saisissez pour remplacer)</translation>
    </message>
    <message>
        <source>secret value</source>
        <translation>valeur secrète</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>A secret value is hidden, kept in the system keychain and never shown again by the server.</source>
        <translation>Une valeur secrète est masquée, conservée dans le trousseau du système et jamais renvoyée par le serveur.</translation>
    </message>
    <message>
        <source>A credential each user of the connector provides. A value typed here is kept in this computer&apos;s keychain for the connection test; it is not sent to the server.</source>
        <translation>Un identifiant que chaque utilisateur du connecteur fournit. Une valeur saisie ici est conservée dans le trousseau de cet ordinateur pour le test de connexion&#xa0;; elle n’est pas envoyée au serveur.</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorListModel</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (intégré)</translation>
    </message>
    <message>
        <source>%1 ⚠ changed</source>
        <translation>%1 ⚠ modifié</translation>
    </message>
    <message>
        <source>A built-in connector provided by Mistral: it cannot be edited or deleted here.

%1</source>
        <translation>Un connecteur intégré fourni par Mistral&#xa0;: il ne peut être ni modifié ni supprimé ici.

%1</translation>
    </message>
    <message>
        <source>%1
Unencrypted http: acceptable only for a server on this computer.</source>
        <translation>%1
http non chiffré&#xa0;: acceptable uniquement pour un serveur situé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>At least one tool changed since you approved it: review the tools.</source>
        <translation>Au moins un outil a changé depuis votre approbation&#xa0;: vérifiez les outils.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibilité</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>No connectors yet</source>
        <translation>Aucun connecteur pour l’instant</translation>
    </message>
    <message>
        <source>A connector gives chats the tools of an MCP server. Add one with New… on the Connectors page.</source>
        <translation>Un connecteur donne aux discussions les outils d’un serveur MCP. Ajoutez-en un avec Nouveau… sur la page Connecteurs.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorSignInBar</name>
    <message>
        <source>Sign In A&amp;gain…</source>
        <translation>Se &amp;reconnecter…</translation>
    </message>
    <message>
        <source>A connector refused its sign-in and could not renew it. Sign in again, then retry: your message is kept.</source>
        <translation>Un connecteur a refusé sa connexion et n’a pas pu la renouveler. Reconnectez-vous, puis réessayez&#xa0;: votre message est conservé.</translation>
    </message>
    <message>
        <source>A connector</source>
        <translation>Un connecteur</translation>
    </message>
    <message>
        <source>%1 needs the permission “%2”, which its sign-in did not grant: sign in again to grant it, then retry (your message is kept).</source>
        <translation>%1 a besoin de l’autorisation «&#xa0;%2&#xa0;», que sa connexion n’a pas accordée&#xa0;: reconnectez-vous pour l’accorder, puis réessayez (votre message est conservé).</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorSignInDialog</name>
    <message>
        <source>Sign In</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>Connexion à %1</translation>
    </message>
    <message>
        <source>Choose how to sign in, then sign in through your browser.</source>
        <translation>Choisissez comment vous connecter, puis connectez-vous dans votre navigateur.</translation>
    </message>
    <message>
        <source>Reading the client secret from the keychain…</source>
        <translation>Lecture du secret client dans le trousseau…</translation>
    </message>
    <message>
        <source>Asking the server how to sign in…</source>
        <translation>Demande au serveur comment se connecter…</translation>
    </message>
    <message>
        <source>Identifying this app to the authorization server…</source>
        <translation>Identification de cette application auprès du serveur d’autorisation…</translation>
    </message>
    <message>
        <source>Continue in your browser. This window waits until the browser comes back (at most 5 minutes).</source>
        <translation>Continuez dans votre navigateur. Cette fenêtre attend le retour du navigateur (5 minutes au plus).</translation>
    </message>
    <message>
        <source>Getting the tokens…</source>
        <translation>Obtention des jetons…</translation>
    </message>
    <message>
        <source>Keeping the tokens in the keychain…</source>
        <translation>Conservation des jetons dans le trousseau…</translation>
    </message>
    <message>
        <source>The browser could not be opened. Open this address yourself: %1</source>
        <translation>Le navigateur n’a pas pu être ouvert. Ouvrez vous-même cette adresse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>Signed in for this session only: the system keychain is not available, so you will sign in again next time.</source>
        <translation>Connecté pour cette session seulement&#xa0;: le trousseau du système n’est pas disponible, vous devrez donc vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <source>Could not find how to sign in: %1</source>
        <translation>Impossible de trouver comment se connecter&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sign-in settings are incomplete: edit the connector&apos;s Authentication.</source>
        <translation>Les réglages de connexion sont incomplets&#xa0;: modifiez l’onglet Authentification du connecteur.</translation>
    </message>
    <message>
        <source>This server does not register apps by itself: enter the client id its provider gave you, then sign in again.</source>
        <translation>Ce serveur n’enregistre pas les applications de lui-même&#xa0;: saisissez l’ID client que son fournisseur vous a donné, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The authorization server refused to register this app.</source>
        <translation>Le serveur d’autorisation a refusé d’enregistrer cette application.</translation>
    </message>
    <message>
        <source>The browser did not come back within 5 minutes: sign in again when you are ready.</source>
        <translation>Le navigateur n’est pas revenu dans les 5 minutes&#xa0;: reconnectez-vous quand vous serez prêt.</translation>
    </message>
    <message>
        <source>The sign-in address is not https, so it was not opened.</source>
        <translation>L’adresse de connexion n’est pas en https, elle n’a donc pas été ouverte.</translation>
    </message>
    <message>
        <source>This app could not wait for the browser&apos;s answer: no local port was free.</source>
        <translation>Cette application n’a pas pu attendre la réponse du navigateur&#xa0;: aucun port local n’était libre.</translation>
    </message>
    <message>
        <source>The sign-in was refused in the browser.</source>
        <translation>La connexion a été refusée dans le navigateur.</translation>
    </message>
    <message>
        <source>The answer that came back did not belong to this sign-in, so it was refused.</source>
        <translation>La réponse reçue n’appartenait pas à cette connexion, elle a donc été refusée.</translation>
    </message>
    <message>
        <source>The provider did not give a usable token for this sign-in.</source>
        <translation>Le fournisseur n’a pas donné de jeton utilisable pour cette connexion.</translation>
    </message>
    <message>
        <source>The sign-in failed.</source>
        <translation>La connexion a échoué.</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Connexion expirée</translation>
    </message>
    <message>
        <source>Signed in (refreshing)</source>
        <translation>Connecté (renouvellement)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Signed in until %1</source>
        <translation>Connecté jusqu’à %1</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Sign-in canceled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>Signed in. The sign-in is kept when you save the connector.</source>
        <translation>Connecté. La connexion est conservée à l’enregistrement du connecteur.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorToolsDialog</name>
    <message>
        <source>Connector Tools</source>
        <translation>Outils du connecteur</translation>
    </message>
    <message>
        <source>MCP servers are not vetted by anyone: read the description and the input of each tool before a chat may use it. The model reads the descriptions too, so a description that asks for files, keys or other data is a red flag.</source>
        <translation>Les serveurs MCP ne sont contrôlés par personne&#xa0;: lisez la description et les entrées de chaque outil avant qu’une discussion puisse l’utiliser. Le modèle lit aussi les descriptions&#xa0;: une description qui demande des fichiers, des clés ou d’autres données doit vous alerter.</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Description (as the model reads it):</source>
        <translation>Description (telle que le modèle la lit)&#xa0;:</translation>
    </message>
    <message>
        <source>Tool description</source>
        <translation>Description de l’outil</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Input properties</source>
        <translation>Propriétés d’entrée</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>JSON brut</translation>
    </message>
    <message>
        <source>Tool definition as JSON</source>
        <translation>Définition de l’outil en JSON</translation>
    </message>
    <message>
        <source>&amp;Approve This Tool</source>
        <translation>&amp;Approuver cet outil</translation>
    </message>
    <message>
        <source>Remember this definition: if the server changes it later, it is flagged again.</source>
        <translation>Mémoriser cette définition&#xa0;: si le serveur la modifie plus tard, l’outil sera de nouveau signalé.</translation>
    </message>
    <message>
        <source>Approve A&amp;ll</source>
        <translation>Approuver &amp;tout</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Tools of %1</source>
        <translation>Outils de %1</translation>
    </message>
    <message>
        <source>Approve All and &amp;Use in Chat</source>
        <translation>Tout approuver et &amp;utiliser dans la discussion</translation>
    </message>
    <message>
        <source>Loading the tools…</source>
        <translation>Chargement des outils…</translation>
    </message>
    <message>
        <source>The server offers no tools.</source>
        <translation>Le serveur ne propose aucun outil.</translation>
    </message>
    <message>
        <source>✓ Approved</source>
        <translation>✓ Approuvé</translation>
    </message>
    <message>
        <source>⚠ Changed since you approved it</source>
        <translation>⚠ Modifié depuis votre approbation</translation>
    </message>
    <message>
        <source>Not approved yet</source>
        <translation>Pas encore approuvé</translation>
    </message>
    <message>
        <source>The server changed this tool since you approved it: read it again before approving.</source>
        <translation>Le serveur a modifié cet outil depuis votre approbation&#xa0;: relisez-le avant de l’approuver.</translation>
    </message>
    <message>
        <source>Not approved yet.</source>
        <translation>Pas encore approuvé.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Approuvé.</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s).</source>
        <translation>
            <numerusform>%n outil.</numerusform>
            <numerusform>%n outils.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the connector to approve its tools.</source>
        <translation>Enregistrez le connecteur pour approuver ses outils.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed since you approved them.</source>
        <translation>
            <numerusform>%n modifié depuis votre approbation.</numerusform>
            <numerusform>%n modifiés depuis votre approbation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not approved yet.</source>
        <translation>
            <numerusform>%n pas encore approuvé.</numerusform>
            <numerusform>%n pas encore approuvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>All approved.</source>
        <translation>Tous approuvés.</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(aucune description)</translation>
    </message>
    <message>
        <source>(no input)</source>
        <translation>(aucune entrée)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>Save the connector first.</source>
        <translation>Enregistrez d’abord le connecteur.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConnectorsPage</name>
    <message>
        <source>Connectors</source>
        <translation>Connecteurs</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>Add a connector to an MCP server</source>
        <translation>Ajouter un connecteur vers un serveur MCP</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Connect to the MCP server from this computer and list its tools</source>
        <translation>Se connecter au serveur MCP depuis cet ordinateur et lister ses outils</translation>
    </message>
    <message>
        <source>T&amp;ools…</source>
        <translation>&amp;Outils…</translation>
    </message>
    <message>
        <source>Read and approve the connector&apos;s tools</source>
        <translation>Lire et approuver les outils du connecteur</translation>
    </message>
    <message>
        <source>&amp;Use in Chat</source>
        <translation>&amp;Utiliser dans la discussion</translation>
    </message>
    <message>
        <source>Offer this connector&apos;s tools in the chat</source>
        <translation>Proposer les outils de ce connecteur dans la discussion</translation>
    </message>
    <message>
        <source>Filter connectors</source>
        <translation>Filtrer les connecteurs</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Load &amp;More</source>
        <translation>&amp;Charger plus</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Visibility:</source>
        <translation>Visibilité&#xa0;:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>En-têtes&#xa0;:</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Modifié le&#xa0;:</translation>
    </message>
    <message>
        <source>Connection Test</source>
        <translation>Test de connexion</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Pas encore testé.</translation>
    </message>
    <message>
        <source>(request id %1)</source>
        <translation>(ID de requête %1)</translation>
    </message>
    <message>
        <source>Loading connectors…</source>
        <translation>Chargement des connecteurs…</translation>
    </message>
    <message>
        <source>The connectors could not be loaded: %1</source>
        <translation>Impossible de charger les connecteurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>A built-in connector cannot be edited or deleted.</source>
        <translation>Un connecteur intégré ne peut être ni modifié ni supprimé.</translation>
    </message>
    <message>
        <source>Edit the selected connector</source>
        <translation>Modifier le connecteur sélectionné</translation>
    </message>
    <message>
        <source>Delete the selected connector</source>
        <translation>Supprimer le connecteur sélectionné</translation>
    </message>
    <message numerus="yes">
        <source>%n connector(s)</source>
        <translation>
            <numerusform>%n connecteur</numerusform>
            <numerusform>%n connecteurs</numerusform>
        </translation>
    </message>
    <message>
        <source>(more on the server)</source>
        <translation>(d’autres sur le serveur)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>No connector selected</source>
        <translation>Aucun connecteur sélectionné</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>intégré</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>authenticated</source>
        <translation>authentifié</translation>
    </message>
    <message>
        <source>not authenticated</source>
        <translation>non authentifié</translation>
    </message>
    <message>
        <source>auth: %1</source>
        <translation>auth.&#xa0;: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 (secret)</source>
        <translation>%1 (secret)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Built-in connector provided by Mistral: read-only.</source>
        <translation>Connecteur intégré fourni par Mistral&#xa0;: lecture seule.</translation>
    </message>
    <message>
        <source>⚠ Unencrypted http: acceptable only because the server runs on this computer.</source>
        <translation>⚠ http non chiffré&#xa0;: acceptable uniquement parce que le serveur tourne sur cet ordinateur.</translation>
    </message>
    <message>
        <source>⚠ A tool changed since you approved it: open Tools… to read it again.</source>
        <translation>⚠ Un outil a changé depuis votre approbation&#xa0;: ouvrez Outils… pour le relire.</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s), not all reviewed yet.</source>
        <translation>
            <numerusform>%n outil, pas encore vérifié.</numerusform>
            <numerusform>%n outils, pas encore tous vérifiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ %n tool(s), all approved.</source>
        <translation>
            <numerusform>✓ %n outil, approuvé.</numerusform>
            <numerusform>✓ %n outils, tous approuvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Connector %1 saved.</source>
        <translation>Connecteur %1 enregistré.</translation>
    </message>
    <message>
        <source>Delete Connector</source>
        <translation>Supprimer le connecteur</translation>
    </message>
    <message>
        <source>Delete the connector “%1”?</source>
        <translation>Supprimer le connecteur «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Chats and agents that use it lose its tools. This cannot be undone.</source>
        <translation>Les discussions et les agents qui l’utilisent perdent ses outils. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>Suppression de %1…</translation>
    </message>
    <message>
        <source>%1 was not deleted: %2</source>
        <translation>%1 n’a pas été supprimé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Connector %1 deleted.</source>
        <translation>Connecteur %1 supprimé.</translation>
    </message>
    <message>
        <source>Connection test passed.</source>
        <translation>Test de connexion réussi.</translation>
    </message>
    <message>
        <source>%1 is offered in the chat.</source>
        <translation>%1 est proposé dans la discussion.</translation>
    </message>
    <message>
        <source>The tools could not be listed: %1</source>
        <translation>Impossible de lister les outils&#xa0;: %1</translation>
    </message>
    <message>
        <source>Checking the tools of %1…</source>
        <translation>Vérification des outils de %1…</translation>
    </message>
    <message>
        <source>The tools of %1 could not be listed, so they cannot be reviewed: %2</source>
        <translation>Impossible de lister les outils de %1&#xa0;; ils ne peuvent donc pas être vérifiés&#xa0;: %2</translation>
    </message>
    <message>
        <source>Review the tools of %1 before using it.</source>
        <translation>Vérifiez les outils de %1 avant de l’utiliser.</translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation>Ouvrir les &amp;Paramètres…</translation>
    </message>
    <message>
        <source>A Mistral API key is needed to list your connectors: add yours in Settings.</source>
        <translation>Une clé d’API Mistral est nécessaire pour lister vos connecteurs&#xa0;: ajoutez la vôtre dans les Paramètres.</translation>
    </message>
    <message>
        <source>header (%1)</source>
        <translation>en-tête (%1)</translation>
    </message>
    <message>
        <source>%1 was deleted, but some of its secrets could not be removed from the keychain: %2</source>
        <translation>%1 a été supprimé, mais certains de ses secrets n’ont pas pu être retirés du trousseau&#xa0;: %2</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Connexion&#xa0;:</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>Sign in to this connector through your browser</source>
        <translation>Se connecter à ce connecteur dans votre navigateur</translation>
    </message>
    <message>
        <source>Sign O&amp;ut</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Revoke this computer&apos;s tokens for the connector and forget them</source>
        <translation>Révoquer les jetons de cet ordinateur pour le connecteur et les oublier</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Déconnecté de %1.</translation>
    </message>
    <message>
        <source>Signed out of %1 on this computer; the provider did not confirm the revocation.</source>
        <translation>Déconnecté de %1 sur cet ordinateur&#xa0;; le fournisseur n’a pas confirmé la révocation.</translation>
    </message>
    <message>
        <source>C&amp;onnect…</source>
        <translation>C&amp;onnecter…</translation>
    </message>
    <message>
        <source>S&amp;ign In…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Se dé&amp;connecter</translation>
    </message>
    <message>
        <source>Disconnected %1.</source>
        <translation>%1 déconnecté.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Signed in (refreshing)</source>
        <translation>Connecté (renouvellement)</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Connexion expirée</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>This computer (not checked yet)</source>
        <translation>Cet ordinateur (pas encore vérifié)</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Sign in in your browser…</source>
        <translation>Connectez-vous dans votre navigateur…</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConversationFiles</name>
    <message>
        <source>Export as Markdown</source>
        <translation>Exporter en Markdown</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>Exporter en JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Import Conversation</source>
        <translation>Importer une conversation</translation>
    </message>
    <message>
        <source>Exported conversations (*.json);;All files (*)</source>
        <translation>Conversations exportées (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>There is no saved conversation to export yet.</source>
        <translation>Il n’y a pas encore de conversation enregistrée à exporter.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>The conversation could not be exported to %1.

%2</source>
        <translation>Impossible d’exporter la conversation vers %1.

%2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Conversation exportée vers %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>%1 could not be imported.

%2</source>
        <translation>Impossible d’importer %1.

%2</translation>
    </message>
    <message>
        <source>Imported “%1”. It opens once the answer being written is done or stopped.</source>
        <translation>Conversation «&#xa0;%1&#xa0;» importée. Elle s’ouvrira dès que la réponse en cours de rédaction sera terminée ou arrêtée.</translation>
    </message>
    <message>
        <source>Imported “%1”.</source>
        <translation>Conversation «&#xa0;%1&#xa0;» importée.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Épinglées</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1
Last activity: %2</source>
        <translation>%1
Dernière activité&#xa0;: %2</translation>
    </message>
    <message>
        <source>The conversation list could not be read.</source>
        <translation>Impossible de lire la liste des conversations.</translation>
    </message>
    <message>
        <source>The conversation could not be pinned.</source>
        <translation>Impossible d’épingler la conversation.</translation>
    </message>
    <message>
        <source>The conversation could not be renamed.</source>
        <translation>Impossible de renommer la conversation.</translation>
    </message>
    <message>
        <source>The conversation could not be deleted.</source>
        <translation>Impossible de supprimer la conversation.</translation>
    </message>
    <message>
        <source>The conversation could not be restored.</source>
        <translation>Impossible de restaurer la conversation.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ConversationSearchModel</name>
    <message>
        <source>The search failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
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
        <translation>Tramontane est déjà en cours d’exécution avec ce profil.</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt (QSQLITE) is not installed, so the conversation history cannot be opened.</source>
        <translation>Le pilote SQLite de Qt (QSQLITE) n’est pas installé&#xa0;; l’historique des conversations ne peut donc pas être ouvert.</translation>
    </message>
    <message>
        <source>The conversation history %1 cannot be opened.</source>
        <translation>Impossible d’ouvrir l’historique des conversations %1.</translation>
    </message>
    <message>
        <source>The SQLite library in use has no full-text search (FTS5), which the conversation history needs.</source>
        <translation>La bibliothèque SQLite utilisée ne dispose pas de la recherche plein texte (FTS5), nécessaire à l’historique des conversations.</translation>
    </message>
    <message>
        <source>The SQLite library in use has no JSON functions, which the conversation history needs.</source>
        <translation>La bibliothèque SQLite utilisée ne dispose pas des fonctions JSON, nécessaires à l’historique des conversations.</translation>
    </message>
    <message>
        <source>The message could not be saved.</source>
        <translation>Impossible d’enregistrer le message.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Impossible de lire le fichier %1.</translation>
    </message>
    <message>
        <source>The file %1 is too large to be a conversation.</source>
        <translation>Le fichier %1 est trop volumineux pour être une conversation.</translation>
    </message>
    <message>
        <source>The conversation could not be imported: a message has no role.</source>
        <translation>Impossible d’importer la conversation&#xa0;: un message n’a pas de rôle.</translation>
    </message>
    <message>
        <source>The conversation history %1 is damaged or is not a Tramontane history. It was left as it is.</source>
        <translation>L’historique des conversations %1 est endommagé ou n’est pas un historique de Tramontane. Il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>The conversation history %1 cannot be opened: the file cannot be read or written. It was left as it is.</source>
        <translation>Impossible d’ouvrir l’historique des conversations %1&#xa0;: le fichier ne peut être ni lu ni écrit. Il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>The damaged history could not be moved aside in %1.</source>
        <translation>Impossible de mettre de côté l’historique endommagé dans %1.</translation>
    </message>
    <message>
        <source>The profile folder %1 cannot be created. Make its parent folder writable, or set XDG_DATA_HOME to a folder that is.</source>
        <translation>Le dossier de profil %1 ne peut pas être créé. Rendez son dossier parent accessible en écriture, ou définissez XDG_DATA_HOME sur un dossier qui l’est.</translation>
    </message>
    <message>
        <source>The profile folder %1 is read-only. Make it writable, or set XDG_DATA_HOME to a folder that is.</source>
        <translation>Le dossier de profil %1 est en lecture seule. Rendez-le accessible en écriture, ou définissez XDG_DATA_HOME sur un dossier qui l’est.</translation>
    </message>
    <message>
        <source>The conversation history %1 is locked by another program. Close the program that has it open (a database browser, a backup tool) and start Tramontane again.</source>
        <translation>L’historique des conversations %1 est verrouillé par un autre programme. Fermez le programme qui l’a ouvert (un navigateur de base de données, un outil de sauvegarde) et relancez Tramontane.</translation>
    </message>
</context>
<context>
    <name>Tramontane::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>Tramontane::DocumentChip</name>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
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
        <translation>%1, %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Tramontane::EmptyChatPanel</name>
    <message>
        <source>Start a conversation</source>
        <translation>Commencer une discussion</translation>
    </message>
    <message>
        <source>Type a message below, or begin with one of these. Nothing is sent until you press Send.</source>
        <translation>Écrivez un message ci-dessous, ou partez de l’une de ces propositions. Rien n’est envoyé avant que vous appuyiez sur Envoyer.</translation>
    </message>
    <message>
        <source>Puts a first question in the composer</source>
        <translation>Place une première question dans la zone de message</translation>
    </message>
    <message>
        <source>Turns on image generation and puts a drawing request in the composer</source>
        <translation>Active la génération d’images et place une demande de dessin dans la zone de message</translation>
    </message>
    <message>
        <source>Turns the connector on for this chat and asks what it can do</source>
        <translation>Active le connecteur pour cette discussion et lui demande ce qu’il sait faire</translation>
    </message>
    <message>
        <source>Chat with one of your agents…</source>
        <translation>Discuter avec l’un de vos agents…</translation>
    </message>
    <message>
        <source>Opens the list of models and agents</source>
        <translation>Ouvre la liste des modèles et des agents</translation>
    </message>
    <message>
        <source>Every keyboard shortcut: %1</source>
        <translation>Tous les raccourcis clavier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Ask: “%1”</source>
        <translation>Demander&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Draw: “%1”</source>
        <translation>Dessiner&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Use the connector %1</source>
        <translation>Utiliser le connecteur %1</translation>
    </message>
    <message>
        <source>Explain how a heat pump works, in five short points.</source>
        <translation>Explique comment fonctionne une pompe à chaleur, en cinq points courts.</translation>
    </message>
    <message>
        <source>Draw a lighthouse on a cliff in a storm, as a watercolour.</source>
        <translation>Dessine un phare sur une falaise dans la tempête, à l’aquarelle.</translation>
    </message>
    <message>
        <source>What can you do with %1? List its tools in a sentence each.</source>
        <translation>Que peux-tu faire avec %1&#xa0;? Présente chacun de ses outils en une phrase.</translation>
    </message>
</context>
<context>
    <name>Tramontane::EmulatorLauncher</name>
    <message>
        <source>The offline emulator did not start in time.</source>
        <translation>L’émulateur hors ligne n’a pas démarré à temps.</translation>
    </message>
    <message>
        <source>The offline emulator could not be started: %1</source>
        <translation>Impossible de démarrer l’émulateur hors ligne&#xa0;: %1</translation>
    </message>
    <message>
        <source>The offline emulator crashed.</source>
        <translation>L’émulateur hors ligne a planté.</translation>
    </message>
    <message>
        <source>The offline emulator exited with code %1.</source>
        <translation>L’émulateur hors ligne s’est arrêté avec le code %1.</translation>
    </message>
    <message>
        <source>The offline emulator was not found at %1.</source>
        <translation>L’émulateur hors ligne est introuvable à l’emplacement %1.</translation>
    </message>
    <message>
        <source>The offline emulator printed an unexpected address.</source>
        <translation>L’émulateur hors ligne a indiqué une adresse inattendue.</translation>
    </message>
</context>
<context>
    <name>Tramontane::FormDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>Tramontane::HistorySidebar</name>
    <message>
        <source>Conversation history</source>
        <translation>Historique des conversations</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Commencer une nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Rechercher dans les conversations</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>No conversations yet. What you send is kept here.</source>
        <translation>Aucune conversation pour l’instant. Ce que vous envoyez est conservé ici.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Aucun message ne correspond.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Bring the conversation back (Ctrl+Z)</source>
        <translation>Restaurer la conversation (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Undo Delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>Conversation «&#xa0;%1&#xa0;» supprimée.</translation>
    </message>
    <message>
        <source>The conversation is back.</source>
        <translation>La conversation a été restaurée.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Search all conversations (Ctrl+Shift+F)</source>
        <translation>Rechercher dans toutes les conversations (Ctrl+Maj+F)</translation>
    </message>
</context>
<context>
    <name>Tramontane::ImageRepository</name>
    <message>
        <source>The image data is malformed or too large.</source>
        <translation>Les données de l’image sont mal formées ou trop volumineuses.</translation>
    </message>
    <message>
        <source>Images cannot be loaded here.</source>
        <translation>Les images ne peuvent pas être chargées ici.</translation>
    </message>
    <message>
        <source>The image could not be downloaded.</source>
        <translation>Impossible de télécharger l’image.</translation>
    </message>
    <message>
        <source>The image is too large to show (%1 × %2 pixels).</source>
        <translation>L’image est trop grande pour être affichée (%1 × %2 pixels).</translation>
    </message>
    <message>
        <source>The image is too large to show.</source>
        <translation>L’image est trop grande pour être affichée.</translation>
    </message>
    <message>
        <source>The image could not be read (%1).</source>
        <translation>Impossible de lire l’image (%1).</translation>
    </message>
</context>
<context>
    <name>Tramontane::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Zoom arrière (−)</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Fit to window (F)</source>
        <translation>Ajuster à la fenêtre (F)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Copy the image (Ctrl+C)</source>
        <translation>Copier l’image (Ctrl+C)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Save the original file (Ctrl+S)</source>
        <translation>Enregistrer le fichier original (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>%1 × %2 · %3</source>
        <translation>%1 × %2 · %3</translation>
    </message>
    <message>
        <source>The image could not be read (%1).</source>
        <translation>Impossible de lire l’image (%1).</translation>
    </message>
    <message>
        <source>%1 image (*.%2)</source>
        <translation>Image %1 (*.%2)</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>Enregistrer l’image</translation>
    </message>
    <message>
        <source>The image could not be saved: %1</source>
        <translation>Impossible d’enregistrer l’image&#xa0;: %1</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100&#xa0;%</translation>
    </message>
    <message>
        <source>Show the image at its own size (1)</source>
        <translation>Afficher l’image à sa taille réelle (1)</translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation>Taille réelle</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>The zoom level in percent; French writes &quot;%1 %&quot; with a no-break space.</extracomment>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibrariesPage</name>
    <message>
        <source>Libraries</source>
        <translation>Bibliothèques</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Load the libraries and their documents again</source>
        <translation>Recharger les bibliothèques et leurs documents</translation>
    </message>
    <message>
        <source>&amp;Delete Library…</source>
        <translation>&amp;Supprimer la bibliothèque…</translation>
    </message>
    <message>
        <source>New Library</source>
        <translation>Nouvelle bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>For example: Product manuals</source>
        <translation>Par exemple&#xa0;: Manuels produits</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription&#xa0;:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>&amp;Create Library</source>
        <translation>&amp;Créer la bibliothèque</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Drop files here to add them to the library.</source>
        <translation>Déposez des fichiers ici pour les ajouter à la bibliothèque.</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>En&amp;voyer…</translation>
    </message>
    <message>
        <source>Add files to the selected library</source>
        <translation>Ajouter des fichiers à la bibliothèque sélectionnée</translation>
    </message>
    <message>
        <source>Delete &amp;Document</source>
        <translation>Supprimer le &amp;document</translation>
    </message>
    <message>
        <source>Loading libraries…</source>
        <translation>Chargement des bibliothèques…</translation>
    </message>
    <message>
        <source>No libraries yet: create one below, then add documents to it.</source>
        <translation>Aucune bibliothèque pour l’instant&#xa0;: créez-en une ci-dessous, puis ajoutez-y des documents.</translation>
    </message>
    <message>
        <source>Select a library to see its documents.</source>
        <translation>Sélectionnez une bibliothèque pour voir ses documents.</translation>
    </message>
    <message>
        <source>Documents in “%1”</source>
        <translation>Documents de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Library “%1” created.</source>
        <translation>Bibliothèque «&#xa0;%1&#xa0;» créée.</translation>
    </message>
    <message>
        <source>Delete Library</source>
        <translation>Supprimer la bibliothèque</translation>
    </message>
    <message>
        <source>Delete the library “%1”?</source>
        <translation>Supprimer la bibliothèque «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Its %n document(s) are deleted too. Agents and chats that search it will no longer find them.</source>
        <translation>
            <numerusform>Son %n document est également supprimé. Les agents et les discussions qui la consultent ne le trouveront plus.</numerusform>
            <numerusform>Ses %n documents sont également supprimés. Les agents et les discussions qui la consultent ne les trouveront plus.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Library “%1” deleted.</source>
        <translation>Bibliothèque «&#xa0;%1&#xa0;» supprimée.</translation>
    </message>
    <message>
        <source>Upload Documents</source>
        <translation>Envoyer des documents</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.docx *.pptx *.csv *.json *.html)</source>
        <translation>Documents (*.pdf *.txt *.md *.docx *.pptx *.csv *.json *.html)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Select a library first, then add documents to it.</source>
        <translation>Sélectionnez d’abord une bibliothèque, puis ajoutez-y des documents.</translation>
    </message>
    <message>
        <source>The file “%1” is larger than %2 MB.</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» dépasse %2&#xa0;Mo.</translation>
    </message>
    <message>
        <source>The file “%1” could not be read: %2</source>
        <translation>Impossible de lire le fichier «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryChecklist</name>
    <message>
        <source>Document libraries</source>
        <translation>Bibliothèques de documents</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n document(s)</source>
        <translation>
            <numerusform>%1 — %n document</numerusform>
            <numerusform>%1 — %n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Not among the libraries of this account (deleted, or elsewhere)</source>
        <translation>Ne figure pas parmi les bibliothèques de ce compte (supprimée ou ailleurs)</translation>
    </message>
    <message>
        <source>Library id</source>
        <translation>ID de bibliothèque</translation>
    </message>
    <message>
        <source>Loading the libraries…</source>
        <translation>Chargement des bibliothèques…</translation>
    </message>
    <message>
        <source>The libraries could not be loaded: %1</source>
        <translation>Impossible de charger les bibliothèques&#xa0;: %1</translation>
    </message>
    <message>
        <source>No libraries yet — create one on the Libraries page</source>
        <translation>Aucune bibliothèque pour l’instant — créez-en une dans la page Bibliothèques</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryDocumentModel</name>
    <message>
        <source>Uploading… %1%</source>
        <translation>Envoi… %1&#xa0;%</translation>
    </message>
    <message>
        <source>Processing…</source>
        <translation>Traitement…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>The server could not read this document. Check that it is not empty, then delete it and upload it again.</source>
        <translation>Le serveur n’a pas pu lire ce document. Vérifiez qu’il n’est pas vide, puis supprimez-le et envoyez-le de nouveau.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryListModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
</context>
<context>
    <name>Tramontane::LibraryMenu</name>
    <message>
        <source>Document libraries</source>
        <translation>Bibliothèques de documents</translation>
    </message>
    <message>
        <source>Document libraries (%1)</source>
        <translation>Bibliothèques de documents (%1)</translation>
    </message>
    <message>
        <source>Search these libraries and cite their documents</source>
        <translation>Rechercher dans ces bibliothèques et citer leurs documents</translation>
    </message>
    <message>
        <source>Loading the libraries…</source>
        <translation>Chargement des bibliothèques…</translation>
    </message>
    <message>
        <source>The libraries could not be loaded: %1</source>
        <translation>Impossible de charger les bibliothèques&#xa0;: %1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>No libraries yet — create one on the Libraries page</source>
        <translation>Aucune bibliothèque pour l’instant — créez-en une dans la page Bibliothèques</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the list of libraries loaded last</source>
        <translation>Ne figure pas dans la dernière liste de bibliothèques chargée</translation>
    </message>
</context>
<context>
    <name>Tramontane::LoopbackReturnListener</name>
    <message>
        <source>You can close this tab.</source>
        <translation>Vous pouvez fermer cet onglet.</translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>Dis&amp;cussion</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;New Chat</source>
        <translation>&amp;Nouvelle discussion</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation>Exporter en &amp;Markdown…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>Exporter en &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Import Conversation…</source>
        <translation>&amp;Importer une conversation…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Connection, API key and preferences</source>
        <translation>Connexion, clé API et préférences</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Copy Last Answer</source>
        <translation>&amp;Copier la dernière réponse</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Focus Message Box</source>
        <translation>Aller à la &amp;zone de message</translation>
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
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Connecteurs</translation>
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
        <translation>Choisir le &amp;modèle ou l’agent…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Stop Answer</source>
        <translation>&amp;Arrêter la réponse</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>&amp;Regenerate Answer</source>
        <translation>&amp;Régénérer la réponse</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Show as &amp;Code…</source>
        <translation>Afficher sous forme de &amp;code…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>&amp;About Tramontane</source>
        <translation>À &amp;propos de Tramontane</translation>
    </message>
    <message>
        <source>About Tramontane</source>
        <translation>À propos de Tramontane</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tramontane %1&lt;/h3&gt;&lt;p&gt;A native desktop client for Mistral AI: chat with models and agents, generated images inline, MCP connectors and agents in forms.&lt;/p&gt;&lt;p&gt;Secrets are kept in the system keychain.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tramontane %1&lt;/h3&gt;&lt;p&gt;Un client de bureau natif pour Mistral AI&#xa0;: discussions avec des modèles et des agents, images générées affichées dans le fil, connecteurs MCP et agents éditables dans des formulaires.&lt;/p&gt;&lt;p&gt;Les secrets sont conservés dans le trousseau du système.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Conversation &amp;History</source>
        <translation>&amp;Historique des conversations</translation>
    </message>
    <message>
        <source>Show or hide the conversation history beside the chat</source>
        <translation>Afficher ou masquer l’historique des conversations à côté de la discussion</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Find in Chat…</source>
        <translation>&amp;Rechercher dans la discussion…</translation>
    </message>
    <message>
        <source>Find text in this conversation (in the history list: search all conversations)</source>
        <translation>Rechercher du texte dans cette conversation (dans la liste de l’historique&#xa0;: rechercher dans toutes les conversations)</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Résultat &amp;suivant</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Résultat &amp;précédent</translation>
    </message>
    <message>
        <source>Shift+F3</source>
        <translation>Shift+F3</translation>
    </message>
    <message>
        <source>&amp;Search All Conversations…</source>
        <translation>Rechercher dans &amp;toutes les conversations…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliothèques</translation>
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
        <translation>La suite de ce message est trop longue pour être affichée. Utilisez Copier le message ou exportez la discussion pour obtenir le texte complet.</translation>
    </message>
</context>
<context>
    <name>Tramontane::MistralAuthSection</name>
    <message>
        <source>Client &amp;ID:</source>
        <translation>&amp;ID client&#xa0;:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secret client&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Metadata URL:</source>
        <translation>URL des &amp;métadonnées&#xa0;:</translation>
    </message>
    <message>
        <source>https://example.com/.well-known/oauth-authorization-server</source>
        <translation>https://example.com/.well-known/oauth-authorization-server</translation>
    </message>
    <message>
        <source>or metadata (&amp;JSON):</source>
        <translation>ou métadonnées (&amp;JSON)&#xa0;:</translation>
    </message>
    <message>
        <source>{&quot;issuer&quot;: &quot;…&quot;, &quot;authorization_endpoint&quot;: &quot;…&quot;, &quot;token_endpoint&quot;: &quot;…&quot;}</source>
        <translation>{&quot;issuer&quot;: &quot;…&quot;, &quot;authorization_endpoint&quot;: &quot;…&quot;, &quot;token_endpoint&quot;: &quot;…&quot;}</translation>
    </message>
    <message>
        <source>C&amp;onnect…</source>
        <translation>C&amp;onnecter…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>sent once to Mistral, which keeps it</source>
        <translation>envoyé une seule fois à Mistral, qui le conserve</translation>
    </message>
    <message>
        <source>To replace the client, enter the new one below (the metadata as JSON only); leave it empty to keep it.</source>
        <translation>Pour remplacer le client, saisissez le nouveau ci-dessous (métadonnées en JSON uniquement)&#xa0;; laissez vide pour conserver l’actuel.</translation>
    </message>
    <message>
        <source>Mistral holds this connector&apos;s OAuth client and the tokens of your sign-in; this computer keeps neither. Connect signs you in through your browser.</source>
        <translation>Mistral détient le client OAuth de ce connecteur et les jetons de votre connexion&#xa0;; cet ordinateur ne conserve ni l’un ni les autres. «&#xa0;Connecter&#xa0;» vous connecte dans votre navigateur.</translation>
    </message>
    <message>
        <source>Mistral holds this connector&apos;s OAuth client (authorization server %1) and the tokens of your sign-in; this computer keeps neither. Connect signs you in through your browser.</source>
        <translation>Mistral détient le client OAuth de ce connecteur (serveur d’autorisation %1) et les jetons de votre connexion&#xa0;; cet ordinateur ne conserve ni l’un ni les autres. «&#xa0;Connecter&#xa0;» vous connecte dans votre navigateur.</translation>
    </message>
    <message>
        <source>Mistral keeps the OAuth client and the tokens of your sign-in: the client secret is sent once, when the connector is created, and is not kept on this computer. Give the authorization server&apos;s metadata as a URL or as JSON.</source>
        <translation>Mistral conserve le client OAuth et les jetons de votre connexion&#xa0;: le secret client est envoyé une seule fois, à la création du connecteur, et n’est pas conservé sur cet ordinateur. Indiquez les métadonnées du serveur d’autorisation sous forme d’URL ou de JSON.</translation>
    </message>
    <message>
        <source>Metadata (&amp;JSON):</source>
        <translation>Métadonnées (&amp;JSON)&#xa0;:</translation>
    </message>
    <message>
        <source>keep the current client</source>
        <translation>conserver le client actuel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save the connector first, then connect.</source>
        <translation>Enregistrez d’abord le connecteur, puis connectez-vous.</translation>
    </message>
    <message>
        <source>Enter the client id of the new OAuth client.</source>
        <translation>Saisissez l’ID client du nouveau client OAuth.</translation>
    </message>
    <message>
        <source>The metadata must be a JSON object with at least &quot;issuer&quot; and &quot;token_endpoint&quot;.</source>
        <translation>Les métadonnées doivent être un objet JSON contenant au moins &quot;issuer&quot; et &quot;token_endpoint&quot;.</translation>
    </message>
    <message>
        <source>Paste the authorization server&apos;s metadata JSON: a URL can only be given when the connector is created.</source>
        <translation>Collez le JSON des métadonnées du serveur d’autorisation&#xa0;: une URL ne peut être indiquée qu’à la création du connecteur.</translation>
    </message>
    <message>
        <source>Enter the client id of the OAuth app registered with the provider.</source>
        <translation>Saisissez l’ID client de l’application OAuth enregistrée auprès du fournisseur.</translation>
    </message>
    <message>
        <source>Give either the metadata URL or the metadata JSON, not both.</source>
        <translation>Indiquez soit l’URL des métadonnées, soit le JSON des métadonnées, pas les deux.</translation>
    </message>
    <message>
        <source>Give the authorization server&apos;s metadata URL, or paste its metadata JSON.</source>
        <translation>Indiquez l’URL des métadonnées du serveur d’autorisation, ou collez le JSON de ses métadonnées.</translation>
    </message>
    <message>
        <source>Enter a complete https address for the metadata (http only for this computer).</source>
        <translation>Saisissez une adresse https complète pour les métadonnées (http seulement pour cet ordinateur).</translation>
    </message>
    <message>
        <source>The browser could not be opened.</source>
        <translation>Impossible d’ouvrir le navigateur.</translation>
    </message>
    <message>
        <source>Asking Mistral for the sign-in address…</source>
        <translation>Demande de l’adresse de connexion à Mistral…</translation>
    </message>
    <message numerus="yes">
        <source>Sign in in your browser (waiting up to %n minute(s))…</source>
        <translation>
            <numerusform>Connectez-vous dans votre navigateur (attente jusqu’à %n&#xa0;minute)…</numerusform>
            <numerusform>Connectez-vous dans votre navigateur (attente jusqu’à %n&#xa0;minutes)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Vérification de la connexion…</translation>
    </message>
    <message>
        <source>Connected through Mistral.</source>
        <translation>Connecté via Mistral.</translation>
    </message>
    <message>
        <source>The sign-in did not complete (%1): the connector is still not connected.</source>
        <translation>La connexion n’a pas abouti (%1)&#xa0;: le connecteur n’est toujours pas connecté.</translation>
    </message>
    <message>
        <source>Mistral sent a sign-in address that is not https; it was not opened.</source>
        <translation>Mistral a envoyé une adresse de connexion qui n’est pas en https&#xa0;; elle n’a pas été ouverte.</translation>
    </message>
    <message>
        <source>No local port could be opened for the browser to come back to.</source>
        <translation>Aucun port local n’a pu être ouvert pour le retour du navigateur.</translation>
    </message>
    <message>
        <source>The browser did not come back in time: connect again.</source>
        <translation>Le navigateur n’est pas revenu à temps&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>Connection canceled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Déconnexion…</translation>
    </message>
</context>
<context>
    <name>Tramontane::OAuthSignIn</name>
    <message>
        <source>Tramontane received the answer of the sign-in. You can close this tab and go back to Tramontane.</source>
        <translation>Tramontane a reçu la réponse de la connexion. Vous pouvez fermer cet onglet et revenir à Tramontane.</translation>
    </message>
</context>
<context>
    <name>Tramontane::PlatformConnect</name>
    <message>
        <source>Tramontane received the answer of the sign-in. You can close this tab and go back to Tramontane.</source>
        <translation>Tramontane a reçu la réponse de la connexion. Vous pouvez fermer cet onglet et revenir à Tramontane.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ProxyCredentials</name>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>Impossible de lire le mot de passe du proxy dans le trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>The proxy password could not be kept in the keychain (%1): it is used until Tramontane quits.</source>
        <translation>Le mot de passe du proxy n’a pas pu être conservé dans le trousseau (%1)&#xa0;: il est utilisé jusqu’à la fermeture de Tramontane.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ProxyCredentialsDialog</name>
    <message>
        <source>Proxy Sign-In</source>
        <translation>Connexion au proxy</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Mémoriser dans le trousseau du système</translation>
    </message>
    <message>
        <source>The proxy %1 did not accept the stored user name and password. Enter them again to go on.</source>
        <translation>Le proxy %1 n’a pas accepté le nom d’utilisateur et le mot de passe enregistrés. Saisissez-les de nouveau pour continuer.</translation>
    </message>
    <message>
        <source>The proxy %1 asks for a user name and password.</source>
        <translation>Le proxy %1 demande un nom d’utilisateur et un mot de passe.</translation>
    </message>
</context>
<context>
    <name>Tramontane::RetryCountdown</name>
    <message numerus="yes">
        <source>Rate limited — retrying in %n s</source>
        <translation>
            <numerusform>Débit limité — nouvel essai dans %n s</numerusform>
            <numerusform>Débit limité — nouvel essai dans %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server had a problem — retrying in %n s</source>
        <translation>
            <numerusform>Le serveur a eu un problème — nouvel essai dans %n s</numerusform>
            <numerusform>Le serveur a eu un problème — nouvel essai dans %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connection problem — retrying in %n s</source>
        <translation>
            <numerusform>Problème de connexion — nouvel essai dans %n s</numerusform>
            <numerusform>Problème de connexion — nouvel essai dans %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tramontane::SafeTextDocument</name>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>[image blocked]</source>
        <translation>[image bloquée]</translation>
    </message>
    <message>
        <source>[image blocked: %1]</source>
        <translation>[image bloquée&#xa0;: %1]</translation>
    </message>
    <message>
        <source>Image: %1 — %2 (click to load)</source>
        <translation>Image&#xa0;: %1 — %2 (cliquez pour charger)</translation>
    </message>
</context>
<context>
    <name>Tramontane::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Offline demo: the bundled emulator, no account needed</source>
        <translation>Démo hors ligne&#xa0;: l’émulateur intégré, sans compte</translation>
    </message>
    <message>
        <source>Mistral AI platform</source>
        <translation>Plateforme Mistral AI</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé API&#xa0;:</translation>
    </message>
    <message>
        <source>Paste the key from console.mistral.ai</source>
        <translation>Collez la clé obtenue sur console.mistral.ai</translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation>&amp;Adresse de l’API&#xa0;:</translation>
    </message>
    <message>
        <source>https://api.mistral.ai</source>
        <translation>https://api.mistral.ai</translation>
    </message>
    <message>
        <source>The key is kept in the system keychain, never in a settings file. The MISTRAL_API_KEY environment variable, when set, takes precedence.</source>
        <translation>La clé est conservée dans le trousseau du système, jamais dans un fichier de paramètres. La variable d’environnement MISTRAL_API_KEY, si elle est définie, est prioritaire.</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Set by the MISTRAL_API_KEY environment variable</source>
        <translation>Définie par la variable d’environnement MISTRAL_API_KEY</translation>
    </message>
    <message>
        <source>A key is stored in the keychain (type to replace it)</source>
        <translation>Une clé est enregistrée dans le trousseau (saisissez-en une autre pour la remplacer)</translation>
    </message>
    <message>
        <source>Enter your API key to use the Mistral platform.</source>
        <translation>Saisissez votre clé API pour utiliser la plateforme Mistral.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>✓ Connected: the key works.</source>
        <translation>✓ Connecté&#xa0;: la clé fonctionne.</translation>
    </message>
    <message>
        <source>&amp;Forget Key</source>
        <translation>&amp;Oublier la clé</translation>
    </message>
    <message>
        <source>Deletes the API key from the system keychain</source>
        <translation>Supprime la clé d’API du trousseau du système</translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation>&amp;Modèle par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>The model chosen at start, and at once in a chat not begun yet; empty: the one used last</source>
        <translation>Le modèle choisi au démarrage, et aussitôt dans une discussion pas encore commencée&#xa0;; vide&#xa0;: le dernier utilisé</translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation>&amp;Délai des requêtes&#xa0;:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A request fails when the server sends nothing for this long</source>
        <translation>Une requête échoue quand le serveur n’envoie rien pendant cette durée</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Use the &amp;system proxy settings</source>
        <translation>Utiliser les réglages de proxy du &amp;système</translation>
    </message>
    <message>
        <source>&amp;No proxy</source>
        <translation>&amp;Aucun proxy</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>Privacy and Storage</source>
        <translation>Confidentialité et stockage</translation>
    </message>
    <message>
        <source>&amp;Notify me when an answer finishes while Tramontane is in the background</source>
        <translation>&amp;M’avertir quand une réponse se termine alors que Tramontane est en arrière-plan</translation>
    </message>
    <message>
        <source>&amp;Image cache size:</source>
        <translation>Taille du cache d’&amp;images&#xa0;:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>&amp;Clear Cache</source>
        <translation>&amp;Vider le cache</translation>
    </message>
    <message>
        <source>Deletes the generated and downloaded images kept on this computer</source>
        <translation>Supprime les images générées et téléchargées conservées sur cet ordinateur</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>The model used last</source>
        <translation>Le dernier modèle utilisé</translation>
    </message>
    <message>
        <source>Key in use: from the MISTRAL_API_KEY environment variable.</source>
        <translation>Clé utilisée&#xa0;: celle de la variable d’environnement MISTRAL_API_KEY.</translation>
    </message>
    <message>
        <source>Key in use: from the system keychain.</source>
        <translation>Clé utilisée&#xa0;: celle du trousseau du système.</translation>
    </message>
    <message>
        <source>No key is stored.</source>
        <translation>Aucune clé n’est enregistrée.</translation>
    </message>
    <message numerus="yes">
        <source>In use: %1 in %n image(s).</source>
        <translation>
            <numerusform>Utilisé&#xa0;: %1 pour %n image.</numerusform>
            <numerusform>Utilisé&#xa0;: %1 pour %n images.</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget the API key</source>
        <translation>Oublier la clé d’API</translation>
    </message>
    <message>
        <source>Delete the API key from the system keychain?</source>
        <translation>Supprimer la clé d’API du trousseau du système&#xa0;?</translation>
    </message>
    <message>
        <source>Tramontane cannot reach the Mistral platform again until you paste a key.</source>
        <translation>Tramontane ne pourra plus joindre la plateforme Mistral tant que vous n’aurez pas collé de clé.</translation>
    </message>
    <message>
        <source>Forget Key</source>
        <translation>Oublier la clé</translation>
    </message>
    <message>
        <source>The key was deleted from the keychain.</source>
        <translation>La clé a été supprimée du trousseau.</translation>
    </message>
    <message>
        <source>New Chats</source>
        <translation>Nouvelles discussions</translation>
    </message>
    <message>
        <source>Each new chat starts with these settings; a chat’s own settings are changed beside it.</source>
        <translation>Chaque nouvelle discussion démarre avec ces paramètres&#xa0;; les paramètres propres à une discussion se modifient à côté d’elle.</translation>
    </message>
    <message>
        <source>The first message and its answer are sent once more, to a small model of the same API.</source>
        <translation>Le premier message et sa réponse sont envoyés une seconde fois, à un petit modèle de la même API.</translation>
    </message>
    <message>
        <source>Name chats with a small &amp;model after their first answer</source>
        <translation>&amp;Nommer les discussions avec un petit modèle après leur première réponse</translation>
    </message>
    <message>
        <source>New chats: %1</source>
        <translation>Nouvelles discussions&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Manual proxy</source>
        <translation>Proxy &amp;manuel</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Only if the proxy asks for one</source>
        <translation>Seulement si le proxy en demande un</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse&#xa0;:</translation>
    </message>
    <message>
        <source>Applies at once to every request; the offline demo on this computer never goes through a proxy. The password is kept in the system keychain.</source>
        <translation>S’applique immédiatement à chaque requête&#xa0;; la démo hors ligne sur cet ordinateur ne passe jamais par un proxy. Le mot de passe est conservé dans le trousseau du système.</translation>
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
        <translation>Un mot de passe est enregistré dans le trousseau (saisissez-en un autre pour le remplacer)</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>Conservé dans le trousseau du système</translation>
    </message>
    <message>
        <source>The new language applies as soon as you save; a status line still shown keeps its words until it changes.</source>
        <translation>La nouvelle langue s’applique dès l’enregistrement&#xa0;; une ligne d’état encore affichée garde son texte jusqu’à ce qu’elle change.</translation>
    </message>
    <message>
        <source>Every setting applies as soon as you save.</source>
        <translation>Chaque paramètre s’applique dès l’enregistrement.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Find a command or a key</source>
        <translation>Chercher une commande ou une touche</translation>
    </message>
    <message>
        <source>Find a shortcut</source>
        <translation>Chercher un raccourci</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>No command or key matches.</source>
        <translation>Aucune commande ni touche ne correspond.</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Zone de message</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Nouvelle ligne</translation>
    </message>
    <message>
        <source>Stop the answer, or stop editing a message</source>
        <translation>Arrêter la réponse, ou abandonner la modification d’un message</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>Copier le texte sélectionné</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Effacer la sélection</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Faire défiler</translation>
    </message>
    <message>
        <source>Top and bottom of the chat</source>
        <translation>Début et fin de la discussion</translation>
    </message>
    <message>
        <source>Next or previous button of a message (copy, edit, retry, open, link)</source>
        <translation>Bouton suivant ou précédent d’un message (copier, modifier, réessayer, ouvrir, lien)</translation>
    </message>
    <message>
        <source>Press the highlighted button</source>
        <translation>Appuyer sur le bouton en surbrillance</translation>
    </message>
    <message>
        <source>Find in this chat</source>
        <translation>Rechercher dans cette discussion</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Résultat suivant</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Résultat précédent</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
</context>
<context>
    <name>Tramontane::ShowAsCode</name>
    <message>
        <source>Choose a model or an agent first.</source>
        <translation>Choisissez d’abord un modèle ou un agent.</translation>
    </message>
    <message>
        <source>The code talks to the offline demo at %1, which runs only while Tramontane is open and accepts only its own random key. In Settings, connect to the Mistral platform to get code for the real API.</source>
        <translation>Ce code s’adresse à la démo hors ligne à l’adresse %1, qui ne fonctionne que tant que Tramontane est ouvert et n’accepte que sa propre clé aléatoire. Dans les paramètres, connectez-vous à la plateforme Mistral pour obtenir du code destiné à la véritable API.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ShowAsCodeDialog</name>
    <message>
        <source>Show as Code</source>
        <translation>Afficher sous forme de code</translation>
    </message>
    <message>
        <source>This chat&apos;s next request, ready to run outside Tramontane: the model or agent, the tools, the conversation so far and the text in the composer.</source>
        <translation>La prochaine requête de cette discussion, prête à être exécutée hors de Tramontane&#xa0;: le modèle ou l’agent, les outils, la conversation jusqu’ici et le texte de la zone de message.</translation>
    </message>
    <message>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <source>curl command</source>
        <translation>Commande curl</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Python program</source>
        <translation>Programme Python</translation>
    </message>
    <message>
        <source>Needs the mistralai package (pip install mistralai).</source>
        <translation>Nécessite le paquet mistralai (pip install mistralai).</translation>
    </message>
    <message>
        <source>TypeScript</source>
        <translation>TypeScript</translation>
    </message>
    <message>
        <source>TypeScript program</source>
        <translation>Programme TypeScript</translation>
    </message>
    <message>
        <source>Needs the @mistralai/mistralai package; runs as an ES module.</source>
        <translation>Nécessite le paquet @mistralai/mistralai&#xa0;; s’exécute comme module ES.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No secret is written in the code. Set these environment variables before running it:
%1</source>
        <translation>Aucun secret n’est écrit dans le code. Définissez ces variables d’environnement avant de l’exécuter&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>Tramontane::TargetItemDelegate</name>
    <message>
        <source>vision</source>
        <translation>vision</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>outils</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
</context>
<context>
    <name>Tramontane::TargetProblemBar</name>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Load the models and agents again</source>
        <translation>Charger à nouveau les modèles et les agents</translation>
    </message>
    <message>
        <source>Loading the models again…</source>
        <translation>Nouveau chargement des modèles…</translation>
    </message>
    <message numerus="yes">
        <source>The models could not be loaded: %1 Trying again in %n s.</source>
        <translation>
            <numerusform>Impossible de charger les modèles&#xa0;: %1 Nouvel essai dans %n s.</numerusform>
            <numerusform>Impossible de charger les modèles&#xa0;: %1 Nouvel essai dans %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The models could not be loaded: %1</source>
        <translation>Impossible de charger les modèles&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached; Tramontane connects by itself as soon as the network is back.</source>
        <translation>Le serveur est injoignable&#xa0;; Tramontane se reconnecte automatiquement dès que le réseau est rétabli.</translation>
    </message>
</context>
<context>
    <name>Tramontane::ToolChoiceModel</name>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (introuvable)</translation>
    </message>
    <message>
        <source>%1 (needs authorization)</source>
        <translation>%1 (autorisation requise)</translation>
    </message>
    <message>
        <source>Its tools need you to sign in or to give a credential.</source>
        <translation>Pour utiliser ses outils, connectez-vous ou fournissez un identifiant d’accès.</translation>
    </message>
    <message>
        <source>This account has no connector “%1”.</source>
        <translation>Ce compte n’a pas de connecteur «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Tramontane::VisionBar</name>
    <message>
        <source>%1 does not read images, and no model that does is available: remove the images to send the message.</source>
        <translation>%1 ne lit pas les images et aucun modèle qui les lit n’est disponible&#xa0;: retirez les images pour envoyer le message.</translation>
    </message>
    <message>
        <source>%1 does not read images: switch to a model that does, or remove the images.</source>
        <translation>%1 ne lit pas les images&#xa0;: passez à un modèle qui les lit, ou retirez les images.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Utiliser %1</translation>
    </message>
    <message>
        <source>Send this chat&apos;s messages to %1, which reads images</source>
        <translation>Envoyer les messages de cette discussion à %1, qui lit les images</translation>
    </message>
</context>
<context>
    <name>Tramontane::WelcomePage</name>
    <message>
        <source>Welcome to Tramontane</source>
        <translation>Bienvenue dans Tramontane</translation>
    </message>
    <message>
        <source>Tramontane talks to Mistral AI. There are two ways to begin:</source>
        <translation>Tramontane dialogue avec Mistral AI. Il y a deux façons de commencer&#xa0;:</translation>
    </message>
    <message>
        <source>Connect with your API key</source>
        <translation>Se connecter avec votre clé d’API</translation>
    </message>
    <message>
        <source>Create a key at console.mistral.ai (API Keys) and paste it here. Tramontane checks it with one request and keeps it in the system keychain, never in a file.</source>
        <translation>Créez une clé sur console.mistral.ai (API Keys) et collez-la ici. Tramontane la vérifie par une requête et la conserve dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé API&#xa0;:</translation>
    </message>
    <message>
        <source>Paste the key from console.mistral.ai</source>
        <translation>Collez la clé obtenue sur console.mistral.ai</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Or explore first</source>
        <translation>Ou explorez d’abord</translation>
    </message>
    <message>
        <source>The offline demo runs a small emulator of the API on this computer: every screen works, with made-up answers, without an account and without sending anything anywhere.</source>
        <translation>La démo hors ligne lance un petit émulateur de l’API sur cet ordinateur&#xa0;: chaque écran fonctionne, avec des réponses inventées, sans compte et sans rien envoyer nulle part.</translation>
    </message>
    <message>
        <source>Explore the Offline &amp;Demo</source>
        <translation>Explorer la &amp;démo hors ligne</translation>
    </message>
    <message>
        <source>You can switch at any time in Settings. The MISTRAL_API_KEY environment variable, when set, is used instead of the keychain.</source>
        <translation>Vous pouvez changer à tout moment dans les Paramètres. La variable d’environnement MISTRAL_API_KEY, si elle est définie, est utilisée à la place du trousseau.</translation>
    </message>
    <message>
        <source>The key is checked against %1 (set in Settings).</source>
        <translation>La clé est vérifiée auprès de %1 (défini dans les Paramètres).</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>Vérification de la clé…</translation>
    </message>
    <message>
        <source>✓ The key works.</source>
        <translation>✓ La clé fonctionne.</translation>
    </message>
</context>
<context>
    <name>WebSearchActions</name>
    <message>
        <source>Web search</source>
        <translation>Recherche web</translation>
    </message>
    <message>
        <source>Search the web and cite the sources</source>
        <translation>Chercher sur le web et citer les sources</translation>
    </message>
    <message>
        <source>Web search (premium)</source>
        <translation>Recherche web (premium)</translation>
    </message>
    <message>
        <source>Search the web and news agencies, and cite the sources</source>
        <translation>Chercher sur le web et dans les dépêches des agences de presse, et citer les sources</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A native desktop client for Mistral AI.</source>
        <translation>Un client de bureau natif pour Mistral AI.</translation>
    </message>
    <message>
        <source>Send requests to &lt;url&gt; instead of the Mistral API.</source>
        <translation>Envoyer les requêtes à &lt;url&gt; au lieu de l’API Mistral.</translation>
    </message>
    <message>
        <source>Run against the bundled offline emulator.</source>
        <translation>Utiliser l’émulateur hors ligne intégré.</translation>
    </message>
    <message>
        <source>Keep history and settings in profile &lt;name&gt;.</source>
        <translation>Conserver l’historique et les paramètres dans le profil &lt;name&gt;.</translation>
    </message>
    <message>
        <source>A profile name may contain letters, digits, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation>Un nom de profil ne peut contenir que des lettres, des chiffres, «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>Tramontane can keep the damaged file beside a new, empty history; nothing is deleted. Or quit, and the file stays where it is.</source>
        <translation>Tramontane peut garder le fichier endommagé à côté d’un nouvel historique vide&#xa0;; rien n’est supprimé. Ou quittez, et le fichier reste où il est.</translation>
    </message>
    <message>
        <source>Start a New History</source>
        <translation>Commencer un nouvel historique</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read: Tramontane starts with default settings and cannot save them until the file&apos;s permissions allow it.</source>
        <translation>Le fichier de paramètres %1 est illisible&#xa0;: Tramontane démarre avec les paramètres par défaut et ne peut pas les enregistrer tant que les permissions du fichier ne le permettent pas.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be moved aside: Tramontane starts with default settings; delete the file to save new ones.</source>
        <translation>Le fichier de paramètres %1 est endommagé et ne peut pas être mis de côté&#xa0;: Tramontane démarre avec les paramètres par défaut&#xa0;; supprimez le fichier pour en enregistrer de nouveaux.</translation>
    </message>
    <message>
        <source>The settings file was damaged: Tramontane kept it as %1 and starts with default settings.</source>
        <translation>Le fichier de paramètres était endommagé&#xa0;: Tramontane l’a conservé sous %1 et démarre avec les paramètres par défaut.</translation>
    </message>
</context>
</TS>
