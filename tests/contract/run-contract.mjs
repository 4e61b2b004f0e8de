#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the contract tests: starts the emulator named by TRAMONTANE_EMULATOR on a free loopback
// port with a random API key, runs `node --test` on the contract files against it, stops the
// emulator and exits with the test runner's status.
//
// Exit status 77 means "skipped": the npm packages are not installed (scripts/install-deps
// installs them). Under CI (CI set in the environment) that is a failure instead.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { startEmulator } from "./emulator-process.mjs";

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const testFiles = [
  "sdk-contract.mjs",
  "mcp-connector.mjs",
  "demo-seed.mjs",
  "conversations.mjs",
  "attachments.mjs",
  "connector-auth.mjs",
  "libraries.mjs",
].map((f) => path.join(here, f));

function fail(message) {
  console.error(`run-contract: ${message}`);
  process.exit(1);
}

const required = [
  ["@mistralai", "mistralai", "package.json"],
  ["@modelcontextprotocol", "server-everything", "dist", "index.js"],
];
const missing = required.filter((p) => !existsSync(path.join(here, "node_modules", ...p)));
if (missing.length > 0) {
  const what = missing.map((p) => p.slice(0, 2).join("/")).join(", ");
  const message = `the npm packages are not installed (${what}); run scripts/install-deps`;
  if (process.env.CI) {
    fail(`${message} (CI must run the contract tests, not skip them)`);
  }
  console.log(`run-contract: SKIPPED: ${message}`);
  process.exit(SKIP);
}

const [nodeMajor, nodeMinor] = process.versions.node.split(".").map(Number);
if (nodeMajor < 20) {
  fail(`the contract tests need Node.js 20 or newer (this is ${process.version})`);
}

const emulatorProgram = process.env.TRAMONTANE_EMULATOR;
if (!emulatorProgram) {
  fail("TRAMONTANE_EMULATOR is not set (the path of the tramontane-emulator binary)");
}
if (!existsSync(emulatorProgram)) {
  fail(`TRAMONTANE_EMULATOR does not exist: ${emulatorProgram}`);
}

const extraArgs = (process.env.TRAMONTANE_EMULATOR_ARGS ?? "").split(/\s+/).filter(Boolean);
let emulator;
try {
  emulator = await startEmulator(emulatorProgram, extraArgs);
} catch (err) {
  fail(err.message);
}
console.log(`run-contract: emulator at ${emulator.baseUrl}`);

let emulatorDied = false;
const onEarlyExit = (code, signal) => {
  emulatorDied = true;
  console.error(
    `run-contract: the emulator exited during the tests (code ${code}, signal ${signal})`,
  );
};
emulator.child.once("exit", onEarlyExit);

// A hung test fails on its own rather than only through CTest's timeout (flag from Node 20.11).
const runnerFlags = ["--test", "--test-reporter=spec"];
if (nodeMajor > 20 || nodeMinor >= 11) {
  runnerFlags.push("--test-timeout=60000");
}
const tests = spawn(process.execPath, [...runnerFlags, ...testFiles], {
  cwd: here,
  stdio: "inherit",
  env: {
    ...process.env,
    TRAMONTANE_BASE_URL: emulator.baseUrl,
    TRAMONTANE_API_KEY: emulator.apiKey,
  },
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    tests.kill(signal);
  });
}

const status = await new Promise((resolve) => {
  tests.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
emulator.child.off("exit", onEarlyExit);
const died = emulatorDied;
await emulator.stop();

if (status !== 0 || died) {
  const log = emulator.log();
  console.error("run-contract: emulator output (stderr and stdout after the base URL):");
  console.error(log.length > 0 ? log : "(nothing)");
}
process.exit(died ? 1 : status);
