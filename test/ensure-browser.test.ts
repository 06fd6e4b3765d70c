import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureBrowser } from "@/scripts/ensure-browser.cjs";

/**
 * `npm test`'s browser step on machines it cannot be tried on here: PATH holds only fake `npx`,
 * `apt-get` and `sudo` that record what they are asked to run, and the browsers' locations are files
 * in a temporary folder that the fakes create when an install succeeds.
 */
let dir: string;
let bin: string;
let log: string;
let systemChromium: string;
let headlessShell: string;
let playwrightChromium: string;

const fake = (name: string, body: string) => {
  const file = path.join(bin, name);
  fs.writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "$RECORD"\n${body}\n`);
  fs.chmodSync(file, 0o755);
};
const touchExecutable = (file: string) =>
  `/bin/mkdir -p "${path.dirname(file)}"; : > "${file}"; /bin/chmod +x "${file}"`;
const ran = () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : []);

function host(over: { uid?: number; platform?: NodeJS.Platform; env?: Record<string, string> } = {}) {
  const lines: string[] = [];
  return {
    lines,
    host: {
      env: { PATH: bin, RECORD: log, ...over.env },
      uid: over.uid ?? 0,
      platform: over.platform ?? ("linux" as const),
      systemChromium: [headlessShell, systemChromium],
      playwrightChromium: () => playwrightChromium,
      log: (line: string) => lines.push(line),
    },
  };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ensure-browser-"));
  bin = path.join(dir, "bin");
  fs.mkdirSync(bin);
  log = path.join(dir, "ran.log");
  systemChromium = path.join(dir, "usr-bin-chromium");
  headlessShell = path.join(dir, "usr-bin-chromium-headless-shell");
  playwrightChromium = path.join(dir, "ms-playwright", "chrome");
  fs.symlinkSync(fs.realpathSync("/usr/bin/env"), path.join(bin, "env"));
  fake("npx", touchExecutable(playwrightChromium));
  // Installs what it is asked for: the headless shell, or the whole browser.
  fake(
    "apt-get",
    `case "$*" in *headless-shell*) ${touchExecutable(headlessShell)};; install*) ${touchExecutable(systemChromium)};; esac; exit 0`,
  );
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const offline = () =>
  fake(
    "npx",
    'echo "Error: getaddrinfo ENOTFOUND cdn.playwright.dev" >&2; echo "    at GetAddrInfoReqWrap" >&2; exit 1',
  );

describe("ensureBrowser", () => {
  it("is silent and runs nothing when one of Debian's browsers or Playwright's is there", () => {
    fs.writeFileSync(systemChromium, "");
    fs.chmodSync(systemChromium, 0o755);
    const a = host();
    expect(ensureBrowser(a.host)).toBeNull();
    fs.renameSync(systemChromium, headlessShell);
    const shell = host();
    expect(ensureBrowser(shell.host)).toBeNull();
    fs.rmSync(headlessShell);
    fs.mkdirSync(path.dirname(playwrightChromium));
    fs.writeFileSync(playwrightChromium, "");
    fs.chmodSync(playwrightChromium, 0o755);
    const b = host();
    expect(ensureBrowser(b.host)).toBeNull();
    expect([...a.lines, ...shell.lines, ...b.lines, ...ran()]).toEqual([]);
  });

  it("takes CHROMIUM_PATH as given, and says so when it is not a browser", () => {
    const ok = host({ env: { CHROMIUM_PATH: "/bin/sh" } });
    expect(ensureBrowser(ok.host)).toBeNull();
    const missing = host({ env: { CHROMIUM_PATH: "/nowhere/chrome" } });
    expect(ensureBrowser(missing.host)).toMatch(/^CHROMIUM_PATH=\/nowhere\/chrome is not an executable file/);
    expect(ran()).toEqual([]);
  });

  it("downloads Playwright's browser, with its system libraries when it can run apt-get as root", () => {
    const h = host();
    expect(ensureBrowser(h.host)).toBeNull();
    expect(ran()).toEqual(["npx playwright install --with-deps chromium"]);
    expect(h.lines).toEqual([
      "No Chromium for the end-to-end tests: installing Playwright's (npx playwright install --with-deps chromium).",
    ]);
  });

  it("installs Debian's headless shell when the download fails, as root", () => {
    offline();
    const h = host();
    expect(ensureBrowser(h.host)).toBeNull();
    expect(ran()).toEqual([
      "npx playwright install --with-deps chromium",
      "apt-get update -qq",
      "apt-get install -y -qq --no-install-recommends chromium-headless-shell fonts-liberation",
    ]);
    expect(fs.existsSync(headlessShell)).toBe(true);
    expect(h.lines[1]).toBe(
      "Playwright's browser could not be installed (Error: getaddrinfo ENOTFOUND cdn.playwright.dev); installing Debian's chromium.",
    );
  });

  it("uses passwordless sudo when not root", () => {
    offline();
    fake("sudo", '[ "$1" = -n ] && shift; [ "$1" = true ] || exec "$@"');
    expect(ensureBrowser(host({ uid: 1000 }).host)).toBeNull();
    expect(ran()).toEqual([
      "sudo -n true",
      "npx playwright install --with-deps chromium",
      "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq",
      "apt-get update -qq",
      "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium-headless-shell fonts-liberation",
      "apt-get install -y -qq --no-install-recommends chromium-headless-shell fonts-liberation",
    ]);
  });

  it("says in one line what to do when it can neither download nor run apt-get as root", () => {
    offline();
    fake("sudo", "exit 1"); // asks for a password
    const problem = ensureBrowser(host({ uid: 1000 }).host);
    expect(ran()).toEqual(["sudo -n true", "npx playwright install chromium"]);
    expect(problem).toBe(
      "No Chromium for the end-to-end tests, and none could be installed (Error: getaddrinfo ENOTFOUND cdn.playwright.dev): run `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary; then `npm test` again.",
    );
  });

  it("installs Debian's chromium where the release has no headless shell", () => {
    offline();
    fake(
      "apt-get",
      `case "$*" in *headless-shell*) exit 100;; install*) ${touchExecutable(systemChromium)};; esac; exit 0`,
    );
    expect(ensureBrowser(host().host)).toBeNull();
    expect(ran().slice(2)).toEqual([
      "apt-get install -y -qq --no-install-recommends chromium-headless-shell fonts-liberation",
      "apt-get install -y -qq --no-install-recommends chromium fonts-liberation",
    ]);
  });

  it("says what failed when apt-get cannot install either", () => {
    offline();
    fake("apt-get", '[ "$1" = install ] && exit 100; exit 0');
    const problem = ensureBrowser(host().host);
    expect(ran()).toHaveLength(4);
    expect(problem).toMatch(
      /\(Error: getaddrinfo ENOTFOUND cdn\.playwright\.dev; apt-get failed, see above\)/,
    );
  });

  it("offers Playwright's download where there is no apt-get", () => {
    offline();
    fs.rmSync(path.join(bin, "apt-get"));
    const problem = ensureBrowser(host({ platform: "darwin", uid: 501 }).host);
    expect(ran()).toEqual(["npx playwright install chromium"]);
    expect(problem).toMatch(/run `npx playwright install chromium` where it can download/);
    expect(problem).not.toMatch(/\n/);
  });
});
