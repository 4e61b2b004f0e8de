#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// The official TypeScript SDK's side of decode_bench: recorded chat completion streams go
// through the SDK's own stream decoding, exactly as chat.stream() sets it up (EventStream with
// the CompletionEvent inbound schema, "[DONE]" ending the stream), fed from an in-memory
// ReadableStream in the same pieces as the client, so no network is involved.
//
// Usage: node decode_bench.mjs SDK_DIR PIECE_BYTES PASSES FILE:REPEATS...
// Prints one JSON line per file: {"file", "bytes", "events", "seconds"}, where seconds is the
// process's CPU time (user and system, all threads: the garbage collector's too) of the best
// pass; each pass decodes the file REPEATS times, each time as a new stream.

import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [sdkDir, pieceArg, passesArg, ...specs] = process.argv.slice(2);
if (!sdkDir || !pieceArg || !passesArg || specs.length === 0) {
  console.error("usage: decode_bench.mjs SDK_DIR PIECE_BYTES PASSES FILE:REPEATS...");
  process.exit(2);
}
const pieceBytes = Number(pieceArg);
const passes = Number(passesArg);

const sdkModule = (relative) => import(pathToFileURL(path.join(sdkDir, "esm", relative)).href);
const { EventStream } = await sdkModule("lib/event-streams.js");
const { CompletionEvent$inboundSchema } = await sdkModule("models/components/completionevent.js");

// The parse callback of chat.stream() (funcs/chatStream.js).
function parseEvent(rawEvent) {
  if (rawEvent.data === "[DONE]") {
    return { done: true, value: undefined };
  }
  return { done: false, value: CompletionEvent$inboundSchema.parse(rawEvent) };
}

function bodyOf(pieces) {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next < pieces.length) {
        controller.enqueue(pieces[next++]);
      } else {
        controller.close();
      }
    },
  });
}

async function decode(pieces) {
  let events = 0;
  for await (const event of new EventStream(bodyOf(pieces), parseEvent)) {
    if (event.data.choices.length === 0) {
      throw new Error("a chunk without choices");
    }
    ++events;
  }
  return events;
}

for (const spec of specs) {
  const colon = spec.lastIndexOf(":");
  const file = spec.slice(0, colon);
  const repeats = Number(spec.slice(colon + 1));
  const bytes = readFileSync(file);
  const pieces = [];
  for (let at = 0; at < bytes.length; at += pieceBytes) {
    pieces.push(new Uint8Array(bytes.buffer, bytes.byteOffset + at,
                               Math.min(pieceBytes, bytes.length - at)));
  }
  const events = await decode(pieces); // warm-up, and the event count
  let best = Infinity;
  for (let pass = 0; pass < passes; ++pass) {
    const start = process.cpuUsage();
    for (let i = 0; i < repeats; ++i) {
      await decode(pieces);
    }
    const used = process.cpuUsage(start);
    const seconds = (used.user + used.system) / 1e6;
    best = Math.min(best, seconds);
  }
  console.log(JSON.stringify({ file, bytes: bytes.length * repeats, events, seconds: best }));
}
