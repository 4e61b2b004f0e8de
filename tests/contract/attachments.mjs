// SPDX-License-Identifier: GPL-3.0-or-later
// Contract tests of what a chat brings along: images and documents in chat requests (within the
// API's limits), file uploads, signed URLs, OCR, and continuing an answer from an assistant
// prefix. The official SDK builds every request and parses every answer with its own schemas.
//
// Run through run-contract.mjs, which starts the emulator and sets TRAMONTANE_BASE_URL and
// TRAMONTANE_API_KEY.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import zlib from "node:zlib";

import {
  assertHttpError,
  assertNoUnknown,
  collectStream,
  contentText,
  emulatorEnv,
  makeClient,
  uniqueTag,
} from "./support.mjs";

const visionModel = "mistral-small-latest";
const textOnlyModel = "codestral-latest";

// CRC-32 of PNG chunks.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

// A plain RGB PNG of one colour, with an optional tEXt "Description" (the text OCR reads).
function png(width, height, [r, g, b], description) {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
  ];
  if (description) {
    parts.push(pngChunk("tEXt", Buffer.from(`Description\0${description}`, "latin1")));
  }
  parts.push(pngChunk("IDAT", zlib.deflateSync(raw)), pngChunk("IEND", Buffer.alloc(0)));
  return Buffer.concat(parts);
}

const dataUrl = (bytes, mime = "image/png") => `data:${mime};base64,${bytes.toString("base64")}`;

function userWith(text, ...chunks) {
  return [{ role: "user", content: [{ type: "text", text }, ...chunks] }];
}

async function upload(client, name, bytes, purpose = "ocr") {
  const file = await client.files.upload({
    file: { fileName: name, content: new Uint8Array(bytes) },
    purpose,
  });
  assertNoUnknown(file, () => false, "files.upload");
  return file;
}

describe("images in chat requests", () => {
  const client = makeClient();

  test("a data URL, as a string or as {url, detail}, is read and described", async () => {
    const red = dataUrl(png(64, 48, [220, 20, 30]));
    const blue = dataUrl(png(10, 20, [20, 40, 230]));
    const res = await client.chat.complete({
      model: visionModel,
      messages: userWith(
        "What is in these pictures?",
        { type: "image_url", imageUrl: red },
        { type: "image_url", imageUrl: { url: blue, detail: "low" } },
      ),
    });
    assertNoUnknown(res, () => false, "chat.complete (images)");
    const text = contentText(res.choices[0].message.content);
    assert.match(text, /Image 1: PNG, 64×48 pixels, .*mostly red/);
    assert.match(text, /Image 2: PNG, 10×20 pixels, .*mostly blue/);
  });

  test("streamed, the answer is the same", async () => {
    const messages = userWith("Stream it", { type: "image_url", imageUrl: dataUrl(png(8, 8, [30, 200, 40])) });
    const chunks = await collectStream(await client.chat.stream({ model: visionModel, messages }));
    const streamed = chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");
    assert.match(streamed, /Image 1: PNG, 8×8 pixels, .*mostly green/);
  });

  test("a model without vision refuses images with a 400", async () => {
    const err = await assertHttpError(
      client.chat.complete({
        model: textOnlyModel,
        messages: userWith("Look", { type: "image_url", imageUrl: dataUrl(png(4, 4, [0, 0, 0])) }),
      }),
      400,
      "chat.complete (no vision)",
    );
    assert.match(err.body, /does not accept images/);
  });

  test("more than 8 images in one request are refused", async () => {
    const one = { type: "image_url", imageUrl: dataUrl(png(2, 2, [9, 9, 9])) };
    const err = await assertHttpError(
      client.chat.complete({
        model: visionModel,
        messages: userWith("Nine", ...Array.from({ length: 9 }, () => one)),
      }),
      400,
      "chat.complete (9 images)",
    );
    assert.match(err.body, /at most 8/);
    // Eight pass.
    const res = await client.chat.complete({
      model: visionModel,
      messages: userWith("Eight", ...Array.from({ length: 8 }, () => one)),
    });
    assert.match(contentText(res.choices[0].message.content), /Image 8: PNG/);
  });

  test("an image wider than 10000 pixels is refused", async () => {
    const err = await assertHttpError(
      client.chat.complete({
        model: visionModel,
        messages: userWith("Wide", {
          type: "image_url",
          imageUrl: dataUrl(png(10001, 1, [255, 255, 255])),
        }),
      }),
      400,
      "chat.complete (10001 px)",
    );
    assert.match(err.body, /10001×1 pixels; images may be at most 10000×10000/);
  });

  test("an image over 10 MB is refused", async () => {
    const big = Buffer.concat([png(1, 1, [0, 0, 0]), randomBytes(10 * 1024 * 1024 + 10)]);
    const err = await assertHttpError(
      client.chat.complete({
        model: visionModel,
        messages: userWith("Big", { type: "image_url", imageUrl: dataUrl(big) }),
      }),
      400,
      "chat.complete (over 10 MB)",
    );
    assert.match(err.body, /images may be at most 10 MB/);
  });

  test("bytes that are not an image, or a data URL of another type, are refused", async () => {
    for (const [url, pattern] of [
      [dataUrl(Buffer.from("not a picture at all")), /could not be decoded as an image/],
      [dataUrl(Buffer.from("hello"), "text/plain"), /not an image/],
      ["data:image/png;base64,@@@@", /not valid base64/],
    ]) {
      const err = await assertHttpError(
        client.chat.complete({
          model: visionModel,
          messages: userWith("Bad", { type: "image_url", imageUrl: url }),
        }),
        400,
        "chat.complete (bad image)",
      );
      assert.match(err.body, pattern);
    }
  });
});

