// SPDX-License-Identifier: GPL-3.0-or-later
// Contract tests of document libraries: the official SDK's beta.libraries and
// beta.libraries.documents calls against the emulator. The SDK validates every answer with its
// own schemas (a mismatch throws).
//
// Run through run-contract.mjs, which starts the emulator and sets TRAMONTANE_BASE_URL and
// TRAMONTANE_API_KEY.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { assertHttpError, assertNoUnknown, makeClient, uniqueTag } from "./support.mjs";

const processing = new Set(["todo", "in_progress", "waiting_for_capacity"]);

// Polls a document's status until its processing is over; returns the last status.
async function waitProcessed(client, libraryId, documentId) {
  for (let i = 0; i < 100; ++i) {
    const status = await client.beta.libraries.documents.status({ libraryId, documentId });
    assertNoUnknown(status, () => false, "documents.status");
    assert.equal(status.documentId, documentId);
    if (!processing.has(status.processStatus)) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`document ${documentId} never finished processing`);
}

describe("document libraries", () => {
  const client = makeClient();

  test("create, list, get, update, then delete a library", async () => {
    const name = uniqueTag("lib");
    const created = await client.beta.libraries.create({ name, description: "Reading" });
    assertNoUnknown(created, () => false, "libraries.create");
    assert.equal(created.name, name);
    assert.equal(created.description, "Reading");
    assert.equal(created.nbDocuments, 0);
    assert.equal(created.totalSize, 0);
    assert.ok(created.createdAt instanceof Date);

    const listed = await client.beta.libraries.list();
    assertNoUnknown(listed, () => false, "libraries.list");
    assert.ok(listed.data.some((l) => l.id === created.id), "the new library is listed");
    const paged = await client.beta.libraries.list({ pageSize: 1 });
    assert.equal(paged.data.length, 1);

    const got = await client.beta.libraries.get({ libraryId: created.id });
    assert.equal(got.id, created.id);

    const renamed = await client.beta.libraries.update({
      libraryId: created.id,
      updateLibraryRequest: { name: `${name}-2` },
    });
    assert.equal(renamed.name, `${name}-2`);
    assert.equal(renamed.description, "Reading");
    const put = await client.beta.libraries.librariesUpdateV1({
      libraryId: created.id,
      updateLibraryRequest: { name: `${name}-3`, description: null },
    });
    assert.equal(put.name, `${name}-3`);
    assert.equal(put.description, null);

    const deleted = await client.beta.libraries.delete({ libraryId: created.id });
    assert.equal(deleted?.id, created.id);
    await assertHttpError(client.beta.libraries.get({ libraryId: created.id }), 404, "get deleted");
  });

  test("upload documents, watch them process, read and delete them", async () => {
    const library = await client.beta.libraries.create({ name: uniqueTag("docs") });
    const text = `The tramontane ${uniqueTag("w")} blows from the north.`;
    const uploaded = await client.beta.libraries.documents.upload({
      libraryId: library.id,
      requestBody: { file: { fileName: "wind.txt", content: new TextEncoder().encode(text) } },
    });
    assertNoUnknown(uploaded, () => false, "documents.upload");
    assert.equal(uploaded.libraryId, library.id);
    assert.equal(uploaded.name, "wind.txt");
    assert.equal(uploaded.size, text.length);
    assert.ok(processing.has(uploaded.processStatus), `processing at first: ${uploaded.processStatus}`);

    const empty = await client.beta.libraries.documents.upload({
      libraryId: library.id,
      requestBody: { file: { fileName: "empty.txt", content: new Uint8Array() } },
    });

    const listed = await client.beta.libraries.documents.list({ libraryId: library.id });
    assertNoUnknown(listed, () => false, "documents.list");
    assert.equal(listed.pagination.totalItems, 2);
    assert.equal(listed.data.length, 2);
    const page = await client.beta.libraries.documents.list({
      libraryId: library.id,
      pageSize: 1,
      page: 1,
    });
    assert.equal(page.data.length, 1);
    assert.equal(page.pagination.currentPage, 1);
    assert.equal(page.pagination.hasMore, false);

    const done = await waitProcessed(client, library.id, uploaded.id);
    assert.equal(done.processStatus, "done");
    const failed = await waitProcessed(client, library.id, empty.id);
    assert.equal(failed.processStatus, "error");

    const got = await client.beta.libraries.documents.get({
      libraryId: library.id,
      documentId: uploaded.id,
    });
    assertNoUnknown(got, () => false, "documents.get");
    assert.equal(got.processStatus, "done");
    assert.equal(got.numberOfPages, 1);
    assert.ok(got.lastProcessedAt instanceof Date);

    const content = await client.beta.libraries.documents.textContent({
      libraryId: library.id,
      documentId: uploaded.id,
    });
    assert.equal(content.text, text);

    const totals = await client.beta.libraries.get({ libraryId: library.id });
    assert.equal(totals.nbDocuments, 2);
    assert.equal(totals.totalSize, text.length);

    await client.beta.libraries.documents.delete({ libraryId: library.id, documentId: empty.id });
    await assertHttpError(
      client.beta.libraries.documents.get({ libraryId: library.id, documentId: empty.id }),
      404,
      "get deleted document",
    );
    assert.equal((await client.beta.libraries.get({ libraryId: library.id })).nbDocuments, 1);
    await client.beta.libraries.delete({ libraryId: library.id });
  });

  test("a conversation with a document_library tool cites its document", async () => {
    const library = await client.beta.libraries.create({ name: uniqueTag("cite") });
    const uploaded = await client.beta.libraries.documents.upload({
      libraryId: library.id,
      requestBody: {
        file: {
          fileName: "harbour.txt",
          content: new TextEncoder().encode("The harbour closes at dusk when the mistral blows."),
        },
      },
    });
    await waitProcessed(client, library.id, uploaded.id);
    const tools = [{ type: "document_library", libraryIds: [library.id] }];
    const inputs = "When does the harbour close?";
    const model = "mistral-small-latest";

    const answer = await client.beta.conversations.start({ model, inputs, tools });
    assertNoUnknown(answer, () => false, "document_library answer");
    const run = answer.outputs.find((o) => o.type === "tool.execution");
    assert.equal(run?.name, "document_library");
    const message = answer.outputs.find((o) => o.type === "message.output");
    const references = message.content.filter((c) => c.type === "tool_reference");
    assert.equal(references.length, 1, "one cited document");
    assert.equal(references[0].title, "harbour.txt");

    const stream = await client.beta.conversations.startStream({ model, inputs, tools });
    const events = [];
    for await (const event of stream) events.push(event.data);
    assertNoUnknown(events, () => false, "document_library stream");
    const done = events.find((e) => e.type === "tool.execution.done");
    assert.equal(done?.name, "document_library");
    assert.ok(
      events.some((e) => e.type === "message.output.delta" && e.content?.type === "tool_reference"),
      "the stream cites the document",
    );
    assert.equal(events.at(-1).type, "conversation.response.done");
    await client.beta.libraries.delete({ libraryId: library.id });
  });

  test("unknown ids are 404s", async () => {
    const unknown = "3e1f4c55-8a2b-4d6e-9f10-2b3c4d5e6f70";
    await assertHttpError(client.beta.libraries.get({ libraryId: unknown }), 404, "get");
    await assertHttpError(
      client.beta.libraries.documents.list({ libraryId: unknown }),
      404,
      "documents.list",
    );
  });
});
