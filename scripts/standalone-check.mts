/**
 * `npm run test:standalone [-- <standalone dir>]`, after `npm run build`: runs the build the way the
 * Docker image does. The image copies .next/standalone alone, so this copies it to an empty directory
 * outside the repository (where the repository's node_modules cannot hide a missing package), starts
 * `node benchtop-server.cjs` there with only the runtime environment, and checks /api/health, a
 * sign-in, one proxied call with a token made by `node console.mjs token:create`, `node console.mjs
 * user:list` and a clean stop. Where a Docker engine answers, it then builds the image and checks the
 * same against a container. The upstream is the emulator, in this process.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Emulator, startEmulator } from "../lib/emulator/server";

const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const source = path.resolve(process.argv[2] ?? path.join(root, ".next/standalone"));
const apiKey = `sk-standalone-${randomBytes(12).toString("hex")}`;
const admin = { email: "admin@example.com", password: randomBytes(12).toString("hex") };
const started = Date.now();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running server: the copied directory or a container. */
interface Target {
  name: string;
  url: string;
  /** `node console.mjs …` where the server runs, with its environment. */
  console(args: string[]): Run;
  /** Resolves with the exit code when the server process ends by itself or after stop(). */
  exited: Promise<number | null>;
  log(): string;
  /** SIGTERM, as `docker stop` sends. */
  stop(): void;
  /** Ends and removes whatever is left, also after a failure. */
  dispose(): void;
}