describe("images in conversation inputs", () => {
  const client = makeClient();

  test("an image in an input is described; a model without vision refuses it", async () => {
    const res = await client.beta.conversations.start({
      model: visionModel,
      inputs: [
        {
          role: "user",
          content: [
            { type: "text", text: "What colour?" },
            { type: "image_url", imageUrl: dataUrl(png(12, 6, [250, 210, 20])) },
          ],
        },
      ],
    });
    assertNoUnknown(res, () => false, "conversations.start (image)");
    const text = contentText(res.outputs.at(-1).content);
    assert.match(text, /Image 1: PNG, 12×6 pixels, .*mostly yellow/);

    await assertHttpError(
      client.beta.conversations.start({
        model: textOnlyModel,
        inputs: [
          {
            role: "user",
            content: [{ type: "image_url", imageUrl: dataUrl(png(2, 2, [1, 2, 3])) }],
          },
        ],
      }),
      400,
      "conversations.start (no vision)",
    );
  });
});

describe("files and documents", () => {
  const client = makeClient();

  test("upload, list, retrieve, sign, read in a chat, delete", async () => {
    const tag = uniqueTag("doc");
    const text = `Minutes of ${tag}\nWe agreed on everything.\n`;
    const file = await upload(client, `${tag}.txt`, Buffer.from(text));
    assert.equal(file.object, "file");
    assert.equal(file.sizeBytes, Buffer.byteLength(text));
    assert.equal(file.filename, `${tag}.txt`);
    assert.equal(file.purpose, "ocr");
    assert.equal(file.source, "upload");

    const list = await client.files.list({ search: tag });
    assertNoUnknown(list, () => false, "files.list");
    assert.deepEqual(
      list.data.map((f) => f.id),
      [file.id],
    );
    const meta = await client.files.retrieve({ fileId: file.id });
    assert.equal(meta.id, file.id);

    const signed = await client.files.getSignedUrl({ fileId: file.id, expiry: 1 });
    const res = await client.chat.complete({
      model: visionModel,
      messages: userWith("Summarise this", {
        type: "document_url",
        documentUrl: signed.url,
        documentName: "minutes.txt",
      }),
    });
    const answer = contentText(res.choices[0].message.content);
    assert.match(answer, /Document 1 \(minutes\.txt\): TEXT, 1 page/);
    assert.ok(answer.includes(`Minutes of ${tag}`), answer);

    const deleted = await client.files.delete({ fileId: file.id });
    assertNoUnknown(deleted, () => false, "files.delete");
    assert.equal(deleted.deleted, true);
    await assertHttpError(client.files.retrieve({ fileId: file.id }), 404, "files.retrieve");
  });

  test("the file's URL without its signature cannot be read by the service", async () => {
    const file = await upload(client, "secret.txt", Buffer.from("hidden"));
    const signed = await client.files.getSignedUrl({ fileId: file.id });
    const unsigned = signed.url.replace(/\?.*$/, "");
    const err = await assertHttpError(
      client.chat.complete({
        model: visionModel,
        messages: userWith("Read", { type: "document_url", documentUrl: unsigned }),
      }),
      400,
      "chat.complete (unsigned document URL)",
    );
    assert.match(err.body, /could not be downloaded/);
  });

  test("an upload without a file is a 422 at body.file", async () => {
    const { baseUrl, apiKey } = emulatorEnv();
    const form = new FormData();
    form.append("purpose", "ocr");
    const res = await fetch(`${baseUrl}/v1/files`, {
      method: "POST",
      headers: { Authorization: `Bearer ${apiKey}` },
      body: form,
    });
    assert.equal(res.status, 422);
    const body = await res.json();
    assert.deepEqual(body.detail[0].loc, ["body", "file"]);
  });
});

