// SPDX-License-Identifier: GPL-3.0-or-later
// Contract tests: the official Mistral TypeScript SDK, with its own response validation, drives
// every endpoint the emulator serves. A response that does not match the SDK's schemas makes
// the SDK throw (ResponseValidationError, or a ZodError inside a stream), and that fails the
// test: nothing here catches those errors.
//
// Run through run-contract.mjs, which starts the emulator and sets TRAMONTANE_BASE_URL and
// TRAMONTANE_API_KEY.

import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, test } from "node:test";

import { Mistral } from "@mistralai/mistralai";
import * as errors from "@mistralai/mistralai/models/errors";

import {
  Say,
  assertHttpError,
  assertCompletionStream,
  assertDate,
  assertImageMultiMessage,
  assertMultiMessageStream,
  assertNoUnknown,
  assertPng,
  assertUsage,
  collectStream,
  contentText,
  downloadFile,
  emulatorEnv,
  isToolFileChunk,
  makeClient,
  parseToolFileChunk,
  uniqueTag,
} from "./support.mjs";

let chatModelPromise;
// The first model the emulator lists as able to chat.
function chatModel(client) {
  chatModelPromise ??= client.models.list().then((list) => {
    const card = (list.data ?? []).find((m) => m.capabilities?.completionChat === true);
    assert.ok(card, "the emulator lists no model with capabilities.completion_chat");
    return card.id;
  });
  return chatModelPromise;
}

// Checks a non-streamed chat completion with a single assistant message and returns its text.
function assertPlainCompletion(res, where) {
  assertNoUnknown(res, () => false, where);
  assert.equal(typeof res.id, "string", `${where}: id`);
  assert.ok(res.id.length > 0, `${where}: id is empty`);
  assert.equal(res.object, "chat.completion", `${where}: object`);
  assert.ok(Number.isInteger(res.created) && res.created > 0, `${where}: created`);
  assert.equal(res.choices.length, 1, `${where}: one choice`);
  const choice = res.choices[0];
  assert.equal(choice.index, 0, `${where}: choice index`);
  assert.equal(choice.finishReason, "stop", `${where}: finish_reason`);
  assert.ok(choice.message, `${where}: choices[0].message missing`);
  assert.equal(choice.messages, undefined, `${where}: a plain answer has no messages[]`);
  assert.equal(choice.message.role, "assistant", `${where}: role`);
  assertUsage(res.usage, where);
  return contentText(choice.message.content);
}

// Expects `promise` to reject with the SDK's HTTP error (not a validation error) of `status`.
describe("models", () => {
  test("models.list parses and offers a chat model", async () => {
    const client = makeClient();
    const list = await client.models.list();
    assertNoUnknown(list, () => false, "models.list");
    assert.equal(list.object, "list");
    assert.ok(Array.isArray(list.data) && list.data.length > 0, "no models listed");
    const ids = new Set();
    for (const card of list.data) {
      assert.equal(card.type, "base", `model ${card.id}: type`);
      assert.equal(card.object, "model", `model ${card.id}: object`);
      assert.equal(typeof card.id, "string");
      assert.ok(!ids.has(card.id), `model ${card.id} listed twice`);
      ids.add(card.id);
      assert.equal(typeof card.capabilities.completionChat, "boolean");
      assert.ok(card.maxContextLength > 0, `model ${card.id}: max_context_length`);
    }
    assert.ok(await chatModel(client));
  });
});

