// SPDX-License-Identifier: GPL-3.0-or-later
// Starts tramontane-emulator as a child process on a free loopback port and reads the base URL
// it prints on its first line. No npm package is needed here, so the runner can use it before
// it knows whether the packages are installed.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

// Starts `program --port 0 --api-key <random> ...args`. Resolves to
// {baseUrl, apiKey, child, log(), stop()}; rejects when no loopback base URL arrives in time.
export async function startEmulator(program, args = [], { timeoutMs = 15000 } = {}) {
  const apiKey = randomBytes(18).toString("base64url");
  const child = spawn(program, ["--port", "0", "--api-key", apiKey, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });

  // Everything the emulator writes after its first line, bounded, for failure reports.
  let log = "";
  const keep = (data) => {
    log += data.toString("utf8");
    if (log.length > 200000) {
      log = log.slice(-100000);
    }
  };
  child.stderr.on("data", keep);

  const stop = () =>
    new Promise((resolve) => {
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

  let baseUrl;
  try {
    baseUrl = await new Promise((resolve, reject) => {
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
  } catch (err) {
    await stop();
    throw new Error(`could not start ${program}: ${err.message}\n${log}`);
  }
  if (!/^http:\/\/127\.0\.0\.1:\d+\/?$/.test(baseUrl)) {
    await stop();
    throw new Error(
      `the emulator's first line is not a loopback base URL: ${JSON.stringify(baseUrl)}`,
    );
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ""), apiKey, child, log: () => log, stop };
}
