/**
 * One place for the e2e run's fixed values. The API key is recognisable on purpose: the leak audit
 * searches every response, asset and log line of the run for it.
 */
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4610);
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 3610);
const apiKey = "sk-e2e-LEAKCANARY-7f3a9c2e5b1d4e6f8a0b";
const dataDir = process.env.E2E_DATA_DIR ?? "./test-results/e2e-data";

/** With DATABASE_URL set, the run uses its own `benchtop_e2e` database on that server, recreated at start. */
function e2eDatabaseUrl(): string | undefined {
  if (!process.env.DATABASE_URL) return undefined;
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = "/benchtop_e2e";
  return u.toString();
}
const databaseUrl = e2eDatabaseUrl();

export const E2E = {
  emulatorPort,
  consolePort,
  emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
  consoleUrl: `http://127.0.0.1:${consolePort}`,
  apiKey,
  dataDir,
  logFile: "./test-results/console.log",
  databaseUrl,
  admin: { email: "admin@example.com", password: "correct-horse-battery-staple" },
  consoleEnv: {
    PORT: String(consolePort),
    HOSTNAME: "127.0.0.1",
    OPENAI_API_KEY: apiKey,
    OPENAI_BASE_URL: `http://127.0.0.1:${emulatorPort}/v1`,
    OPENAI_ORG_ID: "org-e2e",
    OPENAI_PROJECT_ID: "proj_e2e",
    DATA_DIR: dataDir,
    CONSOLE_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
    CONSOLE_ADMIN_EMAIL: "admin@example.com",
    CONSOLE_ADMIN_PASSWORD: "correct-horse-battery-staple",
    E2E_LOG_FILE: "./test-results/console.log",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  } as Record<string, string>,
};