describe("chat completions", () => {
  let client;
  let model;
  before(async () => {
    client = makeClient();
    model = await chatModel(client);
  });

  test("chat.complete answers a plain prompt", async () => {
    const tag = uniqueTag("plain");
    const res = await client.chat.complete({
      model,
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: Say.echo(tag) },
      ],
    });
    const text = assertPlainCompletion(res, "chat.complete");
    assert.equal(res.model, model, "the response names the requested model");
    assert.ok(text.includes(tag), `the echo answer lacks ${tag}: ${text}`);
  });

  test("chat.complete accepts content given as chunks", async () => {
    const tag = uniqueTag("chunks");
    const res = await client.chat.complete({
      model,
      messages: [{ role: "user", content: [{ type: "text", text: Say.echo(tag) }] }],
    });
    const text = assertPlainCompletion(res, "chat.complete (chunks)");
    assert.ok(text.includes(tag), `the echo answer lacks ${tag}: ${text}`);
  });

  test("chat.stream streams the same answer, with usage on the last chunk", async () => {
    const tag = uniqueTag("stream");
    const messages = [{ role: "user", content: Say.echo(tag) }];
    const stream = await client.chat.stream({ model, messages });
    const chunks = await collectStream(stream);
    const { text } = assertCompletionStream(chunks, "chat.stream");
    assert.ok(text.includes(tag), `the streamed echo lacks ${tag}: ${text}`);

    const plain = await client.chat.complete({ model, messages });
    assert.equal(
      text,
      assertPlainCompletion(plain, "chat.complete"),
      "the scripted assistant streams the text it answers in one piece",
    );
  });

  test("chat.stream delivers a long answer in many chunks", async () => {
    const stream = await client.chat.stream({
      model,
      messages: [{ role: "user", content: Say.long(6) }],
    });
    const chunks = await collectStream(stream);
    const { text } = assertCompletionStream(chunks, "chat.stream (long)");
    const contentDeltas = chunks.filter((c) => contentText(c.choices[0].delta.content));
    assert.ok(contentDeltas.length >= 10, `only ${contentDeltas.length} content chunks`);
    assert.ok(text.length >= 500, `a long answer of ${text.length} characters`);
    const last = chunks.at(-1);
    assert.ok(
      last.usage.completionTokens >= contentDeltas.length / 2,
      "completion_tokens grows with the answer",
    );
  });

  test("the SSE wire ends with data: [DONE]", async () => {
    const { baseUrl, apiKey } = emulatorEnv();
    const res = await fetch(`${baseUrl}/v1/chat/completions`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${apiKey}`,
        "Content-Type": "application/json",
        Accept: "text/event-stream",
      },
      body: JSON.stringify({
        model,
        stream: true,
        messages: [{ role: "user", content: Say.echo("wire") }],
      }),
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/event-stream/);
    const body = await res.text();
    const events = body
      .split(/\r?\n\r?\n/)
      .map((e) => e.trim())
      .filter((e) => e.length > 0);
    assert.ok(events.length >= 3, `only ${events.length} events`);
    assert.equal(events.at(-1), "data: [DONE]", "the stream ends with the [DONE] sentinel");
    for (const event of events.slice(0, -1)) {
      const dataLines = event.split(/\r?\n/).filter((l) => l.startsWith("data:"));
      assert.equal(dataLines.length, 1, `one data line per event: ${event}`);
      const json = JSON.parse(dataLines[0].slice("data:".length).trim());
      assert.equal(json.object, "chat.completion.chunk");
    }
    assert.ok(body.endsWith("\n\n"), "the last event is terminated by a blank line");
  });

  // The emulator can hand a generated image over in each form the API may use; the SDK must
  // parse all of them, and each must lead to the PNG.
  for (const form of ["tool_file", "image_url", "data_url"]) {
    test(`chat.complete with image_generation (${form}) answers in several messages`, async () => {
      const res = await client.chat.complete({
        model,
        tools: [{ type: "image_generation" }],
        messages: [{ role: "user", content: Say.image("a lighthouse at dusk", form) }],
      });
      const image = assertImageMultiMessage(res, `chat.complete (image_generation, ${form})`);
      if (form === "data_url") {
        const m = /^data:image\/png;base64,(.+)$/s.exec(image.url ?? "");
        assert.ok(m, `a data URL of a PNG, got ${String(image.url).slice(0, 60)}`);
        assertPng(Buffer.from(m[1], "base64"));
        return;
      }
      assert.ok(
        image.fileId,
        "the image carries no file id (neither a tool_file chunk nor a " +
          `/v1/files/{id}/content URL): ${JSON.stringify(image)}`,
      );
      const bytes = await downloadFile(client, image.fileId);
      assertPng(bytes);

      const meta = await client.files.retrieve({ fileId: image.fileId });
      assertNoUnknown(meta, () => false, "files.retrieve");
      assert.equal(meta.id, image.fileId);
      assert.equal(meta.sizeBytes, bytes.length, "files.retrieve: bytes is the download's size");
      assert.equal(meta.deleted, false);

      const signed = await client.files.getSignedUrl({ fileId: image.fileId });
      assert.match(signed.url, /^http:\/\/127\.0\.0\.1:\d+\//, "a signed URL on the emulator");
      const direct = await fetch(signed.url);
      assert.equal(direct.status, 200, "a signed URL needs no API key");
      assertPng(new Uint8Array(await direct.arrayBuffer()));
      if (image.url) {
        const viaChunk = await fetch(image.url);
        assert.equal(viaChunk.status, 200, "the image_url chunk's URL needs no API key");
        assertPng(new Uint8Array(await viaChunk.arrayBuffer()));
      }
    });
  }

  test("chat.complete with image_generation (url) puts the URL in the tool result", async () => {
    const res = await client.chat.complete({
      model,
      tools: [{ type: "image_generation" }],
      messages: [{ role: "user", content: Say.image("a quiet bay", "url") }],
    });
    const where = "chat.complete (image_generation, url)";
    assertNoUnknown(res, () => false, where);
    const messages = res.choices[0].messages;
    assert.ok(Array.isArray(messages), `${where}: choices[0].messages missing`);
    const result = messages.find((m) => m.role === "tool");
    assert.ok(result, `${where}: a tool result`);
    const { url } = JSON.parse(contentText(result.content));
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//, `${where}: a URL on the emulator`);
    const picture = await fetch(url);
    assert.equal(picture.status, 200);
    assertPng(new Uint8Array(await picture.arrayBuffer()));
    assert.equal(messages.at(-1).role, "assistant");
  });

  test("chat.stream with image_generation streams the multi-message shape", async () => {
    const stream = await client.chat.stream({
      model,
      tools: [{ type: "image_generation" }],
      messages: [{ role: "user", content: Say.image("a harbour at night", "tool_file") }],
    });
    const messages = assertMultiMessageStream(
      await collectStream(stream),
      "chat.stream (image_generation)",
    );
    assert.ok(messages.some((m) => m.role === "tool"), "a tool result message");
    const files = messages.at(-1).chunks.filter(isToolFileChunk).map(parseToolFileChunk);
    assert.equal(files.length, 1, "the answer carries one tool_file chunk");
    assertPng(await downloadFile(client, files[0].fileId));
  });

  test("chat.complete returns a function call, then answers its result", async () => {
    const tools = [weatherTool];
    const first = await client.chat.complete({
      model,
      tools,
      messages: [{ role: "user", content: Say.callFunction("get_weather", { city: "Brest" }) }],
    });
    assertNoUnknown(first, () => false, "chat.complete (function call)");
    const choice = first.choices[0];
    assert.equal(choice.finishReason, "tool_calls");
    assert.equal(choice.message.content, "", "content is empty next to tool calls");
    assert.equal(choice.message.toolCalls.length, 1);
    const call = choice.message.toolCalls[0];
    assert.match(call.id, /^[A-Za-z0-9]{9}$/, "a tool call id like the service's");
    assert.equal(call.type, "function");
    assert.equal(call.function.name, "get_weather");
    assert.equal(typeof call.function.arguments, "string", "arguments are a JSON string");
    assert.deepEqual(JSON.parse(call.function.arguments), { city: "Brest" });
    assertUsage(first.usage, "chat.complete (function call)");

    const second = await client.chat.complete({
      model,
      tools,
      messages: [
        { role: "user", content: Say.callFunction("get_weather", { city: "Brest" }) },
        { role: "assistant", content: "", toolCalls: [call] },
        { role: "tool", toolCallId: call.id, name: "get_weather", content: "Drizzle, 11 C" },
      ],
    });
    const text = assertPlainCompletion(second, "chat.complete (function result)");
    assert.ok(text.includes("Drizzle, 11 C"), `the answer quotes the tool result: ${text}`);
  });

  test("chat.stream delivers a function call whole in the last chunk", async () => {
    const stream = await client.chat.stream({
      model,
      tools: [weatherTool],
      messages: [{ role: "user", content: Say.callFunction("get_weather", { city: "Lyon" }) }],
    });
    const { toolCalls } = assertCompletionStream(
      await collectStream(stream),
      "chat.stream (function call)",
      { finish: "tool_calls" },
    );
    assert.equal(toolCalls.length, 1);
    assert.equal(toolCalls[0].function.name, "get_weather");
    assert.deepEqual(JSON.parse(toolCalls[0].function.arguments), { city: "Lyon" });
  });

  test("chat.complete takes a chat's settings and answers JSON that follows the schema", async () => {
    const res = await client.chat.complete({
      model,
      temperature: 0.4,
      topP: 0.9,
      maxTokens: 300,
      randomSeed: 7,
      reasoningEffort: "low",
      promptMode: "reasoning",
      responseFormat: {
        type: "json_schema",
        jsonSchema: {
          name: "bird",
          strict: true,
          schemaDefinition: {
            type: "object",
            properties: {
              name: { type: "string" },
              wings: { type: "integer" },
              colour: { enum: ["grey", "white"] },
            },
            required: ["name", "wings", "colour"],
          },
        },
      },
      messages: [
        { role: "system", content: "You are an ornithologist." },
        { role: "user", content: "Name a sea bird" },
      ],
    });
    const text = assertPlainCompletion(res, "chat.complete (settings, json_schema)");
    const bird = JSON.parse(text);
    assert.equal(typeof bird.name, "string", `name: ${text}`);
    assert.ok(Number.isInteger(bird.wings), `wings: ${text}`);
    assert.equal(bird.colour, "grey", `colour: ${text}`);
  });

  test("chat.complete with responseFormat json_object answers a JSON object", async () => {
    const res = await client.chat.complete({
      model,
      responseFormat: { type: "json_object" },
      messages: [{ role: "user", content: "Three birds as JSON" }],
    });
    const text = assertPlainCompletion(res, "chat.complete (json_object)");
    const parsed = JSON.parse(text);
    assert.equal(typeof parsed, "object", `not an object: ${text}`);
    assert.ok(parsed !== null && !Array.isArray(parsed), `not an object: ${text}`);
  });

  test("an out-of-range parameter is a 422 the SDK parses as HTTPValidationError", async () => {
    await assert.rejects(
      client.chat.complete({
        model,
        temperature: 5,
        messages: [{ role: "user", content: "hi" }],
      }),
      (err) => {
        assert.ok(err instanceof errors.HTTPValidationError, `not an HTTPValidationError: ${err}`);
        assert.equal(err.statusCode, 422);
        assert.ok(Array.isArray(err.detail) && err.detail.length >= 1, "detail is a list");
        assert.deepEqual(err.detail[0].loc, ["body", "temperature"]);
        assert.equal(typeof err.detail[0].msg, "string");
        return true;
      },
    );
  });

  test("an unknown model is refused with 400", async () => {
    await assertHttpError(
      client.chat.complete({
        model: "no-such-model",
        messages: [{ role: "user", content: "hi" }],
      }),
      400,
      "chat.complete (unknown model)",
    );
  });

  test("files.download of an unknown id is a 404", async () => {
    await assertHttpError(
      client.files.download({ fileId: "00000000-0000-4000-8000-000000000000" }),
      404,
      "files.download (unknown id)",
    );
  });
});

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather by city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    },
  },
};

describe("agents", () => {
  let client;
  let model;
  let created;
  let updated;
  const name = uniqueTag("contract-agent-");
  before(async () => {
    client = makeClient();
    model = await chatModel(client);
  });
  after(async () => {
    // Leave nothing behind if a test failed half-way.
    if (created) {
      await client.beta.agents.delete({ agentId: created.id }).catch(() => {});
    }
  });

  function assertAgent(agent, where) {
    assertNoUnknown(agent, () => false, where);
    assert.equal(agent.object, "agent", `${where}: object`);
    assert.equal(typeof agent.id, "string", `${where}: id`);
    assert.ok(Number.isInteger(agent.version), `${where}: version`);
    assert.ok(agent.versions.includes(agent.version), `${where}: versions lacks version`);
    assertDate(agent.createdAt, `${where}: created_at`);
    assertDate(agent.updatedAt, `${where}: updated_at`);
    assert.equal(typeof agent.deploymentChat, "boolean", `${where}: deployment_chat`);
    assert.equal(typeof agent.source, "string", `${where}: source`);
  }

  test("beta.agents.create returns the new agent", async () => {
    created = await client.beta.agents.create({
      model,
      name,
      description: "Contract test agent",
      instructions: "Answer briefly.",
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            description: "Weather by city",
            parameters: {
              type: "object",
              properties: { city: { type: "string" } },
              required: ["city"],
            },
          },
        },
      ],
      completionArgs: { temperature: 0.3 },
    });
    assertAgent(created, "create");
    assert.equal(created.name, name);
    assert.equal(created.model, model);
    assert.equal(created.description, "Contract test agent");
    assert.equal(created.instructions, "Answer briefly.");
    assert.equal(created.tools.length, 1, "the agent keeps its tool");
    assert.equal(created.tools[0].type, "function");
    assert.equal(created.tools[0].function.name, "get_weather");
    assert.deepEqual(created.tools[0].function.parameters.required, ["city"]);
    assert.equal(created.completionArgs?.temperature, 0.3);
  });

  test("beta.agents.listPages finds it (cursor pages)", async () => {
    assert.ok(created, "create failed");
    const seen = [];
    let pages = 0;
    for await (const page of await client.beta.agents.listPages({ pageSize: 2 })) {
      assertNoUnknown(page.result, () => false, `listPages page ${pages}`);
      assert.equal(page.result.object, "list");
      assert.ok(page.result.data.length <= 2, "a page holds at most page_size agents");
      seen.push(...page.result.data.map((a) => a.id));
      assert.ok(++pages < 100, "listPages does not end");
    }
    assert.equal(seen.filter((id) => id === created.id).length, 1, "the agent is listed once");
  });

  test("beta.agents.list (deprecated) returns a plain array with it", async () => {
    assert.ok(created, "create failed");
    const list = await client.beta.agents.list({ page: 0, pageSize: 100 });
    assert.ok(Array.isArray(list));
    assertNoUnknown(list, () => false, "list");
    const mine = list.find((a) => a.id === created.id);
    assert.ok(mine, "the agent is listed");
    assertAgent(mine, "list item");
  });

  test("beta.agents.get returns it", async () => {
    assert.ok(created, "create failed");
    const agent = await client.beta.agents.get({ agentId: created.id });
    assertAgent(agent, "get");
    assert.equal(agent.name, name);
    assert.equal(agent.version, created.version);
    assert.equal(agent.createdAt.getTime(), created.createdAt.getTime());
  });

  test("beta.agents.update creates a new version", async () => {
    assert.ok(created, "create failed");
    updated = await client.beta.agents.update({
      agentId: created.id,
      updateAgentRequest: { description: "Updated by the contract test" },
    });
    assertAgent(updated, "update");
    assert.equal(updated.id, created.id);
    assert.ok(updated.version > created.version, "the version increments");
    assert.ok(updated.versions.includes(created.version), "the old version is kept");
    assert.equal(updated.description, "Updated by the contract test");
    assert.equal(updated.name, name, "a partial update keeps the other fields");
    assert.equal(updated.instructions, "Answer briefly.");
    assert.ok(updated.updatedAt.getTime() >= created.updatedAt.getTime());

    const versions = await client.beta.agents.listVersions({ agentId: created.id });
    assertNoUnknown(versions, () => false, "listVersions");
    assert.ok(Array.isArray(versions));
    const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
    assert.ok(numbers.includes(created.version) && numbers.includes(updated.version));
    for (const v of versions) {
      assertAgent(v, `listVersions v${v.version}`);
    }
  });

  test("beta.agents.updateVersion switches back to the first version", async () => {
    assert.ok(updated, "update failed");
    const agent = await client.beta.agents.updateVersion({
      agentId: created.id,
      version: created.version,
    });
    assertAgent(agent, "updateVersion");
    assert.equal(agent.version, created.version);
    assert.equal(agent.description, "Contract test agent");
    const again = await client.beta.agents.get({ agentId: created.id });
    assert.equal(again.version, created.version, "get sees the switched version");
  });

  test("beta.agents.getVersion returns a given version", async () => {
    assert.ok(updated, "update failed");
    const v = await client.beta.agents.getVersion({
      agentId: created.id,
      version: String(updated.version),
    });
    assertAgent(v, "getVersion");
    assert.equal(v.version, updated.version);
    assert.equal(v.description, "Updated by the contract test");
    await assertHttpError(
      client.beta.agents.getVersion({ agentId: created.id, version: "999" }),
      404,
      "getVersion of a version that does not exist",
    );
  });

  test("agents.complete answers through the agent", async () => {
    assert.ok(created, "create failed");
    const tag = uniqueTag("agent");
    const res = await client.agents.complete({
      agentId: created.id,
      messages: [{ role: "user", content: Say.echo(tag) }],
    });
    const text = assertPlainCompletion(res, "agents.complete");
    assert.ok(text.includes(tag), `the agent's echo lacks ${tag}: ${text}`);
  });

  test("agents.stream streams through the agent", async () => {
    assert.ok(created, "create failed");
    const tag = uniqueTag("agentstream");
    const stream = await client.agents.stream({
      agentId: created.id,
      messages: [{ role: "user", content: Say.echo(tag) }],
    });
    const { text } = assertCompletionStream(await collectStream(stream), "agents.stream");
    assert.ok(text.includes(tag), `the agent's streamed echo lacks ${tag}: ${text}`);
  });

  test("agents.complete with an unknown agent is a 404", async () => {
    await assertHttpError(
      client.agents.complete({
        agentId: "ag_00000000000000000000000000000000",
        messages: [{ role: "user", content: "hi" }],
      }),
      404,
      "agents.complete (unknown agent)",
    );
  });

  test("beta.agents.delete removes it", async () => {
    assert.ok(created, "create failed");
    const result = await client.beta.agents.delete({ agentId: created.id });
    assert.equal(result, undefined, "DELETE answers 204 without a body");
    const id = created.id;
    created = undefined;
    await assertHttpError(client.beta.agents.get({ agentId: id }), 404, "get after delete");
  });
});