describe("OCR", () => {
  const client = makeClient();

  test("a text document by signed URL, by file id, and only the pages asked for", async () => {
    const file = await upload(client, "pages.txt", Buffer.from("First page\fSecond page\fThird"));
    const signed = await client.files.getSignedUrl({ fileId: file.id });
    const byUrl = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: { type: "document_url", documentUrl: signed.url },
    });
    assertNoUnknown(byUrl, () => false, "ocr.process");
    assert.deepEqual(
      byUrl.pages.map((p) => p.markdown),
      ["First page", "Second page", "Third"],
    );
    assert.equal(byUrl.usageInfo.pagesProcessed, 3);

    const byId = await client.ocr.process({
      model: null,
      document: { type: "file", fileId: file.id },
      pages: [1],
    });
    assert.deepEqual(
      byId.pages.map((p) => [p.index, p.markdown]),
      [[1, "Second page"]],
    );
    const ranged = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: { type: "file", fileId: file.id },
      pages: "0,2-2",
    });
    assert.deepEqual(
      ranged.pages.map((p) => p.index),
      [0, 2],
    );
    await assertHttpError(
      client.ocr.process({
        model: "mistral-ocr-latest",
        document: { type: "file", fileId: file.id },
        pages: [7],
      }),
      400,
      "ocr.process (page out of range)",
    );
  });

  test("an image: its dimensions, and its text", async () => {
    const res = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: {
        type: "image_url",
        imageUrl: dataUrl(png(30, 20, [255, 255, 255], "Invoice 42")),
      },
    });
    assert.equal(res.pages.length, 1);
    assert.equal(res.pages[0].markdown, "Invoice 42");
    assert.deepEqual([res.pages[0].dimensions.width, res.pages[0].dimensions.height], [30, 20]);
  });

  test("a DOCX or PPTX file is read; bytes of no known format are refused", async () => {
    const docx = await upload(client, "minutes.docx", Buffer.from("PK\x03\x04 not unpacked"));
    const read = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: { type: "file", fileId: docx.id },
    });
    assertNoUnknown(read, () => false, "ocr.process (docx)");
    assert.equal(read.pages.length, 1);
    assert.match(read.pages[0].markdown, /^DOCX document minutes\.docx/);
    const binary = await upload(client, "blob.bin", Buffer.from([1, 2, 0, 3]));
    await assertHttpError(
      client.ocr.process({ model: "mistral-ocr-latest", document: { type: "file", fileId: binary.id } }),
      400,
      "ocr.process (unknown format)",
    );
  });

  test("a chat model cannot do OCR", async () => {
    const file = await upload(client, "x.txt", Buffer.from("x"));
    await assertHttpError(
      client.ocr.process({ model: visionModel, document: { type: "file", fileId: file.id } }),
      400,
      "ocr.process (chat model)",
    );
  });
});

describe("continuing an answer from an assistant prefix", () => {
  const client = makeClient();

  test("an answer cut by max_tokens continues to the same whole answer", async () => {
    const question = `Tell me about ${uniqueTag("cont")}`;
    const whole = await client.chat.complete({
      model: visionModel,
      messages: [{ role: "user", content: question }],
    });
    const full = contentText(whole.choices[0].message.content);

    const cut = await client.chat.complete({
      model: visionModel,
      maxTokens: 10,
      messages: [{ role: "user", content: question }],
    });
    assert.equal(cut.choices[0].finishReason, "length");
    const partial = contentText(cut.choices[0].message.content);
    assert.ok(full.startsWith(partial) && partial.length < full.length);

    const messages = [
      { role: "user", content: question },
      { role: "assistant", content: partial, prefix: true },
    ];
    const continued = await client.chat.complete({ model: visionModel, messages });
    assertNoUnknown(continued, () => false, "chat.complete (prefix)");
    assert.equal(continued.choices[0].finishReason, "stop");
    // The answer starts with the prefix, as the documentation's examples show.
    assert.equal(contentText(continued.choices[0].message.content), full);

    const chunks = await collectStream(await client.chat.stream({ model: visionModel, messages }));
    const streamed = chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");
    assert.equal(streamed, full);

    // The other form a server may use: only the continuation.
    const { baseUrl } = emulatorEnv();
    const config = (body) =>
      fetch(`${baseUrl}/__admin/config`, { method: "POST", body: JSON.stringify(body) });
    assert.equal((await config({ prefix_echo: false })).status, 200);
    try {
      const rest = await client.chat.complete({ model: visionModel, messages });
      assert.equal(contentText(rest.choices[0].message.content), full.slice(partial.length));
    } finally {
      await config({ prefix_echo: true });
    }
  });
});
