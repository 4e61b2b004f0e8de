// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for the contract tests: the SDK client, the phrases that steer the emulator's
// scripted assistant, checks that the SDK parsed a response for real, and the reference MCP
// server started as a loopback peer.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Mistral } from "@mistralai/mistralai";
import * as components from "@mistralai/mistralai/models/components";
import * as errors from "@mistralai/mistralai/models/errors";

// Phrases understood by the emulator's scripted assistant. They are the only coupling between
// this suite and the emulator's script, so they live here.
export const Say = {
  // The assistant answers with text that contains everything after the word "echo".
  echo: (text) => `echo ${text}`,
  // The assistant answers with a long markdown text (N paragraphs), streamed in many chunks.
  long: (n) => `long ${n}`,
  // With an image_generation tool present, the assistant generates a picture, handed over as
  // `form` (tool_file, image_url, data_url or url) when given.
  image: (subject, form) => (form ? `draw ${subject} as ${form}` : `draw ${subject}`),
  // With function tools present, the assistant calls the function with these arguments.
  callFunction: (name, args) => `call ${name} ${JSON.stringify(args)}`,
  // With a connector tool present, the assistant calls that MCP tool with these arguments.
  useTool: (name, args) => `use tool ${name} ${JSON.stringify(args)}`,
};

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const here = path.dirname(fileURLToPath(import.meta.url));

// The emulator the runner started (or one started by hand). Read at use, not at import, so a
// missing variable fails the tests with a clear message rather than the import.
export function emulatorEnv() {
  const baseUrl = process.env.TRAMONTANE_BASE_URL;
  const apiKey = process.env.TRAMONTANE_API_KEY;
  assert.ok(baseUrl, "TRAMONTANE_BASE_URL is not set (run the suite through run-contract.mjs)");
  assert.ok(apiKey, "TRAMONTANE_API_KEY is not set (run the suite through run-contract.mjs)");
  return { baseUrl: baseUrl.replace(/\/+$/, ""), apiKey };
}

// The official client, pointed at the emulator, without retries so a failure shows at once.
export function makeClient(overrides = {}) {
  const { baseUrl, apiKey } = emulatorEnv();
  return new Mistral({
    apiKey,
    serverURL: baseUrl,
    retryConfig: { strategy: "none" },
    timeoutMs: 30000,
    ...overrides,
  });
}

// The call fails with the SDK's HTTP error of `status` (and not with a response it could not
// parse). Resolves to the error, so a test can read its body.
export async function assertHttpError(promise, status, where) {
  let caught;
  await assert.rejects(promise, (err) => {
    assert.ok(
      !(err instanceof errors.ResponseValidationError),
      `${where}: got a response validation error instead of HTTP ${status}: ${err}`,
    );
    assert.ok(err instanceof errors.MistralError, `${where}: not a MistralError: ${err}`);
    assert.equal(err.statusCode, status, `${where}: status (body: ${err.body})`);
    caught = err;
    return true;
  });
  return caught;
}