describe("connectors", () => {
  let client;
  const connectors = [];
  const prefix = uniqueTag("contract_conn_");
  // No MCP server listens here: CRUD must not need one (mcp-connector.mjs covers tools).
  const server = "http://127.0.0.1:9/mcp";
  before(() => {
    client = makeClient();
  });
  after(async () => {
    for (const c of connectors) {
      await client.beta.connectors.delete({ connectorId: c.id }).catch(() => {});
    }
  });

  function assertConnector(c, where) {
    assertNoUnknown(c, () => false, where);
    assert.equal(c.protocol, "mcp", `${where}: protocol`);
    assert.equal(typeof c.id, "string", `${where}: id`);
    assert.equal(typeof c.name, "string", `${where}: name`);
    assert.equal(typeof c.description, "string", `${where}: description`);
    assertDate(c.createdAt, `${where}: created_at`);
    assertDate(c.modifiedAt, `${where}: modified_at`);
    assert.equal(typeof c.ownerType, "string", `${where}: owner_type`);
    assert.equal(typeof c.visibility, "string", `${where}: visibility`);
    assert.equal(typeof c.privateToolExecution, "boolean", `${where}: private_tool_execution`);
  }

  test("beta.connectors.create returns the new connector", async () => {
    for (let i = 0; i < 3; ++i) {
      const c = await client.beta.connectors.create({
        name: `${prefix}${i}`,
        description: `Contract connector ${i}`,
        server,
        protocol: "mcp",
        visibility: "private",
      });
      connectors.push(c);
      assertConnector(c, `create ${i}`);
      assert.equal(c.name, `${prefix}${i}`);
      assert.equal(c.description, `Contract connector ${i}`);
      assert.equal(c.server, server);
      assert.equal(c.visibility, "private");
    }
    assert.equal(new Set(connectors.map((c) => c.id)).size, 3, "ids are distinct");
  });

  test("beta.connectors.create refuses a duplicate name", async () => {
    assert.equal(connectors.length, 3, "create failed");
    await assert.rejects(
      client.beta.connectors.create({
        name: connectors[0].name,
        description: "duplicate",
        server,
        protocol: "mcp",
      }),
      (err) => {
        assert.ok(!(err instanceof errors.ResponseValidationError), String(err));
        assert.ok(err instanceof errors.MistralError, `not the SDK's HTTP error: ${err}`);
        assert.ok(err.statusCode >= 400 && err.statusCode < 500, `status ${err.statusCode}`);
        return true;
      },
    );
  });

  test("beta.connectors.list pages with a cursor", async () => {
    assert.equal(connectors.length, 3, "create failed");
    const names = [];
    let cursor;
    let pages = 0;
    do {
      const page = await client.beta.connectors.list({ pageSize: 2, cursor });
      assertNoUnknown(page, () => false, `list page ${pages}`);
      assert.equal(page.pagination.pageSize, 2, "pagination.page_size echoes the request");
      assert.ok(page.items.length <= 2, "a page holds at most page_size connectors");
      page.items.forEach((c, i) => assertConnector(c, `list page ${pages} item ${i}`));
      names.push(...page.items.map((c) => c.name));
      cursor = page.pagination.nextCursor ?? undefined;
      assert.ok(++pages < 100, "list does not end");
    } while (cursor);
    for (const c of connectors) {
      assert.equal(names.filter((n) => n === c.name).length, 1, `${c.name} listed once`);
    }
    assert.ok(pages >= 2, "three connectors need two pages of two");
  });

  test("beta.connectors.get finds it by id and by name", async () => {
    assert.equal(connectors.length, 3, "create failed");
    const byId = await client.beta.connectors.get({ connectorIdOrName: connectors[1].id });
    assertConnector(byId, "get by id");
    assert.equal(byId.name, connectors[1].name);
    const byName = await client.beta.connectors.get({ connectorIdOrName: connectors[1].name });
    assertConnector(byName, "get by name");
    assert.equal(byName.id, connectors[1].id);
    await assertHttpError(
      client.beta.connectors.get({ connectorIdOrName: `${prefix}missing` }),
      404,
      "get of an unknown connector",
    );
  });

  test("beta.connectors.update changes it", async () => {
    assert.equal(connectors.length, 3, "create failed");
    const c = connectors[2];
    const res = await client.beta.connectors.update({
      connectorId: c.id,
      requestBody: { protocol: "mcp", description: "Updated description", title: "Updated" },
    });
    assertConnector(res, "update");
    assert.equal(res.id, c.id);
    assert.equal(res.name, c.name, "a partial update keeps the name");
    assert.equal(res.description, "Updated description");
    assert.equal(res.title, "Updated");
    assert.ok(res.modifiedAt.getTime() >= c.modifiedAt.getTime());
    const again = await client.beta.connectors.get({ connectorIdOrName: c.id });
    assert.equal(again.description, "Updated description");
  });

  test("beta.connectors.delete removes it", async () => {
    assert.equal(connectors.length, 3, "create failed");
    while (connectors.length > 0) {
      const c = connectors.pop();
      const res = await client.beta.connectors.delete({ connectorId: c.id });
      assertNoUnknown(res, () => false, "delete");
      assert.equal(typeof res.message, "string");
      await assertHttpError(
        client.beta.connectors.get({ connectorIdOrName: c.id }),
        404,
        "get after delete",
      );
    }
  });
});

