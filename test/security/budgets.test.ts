import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EMPTY_LIMITS, type LimitSettings } from "@/lib/budgets/types";
import {
  clearCountersForTests,
  flushBudgets,
  headroomFor,
  noticesFor,
  reserve,
  setLimits,
  settle,
} from "@/lib/server/budgets";
import { getDb } from "@/lib/server/db";
import { flushLedger } from "@/lib/server/ledger";
import { type Stack, startStack } from "./harness";

/**
 * Budgets enforced in the proxy (docs/budgets.md), through the production proxy path: a race of
 * concurrent calls never spends past the budget plus one reservation; rate, model and expiry
 * refusals answer before the upstream is called, in OpenAI's error shape.
 */
let stack: Stack;
let tokenId: string;

beforeAll(async () => {
  stack = await startStack();
  const db = await getDb();
  const [row] = await db.query<{ id: string }>("select id from tokens where user_id = $1", [
    stack.member.user.id,
  ]);
  tokenId = row?.id as string;
}, 60_000);
afterAll(async () => {
  await stack?.close();
});
afterEach(async () => {
  await setLimits({ kind: "token", id: tokenId }, EMPTY_LIMITS, null);
  await setLimits({ kind: "user", id: stack.member.user.id }, EMPTY_LIMITS, null);
  await setLimits({ kind: "team", id: null }, EMPTY_LIMITS, null);
  await clearCountersForTests();
  const db = await getDb();
  await db.query("delete from budget_notices");
});

const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    model: "gpt-4o-mini",
    max_tokens: 100,
    messages: [{ role: "user", content: "hi" }],
    ...extra,
  });

function call(payload = body(), path = "chat/completions"): Promise<Response> {
  return fetch(`${stack.proxyUrl}/api/v1/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.member.token}`, "content-type": "application/json" },
    body: payload,
  });
}

async function upstreamCalls(): Promise<number> {
  const log = (await (await fetch(new URL("/__emulator/requests", stack.emulator.url))).json()) as {
    data: { path: string }[];
  };
  return log.data.filter((r) => r.path === "/v1/chat/completions").length;
}

const limits = (s: Partial<LimitSettings>): LimitSettings => ({ ...EMPTY_LIMITS, ...s });

