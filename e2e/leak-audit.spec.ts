import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E, E2E_STACKS } from "./support/env";

// Runs after every other spec (see playwright.config.ts): the key must appear nowhere we produced.
function* files(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

test("built client assets contain no trace of the key", () => {
  let scanned = 0;
  for (const f of files(".next/static")) {
    scanned++;
    expect(fs.readFileSync(f).includes(E2E.apiKey), f).toBe(false);
    expect(fs.readFileSync(f).includes(E2E.adminKey), f).toBe(false);
  }
  expect(scanned).toBeGreaterThan(10);
});

test("the server log of the whole run contains no trace of the key", () => {
  for (const stack of E2E_STACKS) {
    const log = fs.readFileSync(stack.logFile, "utf8");
    expect(log.length, stack.logFile).toBeGreaterThan(0);
    expect(log, stack.logFile).not.toContain(E2E.apiKey);
    expect(log, stack.logFile).not.toContain("LEAKCANARY");
  }
});

test("the database holds no copy of the key", () => {
  for (const stack of E2E_STACKS) {
    for (const f of files(stack.dataDir)) {
      if (f.endsWith(".sock")) continue;
      expect(fs.readFileSync(f).includes(E2E.apiKey), f).toBe(false);
      expect(fs.readFileSync(f).includes(E2E.adminKey), f).toBe(false);
      expect(fs.readFileSync(f).includes(E2E.adminKey), f).toBe(false);
    }
  }
});
