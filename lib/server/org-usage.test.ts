import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "@/lib/emulator/server";
import { useFreshDb } from "@/test/db";
import { createUser, type User } from "./auth/users";
import { resetConfigForTests } from "./config";
import { orgUsageReport } from "./org-usage";

const KEY = "sk-org-usage-test-normal-key-0000";
const ADMIN = "sk-admin-org-usage-test-key-1111";
let emu: Emulator;
let cleanup: () => Promise<void>;
let admin: User;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, adminKey: ADMIN });
  process.env.OPENAI_API_KEY = KEY;
  process.env.OPENAI_BASE_URL = emu.url;
  process.env.OPENAI_PROJECT_ID = "proj_test";
  // Required with DATABASE_URL (CI's PostgreSQL pass).
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  admin = await createUser({ email: "root@example.com", password: "long-enough-password", role: "admin" });
});
afterAll(async () => {
  for (const k of [
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_ADMIN_KEY",
    "OPENAI_PROJECT_ID",
    "CONSOLE_SECRET",
  ])
    delete process.env[k];
  resetConfigForTests();
  await cleanup();
  await emu.close();
});

const hours = (h: number) =>
  new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + h * 3_600_000).toISOString();

describe("orgUsageReport", () => {
  it("says it is not configured without OPENAI_ADMIN_KEY, and calls nothing", async () => {
    const before = emu.state.log.length;
    expect(await orgUsageReport(admin, { from: hours(-2), to: hours(1), bucket: "hour" })).toEqual({
      configured: false,
    });
    expect(emu.state.log.length).toBe(before);
  });

  it("reads every page with the admin key only, and counts calls the ledger never saw", async () => {
    process.env.OPENAI_ADMIN_KEY = ADMIN;
    resetConfigForTests();
    // Straight to the emulator: the ledger has nothing of it.
    await fetch(`${emu.url}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "direct" }] }),
    });
    // 200 hours: two pages of 168 hour buckets.
    const r = await orgUsageReport(admin, { from: hours(-199), to: hours(1), bucket: "hour" });
    if (!r.configured) throw new Error("expected a configured report");
    expect(r.warnings).toEqual([]);
    expect(r.buckets).toHaveLength(200);
    expect(r.totals.diff.requests).toBe(1);
    expect(r.totals.diff.tokens).toBeGreaterThan(0);
    const usageCalls = emu.state.log.filter((l) => l.path === "/v1/organization/usage/completions");
    expect(usageCalls.length).toBe(2);
    const orgCalls = emu.state.log.filter((l) => l.path.startsWith("/v1/organization/"));
    expect(orgCalls.every((l) => l.headers.authorization === `Bearer sk-…${ADMIN.slice(-4)}`)).toBe(true);
    expect(r.spendLimits).toEqual([
      {
        scope: "organization",
        projectId: null,
        thresholdMicros: 120_000_000,
        interval: "month",
        enforcement: "enforcing",
      },
    ]);
    expect(r.spendAlerts.map((a) => a.thresholdMicros)).toEqual([100_000_000]);

    const daily = await orgUsageReport(admin, { from: hours(-24), to: hours(24), bucket: "day" });
    if (!daily.configured) throw new Error("expected a configured report");
    expect(daily.totals.diff.costMicros).toBeGreaterThan(0);
  });

  it("says what went wrong when the key is refused", async () => {
    process.env.OPENAI_ADMIN_KEY = "sk-admin-wrong-key-000000000";
    resetConfigForTests();
    const r = await orgUsageReport(admin, { from: hours(-2), to: hours(1), bucket: "hour" });
    if (!r.configured) throw new Error("expected a configured report");
    expect(r.warnings[0]).toMatch(/admin key was refused \(HTTP 401\)/);
  });
});
