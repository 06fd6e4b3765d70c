import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDb } from "@/test/db";
import { createUser, type User } from "./auth/users";
import { type LedgerEntry, record } from "./ledger";
import { limitsReport } from "./limits-report";
import { recordRateLimits } from "./rate-limits";

let cleanup: () => Promise<void>;
let alice: User;
let bob: User;
let admin: User;
beforeAll(async () => {
  ({ cleanup } = await useFreshDb());
  alice = await createUser({ email: "alice@example.com", password: "long-enough-password", role: "member" });
  bob = await createUser({ email: "bob@example.com", password: "long-enough-password", role: "member" });
  admin = await createUser({ email: "root@example.com", password: "long-enough-password", role: "admin" });
});
afterAll(() => cleanup());

function call(
  userId: string,
  status: number,
  errorType: string | null,
  errorCode: string | null,
  at = new Date(),
) {
  const e: LedgerEntry = {
    at,
    userId,
    tokenId: null,
    method: "POST",
    path: "/v1/chat/completions",
    model: "gpt-4o-mini",
    status,
    durationMs: 5,
    ttfbMs: null,
    upstreamRequestId: null,
    stream: false,
    aborted: false,
    errorType,
    errorCode,
    usage: null,
    requestBytes: 10,
    responseBytes: 10,
  };
  record(e);
}

describe("limitsReport", () => {
  it("gives each rate limit its reset time, and everyone sees them", async () => {
    const at = new Date("2026-12-02T08:00:00Z");
    recordRateLimits(
      "gpt-4o-mini",
      [
        ["x-ratelimit-limit-tokens", "800000"],
        ["x-ratelimit-remaining-tokens", "799950"],
        ["x-ratelimit-reset-tokens", "6m0s"],
      ],
      at,
    );
    const r = await limitsReport(bob);
    expect(r.rateLimits).toEqual([
      {
        model: "gpt-4o-mini",
        kind: "tokens",
        limit: 800000,
        remaining: 799950,
        resetsAt: "2026-12-02T08:06:00.000Z",
        observedAt: at.toISOString(),
      },
    ]);
  });

  it("groups the last day's refusals by cause, code and model; a member sees only theirs", async () => {
    call(alice.id, 429, "requests", "rate_limit_exceeded");
    call(alice.id, 429, "requests", "rate_limit_exceeded");
    call(alice.id, 429, "insufficient_quota", "insufficient_quota");
    call(alice.id, 503, "server_error", "overloaded");
    call(alice.id, 429, "requests", "rpm_exceeded");
    call(alice.id, 500, "server_error", "server_error");
    call(alice.id, 200, null, null);
    call(alice.id, 429, "requests", "rate_limit_exceeded", new Date(Date.now() - 25 * 3_600_000));
    call(bob.id, 429, "requests", "rate_limit_exceeded");

    const mine = await limitsReport(alice);
    const byCause = Object.fromEntries(mine.rejections.map((r) => [`${r.cause}:${r.code}`, r.count]));
    expect(byCause).toEqual({
      "rate_limit:rate_limit_exceeded": 2,
      "quota:insufficient_quota": 1,
      "overloaded:overloaded": 1,
      "benchtop_limit:rpm_exceeded": 1,
    });
    expect(mine.rejections.every((r) => r.model === "gpt-4o-mini")).toBe(true);

    const bobs = await limitsReport(bob);
    expect(bobs.rejections).toEqual([expect.objectContaining({ cause: "rate_limit", count: 1 })]);

    const all = await limitsReport(admin);
    expect(all.rejections.find((r) => r.code === "rate_limit_exceeded")?.count).toBe(3);
  });
});
