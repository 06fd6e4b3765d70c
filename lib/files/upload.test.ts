import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/errors";
import { type FakeRequest, installFakeXhr, partIndex } from "@/test/fake-xhr";
import { PART_BYTES } from "./limits";
import { type PartState, uploadFile } from "./upload";

const MB = 1024 * 1024;
const fileOf = (bytes: number, name = "corpus.txt") =>
  new File([new Uint8Array(bytes)], name, { type: "text/plain" });
const fresh = (): PartState => ({ done: {}, uploadId: null });
const noop = { onProgress: () => {} };

/** An Uploads API that numbers parts by their index and completes with the ids it is given. */
function uploadsApi(
  fail: (req: FakeRequest, attempt: number) => "network-error" | number | null = () => null,
) {
  const attempts = new Map<number, number>();
  return installFakeXhr((req) => {
    if (req.url === "/api/v1/files") return { status: 200, body: { id: "file_simple", bytes: 1 } };
    if (req.url === "/api/v1/uploads") return { status: 200, body: { id: "upload_1" } };
    if (req.url.endsWith("/parts")) {
      const i = partIndex(req);
      const n = (attempts.get(i) ?? 0) + 1;
      attempts.set(i, n);
      const failure = fail(req, n);
      if (failure === "network-error") return failure;
      if (failure) return { status: failure, body: { error: { message: "no", type: "server_error" } } };
      return { status: 200, body: { id: `part_${i}` } };
    }
    if (req.url.endsWith("/complete")) {
      const { part_ids } = JSON.parse(req.body as string) as { part_ids: string[] };
      return { status: 200, body: { file: { id: "file_parts", part_ids } } };
    }
    return { status: 404 };
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("uploadFile", () => {
  it("sends a file of one part or less in one POST /files", async () => {
    const requests = uploadsApi();
    const done = await uploadFile(
      fileOf(PART_BYTES),
      "user_data",
      7200,
      fresh(),
      noop,
      new AbortController().signal,
    );
    expect(done.id).toBe("file_simple");
    expect(requests.map((r) => r.url)).toEqual(["/api/v1/files"]);
    const form = requests[0]?.body as FormData;
    expect(form.get("purpose")).toBe("user_data");
    expect(form.get("expires_after[seconds]")).toBe("7200");
  });

  it("sends a user_data file over one part in one POST /files, and cuts parts to a host's smaller limit", async () => {
    const requests = uploadsApi();
    const signal = new AbortController().signal;
    await uploadFile(fileOf(9 * MB, "report.pdf"), "user_data", null, fresh(), noop, signal);
    expect(requests.map((r) => r.url)).toEqual(["/api/v1/files"]);
    requests.length = 0;
    await uploadFile(fileOf(3 * MB), "assistants", null, fresh(), noop, signal, 2 * MB);
    expect(requests.filter((r) => r.url.endsWith("/parts"))).toHaveLength(3);
  });

  it("sends a larger file in parts and completes with the part ids in order", async () => {
    const requests = uploadsApi();
    const states: PartState[] = [];
    const done = await uploadFile(
      fileOf(10 * MB + 5),
      "assistants",
      null,
      fresh(),
      { onProgress: () => {}, onParts: (s) => states.push(s) },
      new AbortController().signal,
    );
    expect(requests.filter((r) => r.url.endsWith("/parts"))).toHaveLength(3);
    expect((done as unknown as { part_ids: string[] }).part_ids).toEqual(["part_0", "part_1", "part_2"]);
    // What a reload needs to resume: the upload first, then each part as it lands.
    expect(states[0]).toEqual({ uploadId: "upload_1", done: {}, partBytes: PART_BYTES });
    expect(states.at(-1)?.done).toEqual({ 0: "part_0", 1: "part_1", 2: "part_2" });
    const create = JSON.parse(requests[0]?.body as string);
    expect(create).toMatchObject({ filename: "corpus.txt", purpose: "assistants", bytes: 10 * MB + 5 });
  });

  it("retries a part that failed with a 5xx or a dropped connection, then goes on", async () => {
    const requests = uploadsApi((req, attempt) => {
      const i = partIndex(req);
      if (i === 1 && attempt === 1) return 500;
      if (i === 2 && attempt === 1) return "network-error";
      return null;
    });
    await uploadFile(fileOf(9 * MB), "assistants", null, fresh(), noop, new AbortController().signal);
    const parts = requests.filter((r) => r.url.endsWith("/parts")).map(partIndex);
    expect(parts.sort()).toEqual([0, 1, 1, 2, 2]);
  });

  it("gives up on a part the upstream refuses (a 4xx), with its error", async () => {
    uploadsApi(() => 400);
    const failed = uploadFile(
      fileOf(9 * MB),
      "assistants",
      null,
      fresh(),
      noop,
      new AbortController().signal,
    );
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({ status: 400 });
  });

  it("resumes an upload: the same upstream Upload, only the missing parts", async () => {
    const requests = uploadsApi();
    const resume: PartState = { uploadId: "upload_1", done: { 0: "part_0", 2: "part_2" } };
    const progress: number[] = [];
    await uploadFile(
      fileOf(10 * MB),
      "assistants",
      null,
      resume,
      { onProgress: (n) => progress.push(n) },
      new AbortController().signal,
    );
    expect(requests.map((r) => r.url)).toEqual([
      "/api/v1/uploads/upload_1/parts",
      "/api/v1/uploads/upload_1/complete",
    ]);
    expect(partIndex(requests[0] as FakeRequest)).toBe(1);
    // Progress starts from the bytes the upstream already has.
    expect(progress[0]).toBe(PART_BYTES + (10 * MB - 2 * PART_BYTES));
    expect(progress.at(-1)).toBe(10 * MB);
  });

  it("stops when cancelled", async () => {
    const requests = installFakeXhr((req) =>
      req.url.endsWith("/parts") ? "hang" : { status: 200, body: { id: "upload_1" } },
    );
    const ctrl = new AbortController();
    const running = uploadFile(fileOf(9 * MB), "assistants", null, fresh(), noop, ctrl.signal);
    await vi.waitFor(() => expect(requests.filter((r) => r.url.endsWith("/parts"))).toHaveLength(3));
    ctrl.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
  });
});
