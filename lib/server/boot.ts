import "server-only";
import { getSetupCode } from "./auth/setup";
import { ensureBootstrapAdmin } from "./auth/users";
import { flushBudgets } from "./budgets";
import { ConfigError, getConfig } from "./config";
import { restrictUmask, secureDataDir } from "./data-dir";
import { getDb } from "./db";
import { flushLedger } from "./ledger";
import { startOpsSocket } from "./ops/socket";
import { shutdownIsManaged } from "./shutdown";
import { isWebThread } from "./threads";

/** Runs once when the server process starts (node-entry.ts, or instrumentation.ts without it). */
export async function boot(): Promise<void> {
  // Next's thread of the production server: the main thread has booted (and keeps its own state).
  if (isWebThread()) return;
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
  restrictUmask();
  const modes = secureDataDir(cfg.dataDir);
  if (modes.fixed) {
    console.log(
      `[benchtop] DATA_DIR ${cfg.dataDir}: made ${modes.fixed} files and directories owner-only (0700/0600)`,
    );
  }
  if (modes.failed.length) {
    console.warn(
      `[benchtop] DATA_DIR ${cfg.dataDir}: could not restrict ${modes.failed.length} entries (first: ${modes.failed[0]}); other local users may read them`,
    );
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
  const drain = () => void Promise.all([flushLedger(), flushBudgets()]).catch(() => {});
  // The production server drains and flushes on SIGTERM/SIGINT itself (shutdown.ts); `next start` does not.
  if (!shutdownIsManaged()) process.once("SIGTERM", drain);
  process.once("beforeExit", drain);
}
