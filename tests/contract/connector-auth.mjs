// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test of the connector authentication endpoints, where Mistral holds the OAuth client
// (`auth_data` with `oauth2_server_metadata_url` or `oauth2_server_metadata`): the official SDK
// creates the connector, asks for the auth URL with a loopback app_return_url, the test plays
// the browser through the emulator's OAuth server back to that URL, then the SDK reads
// is_authenticated, connection_credentials, authentication_methods and user/credentials, upserts
// a credential and deletes them (by name and all at once).

import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, test } from "node:test";

import { assertHttpError, assertNoUnknown, emulatorEnv, makeClient, uniqueTag } from "./support.mjs";

// A one-shot loopback listener standing for the app: resolves with the URL it was sent back to.
function startReturnListener() {
  return new Promise((resolve) => {
    let arrived;
    const returned = new Promise((r) => {
      arrived = r;
    });
    const server = http.createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<p>You can close this tab.</p>");
      arrived(new URL(req.url, `http://${req.headers.host}`));
    });
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/return/contract`,
        returned,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

// Follows redirects by hand, as a browser would, until the app's listener answers.
async function playBrowser(start, returned) {
  let url = start;
  for (let hop = 0; hop < 8; ++hop) {
    const res = await fetch(url, { redirect: "manual" });
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).toString();
      continue;
    }
    assert.equal(res.status, 200, `the browser stopped at ${url} with ${res.status}`);
    return returned;
  }
  throw new Error("too many redirects");
}

// A confidential client of the emulator's authorization server, for the platform's callback.
async function registerPlatformClient(baseUrl) {
  const res = await fetch(`${baseUrl}/__oauth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      redirect_uris: [`${baseUrl}/__platform/oauth-callback`],
      token_endpoint_auth_method: "client_secret_post",
    }),
  });
  assert.equal(res.status, 201);
  return res.json();
}

