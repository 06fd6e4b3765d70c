import { encode } from "fast-png";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "@/lib/emulator/server";
import { useFreshDb } from "@/test/db";
import { createToken } from "../auth/tokens";
import { createUser } from "../auth/users";
import { resetConfigForTests } from "../config";
import { getDb } from "../db";
import { flushLedger } from "../ledger";
import { latestRateLimits } from "../rate-limits";
import { handleProxy } from "./index";

// The image endpoints through the proxy, against the emulator: what the ledger and the limits keep.
const KEY = "sk-test-images-0000wxyz";
let emu: Emulator;
let token: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY });
  emu.state.config.streamChunkDelayMs = 0;
  Object.assign(process.env, {
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: emu.url,
    CONSOLE_SECRET: "x".repeat(40),
  });
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  const u = await createUser({ email: "img@example.com", password: "long-enough-password", role: "member" });
  ({ token } = await createToken(u.id, { name: "t" }));
});
afterAll(async () => {
  await emu.close();
  await cleanup();
});

const call = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  handleProxy(
    new Request(`http://localhost:3000/api/v1/${path}`, {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${token}`, ...headers },
    }),
  );

async function lastRow(path: string) {
  await flushLedger();
  const [row] = await (await getDb()).query<Record<string, unknown>>(
    "select * from ledger where path = $1 order by id desc limit 1",
    [path],
  );
  return row;
}

const png = (w: number, h: number, alpha = false): Uint8Array<ArrayBuffer> =>
  new Uint8Array(
    encode({
      width: w,
      height: h,
      data: new Uint8Array(w * h * (alpha ? 4 : 3)).fill(alpha ? 0 : 90),
      channels: alpha ? 4 : 3,
      depth: 8,
    }),
  );

describe("image calls through the proxy", () => {
  it("a generation records its model, tokens and image count, and its rate limits", async () => {
    const res = await call(
      "images/generations",
      JSON.stringify({ model: "gpt-image-2", prompt: "a lighthouse", n: 2, size: "256x256" }),
      { "content-type": "application/json" },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-remaining-images")).toMatch(/^\d+$/);
    const body = (await res.json()) as { usage: { input_tokens: number; output_tokens: number } };
    expect(await lastRow("/v1/images/generations")).toMatchObject({
      model: "gpt-image-2",
      images: 2,
      input_tokens: body.usage.input_tokens,
      output_tokens: body.usage.output_tokens,
    });
    const limits = await latestRateLimits({ model: "gpt-image-2" });
    expect(limits.map((l) => l.kind).sort()).toEqual(["images", "requests", "tokens"]);
    expect(limits.find((l) => l.kind === "images")).toMatchObject({ limit: 50 });
    expect(limits.find((l) => l.kind === "tokens")?.resetMs).toBeGreaterThan(0);
  });

  it("a multipart edit records the model field, read past the image part", async () => {
    const fd = new FormData();
    fd.append("image", new Blob([png(64, 64)], { type: "image/png" }), "in.png");
    fd.append("mask", new Blob([png(64, 64, true)], { type: "image/png" }), "mask.png");
    fd.append("prompt", "paint it");
    fd.append("model", "gpt-image-2.5-flare");
    const req = new Request("http://x/", { method: "POST", body: fd });
    const res = await call("images/edits", await req.arrayBuffer(), {
      "content-type": req.headers.get("content-type") ?? "",
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const row = await lastRow("/v1/images/edits");
    expect(row).toMatchObject({ model: "gpt-image-2.5-flare", images: 1 });
    expect(Number(row?.input_tokens)).toBeGreaterThan(0);
  });

  it("a streamed generation records the usage of its completed events", async () => {
    const res = await call(
      "images/generations",
      JSON.stringify({ model: "gpt-image-2", prompt: "s", stream: true, partial_images: 2, size: "256x256" }),
      { "content-type": "application/json" },
    );
    const text = await res.text();
    expect(text).toContain("image_generation.completed");
    expect(await lastRow("/v1/images/generations")).toMatchObject({
      stream: true,
      images: 1,
      model: "gpt-image-2",
    });
  });

  it("a 20 MB answer records its usage", async () => {
    emu.state.config.imageB64Bytes = 20_000_000;
    try {
      const res = await call("images/generations", JSON.stringify({ model: "gpt-image-2", prompt: "big" }), {
        "content-type": "application/json",
      });
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(20_000_000);
      const row = await lastRow("/v1/images/generations");
      expect(row).toMatchObject({ images: 1 });
      expect(Number(row?.output_tokens)).toBeGreaterThan(0);
      expect(Number(row?.response_bytes)).toBeGreaterThan(20_000_000);
    } finally {
      emu.state.config.imageB64Bytes = undefined;
    }
  });

  it("the images family forwards generations, edits and variations", async () => {
    const fd = new FormData();
    fd.append("image", new Blob([png(32, 32)], { type: "image/png" }), "in.png");
    fd.append("model", "dall-e-2");
    fd.append("response_format", "b64_json");
    const req = new Request("http://x/", { method: "POST", body: fd });
    const res = await call("images/variations", await req.arrayBuffer(), {
      "content-type": req.headers.get("content-type") ?? "",
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(await lastRow("/v1/images/variations")).toMatchObject({ model: "dall-e-2", images: 1 });
  });
});