describe("budgets in the proxy", () => {
  it("50 concurrent calls racing a budget that admits ~10 never spend past it plus one reservation", async () => {
    // gpt-4.1 ($2 / $8 per 1M): a call costs ~40 micro-dollars and holds ~130 (its input estimate
    // plus 5 output tokens), so the budget admits about ten one after the other.
    const probe = await headroomFor(stack.member.user.id, tokenId);
    expect(probe.limits).toEqual([]);
    const budget = 400;
    await setLimits({ kind: "token", id: tokenId }, limits({ usdPerDayMicros: budget }), stack.admin.user.id);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => call(body({ model: "gpt-4.1", max_tokens: 5 }))),
    );
    const bodies = await Promise.all(
      answers.map((r) => r.json() as Promise<{ error?: { message: string; requested: number } }>),
    );
    const ok = answers.filter((r) => r.status === 200).length;
    const refused = answers.filter((r) => r.status === 429);
    expect(ok).toBeGreaterThan(0);
    expect(ok + refused.length).toBe(50);
    expect(refused.length).toBeGreaterThan(0);
    const first = bodies.find((b) => b.error)?.error ?? { message: "", requested: 0 };
    expect(first).toMatchObject({
      type: "rate_limit_error",
      code: "budget_exceeded",
      limit: budget,
      window: "day",
    });
    expect(first.message).toMatch(/of \$0\.0004 per day \(UTC\)/);
    expect(Number(refused[0]?.headers.get("retry-after"))).toBeGreaterThan(0);
    const head = await headroomFor(stack.member.user.id, tokenId);
    const day = head.limits.find((l) => l.window === "day");
    expect(day?.reserved).toBe(0);
    // Worst case of one call, as the hook reserves it: the bound the issue sets.
    expect(first.requested).toBeGreaterThan(100);
    expect(day?.used).toBeLessThanOrEqual(budget + first.requested);
    expect(day?.used).toBeGreaterThan(0);
  }, 60_000);

  it("refuses over rpm, a model off the list and an expired budget before the upstream; one ledger entry each", async () => {
    await setLimits({ kind: "token", id: tokenId }, limits({ rpm: 2 }), null);
    const before = await upstreamCalls();
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const third = await call();
    expect(third.status).toBe(429);
    const err = ((await third.json()) as { error: Record<string, unknown> }).error;
    expect(err).toMatchObject({
      code: "rpm_exceeded",
      limit: 2,
      used: 2,
      window: "minute",
      type: "rate_limit_error",
    });
    expect(third.headers.get("x-benchtop-limit")).toBe("rpm_exceeded");
    expect(await upstreamCalls()).toBe(before + 2);

    await setLimits({ kind: "token", id: tokenId }, limits({ models: ["gpt-4.1"] }), null);
    const model = await call();
    expect(model.status).toBe(403);
    expect(((await model.json()) as { error: { code: string } }).error.code).toBe("model_not_allowed");
    // The id passes (its dated snapshots too: windows.test.ts); a differently named sibling does not.
    expect((await call(body({ model: "gpt-4.1" }))).status).toBe(200);
    expect((await call(body({ model: "gpt-4.1-mini" }))).status).toBe(403);

    await setLimits(
      { kind: "user", id: stack.member.user.id },
      limits({ expiresAt: "2020-01-01T00:00:00Z" }),
      null,
    );
    const expired = await call();
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe("budget_expired");
    expect(await upstreamCalls()).toBe(before + 3);
    await flushLedger();
    const db = await getDb();
    const rows = await db.query<{ error_code: string }>(
      "select error_code from ledger where user_id = $1 and error_code in ('rpm_exceeded', 'model_not_allowed', 'budget_expired')",
      [stack.member.user.id],
    );
    expect(rows.map((r) => r.error_code).sort()).toEqual([
      "budget_expired",
      "model_not_allowed",
      "model_not_allowed",
      "rpm_exceeded",
    ]);
  });

  it("tpm counts the worst case; team defaults apply where the user set nothing; the user's own wins", async () => {
    await setLimits({ kind: "team", id: null }, limits({ tpm: 100, rpm: 1000 }), null);
    const big = await call(body({ max_tokens: 500 }));
    expect(big.status).toBe(429);
    const err = ((await big.json()) as { error: Record<string, unknown> }).error;
    expect(err).toMatchObject({ code: "tpm_exceeded", limit: 100 });
    await setLimits({ kind: "user", id: stack.member.user.id }, limits({ tpm: 10_000 }), null);
    expect((await call(body({ max_tokens: 500 }))).status).toBe(200);
    const head = await headroomFor(stack.member.user.id, null);
    expect(head.limits.map((l) => [l.code, l.from, l.limit])).toEqual([
      ["rpm_exceeded", "team", 1000],
      ["tpm_exceeded", "own", 10_000],
    ]);
  });

  it("a settlement the database fails once is retried, so the real cost is not lost", async () => {
    await setLimits({ kind: "token", id: tokenId }, limits({ usdPerDayMicros: 1_000_000 }), null);
    const r = await reserve({
      userId: stack.member.user.id,
      tokenId,
      model: "gpt-4o-mini",
      path: "/v1/chat/completions",
      costMicros: 500,
      tokens: 10,
    });
    const db = await getDb();
    let failed = false;
    if (db.kind === "postgres") {
      const query = db.query.bind(db);
      const spy = vi.spyOn(db, "query").mockImplementation(((sql: string, params?: unknown[]) => {
        if (!failed && sql.includes("budget_settle")) {
          failed = true;
          return Promise.reject(new Error("connection reset"));
        }
        return query(sql, params);
      }) as typeof db.query);
      try {
        await settle(r as NonNullable<typeof r>, { costMicros: 321, tokens: 7 });
      } finally {
        spy.mockRestore();
      }
    } else {
      // The embedded database settles in memory; it is the batch write that fails, and is kept.
      await settle(r as NonNullable<typeof r>, { costMicros: 321, tokens: 7 });
      const spy = vi.spyOn(db, "transaction").mockImplementation((() => {
        failed = true;
        return Promise.reject(new Error("disk full"));
      }) as typeof db.transaction);
      try {
        await expect(flushBudgets()).rejects.toThrow("disk full");
      } finally {
        spy.mockRestore();
      }
      await flushBudgets();
      const [row] = await db.query<{ used: number; reserved: number }>(
        "select used, reserved from budget_counters where scope = $1 and metric = 'day'",
        [`token:${tokenId}`],
      );
      expect({ used: Number(row?.used), reserved: Number(row?.reserved) }).toEqual({
        used: 321,
        reserved: 0,
      });
    }
    expect(failed).toBe(true);
    const day = (await headroomFor(stack.member.user.id, tokenId)).limits[0];
    expect(day).toMatchObject({ used: 321, reserved: 0 });
  });

  it("each limit carries its own subject's soft percent", async () => {
    await setLimits({ kind: "user", id: stack.member.user.id }, limits({ rpm: 100, softPercent: 90 }), null);
    await setLimits({ kind: "token", id: tokenId }, limits({ rpm: 100, softPercent: 50 }), null);
    const head = await headroomFor(stack.member.user.id, tokenId);
    expect(head.limits.map((l) => [l.subject.kind, l.softPercent])).toEqual([
      ["user", 90],
      ["token", 50],
    ]);
  });

  it("settles to the real usage and tells the user once when a soft threshold is crossed", async () => {
    await setLimits(
      { kind: "user", id: stack.member.user.id },
      limits({ usdPerMonthMicros: 40, softPercent: 10 }),
      null,
    );
    const r = await call(body({ max_tokens: 20 }));
    expect(r.status).toBe(200);
    const usage = ((await r.json()) as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
    // gpt-4o-mini in the catalogue: $0.15 / $0.60 per 1M, rounded up to a micro-dollar.
    const cost = Math.ceil(usage.prompt_tokens * 0.15 + usage.completion_tokens * 0.6);
    await waitFor(async () => (await headroomFor(stack.member.user.id, null)).limits[0]?.reserved === 0);
    const month = (await headroomFor(stack.member.user.id, null)).limits[0];
    expect(month).toMatchObject({ used: cost, reserved: 0, window: "month", from: "own" });
    // 3 of 40 used, under the 10% mark (4); the second call crosses it, the third stays past it.
    expect(await noticesFor(stack.member.user.id)).toEqual([]);
    await call(body({ max_tokens: 20 }));
    await call(body({ max_tokens: 20 }));
    await waitFor(async () => (await noticesFor(stack.member.user.id)).length > 0);
    const notices = await noticesFor(stack.member.user.id);
    expect(notices.filter((n) => n.kind === "soft_threshold")).toHaveLength(1);
  });
});

