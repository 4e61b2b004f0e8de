// SPDX-License-Identifier: GPL-3.0-or-later
// Contract tests for the demo seed: a second emulator started with --demo must serve seeded
// models, agents and connectors that the official SDK parses, and that work together (the demo
// agent's connector exists, the demo connectors' built-in MCP tools run).

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { Mistral } from "@mistralai/mistralai";
import * as components from "@mistralai/mistralai/models/components";

import { startEmulator } from "./emulator-process.mjs";
import {
  Say,
  allowToolFile,
  assertImageMultiMessage,
  assertNoUnknown,
  assertPng,
  contentText,
  downloadFile,
  uniqueTag,
} from "./support.mjs";

const program = process.env.TRAMONTANE_EMULATOR;

describe(
  "demo seed (--demo)",
  { skip: program ? false : "TRAMONTANE_EMULATOR is not set, so no demo emulator can start" },
  () => {
    let emulator;
    let client;
    let agents = [];
    let connectors = [];

    before(async () => {
      emulator = await startEmulator(program, ["--demo"]);
      client = new Mistral({
        apiKey: emulator.apiKey,
        serverURL: emulator.baseUrl,
        retryConfig: { strategy: "none" },
        timeoutMs: 30000,
      });
    });
    after(async () => {
      await emulator?.stop();
    });

    test("the seeded agents and connectors parse", async () => {
      const models = await client.models.list();
      assertNoUnknown(models, () => false, "models.list");

      for await (const page of await client.beta.agents.listPages({ pageSize: 20 })) {
        assertNoUnknown(page.result, () => false, "agents.listPages");
        agents.push(...page.result.data);
      }
      assert.ok(agents.length >= 1, "the seed has an agent");
      const legacy = await client.beta.agents.list({ page: 0, pageSize: 100 });
      assertNoUnknown(legacy, () => false, "agents.list");
      assert.deepEqual(legacy.map((a) => a.id).sort(), agents.map((a) => a.id).sort());

      const list = await client.beta.connectors.list({ pageSize: 100 });
      assertNoUnknown(list, () => false, "connectors.list");
      connectors = list.items;
      assert.ok(connectors.length >= 1, "the seed has a connector");
      for (const c of connectors) {
        const one = await client.beta.connectors.get({ connectorIdOrName: c.name });
        assertNoUnknown(one, () => false, `connectors.get ${c.name}`);
        assert.equal(one.id, c.id);
      }
    });

    test("every connector tool of a seeded agent names an existing connector", async () => {
      assert.ok(agents.length >= 1, "listing failed");
      const known = new Set(connectors.flatMap((c) => [c.id, c.name]));
      for (const agent of agents) {
        for (const tool of agent.tools ?? []) {
          if (tool.type !== "connector") {
            continue;
          }
          assert.ok(
            known.has(tool.connectorId),
            `agent "${agent.name}": connector_id ${JSON.stringify(tool.connectorId)} ` +
              `names no connector (known: ${[...known].join(", ")})`,
          );
        }
      }
    });

    test("the seeded connectors list their tools and run them in a chat", async () => {
      assert.ok(connectors.length >= 1, "listing failed");
      const model = (await client.models.list()).data.find(
        (m) => m.capabilities.completionChat,
      ).id;
      for (const c of connectors) {
        const tools = await client.beta.connectors.listTools({ connectorIdOrName: c.id });
        const names = tools.map((t, i) => {
          const r = components.MCPTool$inboundSchema.safeParse(t);
          assert.ok(r.success, `${c.name} tool ${i}: ${JSON.stringify(t)}: ${r.error}`);
          return r.data.name;
        });
        if (!names.includes("echo")) {
          continue;
        }
        const tag = uniqueTag("demo");
        const res = await client.chat.complete({
          model,
          tools: [{ type: "connector", connectorId: c.name }],
          messages: [{ role: "user", content: Say.useTool("echo", { message: tag }) }],
        });
        assertNoUnknown(res, allowToolFile, `chat.complete with ${c.name}`);
        const result = res.choices[0].messages?.find((m) => m.role === "tool");
        assert.ok(
          contentText(result?.content).includes(tag),
          `${c.name}: the tool result carries the echo: ${JSON.stringify(res.choices[0])}`,
        );
      }
    });

    test("the seeded agent draws through agents.complete", async () => {
      const drawer = agents.find((a) => (a.tools ?? []).some((t) => t.type === "image_generation"));
      assert.ok(drawer, "the seed has an agent with the image tool");
      const res = await client.agents.complete({
        agentId: drawer.id,
        messages: [{ role: "user", content: Say.image("a small boat", "tool_file") }],
      });
      const image = assertImageMultiMessage(res, "agents.complete (demo agent)");
      assert.ok(image.fileId, "a tool_file chunk with a file id");
      assertPng(await downloadFile(client, image.fileId));
    });
  },
);
