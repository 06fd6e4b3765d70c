import "server-only";
import { ApiError } from "@/lib/errors";
import { ConfigError, getConfig } from "../config";
import { restrictUmask } from "../data-dir";
import { closeDb, DbLockedError, getDb } from "../db";
import { readArgs } from "./args";
import { describeBudgetShow } from "./budget-commands";
import { COMMANDS, readImportFile, runCommand } from "./commands";
import { sendOpsCommand } from "./socket";

/**
 * `npm run console -- <command> [--flag value]`. Runs in-process when the database is free; when a
 * running server holds the embedded database, the command goes to that server over DATA_DIR/ops.sock.
 */

function help(): string {
  const lines = Object.entries(COMMANDS).map(([, c]) => `  ${c.usage}\n      ${c.summary}`);
  return `Benchtop ops CLI\n\nUsage: npm run console -- <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nAdd --json for machine-readable output.\n`;
}

async function main(): Promise<number> {
  // The CLI opens the embedded database itself when no server holds it: same modes as the server.
  restrictUmask();
  // Same variables as `npm start`: .env fills in what the environment does not set.
  try {
    process.loadEnvFile(".env");
  } catch {
    // No .env: the environment alone configures the console.
  }
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n\n${help()}`);
    return 2;
  }
  const { command } = parsed;
  let { args } = parsed;
  if (!command || command === "help" || args.help) {
    process.stdout.write(help());
    return command || args.help ? 0 : 2;
  }
  if (!COMMANDS[command]) {
    process.stderr.write(`Unknown command "${command}".\n\n${help()}`);
    return 2;
  }
  if (command === "assistant:import" && typeof args.file === "string") {
    // Read here, relative to the operator's directory, whether the command runs here or in the server.
    args = { ...args, content: readImportFile(args.file), file: undefined };
  }
  const cfg = getConfig();
  let result: unknown;
  try {
    await getDb();
    result = await runCommand(command, args);
  } catch (e) {
    if (!(e instanceof DbLockedError)) throw e;
    const reply = await sendOpsCommand(cfg.dataDir, command, args).catch(() => {
      throw new Error(
        `${e.message}\nIt did not answer on ${cfg.dataDir}/ops.sock either; if it has crashed, remove ${e.lockFile}.`,
      );
    });
    if (!reply.ok) throw new ApiError(reply.error);
    result = reply.result;
  } finally {
    await closeDb().catch(() => {});
  }
  print(command, result, Boolean(args.json));
  return 0;
}

function print(command: string, result: unknown, asJson: boolean): void {
  if (asJson) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const r = result as Record<string, unknown>;
  if (isRecord(r) && typeof r.warning === "string") process.stderr.write(`warning: ${r.warning}\n`);
  if (command === "token:create" && typeof r.token === "string") {
    // Only the token on stdout, so `TOKEN=$(npm run -s console -- token:create …)` works.
    process.stderr.write("Token created. It is shown once; store it now.\n");
    process.stdout.write(`${r.token}\n`);
    return;
  }
  if (command === "assistant:import" && isRecord(r.assistant)) {
    // Only the id on stdout, so `ID=$(npm run -s console -- assistant:import …)` works.
    const a = r.assistant as { id: string; name: string; versions: number; source: string; notes: string[] };
    process.stderr.write(
      `Imported "${a.name}" (${a.source}, ${a.versions} version${a.versions === 1 ? "" : "s"}).\n`,
    );
    for (const note of a.notes) process.stderr.write(`note: ${note}\n`);
    process.stdout.write(`${a.id}\n`);
    return;
  }
  if (command === "assistant:list" && Array.isArray(r.assistants)) {
    for (const a of r.assistants as {
      id: string;
      name: string;
      latestVersion: number;
      owner: { email: string };
      visibility: string;
    }[])
      process.stdout.write(
        `${a.id}  v${a.latestVersion}  ${a.visibility.padEnd(7)}  ${a.owner.email}  ${a.name}\n`,
      );
    return;
  }
  if (command === "budget:show") {
    process.stdout.write(describeBudgetShow(r));
    return;
  }
  if (command === "setup-code") {
    process.stdout.write(r.code ? `${r.code}\n` : "Setup is closed: users exist already.\n");
    return;
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
    else if (e instanceof ApiError) process.stderr.write(`error: ${e.message}\n`);
    else process.stderr.write(`error: ${(e as Error).message ?? String(e)}\n`);
    process.exit(1);
  },
);