describe("a call that fails or is abandoned lets its hold go", () => {
  const fault = (f: Record<string, unknown>) =>
    fetch(new URL("/__emulator/faults", stack.emulator.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(f),
    });
  afterEach(async () => {
    await fetch(new URL("/__emulator/faults", stack.emulator.url), { method: "DELETE" });
  });
  it("an upstream error releases: nothing used, nothing held", async () => {
    await setLimits(
      { kind: "token", id: tokenId },
      limits({ usdPerDayMicros: 1_000_000, tpm: 100_000 }),
      null,
    );
    await fault({ kind: "status", status: 500, path: "/v1/chat/completions" });
    expect((await call()).status).toBe(500);
    await waitFor(async () =>
      (await headroomFor(stack.member.user.id, tokenId)).limits.every((l) => l.reserved === 0),
    );
    const head = await headroomFor(stack.member.user.id, tokenId);
    expect(head.limits.map((l) => l.used)).toEqual([0, 0]);
  });
  it("a call that asks for spoken output is held at the model's audio output price", async () => {
    await setLimits({ kind: "token", id: tokenId }, limits({ usdPerDayMicros: 10_000_000 }), null);
    /** What one hung call holds (the client then leaves: the hold moves to "used"). */
    const holdOf = async (extra: Record<string, unknown>) => {
      await fault({ kind: "hang", path: "/v1/chat/completions" }); // one call's worth
      const ac = new AbortController();
      const pending = fetch(`${stack.proxyUrl}/api/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.member.token}`, "content-type": "application/json" },
        body: body({ model: "gpt-audio", max_tokens: 1000, ...extra }),
        signal: ac.signal,
      }).catch(() => null);
      const reserved = async () =>
        (await headroomFor(stack.member.user.id, tokenId)).limits[0]?.reserved ?? 0;
      await waitFor(async () => (await reserved()) !== 0);
      const held = await reserved();
      ac.abort();
      await pending;
      await waitFor(async () => (await reserved()) === 0);
      return held;
    };
    const text = await holdOf({});
    const spoken = await holdOf({ modalities: ["text", "audio"], audio: { voice: "alloy", format: "wav" } });
    // gpt-audio in the shipped dataset: $10 per 1M text output tokens, $64 per 1M audio output tokens.
    expect(text).toBeLessThan(1000 * 64);
    expect(spoken).toBeGreaterThanOrEqual(1000 * 64);
    expect(spoken - text).toBeGreaterThanOrEqual(1000 * (64 - 10));
  });

  it("a client that leaves after the upstream had the request counts the whole hold", async () => {
    await setLimits({ kind: "token", id: tokenId }, limits({ usdPerDayMicros: 1_000_000 }), null);
    await fault({ kind: "hang", path: "/v1/chat/completions" });
    const ac = new AbortController();
    const pending = fetch(`${stack.proxyUrl}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.member.token}`, "content-type": "application/json" },
      body: body(),
      signal: ac.signal,
    }).catch(() => null);
    await waitFor(async () => (await headroomFor(stack.member.user.id, tokenId)).limits[0]?.reserved !== 0);
    const held = (await headroomFor(stack.member.user.id, tokenId)).limits[0]?.reserved ?? 0;
    // The upstream had the whole request (it hangs on it): OpenAI may run and bill it.
    await waitFor(async () => (await upstreamCalls()) > 0);
    ac.abort();
    await pending;
    await waitFor(async () => (await headroomFor(stack.member.user.id, tokenId)).limits[0]?.reserved === 0);
    expect((await headroomFor(stack.member.user.id, tokenId)).limits[0]?.used).toBe(held);
  });
});

