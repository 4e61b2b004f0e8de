// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test with a real MCP peer: the reference server @modelcontextprotocol/server-everything
// runs in streamable HTTP mode on a loopback port, a connector pointing at it is registered
// through the official SDK, and the emulator must list the server's tools and run its `echo`
// tool for real when a chat completion uses the connector.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import * as components from "@mistralai/mistralai/models/components";

import {
  Say,
  allowToolFile,
  assertMultiMessageStream,
  assertNoUnknown,
  assertPng,
  assertUsage,
  collectStream,
  contentText,
  makeClient,
  startEverythingServer,
  uniqueTag,
} from "./support.mjs";

// Tool arguments arrive as a JSON string on the wire; the SDK keeps strings as they are.
function decodeArguments(args) {
  return typeof args === "string" ? JSON.parse(args) : args;
}

describe("MCP connector with a real MCP server", () => {
  let client;
  let mcp;
  let connector;
  let model;
  const name = uniqueTag("contract_everything_");

  before(async () => {
    mcp = await startEverythingServer();
    client = makeClient();
    const models = await client.models.list();
    model = models.data?.find((m) => m.capabilities?.completionChat === true)?.id;
    assert.ok(model, "the emulator lists no chat model");
  });

  after(async () => {
    if (connector) {
      await client.beta.connectors.delete({ connectorId: connector.id }).catch(() => {});
    }
    await mcp?.stop();
  });

  test("the reference server answers MCP on its own (sanity check of the peer)", async () => {
    const res = await fetch(mcp.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: {
          protocolVersion: "2025-06-18",
          capabilities: {},
          clientInfo: { name: "contract-check", version: "1" },
        },
      }),
    });
    assert.equal(res.status, 200);
    assert.ok(res.headers.get("mcp-session-id"), "initialize returns a session id");
    assert.match(await res.text(), /"serverInfo"/);
  });

  test("beta.connectors.create registers the MCP server", async () => {
    connector = await client.beta.connectors.create({
      name,
      description: "Reference MCP server for contract tests",
      server: mcp.url,
      protocol: "mcp",
    });
    assertNoUnknown(connector, () => false, "create");
    assert.equal(connector.protocol, "mcp");
    assert.equal(connector.server, mcp.url);
  });

  test("beta.connectors.listTools lists the server's real tools", async () => {
    assert.ok(connector, "create failed");
    const sessionsBefore = countSessions(mcp.log());
    for (const key of [connector.id, connector.name]) {
      const tools = await client.beta.connectors.listTools({ connectorIdOrName: key });
      assert.ok(Array.isArray(tools), "listTools returns an array");
      // The SDK accepts any array of objects here; hold each entry to its MCPTool schema.
      const parsed = tools.map((t, i) => {
        const r = components.MCPTool$inboundSchema.safeParse(t);
        assert.ok(r.success, `tool ${i} is not an MCP tool: ${JSON.stringify(t)}: ${r.error}`);
        return r.data;
      });
      const names = parsed.map((t) => t.name);
      for (const expected of ["echo", "get-sum", "get-tiny-image"]) {
        assert.ok(names.includes(expected), `${expected} missing from ${names.join(", ")}`);
      }
      const echo = parsed.find((t) => t.name === "echo");
      assert.equal(echo.inputSchema.type, "object");
      assert.ok(echo.inputSchema.properties?.message, "echo's input schema has `message`");
      assert.equal(echo.description, "Echoes back the input string");
    }
    assert.ok(
      countSessions(mcp.log()) > sessionsBefore,
      "the emulator opened an MCP session with the server to list its tools",
    );
  });

  test("a chat completion with the connector runs the real echo tool", async () => {
    assert.ok(connector, "create failed");
    const tag = uniqueTag("mcp");
    const res = await client.chat.complete({
      model,
      tools: [{ type: "connector", connectorId: connector.name }],
      messages: [{ role: "user", content: Say.useTool("echo", { message: tag }) }],
    });
    const where = "chat.complete (connector)";
    assertNoUnknown(res, allowToolFile, where);
    assert.equal(res.choices.length, 1);
    const choice = res.choices[0];
    assert.ok(Array.isArray(choice.messages), `${where}: choices[0].messages missing`);
    assert.equal(choice.finishReason, "stop", `${where}: finish_reason`);
    assertUsage(res.usage, where);

    const calls = choice.messages.flatMap((m) => m.toolCalls ?? []);
    const call = calls.find((c) => /(^|[^a-z-])echo$/.test(c.function.name));
    assert.ok(call, `${where}: no call of the echo tool in ${JSON.stringify(calls)}`);
    assert.deepEqual(decodeArguments(call.function.arguments), { message: tag });

    const result = choice.messages.find((m) => m.role === "tool" && m.toolCallId === call.id);
    assert.ok(result, `${where}: no tool message answers call ${call.id}`);
    const echoed = contentText(result.content);
    assert.ok(
      echoed.includes(`Echo: ${tag}`),
      `${where}: the tool result does not carry the server's echo: ${echoed}`,
    );
    assert.equal(choice.messages.at(-1).role, "assistant", `${where}: the last message`);
    assert.ok(
      mcp.log().includes("Received MCP POST request"),
      "the MCP server received the tool call",
    );
  });

  test("beta.connectors.callTool runs a tool directly", async () => {
    assert.ok(connector, "create failed");
    const tag = uniqueTag("direct");
    const echo = await client.beta.connectors.callTool({
      connectorIdOrName: connector.name,
      toolName: "echo",
      connectorCallToolRequest: { arguments: { message: tag } },
    });
    assertNoUnknown(echo, () => false, "callTool echo");
    assert.deepEqual(
      echo.content.map((c) => [c.type, c.text]),
      [["text", `Echo: ${tag}`]],
    );
    const sum = await client.beta.connectors.callTool({
      connectorIdOrName: connector.id,
      toolName: "get-sum",
      connectorCallToolRequest: { arguments: { a: 2, b: 40 } },
    });
    assertNoUnknown(sum, () => false, "callTool get-sum");
    assert.match(sum.content[0].text, /\b42\b/);
    const image = await client.beta.connectors.callTool({
      connectorIdOrName: connector.id,
      toolName: "get-tiny-image",
      connectorCallToolRequest: { arguments: {} },
    });
    assertNoUnknown(image, () => false, "callTool get-tiny-image");
    const picture = image.content.find((c) => c.type === "image");
    assert.ok(picture, "an image content item");
    assert.equal(picture.mimeType, "image/png");
    assertPng(Buffer.from(picture.data, "base64"));
  });

  test("chat.stream with the connector streams the multi-message shape", async () => {
    assert.ok(connector, "create failed");
    const tag = uniqueTag("mcpstream");
    const stream = await client.chat.stream({
      model,
      tools: [{ type: "connector", connectorId: connector.id }],
      messages: [{ role: "user", content: Say.useTool("echo", { message: tag }) }],
    });
    const messages = assertMultiMessageStream(
      await collectStream(stream),
      "chat.stream (connector)",
    );
    const call = messages.flatMap((m) => m.toolCalls).find((c) => c.function.name === "echo");
    assert.ok(call, "a streamed call of echo");
    assert.deepEqual(decodeArguments(call.function.arguments), { message: tag });
    const result = messages.find((m) => m.role === "tool" && m.toolCallId === call.id);
    assert.ok(result?.text.includes(`Echo: ${tag}`), `the streamed tool result: ${result?.text}`);
  });

  test("an agent with the connector runs the tool through agents.complete", async () => {
    assert.ok(connector, "create failed");
    const agent = await client.beta.agents.create({
      model,
      name: uniqueTag("contract-mcp-agent-"),
      tools: [{ type: "connector", connectorId: connector.name }],
    });
    try {
      assertNoUnknown(agent, () => false, "agent with a connector");
      assert.equal(agent.tools.length, 1);
      assert.equal(agent.tools[0].type, "connector");
      assert.equal(agent.tools[0].connectorId, connector.name);
      const tag = uniqueTag("agentmcp");
      const res = await client.agents.complete({
        agentId: agent.id,
        messages: [{ role: "user", content: Say.useTool("echo", { message: tag }) }],
      });
      assertNoUnknown(res, allowToolFile, "agents.complete (connector)");
      const messages = res.choices[0].messages;
      assert.ok(Array.isArray(messages), "choices[0].messages");
      const result = messages.find((m) => m.role === "tool");
      assert.ok(contentText(result?.content).includes(`Echo: ${tag}`), "the echoed text");
    } finally {
      await client.beta.agents.delete({ agentId: agent.id });
    }
  });

  test("beta.connectors.delete removes it", async () => {
    assert.ok(connector, "create failed");
    const res = await client.beta.connectors.delete({ connectorId: connector.id });
    assert.equal(typeof res.message, "string");
    connector = undefined;
  });
});

function countSessions(log) {
  return (log.match(/Session initialized with ID/g) ?? []).length;
}
