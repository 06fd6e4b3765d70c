import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import type { RecordRunInput } from "@/lib/history/schema";
import { useFreshDb } from "@/test/db";
import { createUser, type User } from "./auth/users";
import { resetConfigForTests } from "./config";
import { getDb } from "./db";
import {
  deleteAllRuns,
  deleteRun,
  getRetentionDays,
  getRun,
  listRuns,
  RUN_MAX_BYTES,
  RUNS_PER_USER_MAX,
  recordRun,
  runFacets,
  setRetentionDays,
} from "./history";

const KEY = "sk-test-THE-SERVER-KEY-0123456789abcdef";
let cleanup: () => Promise<void>;
let alice: User;
let bob: User;
let admin: User;

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  process.env.OPENAI_API_KEY = KEY;
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  alice = await createUser({ email: "alice@example.com", password: "long-enough-password", role: "member" });
  bob = await createUser({ email: "bob@example.com", password: "long-enough-password", role: "member" });
  admin = await createUser({ email: "root@example.com", password: "long-enough-password", role: "admin" });
});
afterAll(async () => {
  delete process.env.OPENAI_API_KEY;
  resetConfigForTests();
  await cleanup();
});
beforeEach(async () => {
  await setRetentionDays(30);
  await (await getDb()).query("delete from runs");
});

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

function run(prompt: string, reply: string, patch: Partial<Record<string, unknown>> = {}): RecordRunInput {
  const setup = {
    api: "chat",
    model: "gpt-4o-mini",
    instructions: "Be brief.",
    instructionsRole: "system",
    messages: [{ id: "m1", role: "user", content: prompt, images: [] }],
    prompt: "",
    params: { stop: [], logitBias: "", logprobs: false, metadata: [] },
    tools: [],
    toolChoice: "auto",
    parallelToolCalls: true,
    builtinTools: {
      fileSearch: { enabled: false, vectorStoreIds: [] },
      webSearch: { enabled: false, contextSize: "medium" },
      codeInterpreter: { enabled: false },
      imageGeneration: { enabled: false },
    },
    responseFormat: { type: "text" },
    stream: true,
    ...patch,
  };
  return {
    target: "main",
    setup,
    request: { path: "/chat/completions", text: JSON.stringify({ model: setup.model, messages: [] }) },
    status: "done",
    httpStatus: 200,
    output: {
      choices: [{ index: 0, text: reply, refusal: "", reasoning: "", toolCalls: [], finishReason: "stop" }],
      error: null,
      responseId: "chatcmpl_1",
      requestId: "req_1",
    },
    usage: { input: 1000, cached: 0, output: 500, reasoning: 0 },
    totalMs: 812.4,
    ttftMs: 120.2,
  };
}