describe("connector authentication held by Mistral", () => {
  let client;
  let baseUrl;
  let connector;
  let listener;

  before(async () => {
    client = makeClient();
    baseUrl = emulatorEnv().baseUrl;
  });

  after(async () => {
    await listener?.close();
    if (connector) {
      await client.beta.connectors.delete({ connectorId: connector.id }).catch(() => {});
    }
  });

  test("create with auth_data and oauth2_server_metadata_url", async () => {
    const registered = await registerPlatformClient(baseUrl);
    connector = await client.beta.connectors.create({
      name: uniqueTag("contract_held_"),
      description: "OAuth client held by the platform",
      protocol: "mcp",
      server: `${baseUrl}/__mcp/oauth`,
      authData: { clientId: registered.client_id, clientSecret: registered.client_secret },
      oauth2ServerMetadataUrl: `${baseUrl}/.well-known/oauth-authorization-server/__oauth`,
    });
    assertNoUnknown(connector, () => false, "create");
    assert.equal(connector.isAuthenticated, false);
    assert.deepEqual(
      connector.supportedAuthMethods.map((m) => m.methodType),
      ["oauth2"],
    );
    // The secret is write-only.
    assert.ok(!JSON.stringify(connector).includes(registered.client_secret));
  });

  test("oauth2_server_metadata and oauth2_server_metadata_url together are refused", async () => {
    await assertHttpError(
      client.beta.connectors.create({
        name: uniqueTag("contract_both_"),
        description: "both",
        protocol: "mcp",
        server: `${baseUrl}/__mcp/oauth`,
        authData: { clientId: "x" },
        oauth2ServerMetadataUrl: `${baseUrl}/.well-known/oauth-authorization-server/__oauth`,
        oauth2ServerMetadata: { issuer: `${baseUrl}/__oauth`, tokenEndpoint: `${baseUrl}/t` },
      }),
      422,
      "create with both",
    );
  });

  test("getAuthUrl, the browser, then is_authenticated and connection_credentials", async () => {
    listener = await startReturnListener();
    const res = await client.beta.connectors.getAuthUrl({
      connectorIdOrName: connector.id,
      appReturnUrl: listener.url,
      methodType: "oauth2",
    });
    assert.equal(typeof res.authUrl, "string");
    assert.ok(res.ttl > 0);
    const authUrl = new URL(res.authUrl);
    assert.equal(authUrl.searchParams.get("code_challenge_method"), "S256");
    const back = await playBrowser(res.authUrl, listener.returned);
    assert.equal((await back).pathname, "/return/contract");

    const read = await client.beta.connectors.get({ connectorIdOrName: connector.id });
    assertNoUnknown(read, () => false, "get");
    assert.equal(read.isAuthenticated, true);
    assert.equal(read.connectionCredentials.length, 1);
    const [credential] = read.connectionCredentials;
    assert.equal(credential.authenticationType, "oauth2");
    assert.equal(credential.scope, "user");
    assert.equal(credential.isDefault, true);
    assert.equal(credential.status.statusType, "valid");
    assert.ok(credential.status.lastCheckedAt instanceof Date);
  });

  test("getAuthenticationMethods", async () => {
    const methods = await client.beta.connectors.getAuthenticationMethods({
      connectorIdOrName: connector.name,
    });
    assert.equal(methods.length, 1);
    assert.equal(methods[0].methodType, "oauth2");
    assert.equal(methods[0].hasDefaultCredentials, false);
    assert.equal(methods[0].oauth2ServerMetadata.issuer, `${baseUrl}/__oauth`);
  });

  test("listUserCredentials, createCredentials, deleteUserCredentials, deleteAll", async () => {
    let list = await client.beta.connectors.listUserCredentials({
      connectorIdOrName: connector.id,
    });
    assert.deepEqual(
      list.credentials.map((c) => c.name),
      ["default"],
    );
    assert.ok(Array.isArray(list.connectorPresetCredentialsForAuth));

    const saved = await client.beta.connectors.createCredentials({
      connectorIdOrName: connector.id,
      consumerScope: "user",
      credentialsCreateOrUpdate: {
        name: "second",
        title: "Second",
        credentials: { bearerToken: "contract-token" },
      },
    });
    assert.equal(typeof saved.message, "string");
    list = await client.beta.connectors.listUserCredentials({ connectorIdOrName: connector.id });
    assert.deepEqual(list.credentials.map((c) => c.name).sort(), ["default", "second"]);
    assert.ok(!JSON.stringify(list).includes("contract-token"));

    await assertHttpError(
      client.beta.connectors.createCredentials({
        connectorIdOrName: connector.id,
        consumerScope: "user",
        credentialsCreateOrUpdate: { name: "not a name!" },
      }),
      422,
      "a name outside ^[a-zA-Z0-9_-]{1,64}$",
    );

    const deleted = await client.beta.connectors.deleteUserCredentials({
      connectorIdOrName: connector.id,
      credentialsName: "default",
    });
    assert.equal(typeof deleted.message, "string");
    await assertHttpError(
      client.beta.connectors.deleteUserCredentials({
        connectorIdOrName: connector.id,
        credentialsName: "default",
      }),
      404,
      "deleting it again",
    );
    await client.beta.connectors.deleteAllUserCredentials({ connectorIdOrName: connector.id });
    list = await client.beta.connectors.listUserCredentials({ connectorIdOrName: connector.id });
    assert.equal(list.credentials.length, 0);
    const read = await client.beta.connectors.get({ connectorIdOrName: connector.id });
    assert.equal(read.isAuthenticated, false);
  });

  test("update replaces the client through auth_methods[].oauth2_metadata_secrets", async () => {
    const registered = await registerPlatformClient(baseUrl);
    const metadata = await (
      await fetch(`${baseUrl}/.well-known/oauth-authorization-server/__oauth`)
    ).json();
    const updated = await client.beta.connectors.update({
      connectorId: connector.id,
      requestBody: {
        protocol: "mcp",
        authMethods: [
          {
            methodType: "oauth2",
            oauth2MetadataSecrets: {
              clientId: registered.client_id,
              clientSecret: registered.client_secret,
            },
            oauth2ServerMetadata: {
              issuer: metadata.issuer,
              authorizationEndpoint: metadata.authorization_endpoint,
              tokenEndpoint: metadata.token_endpoint,
            },
          },
        ],
      },
    });
    assertNoUnknown(updated, () => false, "update");
    assert.ok(!JSON.stringify(updated).includes(registered.client_secret));
    const res = await client.beta.connectors.getAuthUrl({
      connectorIdOrName: connector.id,
      appReturnUrl: "http://127.0.0.1:9/return",
    });
    assert.equal(new URL(res.authUrl).searchParams.get("client_id"), registered.client_id);
  });

  test("getAuthUrl of a connector without an OAuth client is refused", async () => {
    const plain = await client.beta.connectors.create({
      name: uniqueTag("contract_plain_"),
      description: "no OAuth",
      protocol: "mcp",
      server: `${baseUrl}/__mcp`,
    });
    try {
      await assertHttpError(
        client.beta.connectors.getAuthUrl({ connectorIdOrName: plain.id }),
        400,
        "auth_url without a client",
      );
    } finally {
      await client.beta.connectors.delete({ connectorId: plain.id });
    }
  });
});
