import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BudgetEntry, Headroom, LimitSettings } from "@/lib/budgets/types";
import { useFreshDb } from "@/test/db";
import { createToken } from "../auth/tokens";
import { createUser, type User } from "../auth/users";
import { resetConfigForTests } from "../config";
import { readArgs } from "./args";
import { describeBudgetShow } from "./budget-commands";
import { runCommand } from "./commands";

let cleanup: () => Promise<void>;
let bob: User;
let token: { token: string; info: { id: string } };

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  bob = await createUser({ email: "bob@example.com", password: "long-enough-password", role: "member" });
  token = await createToken(bob.id, { name: "script" });
});
afterAll(async () => {
  await cleanup();
});

const set = (argv: string[]) => {
  const { command, args } = readArgs(["budget:set", ...argv]);
  return runCommand(command ?? "", args) as Promise<{ settings: LimitSettings }>;
};

describe("budget:set", () => {
  it("reads every flag", () => {
    const { args } = readArgs([
      "budget:set",
      "--email=a@b.c",
      "--usd-per-day",
      "5",
      "--usd-per-month=100",
      "--rpm=60",
      "--tpm=1000",
      "--models=gpt-4o-mini,o3",
      "--expires=2027-01-31",
      "--soft-percent=75",
      "--clear",
      "--team",
      "--token=tok_1",
    ]);
    expect(args).toMatchObject({
      "usd-per-day": "5",
      "soft-percent": "75",
      clear: true,
      team: true,
      token: "tok_1",
    });
  });

  it("sets a user's limits in dollars, keeps flags not given, and clears", async () => {
    const r = await set([
      "--email",
      "bob@example.com",
      "--usd-per-day",
      "2.50",
      "--models",
      "gpt-4o-mini,o3",
    ]);
    expect(r.settings).toMatchObject({
      usdPerDayMicros: 2_500_000,
      models: ["gpt-4o-mini", "o3"],
      rpm: null,
    });
    const again = await set(["--email", "bob@example.com", "--rpm", "10"]);
    expect(again.settings).toMatchObject({ usdPerDayMicros: 2_500_000, rpm: 10 });
    const shown = (await runCommand("budget:show", {})) as { budgets: BudgetEntry[] };
    expect(shown.budgets.find((b) => b.subject.id === bob.id)?.settings.rpm).toBe(10);
    await set(["--email", "bob@example.com", "--clear"]);
    const after = (await runCommand("budget:show", {})) as { budgets: BudgetEntry[] };
    expect(after.budgets.some((b) => b.subject.id === bob.id)).toBe(false);
  });

  it("names the flag of a bad value and refuses two subjects or none", async () => {
    await expect(set(["--email", "bob@example.com", "--usd-per-day=-3"])).rejects.toThrow(
      /--usd-per-day: .*dollars/,
    );
    await expect(set(["--email", "bob@example.com", "--soft-percent", "120"])).rejects.toThrow(
      /--soft-percent/,
    );
    await expect(set(["--email", "bob@example.com", "--team", "--rpm", "1"])).rejects.toThrow(/one of/);
    await expect(set(["--rpm", "1"])).rejects.toThrow(/--email EMAIL, --token TOKEN or --team/);
    await expect(set(["--email", "nobody@example.com", "--rpm", "1"])).rejects.toThrow(/No user/);
    await expect(set(["--email", "bob@example.com"])).rejects.toThrow(/at least one limit/);
  });

  it("takes a token by id or by its secret, and the team", async () => {
    const byId = await set(["--token", token.info.id, "--usd-per-day", "1"]);
    expect(byId.settings.usdPerDayMicros).toBe(1_000_000);
    expect((byId as { warning?: string }).warning).toBeUndefined();
    const bySecret = await set(["--token", token.token, "--tpm", "500"]);
    expect(bySecret.settings).toMatchObject({ usdPerDayMicros: 1_000_000, tpm: 500 });
    // The secret on argv is visible to `ps` and shell history: the answer says so.
    expect((bySecret as { warning?: string }).warning).toMatch(/shell history.*token:list/);
    const shown = (await runCommand("budget:show", { token: token.info.id })) as {
      settings: LimitSettings;
      headroom: Headroom;
    };
    expect(shown.settings.tpm).toBe(500);
    expect(shown.headroom.limits.map((l) => l.code).sort()).toEqual(["budget_exceeded", "tpm_exceeded"]);
    expect(describeBudgetShow(shown)).toMatch(/Spend per day \(own\): \$0 used \+ \$0 reserved of \$1\.00/);
    await set(["--token", token.info.id, "--clear"]);
    const team = await set(["--team", "--rpm", "100"]);
    expect(team.settings.rpm).toBe(100);
    await set(["--team", "--clear"]);
  });
});
