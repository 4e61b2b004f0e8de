// SPDX-License-Identifier: GPL-3.0-or-later
// Contract tests of the Conversations API: the official SDK's beta.conversations calls against
// the emulator. The SDK validates every answer and every stream event with its own schemas (a
// mismatch throws); on top of that, no union member may come back as unknown.
//
// Run through run-contract.mjs, which starts the emulator and sets TRAMONTANE_BASE_URL and
// TRAMONTANE_API_KEY.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { assertNoUnknown, emulatorEnv, makeClient, uniqueTag } from "./support.mjs";

const model = "mistral-small-latest";

// Collects a conversation stream: the events in order, checked to end with done (or error).
async function collectEvents(stream, where) {
  const events = [];
  for await (const event of stream) {
    assert.ok(event.data, `${where}: event without data`);
    assert.equal(event.event, event.data.type, `${where}: the event line repeats data.type`);
    events.push(event.data);
  }
  assertNoUnknown(events, () => false, where);
  assert.ok(events.length >= 2, `${where}: too few events`);
  assert.equal(events[0].type, "conversation.response.started", `${where}: first event`);
  return events;
}

function messageText(events) {
  return events
    .filter((e) => e.type === "message.output.delta" && typeof e.content === "string")
    .map((e) => e.content)
    .join("");
}

function assertResponse(res, where) {
  assertNoUnknown(res, () => false, where);
  assert.equal(res.object, "conversation.response", `${where}: object`);
  assert.match(res.conversationId, /^conv_/, `${where}: conversation id`);
  assert.ok(res.outputs.length >= 1, `${where}: outputs`);
  assert.ok(res.usage.totalTokens > 0, `${where}: usage`);
}