describe("what the gate refuses to guess", () => {
  const status = async (r: Response) => ({
    status: r.status,
    code: ((await r.json()) as { error?: { code: string } }).error?.code,
  });
  it("reads the whole body: a nested or duplicate model cannot pass the allow-list", async () => {
    await setLimits({ kind: "token", id: tokenId }, limits({ models: ["gpt-4o-mini"] }), null);
    const before = await upstreamCalls();
    // The first `"model"` in the body is a nested one; past 1 MiB, the real one.
    const nested = `{"metadata":{"model":"gpt-4o-mini"},"messages":[{"role":"user","content":"${"a".repeat(1_200_000)}"}],"model":"o1-pro"}`;
    expect(await status(await call(nested))).toEqual({ status: 403, code: "model_not_allowed" });
    const twice = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"model":"o1-pro"}';
    expect(await status(await call(twice))).toEqual({ status: 400, code: "duplicate_model" });
    // A key spelled with escapes is the same key to a JSON parser; the literal "model" is there once.
    const escaped =
      '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"mod\\u0065l":"o1-pro"}';
    expect(await status(await call(escaped))).toEqual({ status: 400, code: "duplicate_model" });
    expect(await status(await call("{not json"))).toEqual({ status: 400, code: "budget_body_unreadable" });
    const huge = body({ messages: [{ role: "user", content: "a".repeat(9 * 1024 * 1024) }] });
    expect(await status(await call(huge))).toEqual({ status: 413, code: "budget_body_too_large" });
    expect(await upstreamCalls()).toBe(before);
  });
  it("reads a body that arrives in parts after its headers whole, not just what came first", async () => {
    await setLimits({ kind: "token", id: tokenId }, limits({ models: ["gpt-4o-mini"] }), null);
    const payload = body({ model: "o1-pro" });
    const cut = payload.indexOf("o1-pro");
    const answer = await new Promise<{ status: number; code?: string }>((resolve, reject) => {
      const req = http.request(
        `${stack.proxyUrl}/api/v1/chat/completions`,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${stack.member.token}`,
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(payload)),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => {
            text += d.toString();
          });
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              code: (JSON.parse(text) as { error?: { code: string } }).error?.code,
            }),
          );
        },
      );
      req.on("error", reject);
      req.flushHeaders();
      req.write(payload.slice(0, cut));
      setTimeout(() => req.end(payload.slice(cut)), 50);
    });
    expect(answer).toEqual({ status: 403, code: "model_not_allowed" });
  });
  it("an absurd output cap is a clear 400, not a 500", async () => {
    await setLimits({ kind: "token", id: tokenId }, limits({ usdPerDayMicros: 1_000_000 }), null);
    expect(await status(await call(body({ max_tokens: 1e300 })))).toEqual({
      status: 400,
      code: "budget_estimate_unbounded",
    });
  });
  it("reads a multipart form's model and n: an allow-listed image model works, n is held", async () => {
    const edit = (fields: Record<string, string>) => {
      const form = new FormData();
      form.append("image", new Blob([new Uint8Array(64)], { type: "image/png" }), "a.png");
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return fetch(`${stack.proxyUrl}/api/v1/images/edits`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.member.token}` },
        body: form,
      });
    };
    await setLimits({ kind: "token", id: tokenId }, limits({ models: ["gpt-image-1"] }), null);
    expect((await edit({ model: "gpt-image-1", prompt: "x" })).status).not.toBe(403);
    expect(await status(await edit({ model: "dall-e-2", prompt: "x" }))).toEqual({
      status: 403,
      code: "model_not_allowed",
    });
    // $0.25 held per image: three do not fit in $0.50, one does.
    await setLimits({ kind: "token", id: tokenId }, limits({ usdPerDayMicros: 500_000 }), null);
    const three = await edit({ model: "gpt-image-1", prompt: "x", n: "3" });
    expect(three.status).toBe(429);
    expect(((await three.json()) as { error: { requested: number } }).error.requested).toBe(750_000);
    expect((await edit({ model: "gpt-image-1", prompt: "x" })).status).not.toBe(429);
  });

  it("batches and fine-tuning jobs are refused under a spend limit", async () => {
    await setLimits({ kind: "token", id: tokenId }, limits({ usdPerDayMicros: 1_000_000 }), null);
    const batch = await call(
      JSON.stringify({ input_file_id: "file-1", endpoint: "/v1/chat/completions", completion_window: "24h" }),
      "batches",
    );
    expect(await status(batch)).toEqual({ status: 403, code: "budget_unmetered" });
    const job = await call(
      JSON.stringify({ model: "gpt-4o-mini", training_file: "file-1" }),
      "fine_tuning/jobs",
    );
    expect(await status(job)).toEqual({ status: 403, code: "budget_unmetered" });
    // An allow-list alone refuses it too: the batch's models are in its file, unseen.
    await setLimits({ kind: "token", id: tokenId }, limits({ models: ["gpt-4o-mini"] }), null);
    const listed = await call(
      JSON.stringify({ input_file_id: "file-1", endpoint: "/v1/chat/completions", completion_window: "24h" }),
      "batches",
    );
    expect(await status(listed)).toEqual({ status: 403, code: "budget_unmetered" });
  });
});

async function waitFor(ok: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
