import "server-only";
import { getSetupCode } from "./auth/setup";
import { ensureBootstrapAdmin } from "./auth/users";
import { ConfigError, getConfig } from "./config";
import { getDb } from "./db";
import { flushLedger } from "./ledger";
import { startOpsSocket } from "./ops/socket";

/** Runs once when the server process starts (instrumentation.ts). */
export async function boot(): Promise<void> {
  let cfg: ReturnType<typeof getConfig>;
  try {
    cfg = getConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(
        `\n${e.message}\n\nFix these environment variables and start again. See README → Configuration.\n`,
      );
      process.exit(1);
    }
    throw e;
  }
  const db = await getDb();
  console.log(
    `[benchtop] database: ${db.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${cfg.dataDir}`}`,
  );
  if (db.kind === "pglite") startOpsSocket(cfg.dataDir);
  const admin = await ensureBootstrapAdmin();
  if (admin) console.log(`[benchtop] created the first admin from CONSOLE_ADMIN_EMAIL: ${admin.email}`);
  const code = await getSetupCode();
  if (code) {
    console.log(`[benchtop] No users yet. Open /setup and enter this code to create the first admin.`);
    console.log(`Benchtop setup code: ${code}`);
  }
  if (!cfg.openai.apiKey) {
    console.warn(
      "[benchtop] OPENAI_API_KEY is not set: the console runs, but API calls fail until an admin sets it.",
    );
  }
  console.log(`[benchtop] upstream: ${cfg.openai.baseUrl.toString()}`);
  const drain = () => void flushLedger();
  process.once("SIGTERM", drain);
  process.once("beforeExit", drain);
}