describe("conversations", () => {
  const client = makeClient();

  test("start, then append to the same conversation, then read its history", async () => {
    const tag = uniqueTag("conv");
    const started = await client.beta.conversations.start({ model, inputs: `Hello ${tag}` });
    assertResponse(started, "start");
    const answer = started.outputs[0];
    assert.equal(answer.type, "message.output");
    assert.ok(answer.content.includes(tag), "the answer quotes the message");

    const appended = await client.beta.conversations.append({
      conversationId: started.conversationId,
      conversationAppendRequest: { inputs: [{ role: "user", content: `Again ${tag}` }] },
    });
    assertResponse(appended, "append");
    assert.equal(appended.conversationId, started.conversationId);

    const history = await client.beta.conversations.getHistory({
      conversationId: started.conversationId,
    });
    assertNoUnknown(history, () => false, "history");
    assert.equal(history.entries.length, 4, "two inputs and two outputs");
    assert.deepEqual(
      history.entries.map((e) => e.type),
      ["message.input", "message.output", "message.input", "message.output"],
    );
  });

  test("list, get, messages and delete", async () => {
    const tag = uniqueTag("list");
    const started = await client.beta.conversations.start({
      model,
      inputs: `Hello ${tag}`,
      instructions: "Be brief.",
    });
    const id = started.conversationId;
    await client.beta.conversations.append({
      conversationId: id,
      conversationAppendRequest: { inputs: `Again ${tag}` },
    });

    const listed = await client.beta.conversations.list({ page: 0, pageSize: 100 });
    assertNoUnknown(listed, () => false, "list");
    assert.equal(listed[0].id, id, "the newest conversation comes first");
    assert.equal(listed[0].model, model);
    const one = await client.beta.conversations.get({ conversationId: id });
    assertNoUnknown(one, () => false, "get");
    assert.equal(one.object, "conversation");
    assert.equal(one.instructions, "Be brief.");
    assert.ok(one.updatedAt >= one.createdAt, "updated after created");

    const messages = await client.beta.conversations.getMessages({ conversationId: id });
    assertNoUnknown(messages, () => false, "messages");
    assert.equal(messages.object, "conversation.messages");
    assert.equal(messages.conversationId, id);
    assert.deepEqual(
      messages.messages.map((m) => m.type),
      ["message.input", "message.output", "message.input", "message.output"],
    );

    await client.beta.conversations.delete({ conversationId: id });
    await assert.rejects(client.beta.conversations.get({ conversationId: id }), (err) => {
      assert.equal(err.statusCode, 404);
      return true;
    });
  });

  test("a streamed web search sends tool events and cited chunks, and ends at done", async () => {
    const stream = await client.beta.conversations.startStream({
      model,
      inputs: "search the tramontane",
      tools: [{ type: "web_search" }],
    });
    const events = await collectEvents(stream, "web search stream");
    const types = events.map((e) => e.type);
    assert.deepEqual(types.slice(1, 5), [
      "tool.execution.started",
      "tool.execution.delta",
      "tool.execution.delta",
      "tool.execution.done",
    ]);
    assert.equal(types.at(-1), "conversation.response.done");
    const args = events
      .filter((e) => e.type === "tool.execution.delta")
      .map((e) => e.arguments)
      .join("");
    assert.deepEqual(JSON.parse(args), { query: "search the tramontane" });
    const references = events.filter(
      (e) => e.type === "message.output.delta" && e.content?.type === "tool_reference",
    );
    assert.equal(references.length, 3, "three tool_reference chunks");
    assert.ok(messageText(events).includes("northern wind"));
    assert.equal(events.at(-1).usage.connectors.web_search, 1);
  });

  test("a code interpreter run carries its code and output in info", async () => {
    const res = await client.beta.conversations.start({
      model,
      inputs: "calculate 40 and 2",
      tools: [{ type: "code_interpreter" }],
    });
    assertResponse(res, "code interpreter");
    const run = res.outputs[0];
    assert.equal(run.type, "tool.execution");
    assert.equal(run.name, "code_interpreter");
    assert.equal(run.info.code_output, "42\n");
    assert.equal(res.outputs[1].type, "message.output");
  });

  test("image generation answers with a tool_file chunk", async () => {
    const res = await client.beta.conversations.start({
      model,
      inputs: "draw a lighthouse",
      tools: [{ type: "image_generation" }],
    });
    assertResponse(res, "image generation");
    assert.equal(res.outputs[0].type, "tool.execution");
    assert.equal(res.outputs[0].name, "image_generation");
    const file = res.outputs[1].content.find((c) => c.type === "tool_file");
    assert.ok(file, "a tool_file chunk");
    assert.equal(file.tool, "image_generation");
    assert.equal(file.fileType, "png");
    const bytes = await client.files.download({ fileId: file.fileId });
    assert.ok(bytes, "the file downloads");
  });

  test("an agent with handoffs hands off, streamed", async () => {
    const tag = uniqueTag("h");
    const next = await client.beta.agents.create({ model, name: `Researcher ${tag}` });
    const first = await client.beta.agents.create({
      model,
      name: `Front ${tag}`,
      handoffs: [next.id],
    });
    const stream = await client.beta.conversations.startStream({
      agentId: first.id,
      inputs: "please hand off",
    });
    const events = await collectEvents(stream, "handoff stream");
    const started = events.find((e) => e.type === "agent.handoff.started");
    const done = events.find((e) => e.type === "agent.handoff.done");
    assert.equal(started.previousAgentId, first.id);
    assert.equal(done.nextAgentId, next.id);
    assert.equal(done.nextAgentName, `Researcher ${tag}`);
    const message = events.find((e) => e.type === "message.output.delta");
    assert.equal(message.agentId, next.id);
    assert.equal(events.at(-1).type, "conversation.response.done");
  });

  test("appendStream and restartStream continue and branch a conversation", async () => {
    const started = await client.beta.conversations.start({ model, inputs: "first" });
    const stream = await client.beta.conversations.appendStream({
      conversationId: started.conversationId,
      conversationAppendStreamRequest: { inputs: "second" },
    });
    const events = await collectEvents(stream, "append stream");
    assert.equal(events[0].conversationId, started.conversationId);
    assert.ok(messageText(events).includes("second"));

    const history = await client.beta.conversations.getHistory({
      conversationId: started.conversationId,
    });
    const restarted = await client.beta.conversations.restartStream({
      conversationId: started.conversationId,
      conversationRestartStreamRequest: {
        // The first answer: the new conversation keeps it and what came before it.
        fromEntryId: history.entries[1].id,
        inputs: "second, edited",
      },
    });
    const branch = await collectEvents(restarted, "restart stream");
    assert.notEqual(branch[0].conversationId, started.conversationId);
    assert.ok(messageText(branch).includes("second, edited"));
    const branched = await client.beta.conversations.getHistory({
      conversationId: branch[0].conversationId,
    });
    assert.equal(branched.entries.length, 4);
    assert.equal(branched.entries[2].content, "second, edited");
  });

  test("a connector tool that needs a confirmation waits, then runs once allowed", async () => {
    const tag = uniqueTag("c");
    const { baseUrl } = emulatorEnv();
    const connector = await client.beta.connectors.create({
      name: `confirm_${tag}`,
      description: "Tools that need a confirmation",
      server: `${baseUrl}/__mcp`,
      protocol: "mcp",
      visibility: "private",
    });
    const tools = [
      {
        type: "connector",
        connectorId: connector.name,
        toolConfiguration: { requiresConfirmation: ["echo"] },
      },
    ];
    const started = await client.beta.conversations.start({
      model,
      inputs: `use tool echo {"message":"${tag}"}`,
      tools,
    });
    assertResponse(started, "pending call");
    const call = started.outputs[0];
    assert.equal(call.type, "function.call");
    assert.equal(call.confirmationStatus, "pending");

    const stream = await client.beta.conversations.appendStream({
      conversationId: started.conversationId,
      conversationAppendStreamRequest: {
        toolConfirmations: [{ toolCallId: call.toolCallId, confirmation: "allow" }],
      },
    });
    const events = await collectEvents(stream, "confirmed call");
    assert.ok(events.some((e) => e.type === "tool.execution.done" && e.name === "echo"));
    assert.ok(messageText(events).includes(`Echo: ${tag}`));
  });

  test("a response error ends the stream with conversation.response.error", async () => {
    const stream = await client.beta.conversations.startStream({
      model,
      inputs: "response error",
    });
    const events = await collectEvents(stream, "error stream");
    const last = events.at(-1);
    assert.equal(last.type, "conversation.response.error");
    assert.equal(typeof last.message, "string");
    assert.ok(Number.isInteger(last.code));
  });
});
