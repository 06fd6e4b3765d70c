import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server";

let emu: Emulator;
let client: OpenAI;
const KEY = "sk-emulator-test-abcd";

type ApiError = InstanceType<typeof OpenAI.APIError>;
const fail = (p: Promise<unknown>) => p.then(() => null as unknown as ApiError).catch((e: ApiError) => e);

const control = (path: string, body?: unknown) =>
  fetch(`${emu.url.replace(/\/v1$/, "")}/__emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json());

const upload = async (text: string, name: string, extra: Partial<OpenAI.FileCreateParams> = {}) =>
  client.files.create({ file: await toFile(Buffer.from(text), name), purpose: "assistants", ...extra });

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, controls: true });
  client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control("reset", {});
});

describe("file expiry", () => {
  it("drops files once the emulator clock passes expires_at", async () => {
    const f = await upload("temporary", "tmp.txt", {
      expires_after: { anchor: "created_at", seconds: 3600 },
    });
    expect(f.expires_at).toBe(f.created_at + 3600);
    const short = await fail(upload("x", "x.txt", { expires_after: { anchor: "created_at", seconds: 60 } }));
    expect(short).toMatchObject({ status: 400, param: "expires_after.seconds" });
    await control("clock", { advanceSeconds: 3000 });
    expect((await client.files.retrieve(f.id)).id).toBe(f.id);
    const { clock } = (await control("clock", { advanceSeconds: 600 })) as { clock: number };
    expect(clock).toBeGreaterThanOrEqual(f.created_at + 3600);
    expect((await fail(client.files.retrieve(f.id))).status).toBe(404);
    expect((await client.files.list()).data.map((x) => x.id)).not.toContain(f.id);
  });

  it("gives the File an upload creates the upload's expires_after", async () => {
    const u = await client.uploads.create({
      bytes: 1,
      filename: "e.txt",
      mime_type: "text/plain",
      purpose: "assistants",
      expires_after: { anchor: "created_at", seconds: 7200 },
    });
    const p = await client.uploads.parts.create(u.id, { data: await toFile(Buffer.from("e"), "p") });
    const done = await client.uploads.complete(u.id, { part_ids: [p.id] });
    expect(done.file?.expires_at).toBe((done.file?.created_at ?? 0) + 7200);
  });
});

describe("uploads", () => {
  it("takes parts in parallel, survives a failed part with a retry, and checks the byte total", async () => {
    const u = await client.uploads.create({
      bytes: 9,
      filename: "big.txt",
      mime_type: "text/plain",
      purpose: "assistants",
    });
    await control("faults", {
      kind: "status",
      status: 500,
      path: `/v1/uploads/${u.id}/parts`,
      times: 1,
      skip: 1,
    });
    const send = async (s: string) =>
      client.uploads.parts.create(u.id, { data: await toFile(Buffer.from(s), "part") });
    const first = await send("abc");
    const second = await fail(send("def"));
    expect(second).toBeInstanceOf(OpenAI.InternalServerError);
    const [p2, p3] = await Promise.all([send("def"), send("ghi")]);
    const done = await client.uploads.complete(u.id, { part_ids: [p3.id, first.id, p2.id] });
    expect(done.status).toBe("completed");
    expect(await (await client.files.content(done.file?.id ?? "")).text()).toBe("ghiabcdef");
    expect((await fail(send("x"))).status).toBe(400);

    const short = await client.uploads.create({
      bytes: 5,
      filename: "s.txt",
      mime_type: "text/plain",
      purpose: "assistants",
    });
    const p = await client.uploads.parts.create(short.id, { data: await toFile(Buffer.from("abc"), "p") });
    expect(await fail(client.uploads.complete(short.id, { part_ids: [p.id] }))).toMatchObject({
      status: 400,
      param: "part_ids",
    });
    const twice = await fail(client.uploads.complete(short.id, { part_ids: [p.id, p.id] }));
    expect(twice).toMatchObject({ status: 400, param: "part_ids" });
    expect((await client.uploads.cancel(short.id)).status).toBe("cancelled");
  });

  it("retries a failed part with the SDK's own retry and expires pending uploads after an hour", async () => {
    const retrying = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 1 });
    const u = await client.uploads.create({
      bytes: 3,
      filename: "r.txt",
      mime_type: "text/plain",
      purpose: "assistants",
    });
    await control("faults", {
      kind: "status",
      status: 503,
      path: `/v1/uploads/${u.id}/parts`,
      times: 1,
      retryAfter: 0,
    });
    const part = await retrying.uploads.parts.create(u.id, { data: await toFile(Buffer.from("abc"), "p") });
    const log = (await control("requests")) as { data: { path: string; status: number }[] };
    const parts = log.data.filter((r) => r.path.endsWith("/parts"));
    expect(parts).toHaveLength(2);
    expect(parts[0]?.status).toBe(503);
    const md5 = await fail(client.uploads.complete(u.id, { part_ids: [part.id], md5: "0".repeat(32) }));
    expect(md5).toMatchObject({ status: 400, param: "md5" });

    const old = await client.uploads.create({
      bytes: 3,
      filename: "o.txt",
      mime_type: "text/plain",
      purpose: "assistants",
    });
    await control("clock", { advanceSeconds: 3600 });
    expect(
      (
        await client.uploads.create({
          bytes: 1,
          filename: "n.txt",
          mime_type: "text/plain",
          purpose: "assistants",
        })
      ).status,
    ).toBe("pending");
    const late = await fail(
      client.uploads.parts.create(old.id, { data: await toFile(Buffer.from("abc"), "p") }),
    );
    expect(late).toMatchObject({ status: 400, code: "upload_not_pending" });
    expect(late.message).toContain("expired");
  });
});