// A short random tag, so names are unique and echoed text is recognisable.
export function uniqueTag(prefix = "t") {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

// The SDK parses unions forward-compatibly: an element whose discriminator it does not know,
// or whose known schema fails, becomes {isUnknown: true, raw}. That hides a malformed element
// behind a successful call, so every response goes through this walk. `allow(raw, where)` may
// accept an unknown element it validates itself (e.g. a tool_file chunk, which chat chunk
// unions do not list); anything else fails with its path and raw JSON.
export function assertNoUnknown(value, allow = () => false, where = "response") {
  const seen = new Set();
  const walk = (v, at) => {
    if (v === null || typeof v !== "object" || seen.has(v)) {
      return;
    }
    seen.add(v);
    if (v instanceof Date || ArrayBuffer.isView(v)) {
      return;
    }
    if (v.isUnknown === true && "raw" in v) {
      if (!allow(v.raw, at)) {
        assert.fail(
          `the SDK could not parse ${at} (unknown or invalid union member): ` +
            JSON.stringify(v.raw),
        );
      }
      return;
    }
    for (const [key, child] of Object.entries(v)) {
      walk(child, Array.isArray(v) ? `${at}[${key}]` : `${at}.${key}`);
    }
  };
  walk(value, where);
}

// Validates a tool_file chunk with the SDK's own schema (it exists in the SDK, but chat
// completion content unions do not include it, so it arrives as an unknown chunk).
export function parseToolFileChunk(raw) {
  const parsed = components.ToolFileChunk$inboundSchema.safeParse(raw);
  assert.ok(parsed.success, `invalid tool_file chunk ${JSON.stringify(raw)}: ${parsed.error}`);
  return parsed.data;
}

export function isToolFileChunk(raw) {
  return raw !== null && typeof raw === "object" && raw.type === "tool_file";
}

// An `allow` for assertNoUnknown: tool_file chunks, checked against the SDK's schema.
export function allowToolFile(raw) {
  if (!isToolFileChunk(raw)) {
    return false;
  }
  parseToolFileChunk(raw);
  return true;
}

// The chunks of a message's content as a list ([] for null/undefined, one text chunk for a
// plain string), with unknown chunks replaced by their raw JSON.
export function contentChunks(content) {
  if (content === null || content === undefined) {
    return [];
  }
  if (typeof content === "string") {
    return [{ type: "text", text: content }];
  }
  assert.ok(Array.isArray(content), `content is neither a string nor an array: ${content}`);
  return content.map((c) => (c.isUnknown === true ? c.raw : c));
}

export function contentText(content) {
  return contentChunks(content)
    .filter((c) => c.type === "text")
    .map((c) => c.text)
    .join("");
}

export function assertUsage(usage, where) {
  assert.ok(usage, `${where}: usage missing`);
  for (const key of ["promptTokens", "completionTokens", "totalTokens"]) {
    assert.ok(Number.isInteger(usage[key]) && usage[key] >= 0, `${where}: usage.${key}`);
  }
  assert.ok(usage.completionTokens > 0, `${where}: usage.completionTokens is 0`);
  assert.equal(
    usage.totalTokens,
    usage.promptTokens + usage.completionTokens,
    `${where}: total_tokens != prompt_tokens + completion_tokens`,
  );
}

export function assertDate(value, where) {
  assert.ok(value instanceof Date && !Number.isNaN(value.getTime()), `${where} is not a date`);
}

// Reads a whole EventStream from chat.stream / agents.stream: every event went through the
// SDK's CompletionEvent schema (a malformed one throws out of the loop).
export async function collectStream(stream) {
  const chunks = [];
  for await (const event of stream) {
    assert.ok(event.data, "stream event without data");
    chunks.push(event.data);
  }
  return chunks;
}

// Checks a streamed chat completion the way the wire contract describes it, and returns the
// text and the tool calls (which arrive whole in the last chunk) it carried.
export function assertCompletionStream(chunks, where, { finish = "stop" } = {}) {
  assert.ok(chunks.length >= 2, `${where}: expected a role chunk and a final chunk`);
  const id = chunks[0].id;
  let text = "";
  const toolCalls = [];
  chunks.forEach((chunk, i) => {
    const at = `${where} chunk ${i}`;
    assertChunkEnvelope(chunk, at);
    assert.equal(chunk.id, id, `${at}: all chunks of one completion share an id`);
    const choice = chunk.choices[0];
    if (i === 0) {
      assert.equal(choice.delta.role, "assistant", `${at}: the first delta carries the role`);
    }
    const last = i === chunks.length - 1;
    if (last) {
      assert.equal(choice.finishReason, finish, `${at}: finish_reason on the last chunk`);
      assertUsage(chunk.usage, `${at} (last)`);
    } else {
      assert.equal(choice.finishReason, null, `${at}: finish_reason before the end`);
      assert.equal(chunk.usage, undefined, `${at}: usage before the last chunk`);
      assert.equal(choice.delta.toolCalls ?? null, null, `${at}: tool calls before the end`);
    }
    text += contentText(choice.delta.content);
    toolCalls.push(...(choice.delta.toolCalls ?? []));
  });
  return { text, toolCalls };
}

function assertChunkEnvelope(chunk, at) {
  assertNoUnknown(chunk, allowToolFile, at);
  assert.equal(chunk.object, "chat.completion.chunk", `${at}: object`);
  assert.ok(Number.isInteger(chunk.created), `${at}: created`);
  assert.equal(typeof chunk.model, "string", `${at}: model`);
  assert.equal(chunk.choices.length, 1, `${at}: one choice`);
  assert.equal(chunk.choices[0].index, 0, `${at}: choice index`);
}

// Checks a streamed multi-message answer (hosted tools): every delta names its message with
// `index`; an assistant sub-completion starts with its role and ends with finish_reason and
// usage (tool_calls for the call, stop for the answer); a tool result is one `role: tool`
// delta. Returns the rebuilt messages: [{index, role, text, chunks, toolCalls, toolCallId}].
export function assertMultiMessageStream(chunks, where) {
  assert.ok(chunks.length >= 3, `${where}: only ${chunks.length} chunks`);
  const messages = [];
  let current;
  let subId;
  chunks.forEach((chunk, i) => {
    const at = `${where} chunk ${i}`;
    assertChunkEnvelope(chunk, at);
    const choice = chunk.choices[0];
    const delta = choice.delta;
    assert.ok(Number.isInteger(delta.index), `${at}: delta.index names the message`);
    if (!current || delta.index !== current.index) {
      assert.ok(
        !current || delta.index === current.index + 1,
        `${at}: message ${delta.index} follows ${current?.index}`,
      );
      assert.ok(
        !current || current.finished,
        `${at}: message ${current?.index} ended without finish_reason`,
      );
      assert.ok(
        delta.role === "assistant" || delta.role === "tool",
        `${at}: a message starts with its role (got ${delta.role})`,
      );
      current = {
        index: delta.index,
        role: delta.role,
        text: "",
        chunks: [],
        toolCalls: [],
        toolCallId: delta.toolCallId ?? undefined,
        finished: false,
      };
      messages.push(current);
      if (delta.role === "assistant") {
        subId = chunk.id;
      }
    } else {
      assert.ok(!current.finished, `${at}: a delta after message ${current.index} finished`);
    }
    if (current.role === "tool") {
      assert.equal(typeof current.toolCallId, "string", `${at}: tool_call_id`);
      assert.equal(choice.finishReason, null, `${at}: finish_reason on a tool result`);
      current.finished = true;
    } else {
      assert.equal(chunk.id, subId, `${at}: one id per assistant sub-completion`);
      if (choice.finishReason !== null) {
        assertUsage(chunk.usage, `${at} (end of message ${current.index})`);
        current.finished = true;
      } else {
        assert.equal(chunk.usage, undefined, `${at}: usage before the end of a message`);
      }
      current.finishReason = choice.finishReason;
    }
    current.text += contentText(delta.content);
    current.chunks.push(...contentChunks(delta.content).filter((c) => c.type !== "text"));
    current.toolCalls.push(...(delta.toolCalls ?? []));
  });
  const last = messages.at(-1);
  assert.equal(last.role, "assistant", `${where}: the last message is the assistant's answer`);
  assert.equal(last.finishReason, "stop", `${where}: the answer ends with finish_reason stop`);
  for (const m of messages.filter((x) => x.toolCalls.length > 0)) {
    assert.equal(m.finishReason, "tool_calls", `${where}: message ${m.index} finish_reason`);
  }
  for (const m of messages.filter((x) => x.role === "tool")) {
    assert.ok(
      messages.some((c) => c.toolCalls.some((t) => t.id === m.toolCallId)),
      `${where}: tool result ${m.toolCallId} answers no streamed tool call`,
    );
  }
  return messages;
}

export function assertPng(bytes) {
  assert.ok(bytes.length > 60, `a ${bytes.length}-byte image`);
  assert.deepEqual(
    new Uint8Array(bytes.subarray(0, 8)),
    PNG_SIGNATURE,
    "the file starts with the PNG signature",
  );
  assert.equal(Buffer.from(bytes.subarray(12, 16)).toString("latin1"), "IHDR");
}

export async function downloadFile(client, fileId) {
  const stream = await client.files.download({ fileId });
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Checks the multi-message answer of an image_generation request and returns where its image
// is: {fileId?, url?}.
export function assertImageMultiMessage(res, where) {
  assertNoUnknown(res, allowToolFile, where);
  assert.equal(typeof res.object, "string", `${where}: object`);
  assert.equal(res.choices.length, 1, `${where}: one choice`);
  const choice = res.choices[0];
  assert.ok(Array.isArray(choice.messages), `${where}: choices[0].messages missing`);
  assert.ok(choice.messages.length >= 2, `${where}: ${choice.messages.length} messages`);
  assert.equal(choice.finishReason, "stop", `${where}: finish_reason`);
  assertUsage(res.usage, where);

  const calls = choice.messages.flatMap((m) => m.toolCalls ?? []);
  assert.ok(calls.length >= 1, `${where}: no tool call for the image tool`);
  for (const call of calls) {
    assert.equal(typeof call.id, "string");
    assert.notEqual(call.id, "null", `${where}: a tool call without id`);
    assert.equal(typeof call.function.name, "string");
  }
  const results = choice.messages.filter((m) => m.role === "tool");
  for (const result of results) {
    assert.ok(
      calls.some((c) => c.id === result.toolCallId),
      `${where}: tool result ${result.toolCallId} answers no tool call`,
    );
  }
  assert.equal(choice.messages.at(-1).role, "assistant", `${where}: the last message`);

  const found = [];
  for (const message of choice.messages) {
    for (const chunk of contentChunks(message.content)) {
      if (isToolFileChunk(chunk)) {
        const file = parseToolFileChunk(chunk);
        found.push({ fileId: file.fileId, fileType: file.fileType });
      } else if (chunk.type === "image_url") {
        const url = typeof chunk.imageUrl === "string" ? chunk.imageUrl : chunk.imageUrl.url;
        const m = /\/v1\/files\/([^/?#]+)\/content/.exec(url);
        found.push({ url, fileId: m ? decodeURIComponent(m[1]) : undefined });
      }
    }
  }
  assert.ok(found.length >= 1, `${where}: no image_url or tool_file chunk in the messages`);
  return found.find((f) => f.fileId) ?? found[0];
}

// ---------------------------------------------------------------------------------------
// Loopback helpers

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Starts @modelcontextprotocol/server-everything in streamable HTTP mode on a free port and
// waits until it accepts connections. The server binds every interface (it has no host
// option); the tests only ever talk to it on 127.0.0.1.
export async function startEverythingServer({ attempts = 3, timeoutMs = 15000 } = {}) {
  const entry = path.join(
    here,
    "node_modules",
    "@modelcontextprotocol",
    "server-everything",
    "dist",
    "index.js",
  );
  let lastError = "";
  for (let attempt = 0; attempt < attempts; ++attempt) {
    const port = await freePort();
    const child = spawn(process.execPath, [entry, "streamableHttp"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    const append = (data) => {
      log += data.toString("utf8");
      if (log.length > 200000) {
        log = log.slice(-100000);
      }
    };
    child.stdout.on("data", append);
    child.stderr.on("data", append);
    let exited = false;
    child.once("exit", () => {
      exited = true;
    });

    const deadline = Date.now() + timeoutMs;
    let ready = false;
    while (!exited && Date.now() < deadline) {
      if (log.includes(`listening on port ${port}`) && (await canConnect(port))) {
        ready = true;
        break;
      }
      await sleep(50);
    }
    if (ready) {
      return {
        port,
        url: `http://127.0.0.1:${port}/mcp`,
        log: () => log,
        stop: () => stopChild(child),
      };
    }
    await stopChild(child);
    lastError = `server-everything on port ${port} did not come up:\n${log}`;
  }
  throw new Error(lastError);
}

export async function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
