import "server-only";
import { ApiError } from "@/lib/errors";
import { ConfigError, getConfig } from "../config";
import { restrictUmask } from "../data-dir";
import { closeDb, DbLockedError, getDb } from "../db";
import { readArgs } from "./args";
import { COMMANDS, runCommand } from "./commands";
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
  const { command, args } = parsed;
  if (!command || command === "help" || args.help) {
    process.stdout.write(help());
    return command || args.help ? 0 : 2;
  }
  if (!COMMANDS[command]) {
    process.stderr.write(`Unknown command "${command}".\n\n${help()}`);
    return 2;
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
  if (command === "token:create" && typeof r.token === "string") {
    // Only the token on stdout, so `TOKEN=$(npm run -s console -- token:create …)` works.
    process.stderr.write("Token created. It is shown once; store it now.\n");
    process.stdout.write(`${r.token}\n`);
    return;
  }
  if (command === "setup-code") {
    process.stdout.write(r.code ? `${r.code}\n` : "Setup is closed: users exist already.\n");
    return;
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
    else if (e instanceof ApiError) process.stderr.write(`error: ${e.message}\n`);
    else process.stderr.write(`error: ${(e as Error).message ?? String(e)}\n`);
    process.exit(1);
  },
);