function step(message: string): void {
  console.log(`[standalone] ${message} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

function fail(message: string, target?: Target): never {
  const log = target?.log().trim();
  throw new Error(log ? `${message}\n--- ${target?.name} output ---\n${log}` : message);
}

/** The runtime environment of the image (Dockerfile ENV) and the variables a user passes; nothing else. */
function runtimeEnv(port: number, upstream: string, dataDir: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATA_DIR: dataDir,
    OPENAI_API_KEY: apiKey,
    OPENAI_BASE_URL: upstream,
    CONSOLE_ADMIN_EMAIL: admin.email,
    CONSOLE_ADMIN_PASSWORD: admin.password,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** A timer that does not keep the process alive once the check is done. */
function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** Fails when a node_modules outside `app` is reachable from it: the check would then prove nothing. */
function assertIsolated(app: string, env: NodeJS.ProcessEnv): void {
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      `const fs = require("node:fs");
       const outside = require.resolve.paths("zod").filter((p) => fs.existsSync(p) && !p.startsWith(process.cwd() + "/"));
       if (outside.length) { console.log(outside.join("\\n")); process.exit(1); }`,
    ],
    { cwd: app, env, encoding: "utf8" },
  );
  if (probe.status !== 0) {
    fail(`Packages outside the copy are reachable from ${app}, so the check cannot run:\n${probe.stdout}`);
  }
}

/** The image's app directory is root's and read-only to the server: nothing may be written there. */
function assertUnchanged(app: string, since: number): void {
  const written = fs
    .readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(app, f)).mtimeMs > since);
  if (written.length)
    fail(`The server or console wrote in the app directory: ${written.slice(0, 10).join(", ")}`);
  step("nothing written in the app directory");
}

function startLocal(app: string, env: NodeJS.ProcessEnv): Target {
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["benchtop-server.cjs"], { cwd: app, env });
  child.stdout?.on("data", (d: Buffer) => {
    output += d;
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    name: "server",
    url: `http://127.0.0.1:${env.PORT}`,
    console: (args) => {
      const r = spawnSync(process.execPath, ["console.mjs", ...args], { cwd: app, env, encoding: "utf8" });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    exited,
    log: () => output,
    stop: () => child.kill("SIGTERM"),
    dispose: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

function docker(args: string[], inherit = false): Run {
  const r = spawnSync("docker", args, { encoding: "utf8", stdio: inherit ? "inherit" : "pipe" });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function startContainer(image: string, env: NodeJS.ProcessEnv): Target & { id: string } {
  // Host networking: the container reaches the emulator on 127.0.0.1 and serves on env.PORT.
  const { DATA_DIR: _, ...passed } = env;
  const run = docker([
    "run",
    "--detach",
    "--network=host",
    "--stop-timeout=40",
    ...Object.entries(passed).flatMap(([k, v]) => ["--env", `${k}=${v}`]),
    image,
  ]);
  if (run.code !== 0) fail(`docker run failed:\n${run.stderr}`);
  const id = run.stdout.trim();
  const exited = new Promise<number | null>((resolve) => {
    const wait = spawn("docker", ["wait", id], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    wait.stdout.on("data", (d: Buffer) => {
      out += d;
    });
    wait.on("exit", () => resolve(Number.parseInt(out, 10)));
  });
  return {
    id,
    name: `container ${id.slice(0, 12)}`,
    url: `http://127.0.0.1:${env.PORT}`,
    console: (args) => docker(["exec", id, "node", "console.mjs", ...args]),
    exited,
    log: () => {
      const r = docker(["logs", id]);
      return r.stdout + r.stderr;
    },
    stop: () => {
      docker(["stop", id]);
    },
    dispose: () => {
      docker(["rm", "--force", "--volumes", id]);
    },
  };
}

async function waitForHealth(target: Target): Promise<void> {
  let ended = false;
  void target.exited.then(() => {
    ended = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (ended) fail(`The ${target.name} exited before answering /api/health.`, target);
    const res = await fetch(`${target.url}/api/health`).catch(() => null);
    if (res?.ok) {
      const body = (await res.json()) as { ok?: boolean; upstreamConfigured?: boolean };
      if (body.ok && body.upstreamConfigured) return;
      fail(`/api/health answered ${JSON.stringify(body)}.`, target);
    }
    await sleep(250);
  }
  fail(`The ${target.name} did not answer /api/health within 60 s.`, target);
}

async function exercise(target: Target, emulator: Emulator, extra?: () => void): Promise<void> {
  await waitForHealth(target);
  step(`${target.name}: /api/health ok`);
  extra?.();

  const signIn = await fetch(`${target.url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: target.url },
    body: JSON.stringify(admin),
  });
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0];
  if (!signIn.ok || !cookie) fail(`Sign-in answered ${signIn.status}: ${await signIn.text()}`, target);
  const me = await fetch(`${target.url}/api/me`, { headers: { cookie } });
  if (!me.ok || !(await me.text()).includes(admin.email))
    fail(`/api/me answered ${me.status} after sign-in.`, target);
  step(`${target.name}: signed in`);

  const created = target.console(["token:create", "--email", admin.email, "--name", "standalone-check"]);
  const token = created.stdout.trim();
  if (created.code !== 0 || !token) {
    fail(`console.mjs token:create exited ${created.code}:\n${created.stderr}${created.stdout}`, target);
  }
  const seen = emulator.state.log.length;
  const models = await fetch(`${target.url}/api/v1/models`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const list = (await models.json().catch(() => null)) as { data?: unknown[] } | null;
  if (!models.ok || !list?.data?.length) {
    fail(`GET /api/v1/models answered ${models.status}: ${JSON.stringify(list)}`, target);
  }
  const upstream = emulator.state.log.slice(seen).find((r) => r.path === "/v1/models");
  if (upstream?.status !== 200) fail("The proxied call did not reach the upstream.", target);
  step(`${target.name}: proxied GET /api/v1/models (${list?.data?.length} models, token from console.mjs)`);

  const users = target.console(["user:list"]);
  if (users.code !== 0 || !users.stdout.includes(admin.email)) {
    fail(`console.mjs user:list exited ${users.code}:\n${users.stderr}${users.stdout}`, target);
  }
  step(`${target.name}: console.mjs user:list ok`);

  target.stop();
  const code = await Promise.race([target.exited, sleep(45_000).then(() => "timeout" as const)]);
  if (code !== 0) fail(`The ${target.name} did not stop cleanly on SIGTERM (${code}).`, target);
  step(`${target.name}: stopped cleanly`);
}

/** What only the image decides: its HEALTHCHECK works, the server is not root, the data is in /data. */
function checkImage(target: Target & { id: string }): void {
  const { id } = target;
  const test = docker(["inspect", "--format", "{{json .Config.Healthcheck.Test}}", id]);
  const [kind, ...command] = JSON.parse(test.stdout || "[]") as string[];
  if (kind !== "CMD" || docker(["exec", id, ...command]).code !== 0) {
    fail(`The image's HEALTHCHECK (${test.stdout.trim()}) does not pass.`, target);
  }
  const uid = docker(["exec", id, "node", "-e", "process.stdout.write(String(process.getuid()))"]);
  if (uid.code !== 0 || uid.stdout === "0") fail(`The container runs as uid ${uid.stdout}.`, target);
  const data = docker(["exec", id, "ls", "-A", "/data"]);
  if (data.code !== 0 || !data.stdout.trim()) fail("Nothing was written to the /data volume.", target);
  step(`${target.name}: HEALTHCHECK passes, runs as uid ${uid.stdout}, writes /data`);
}

function dockerAvailable(): boolean {
  return spawnSync("docker", ["info"], { stdio: "ignore" }).status === 0;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(source, "benchtop-server.cjs"))) {
    fail(`No build in ${source}: run \`npm run build\` first.`);
  }
  const emulator = await startEmulator({ apiKey });
  const upstream = emulator.url;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-standalone-"));
  const targets: Target[] = [];
  try {
    if (path.relative(root, tmp).split(path.sep)[0] !== "..") fail(`${tmp} is inside the repository.`);
    const app = path.join(tmp, "app");
    fs.cpSync(source, app, { recursive: true });
    step(`copied ${source} to ${app}`);
    // PATH and the runtime variables only: no NODE_OPTIONS, NODE_PATH, HOME or npm variables.
    const env = {
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
      ...runtimeEnv(await freePort(), upstream, path.join(tmp, "data")),
    };
    assertIsolated(app, env);

    const copiedAt = Date.now();
    const local = startLocal(app, env);
    targets.push(local);
    await exercise(local, emulator);
    assertUnchanged(app, copiedAt);

    if (dockerAvailable()) {
      const image = "benchtop:standalone-check";
      step("docker: building the image");
      if (docker(["build", "--tag", image, root], true).code !== 0) fail("docker build failed.");
      const container = startContainer(image, runtimeEnv(await freePort(), upstream, "/data"));
      targets.push(container);
      await exercise(container, emulator, () => checkImage(container));
    } else {
      step("no Docker engine (`docker info` failed): image not built");
    }
  } finally {
    for (const t of targets) t.dispose();
    await emulator.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  step("standalone output ok");
}

main().catch((e: unknown) => {
  console.error(`[standalone] FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