describe("authentication", () => {
  test("a wrong key gives the SDK's HTTP error with status 401", async () => {
    const client = makeClient({ apiKey: "wrong-key" });
    await assert.rejects(client.models.list(), (err) => {
      assert.ok(!(err instanceof errors.ResponseValidationError), String(err));
      assert.ok(err instanceof errors.MistralError, `not a MistralError: ${err}`);
      assert.equal(err.statusCode, 401);
      assert.deepEqual(JSON.parse(err.body), { detail: "Invalid API Key" });
      return true;
    });
    await assertHttpError(
      client.chat.complete({ model: "any", messages: [{ role: "user", content: "hi" }] }),
      401,
      "chat.complete with a wrong key",
    );
  });

  test("a request without a key is refused with 401", async () => {
    const { baseUrl } = emulatorEnv();
    const res = await fetch(`${baseUrl}/v1/models`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    assert.deepEqual(await res.json(), { detail: "Invalid API Key" });
  });
});

// The checks above are only worth something if a malformed response really fails them. This
// block serves deliberately broken responses from a local server and expects the same SDK
// calls and helpers to reject them.
describe("harness self-check", () => {
  let server;
  let client;
  before(async () => {
    server = http.createServer((req, res) => {
      const send = (status, type, body) => {
        res.writeHead(status, { "Content-Type": type });
        res.end(body);
      };
      if (req.url.startsWith("/v1/chat/completions")) {
        // Missing usage and finish_reason.
        send(
          200,
          "application/json",
          JSON.stringify({
            id: "x",
            object: "chat.completion",
            model: "m",
            created: 1,
            choices: [{ index: 0, message: { role: "assistant", content: "hi" } }],
          }),
        );
      } else if (req.url.startsWith("/v1/agents/completions")) {
        // A chunk whose choices lack finish_reason.
        send(
          200,
          "text/event-stream",
          'data: {"id":"x","model":"m","choices":[{"index":0,"delta":{"content":"a"}}]}\n\n' +
            "data: [DONE]\n\n",
        );
      } else if (req.url.startsWith("/v1/connectors/")) {
        // A connector without most required fields.
        send(200, "application/json", JSON.stringify({ protocol: "mcp", id: "x" }));
      } else {
        send(404, "application/json", JSON.stringify({ detail: "Not Found" }));
      }
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    client = new Mistral({
      apiKey: "k",
      serverURL: `http://127.0.0.1:${server.address().port}`,
      retryConfig: { strategy: "none" },
    });
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  test("an invalid completion throws ResponseValidationError", async () => {
    await assert.rejects(
      client.chat.complete({ model: "m", messages: [{ role: "user", content: "hi" }] }),
      errors.ResponseValidationError,
    );
  });

  test("an invalid stream chunk throws while iterating", async () => {
    const stream = await client.agents.stream({
      agentId: "a",
      messages: [{ role: "user", content: "hi" }],
    });
    await assert.rejects(collectStream(stream));
  });

  test("an invalid union member is caught by assertNoUnknown", async () => {
    const c = await client.beta.connectors.get({ connectorIdOrName: "x" });
    assert.equal(c.isUnknown, true, "the SDK hides the broken connector as unknown");
    assert.throws(() => assertNoUnknown(c, () => false, "connector"), assert.AssertionError);
  });
});