describe("run history", () => {
  it("stores a run with its previews, metrics and cost, and reads it back in full", async () => {
    const s = await recordRun(alice.id, run("Say hello\nin French", "Bonjour !"));
    expect(s).not.toBeNull();
    expect(s?.id).toMatch(/^run_/);
    expect(s?.inputPreview).toBe("Say hello");
    expect(s?.outputPreview).toBe("Bonjour !");
    expect(s?.totalMs).toBe(812);
    expect(s?.inputTokens).toBe(1000);
    // gpt-4o-mini: $0.15 in, $0.60 out per 1M.
    expect(s?.cost).toBeCloseTo((1000 * 0.15 + 500 * 0.6) / 1e6, 10);
    const full = await getRun(alice.id, s?.id ?? "");
    expect(full.output.choices[0]?.text).toBe("Bonjour !");
    expect(full.usage?.output).toBe(500);
    expect(full.request.path).toBe("/chat/completions");
    expect((full.setup as { model: string }).model).toBe("gpt-4o-mini");
  });

  it("is private: another user, admins included, neither lists, reads nor deletes it", async () => {
    const s = await recordRun(alice.id, run("secret plans", "ok"));
    const id = s?.id ?? "";
    expect((await listRuns(bob.id)).data).toEqual([]);
    expect((await listRuns(admin.id)).data).toEqual([]);
    expect((await rejects(getRun(bob.id, id))).status).toBe(404);
    expect((await rejects(getRun(admin.id, id))).status).toBe(404);
    expect((await rejects(deleteRun(admin.id, id))).status).toBe(404);
    expect(await deleteAllRuns(bob.id)).toBe(0);
    expect((await listRuns(alice.id)).data.map((r) => r.id)).toEqual([id]);
  });

  it("never stores the server's key nor anything shaped like a key", async () => {
    const pat = `bt_pat_${"A".repeat(30)}`;
    const s = await recordRun(alice.id, run(`my key is ${KEY} and ${pat}`, `echo ${KEY}`));
    const [row] = await (await getDb()).query<{ all: string }>(
      "select setup::text || request::text || output::text || search_text || input_preview || output_preview as all from runs where id = $1",
      [s?.id],
    );
    expect(row?.all).not.toContain(KEY);
    expect(row?.all).not.toContain(pat);
    expect(row?.all).toContain("sk-…cdef");
  });

  it("searches input, output and model; filters by API and model; pages newest first", async () => {
    await recordRun(alice.id, run("alpha question", "first answer"));
    await recordRun(alice.id, run("beta question", "the 50% answer", { model: "gpt-4.1" }));
    await recordRun(alice.id, run("gamma", "third", { api: "responses" }));
    expect((await listRuns(alice.id, { q: "ALPHA" })).data.map((r) => r.inputPreview)).toEqual([
      "alpha question",
    ]);
    expect((await listRuns(alice.id, { q: "50%" })).data).toHaveLength(1);
    expect((await listRuns(alice.id, { q: "%" })).data).toHaveLength(1);
    expect((await listRuns(alice.id, { q: "gpt-4.1" })).data).toHaveLength(1);
    expect((await listRuns(alice.id, { q: "question" })).data).toHaveLength(2);
    expect((await listRuns(alice.id, { api: "responses" })).data.map((r) => r.inputPreview)).toEqual([
      "gamma",
    ]);
    expect((await listRuns(alice.id, { model: "gpt-4.1" })).data).toHaveLength(1);
    expect(await runFacets(alice.id)).toEqual({
      apis: ["chat", "responses"],
      models: ["gpt-4.1", "gpt-4o-mini"],
    });

    const first = await listRuns(alice.id, { limit: 2 });
    expect(first.data.map((r) => r.inputPreview)).toEqual(["gamma", "beta question"]);
    const second = await listRuns(alice.id, { limit: 2, cursor: first.nextCursor ?? "" });
    expect(second.data.map((r) => r.inputPreview)).toEqual(["alpha question"]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses a run over the size cap and a setup the playground cannot read", async () => {
    const big = await rejects(recordRun(alice.id, run("x".repeat(RUN_MAX_BYTES), "y")));
    expect(big.code).toBe("run_too_large");
    const bad = await rejects(recordRun(alice.id, run("hi", "ok", { api: "nope" })));
    expect(bad.status).toBe(400);
    expect((await listRuns(alice.id)).data).toEqual([]);
  });

  it("keeps at most RUNS_PER_USER_MAX runs per user, dropping the oldest", async () => {
    const db = await getDb();
    await recordRun(alice.id, run("oldest", "a"));
    // Fill to the cap with copies of that row, faster than thousands of inserts through the API.
    await db.query(
      `insert into runs (id, user_id, created_at, target, api, model, status, input_preview, output_preview,
         search_text, bytes, setup, request, output)
       select 'run_fill_' || g, user_id, created_at + (g * interval '1 ms'), target, api, model, status,
         'fill', output_preview, 'fill', bytes, setup, request, output
         from runs, generate_series(1, $1::int - 1) g`,
      [RUNS_PER_USER_MAX],
    );
    await recordRun(alice.id, run("newest", "b"));
    const [count] = await db.query<{ n: number }>("select count(*)::int as n from runs where user_id = $1", [
      alice.id,
    ]);
    expect(count?.n).toBe(RUNS_PER_USER_MAX);
    expect((await listRuns(alice.id, { q: "oldest" })).data).toEqual([]);
  });

  it("prunes runs past the retention, and stores nothing once history is off", async () => {
    const db = await getDb();
    const s = await recordRun(alice.id, run("old", "a"));
    await db.query("update runs set created_at = now() - interval '10 days' where id = $1", [s?.id]);
    await recordRun(bob.id, run("fresh", "b"));
    await setRetentionDays(7);
    expect(await getRetentionDays()).toBe(7);
    expect((await listRuns(alice.id)).data).toEqual([]);
    expect((await listRuns(bob.id)).data).toHaveLength(1);

    await setRetentionDays(0);
    expect((await db.query("select id from runs")).length).toBe(0);
    expect(await recordRun(bob.id, run("while off", "c"))).toBeNull();
    expect((await listRuns(bob.id)).data).toEqual([]);
  });
});
