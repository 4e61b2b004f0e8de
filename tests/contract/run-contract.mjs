#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the contract tests: starts the emulator named by TRAMONTANE_EMULATOR on a free loopback
// port with a random API key, runs `node --test` on the contract files against it, stops the
// emulator and exits with the test runner's status.
//
// Exit status 77 means "skipped": the npm packages are not installed (scripts/install-deps
// installs them). Under CI (CI set in the environment) that is a failure instead.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const testFiles = ["sdk-contract.mjs", "mcp-connector.mjs"].map((f) => path.join(here, f));

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

const emulator = process.env.TRAMONTANE_EMULATOR;
if (!emulator) {
  fail("TRAMONTANE_EMULATOR is not set (the path of the tramontane-emulator binary)");
}
if (!existsSync(emulator)) {
  fail(`TRAMONTANE_EMULATOR does not exist: ${emulator}`);
}

const apiKey = randomBytes(18).toString("base64url");
const extra = (process.env.TRAMONTANE_EMULATOR_ARGS ?? "").split(/\s+/).filter(Boolean);
const child = spawn(emulator, ["--port", "0", "--api-key", apiKey, ...extra], {
  stdio: ["ignore", "pipe", "pipe"],
});

// Keep the emulator's output (bounded) to show it when something goes wrong.
let emulatorLog = "";
const keep = (data) => {
  emulatorLog += data.toString("utf8");
  if (emulatorLog.length > 200000) {
    emulatorLog = emulatorLog.slice(-100000);
  }
};
child.stderr.on("data", keep);

function stopEmulator() {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function readBaseUrl(timeoutMs) {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(
      () => reject(new Error(`no base URL within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (data) => {
      buffer += data.toString("utf8");
      const newline = buffer.indexOf("\n");
      if (newline < 0) {
        return;
      }
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stdout.on("data", keep);
      keep(buffer.slice(newline + 1));
      resolve(buffer.slice(0, newline).trim());
    };
    child.stdout.on("data", onData);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited early (code ${code}, signal ${signal})`));
    });
  });
}

let baseUrl;
try {
  baseUrl = await readBaseUrl(15000);
} catch (err) {
  await stopEmulator();
  fail(`could not start ${emulator}: ${err.message}\n${emulatorLog}`);
}
if (!/^http:\/\/127\.0\.0\.1:\d+\/?$/.test(baseUrl)) {
  await stopEmulator();
  fail(`the emulator's first line is not a loopback base URL: ${JSON.stringify(baseUrl)}`);
}
console.log(`run-contract: emulator at ${baseUrl}`);

let emulatorDied = false;
const onEarlyExit = (code, signal) => {
  emulatorDied = true;
  console.error(
    `run-contract: the emulator exited during the tests (code ${code}, signal ${signal})`,
  );
};
child.once("exit", onEarlyExit);

// A hung test fails on its own rather than only through CTest's timeout (flag from Node 20.11).
const runnerFlags = ["--test", "--test-reporter=spec"];
if (nodeMajor > 20 || nodeMinor >= 11) {
  runnerFlags.push("--test-timeout=60000");
}
const tests = spawn(
  process.execPath,
  [...runnerFlags, ...testFiles],
  {
    cwd: here,
    stdio: "inherit",
    env: { ...process.env, TRAMONTANE_BASE_URL: baseUrl, TRAMONTANE_API_KEY: apiKey },
  },
);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    tests.kill(signal);
  });
}

const status = await new Promise((resolve) => {
  tests.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
child.off("exit", onEarlyExit);
const died = emulatorDied;
await stopEmulator();

if (status !== 0 || died) {
  console.error("run-contract: emulator output (stderr and stdout after the base URL):");
  console.error(emulatorLog.length > 0 ? emulatorLog : "(nothing)");
}
process.exit(died ? 1 : status);
