/**
 * One place for the e2e run's fixed values. The API key is recognisable on purpose: the leak audit
 * searches every response, asset and log line of the run for it.
 *
 * Each Playwright worker gets a stack of its own (emulator, console, data dir or database, log), so
 * tests that set emulator faults or read the emulator's request log never see another worker's
 * traffic. Playwright sets TEST_PARALLEL_INDEX in each worker (0 … workers-1); the config, loaded in
 * the runner without it, starts every stack.
 */
const baseEmulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4610);
const baseConsolePort = Number(process.env.E2E_CONSOLE_PORT ?? 3610);
const baseDataDir = process.env.E2E_DATA_DIR ?? "./test-results/e2e-data";
const apiKey = "sk-e2e-LEAKCANARY-7f3a9c2e5b1d4e6f8a0b";
/** The organization endpoints' key (the emulator takes it there and nowhere else); the leak audit looks for it too. */
const adminKey = "sk-admin-e2e-LEAKCANARY-4b8e1d0c9a2f";
/**
 * One worker by default: on CI's two cores the suite is CPU-bound (two workers ran slower, 10 tests
 * a minute against 14). Machines with more cores set E2E_WORKERS.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));

/** With DATABASE_URL set, each stack uses its own `benchtop_e2e_<n>` database on that server, recreated at start. */
function e2eDatabaseUrl(index: number): string | undefined {
  if (!process.env.DATABASE_URL) return undefined;
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/benchtop_e2e_${index}`;
  return u.toString();
}

export function e2eStack(index: number) {
  // Ports a hundred apart, so helpers running their own suite on base ports +1, +2 … do not collide.
  const emulatorPort = baseEmulatorPort + 100 * index;
  const consolePort = baseConsolePort + 100 * index;
  const dataDir = `${baseDataDir}-${index}`;
  const logFile = `./test-results/console-${index}.log`;
  const databaseUrl = e2eDatabaseUrl(index);
  return {
    index,
    emulatorPort,
    consolePort,
    emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
    consoleUrl: `http://127.0.0.1:${consolePort}`,
    apiKey,
    adminKey,
    dataDir,
    logFile,
    databaseUrl,
    admin: { email: "admin@example.com", password: "correct-horse-battery-staple" },
    consoleEnv: {
      PORT: String(consolePort),
      HOSTNAME: "127.0.0.1",
      OPENAI_API_KEY: apiKey,
      OPENAI_ADMIN_KEY: adminKey,
      OPENAI_BASE_URL: `http://127.0.0.1:${emulatorPort}/v1`,
      OPENAI_ORG_ID: "org-e2e",
      OPENAI_PROJECT_ID: "proj_e2e",
      DATA_DIR: dataDir,
      CONSOLE_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
      CONSOLE_ADMIN_EMAIL: "admin@example.com",
      CONSOLE_ADMIN_PASSWORD: "correct-horse-battery-staple",
      E2E_LOG_FILE: logFile,
      // The ops command `ledger:seed` (usage e2e: thousands of past calls) exists only with this.
      BENCHTOP_ALLOW_LEDGER_SEED: "1",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    } as Record<string, string>,
  };
}

export type E2EStack = ReturnType<typeof e2eStack>;

/** Every worker's stack: the config starts them all, the leak audit reads them all. */
export const E2E_STACKS: E2EStack[] = Array.from({ length: E2E_WORKERS }, (_, i) => e2eStack(i));

/** This worker's stack. */
export const E2E: E2EStack = e2eStack(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
