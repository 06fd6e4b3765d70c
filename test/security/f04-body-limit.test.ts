import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { POST as createPreset } from "@/app/api/presets/route";
import { PUT as putModelOverrides } from "@/app/api/settings/models/route";
import { POST as createShare } from "@/app/api/shares/route";
import { POST as createUser } from "@/app/api/users/route";
import { DEFAULT_BODY_MAX_BYTES } from "@/lib/server/http";
import { PRESET_STATE_MAX_BYTES } from "@/lib/server/presets";
import { SHARE_SNAPSHOT_MAX_BYTES } from "@/lib/server/shares";
import { asBrowser, ORIGIN, type Stack, startStack } from "./harness";
import { validSnapshot } from "./snapshot-shapes";

/**
 * F4: the console's JSON routes read any body to the end (100 MB on sign-in: 14 s, +320 MB). Now a
 * body over the route's limit is refused with 413 before it is read: by Content-Length up front, and
 * by counting bytes for a chunked body, which has none.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const noCtx = undefined as never;
const MiB = 1024 * 1024;

/** A large body (8 MiB, as good as endless here), counting what the server pulled from it. */
function endlessBody(chunk = 64 * 1024) {
  const pulled = { bytes: 0, cancelled: false };
  const bytes = new Uint8Array(chunk).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (pulled.bytes >= 8 * MiB) return c.close();
      pulled.bytes += bytes.byteLength;
      c.enqueue(bytes);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

function streamed(path: string, stream: ReadableStream<Uint8Array>): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json" },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

async function expect413(res: Response) {
  expect(res.status).toBe(413);
  const body = (await res.json()) as { error: { type: string; code: string; message: string } };
  expect(body.error).toMatchObject({ type: "invalid_request_error", code: "body_too_large" });
  expect(body.error.message).toMatch(/larger than this route accepts/);
}

describe("F4: body limits on console routes", () => {
  it("sign-in refuses a declared 100 MB body before reading it", async () => {
    const { stream, pulled } = endlessBody();
    const req = new Request(`${ORIGIN}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", "content-length": String(100 * MiB) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expect413(await signIn(req, noCtx));
    // Nothing beyond what the stream buffers ahead on its own was read.
    expect(pulled.bytes).toBeLessThanOrEqual(128 * 1024);
  });

  it("sign-in stops reading a chunked body (no Content-Length) at the limit", async () => {
    const { stream, pulled } = endlessBody();
    await expect413(await signIn(streamed("/api/auth/sign-in", stream), noCtx));
    expect(pulled.bytes).toBeLessThanOrEqual(DEFAULT_BODY_MAX_BYTES + 3 * 64 * 1024);
    expect(pulled.cancelled).toBe(true);
  });

  it("a body just over the default limit is refused, one under it is read", async () => {
    const pad = (n: number) => JSON.stringify({ email: "a@b.c", password: "p", pad: "x".repeat(n) });
    const over = pad(DEFAULT_BODY_MAX_BYTES);
    await expect413(await createUser(asBrowser(stack.admin, "/api/users", { body: over }), noCtx));
    const under = asBrowser(stack.admin, "/api/users", { body: pad(DEFAULT_BODY_MAX_BYTES - 200) });
    const res = await createUser(under, noCtx);
    expect(res.status).toBe(400); // read and validated: the email/password are refused, not the size
  });

  it("a lying Content-Length does not let a larger body through", async () => {
    const body = JSON.stringify({ email: "a@b.c", password: "x".repeat(DEFAULT_BODY_MAX_BYTES) });
    const { stream } = { stream: new Blob([body]).stream() };
    const req = new Request(`${ORIGIN}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", "content-length": "20" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expect413(await signIn(req, noCtx));
  });

  it("a full-size share snapshot and preset state still fit; larger ones get 413", async () => {
    const text = (bytes: number) => "x".repeat(bytes);
    // Valid snapshots (the schema is checked after the size), padded in the instructions.
    const padded = (bytes: number) => {
      const snap = validSnapshot();
      return { ...snap, setup: { ...(snap.setup as object), instructions: text(bytes) } };
    };
    const share = (bytes: number) =>
      JSON.stringify({ kind: "playground", title: "big", snapshot: padded(bytes - 3000) });
    const ok = await createShare(
      asBrowser(stack.member, "/api/shares", { body: share(SHARE_SNAPSHOT_MAX_BYTES - 100) }),
      noCtx,
    );
    expect(ok.status).toBe(201);
    await expect413(
      await createShare(
        asBrowser(stack.member, "/api/shares", { body: share(SHARE_SNAPSHOT_MAX_BYTES + 100 * 1024) }),
        noCtx,
      ),
    );

    const preset = (bytes: number) =>
      JSON.stringify({ name: `p${bytes}`, state: { setup: padded(bytes - 3000).setup } });
    const okPreset = await createPreset(
      asBrowser(stack.member, "/api/presets", { body: preset(PRESET_STATE_MAX_BYTES - 100) }),
      noCtx,
    );
    expect(okPreset.status).toBe(201);
    await expect413(
      await createPreset(
        asBrowser(stack.member, "/api/presets", { body: preset(PRESET_STATE_MAX_BYTES + 100 * 1024) }),
        noCtx,
      ),
    );
  });

  it("the largest model override set the schema allows still fits", async () => {
    const overrides: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++) {
      overrides[`${"m".repeat(190)}${i}`] = {
        label: "é".repeat(120),
        contextWindow: 2_000_000,
        maxOutput: 200_000,
        pricing: { input: 123.456789, output: 123.456789, cachedInput: 12.3456789 },
        capabilities: {
          apis: ["responses", "chat", "completions", "embeddings"],
          tools: true,
          vision: true,
          reasoning: true,
          structuredOutputs: true,
          logprobs: true,
          sampling: true,
        },
        encoding: "o200k_harmony",
      };
    }
    const body = JSON.stringify(overrides);
    expect(Buffer.byteLength(body)).toBeGreaterThan(DEFAULT_BODY_MAX_BYTES);
    const res = await putModelOverrides(
      asBrowser(stack.admin, "/api/settings/models", { method: "PUT", body }),
      noCtx,
    );
    expect(res.status).toBe(200);
  });

  it("an ordinary sign-in is under the limit", async () => {
    const res = await signIn(
      new Request(`${ORIGIN}/api/auth/sign-in`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({ email: stack.member.user.email, password: "correct-horse-battery" }),
      }),
      noCtx,
    );
    expect(res.status).toBe(200);
  });
});
