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

// Phrases understood by the emulator's scripted assistant. They are the only coupling between
// this suite and the emulator's script, so they live here.
export const Say = {
  // The assistant answers with text that contains everything after the word "echo".
  echo: (text) => `echo ${text}`,
  // The assistant answers with a long markdown text (N paragraphs), streamed in many chunks.
  long: (n) => `long ${n}`,
  // With an image_generation tool present, the assistant generates a picture.
  image: (subject) => `draw ${subject}`,
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
// text it carried.
export function assertCompletionStream(chunks, where) {
  assert.ok(chunks.length >= 2, `${where}: expected a role chunk and a final chunk`);
  const id = chunks[0].id;
  let text = "";
  chunks.forEach((chunk, i) => {
    const at = `${where} chunk ${i}`;
    assertNoUnknown(chunk, allowToolFile, at);
    assert.equal(chunk.id, id, `${at}: all chunks of one completion share an id`);
    assert.equal(chunk.object, "chat.completion.chunk", `${at}: object`);
    assert.ok(Number.isInteger(chunk.created), `${at}: created`);
    assert.equal(typeof chunk.model, "string", `${at}: model`);
    assert.equal(chunk.choices.length, 1, `${at}: one choice`);
    const choice = chunk.choices[0];
    assert.equal(choice.index, 0, `${at}: choice index`);
    if (i === 0) {
      assert.equal(choice.delta.role, "assistant", `${at}: the first delta carries the role`);
    }
    const last = i === chunks.length - 1;
    if (last) {
      assert.equal(choice.finishReason, "stop", `${at}: finish_reason on the last chunk`);
      assertUsage(chunk.usage, `${at} (last)`);
    } else {
      assert.equal(choice.finishReason, null, `${at}: finish_reason before the end`);
      assert.equal(chunk.usage, undefined, `${at}: usage before the last chunk`);
    }
    text += contentText(choice.delta.content);
  });
  return text;
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
