import { defineConfig, devices } from "@playwright/test";
import { E2E, E2E_STACKS, E2E_WORKERS } from "./e2e/support/env";
import { chromiumExecutable } from "./scripts/ensure-browser.cjs";

// CHROMIUM_PATH, else Debian's Chromium where it exists, else Playwright's own (`npm test` installs one).
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  fullyParallel: false,
  // One stack per worker (e2e/support/env.ts); files are spread over the workers, tests in a file run in order.
  workers: E2E_WORKERS,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]]
    : [["list"]],
  use: {
    baseURL: E2E.consoleUrl,
    // Off on CI: recording a trace for every test cost about a fifth of the suite's CPU on two cores
    // (measured on files.spec.ts); a failure keeps its screenshot, and a local run keeps the trace.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /leak-audit/ },
    // Runs last: scans everything the run produced for the API key.
    { name: "leak-audit", testMatch: /leak-audit/, dependencies: ["chromium"] },
  ],
  webServer: E2E_STACKS.flatMap((stack) => [
    {
      command: `npx tsx lib/emulator/main.ts --port ${stack.emulatorPort} --controls`,
      url: `${stack.emulatorUrl}/__emulator/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { EMULATOR_API_KEY: stack.apiKey, EMULATOR_ADMIN_KEY: stack.adminKey },
    },
    {
      command: "bash e2e/support/start-console.sh",
      url: `${stack.consoleUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: stack.consoleEnv,
    },
  ]),
});
