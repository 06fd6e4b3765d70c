// Run first by `npm test`: makes sure the end-to-end tests have a Chromium, and is silent when they
// do. Where there is none, it installs Playwright's own browser; where that cannot be downloaded (no
// internet), Debian's `chromium` with apt-get, as root or with passwordless sudo; failing both, it
// says in one line what to do.
// Plain CommonJS: it runs in Node's start-up time (~50 ms), and playwright.config.ts and the bench
// can require it for `chromiumExecutable` under any loader.
const { spawnSync } = require("node:child_process");
const { accessSync, constants } = require("node:fs");
const path = require("node:path");

/**
 * Debian's packages install here; the tests prefer them (no download, and the figures in docs/ use
 * them). The headless shell first: it is what Playwright itself runs headless, and the e2e suite
 * spent 42% less CPU in it than in the full browser's headless mode (docs/testing.md).
 */
const SYSTEM_BROWSERS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

/**
 * The browser the e2e tests and browser benchmarks launch: CHROMIUM_PATH, else Debian's headless
 * shell, else Debian's chromium, else undefined, which makes Playwright launch its own.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | undefined}
 */
function chromiumExecutable(env = process.env) {
  return env.CHROMIUM_PATH || SYSTEM_BROWSERS.find(isExecutable);
}

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {string} command
 * @param {Record<string, string | undefined>} env
 */
function onPath(command, env) {
  return (env.PATH ?? "").split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, command)));
}

/**
 * @typedef {object} Host What the script may look at and touch; the tests pass a fake one.
 * @property {Record<string, string | undefined>} env also the environment of the commands it runs
 * @property {number} uid -1 where there are no user ids (Windows)
 * @property {NodeJS.Platform} platform
 * @property {string[]} systemChromium Debian's browsers, any of which will do
 * @property {() => string} playwrightChromium where Playwright's own browser is or would be
 * @property {(line: string) => void} log
 */

/**
 * Runs a command with its output shown; with `captureErrors`, stderr is kept instead and its first
 * `Error` line returned, so a failed download reads as one line rather than three stack traces.
 * @param {Host} host
 * @param {string[]} argv
 * @param {{ captureErrors?: boolean }} [opts]
 * @returns {{ ok: boolean, error: string }}
 */
function run(host, [command = "", ...args], opts = {}) {
  const r = spawnSync(command, args, {
    env: /** @type {NodeJS.ProcessEnv} */ (host.env),
    stdio: ["ignore", "inherit", opts.captureErrors ? "pipe" : "inherit"],
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const stderr = r.stderr ?? "";
  const lines = stderr.split("\n").map((l) => l.trim());
  const error =
    r.error?.message ??
    lines.find((l) => l.startsWith("Error")) ??
    (lines.filter(Boolean).at(-1) || `${command} exited with ${r.status}`);
  return { ok: r.status === 0, error };
}

/**
 * The prefix that runs a command as root without a prompt, or null where that is not possible.
 * @param {Host} host
 * @returns {string[] | null}
 */
function asRoot(host) {
  if (host.uid === 0) return [];
  if (host.uid < 0 || !onPath("sudo", host.env)) return null;
  const sudo = spawnSync("sudo", ["-n", "true"], {
    env: /** @type {NodeJS.ProcessEnv} */ (host.env),
    stdio: "ignore",
  });
  return sudo.status === 0 ? ["sudo", "-n"] : null;
}

/**
 * Makes sure a Chromium is there for the tests: null when there is one, else what to do.
 * @param {Host} host
 * @returns {string | null}
 */
function ensureBrowser(host) {
  const explicit = host.env.CHROMIUM_PATH;
  if (explicit) {
    return isExecutable(explicit)
      ? null
      : `CHROMIUM_PATH=${explicit} is not an executable file: point it at a Chromium or Chrome binary, or unset it.`;
  }
  const system = () => host.systemChromium.some(isExecutable);
  if (system() || isExecutable(host.playwrightChromium())) return null;

  const apt = host.platform === "linux" && onPath("apt-get", host.env);
  const root = apt ? asRoot(host) : null;
  // On Linux, Playwright's browser needs system libraries; it installs them with apt-get when it can.
  const install = ["playwright", "install", ...(root ? ["--with-deps"] : []), "chromium"];
  host.log(`No Chromium for the end-to-end tests: installing Playwright's (npx ${install.join(" ")}).`);
  const download = run(host, ["npx", ...install], { captureErrors: true });
  if (download.ok && isExecutable(host.playwrightChromium())) return null;

  let why = download.error;
  if (root) {
    host.log(
      `Playwright's browser could not be installed (${download.error}); installing Debian's chromium.`,
    );
    const aptGet = [...root, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"];
    /** @param {string} pkg */
    const aptInstall = (pkg) =>
      run(host, [...aptGet, "install", "-y", "-qq", "--no-install-recommends", pkg, "fonts-liberation"]).ok;
    // The headless shell where the release has it (Debian 12 and later), else the whole browser.
    const installed =
      run(host, [...aptGet, "update", "-qq"]).ok &&
      (aptInstall("chromium-headless-shell") || aptInstall("chromium"));
    if (installed && system()) return null;
    why += installed
      ? `; apt-get left no ${host.systemChromium.join(" or ")}`
      : "; apt-get failed, see above";
  }
  const how = apt
    ? "`sudo apt-get install chromium`"
    : "`npx playwright install chromium` where it can download";
  return `No Chromium for the end-to-end tests, and none could be installed (${why}): run ${how}, or set CHROMIUM_PATH to a Chromium or Chrome binary; then \`npm test\` again.`;
}

module.exports = { chromiumExecutable, ensureBrowser };

if (require.main === module) {
  const problem = ensureBrowser({
    env: process.env,
    uid: process.getuid?.() ?? -1,
    platform: process.platform,
    systemChromium: SYSTEM_BROWSERS,
    // Required only when Debian's browser is missing: loading Playwright takes a few hundred ms.
    playwrightChromium: () => require("@playwright/test").chromium.executablePath(),
    log: (line) => console.log(line),
  });
  if (problem) {
    console.error(problem);
    process.exitCode = 1;
  }
}
