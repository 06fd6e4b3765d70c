import { beforeEach, describe, expect, it, vi } from "vitest";
import { installFakeXhr } from "@/test/fake-xhr";

const MB = 1024 * 1024;
const KEY = "benchtop.uploads.v1";
const storage = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});
const cancelled: string[] = [];
vi.stubGlobal("fetch", async (url: string) => {
  cancelled.push(url);
  return new Response("{}");
});
const { useUploads } = await import("./upload-store");

const fileOf = (bytes: number, name = "notes.txt") =>
  new File([new Uint8Array(bytes)], name, { type: "text/plain" });
const entry = (name: string) => {
  const u = useUploads.getState().uploads.find((x) => x.name === name);
  if (!u) throw new Error(`no upload named ${name}`);
  return u;
};
const settled = (name: string) =>
  vi.waitFor(() => expect(["done", "error", "cancelled"]).toContain(entry(name).status), { timeout: 5000 });

function api(parts: "ok" | "hang" = "ok") {
  return installFakeXhr((req) => {
    if (req.url === "/api/v1/files") return { status: 200, body: { id: "file_small" } };
    if (req.url === "/api/v1/uploads") return { status: 200, body: { id: `upload_${Date.now()}` } };
    if (req.url.endsWith("/parts"))
      return parts === "hang" ? "hang" : { status: 200, body: { id: `part_${Math.random()}` } };
    if (req.url.endsWith("/complete")) return { status: 200, body: { file: { id: "file_big" } } };
    return { status: 404 };
  });
}

beforeEach(() => {
  useUploads.setState({ uploads: [] });
  storage.clear();
  cancelled.length = 0;
});

describe("the upload queue", () => {
  it("refuses a bad file with the reason and sends nothing", () => {
    const requests = api();
    useUploads.getState().add([fileOf(10, "train.txt")], "fine-tune", null, null);
    expect(entry("train.txt")).toMatchObject({ status: "error" });
    expect(entry("train.txt").error).toContain(".jsonl");
    expect(requests).toHaveLength(0);
  });

  it("uploads, ends done with the file id, calls back, and persists the entry", async () => {
    api();
    const onDone = vi.fn();
    useUploads.getState().add([fileOf(100)], "user_data", null, null, onDone);
    expect(entry("notes.txt").status).toBe("uploading");
    await settled("notes.txt");
    expect(entry("notes.txt")).toMatchObject({ status: "done", fileId: "file_small", sent: 100 });
    expect(onDone).toHaveBeenCalledOnce();
    expect(JSON.parse(storage.get(KEY) ?? "{}").state.uploads[0].status).toBe("done");
  });

  it("cancels: aborts, cancels the upstream Upload, forgets its parts; a retry starts over", async () => {
    const requests = api("hang");
    useUploads.getState().add([fileOf(9 * MB, "big.txt")], "assistants", null, null);
    await vi.waitFor(() => expect(entry("big.txt").parts.uploadId).not.toBeNull());
    const { id, parts } = entry("big.txt");
    useUploads.getState().cancel(id);
    // No part had landed: the bar shows nothing sent, whatever was in flight.
    expect(entry("big.txt")).toMatchObject({
      status: "cancelled",
      sent: 0,
      parts: { done: {}, uploadId: null },
    });
    // The cancel call loads with the upload code, so it goes out a moment later.
    await vi.waitFor(() => expect(cancelled).toEqual([`/api/v1/uploads/${parts.uploadId}/cancel`]));
    const creates = () => requests.filter((r) => r.url === "/api/v1/uploads").length;
    useUploads.getState().retry(id);
    await vi.waitFor(() => expect(creates()).toBe(2));
    useUploads.getState().remove(id);
  });
});

describe("after a reload", () => {
  const persisted = (uploads: object[]) =>
    storage.set(KEY, JSON.stringify({ state: { uploads }, version: 0 }));
  const base = {
    type: "text/plain",
    lastModified: 1,
    purpose: "assistants",
    expirySeconds: null,
    speed: 10,
    error: null,
    fileId: null,
  };

  it("a multi-part upload that was running waits, paused, for its file; a small one failed", async () => {
    persisted([
      {
        ...base,
        id: "up_big",
        name: "big.txt",
        size: 9 * MB,
        status: "uploading",
        sent: 4 * MB,
        parts: { uploadId: "upload_x", done: { 0: "p0" } },
        startedAt: Date.now(),
      },
      {
        ...base,
        id: "up_small",
        name: "small.txt",
        size: 10,
        status: "uploading",
        sent: 0,
        parts: { uploadId: null, done: {} },
        startedAt: Date.now(),
      },
      {
        ...base,
        id: "up_done",
        name: "done.txt",
        size: 10,
        status: "done",
        sent: 10,
        parts: { uploadId: null, done: {} },
        startedAt: 1,
      },
    ]);
    await useUploads.persist.rehydrate();
    expect(entry("big.txt")).toMatchObject({ status: "paused", speed: 0, error: null });
    expect(entry("small.txt")).toMatchObject({ status: "error" });
    expect(entry("small.txt").error).toContain("Interrupted by a reload");
    expect(entry("done.txt").status).toBe("done");
  });

  it("resumes with the same file: the same upstream Upload, only the missing parts", async () => {
    persisted([
      {
        ...base,
        id: "up_big",
        name: "big.txt",
        size: 9 * MB,
        status: "uploading",
        sent: 4 * MB,
        parts: { uploadId: "upload_x", done: { 0: "p0" } },
        startedAt: Date.now(),
      },
    ]);
    await useUploads.persist.rehydrate();
    const requests = api();
    expect(useUploads.getState().resume("up_big", fileOf(9 * MB, "other.txt"))).toContain(
      "not the same file",
    );
    expect(useUploads.getState().resume("up_big", fileOf(9 * MB, "big.txt"))).toBeNull();
    await settled("big.txt");
    expect(entry("big.txt")).toMatchObject({ status: "done", fileId: "file_big" });
    expect(requests.map((r) => r.url)).toEqual([
      "/api/v1/uploads/upload_x/parts",
      "/api/v1/uploads/upload_x/parts",
      "/api/v1/uploads/upload_x/complete",
    ]);
  });

  it("starts over when the upstream Upload has expired (over an hour)", async () => {
    persisted([
      {
        ...base,
        id: "up_old",
        name: "old.txt",
        size: 9 * MB,
        status: "uploading",
        sent: 4 * MB,
        parts: { uploadId: "upload_old", done: { 0: "p0" } },
        startedAt: Date.now() - 2 * 3600_000,
      },
    ]);
    await useUploads.persist.rehydrate();
    const requests = api();
    useUploads.getState().resume("up_old", fileOf(9 * MB, "old.txt"));
    await settled("old.txt");
    expect(requests[0]?.url).toBe("/api/v1/uploads");
    expect(requests.filter((r) => r.url.endsWith("/parts"))).toHaveLength(3);
  });
});
