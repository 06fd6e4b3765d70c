import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { allPages, decodeResultFile, type ExportIo, exportJob, readCapped, safeName } from "./export";

const CSV = "step,train_loss,train_accuracy\n1,2.5,0.4\n2,2.1,0.5\n";
const b64 = (s: string) => btoa(s);
const stream = (s: string | Uint8Array) =>
  new Response(typeof s === "string" ? s : (s as BlobPart)).body as ReadableStream<Uint8Array>;

function fakeIo(over: { refuse?: string[]; sizes?: Record<string, number>; events?: number } = {}) {
  const events = Array.from({ length: over.events ?? 250 }, (_, i) => ({ id: `ev-${i}`, message: `m${i}` }));
  const job = {
    id: "ftjob-1",
    training_file: "file-train",
    validation_file: "file-valid",
    result_files: ["file-res"],
  };
  const files: Record<string, string> = {
    "file-train": '{"messages":[]}\n',
    "file-valid": '{"messages":[]}\n',
    "file-res": b64(CSV),
  };
  const calls: string[] = [];
  const io: ExportIo = {
    async json<T>(path: string) {
      calls.push(path);
      const url = new URL(path, "http://x");
      if (url.pathname.endsWith("/events")) {
        const after = url.searchParams.get("after");
        const from = after ? events.findIndex((e) => e.id === after) + 1 : 0;
        const data = events.slice(from, from + 100);
        return { data, has_more: from + 100 < events.length } as T;
      }
      if (url.pathname.endsWith("/checkpoints")) return { data: [{ id: "ckpt-1" }], has_more: false } as T;
      if (url.pathname.startsWith("/api/v1/files/")) {
        const id = url.pathname.split("/").at(-1) ?? "";
        return { id, filename: `${id}.jsonl`, bytes: over.sizes?.[id] ?? files[id]?.length } as T;
      }
      return job as T;
    },
    async body(path: string) {
      calls.push(path);
      const id = path.split("/").at(-2) ?? "";
      if (over.refuse?.includes(id))
        throw Object.assign(new Error("Not allowed to download files of purpose: fine-tune"), {
          status: 400,
        });
      return stream(files[id] ?? "");
    },
  };
  return { io, calls };
}

describe("decodeResultFile", () => {
  it("decodes base64 of a CSV and keeps a CSV as it is", () => {
    expect(decodeResultFile(b64(CSV))).toBe(CSV);
    expect(decodeResultFile(CSV)).toBe(CSV.trim());
  });
  it("is null for text that is neither", () => {
    expect(decodeResultFile("hello world!")).toBeNull();
    expect(decodeResultFile(b64("not, a csv header\n"))).toBeNull();
  });
});

describe("allPages", () => {
  it("follows after until has_more is false", async () => {
    const seen: string[] = [];
    const all = await allPages(async (after) => {
      seen.push(after);
      return after ? { data: [{ id: "b" }], has_more: false } : { data: [{ id: "a" }], has_more: true };
    });
    expect(all.map((x) => x.id)).toEqual(["a", "b"]);
    expect(seen).toEqual(["", "a"]);
  });
});

describe("readCapped", () => {
  it("reads under the limit and refuses past it", async () => {
    expect(strFromU8(await readCapped(stream("abc"), 3))).toBe("abc");
    await expect(readCapped(stream("abcd"), 3)).rejects.toThrow();
  });
});

it("safeName keeps a name usable as a zip path part", () => {
  expect(safeName("a/b:c.jsonl")).toBe("a_b_c.jsonl");
  expect(safeName("../../x")).toBe("____x");
  expect(safeName(".env")).toBe("_env");
});

describe("exportJob", () => {
  const signal = new AbortController().signal;
  const now = () => new Date("2026-12-02T00:00:00Z");

  it("zips the job, every event page, checkpoints, results (served and decoded), files and a manifest", async () => {
    const { io } = fakeIo();
    const { blob, manifest } = await exportJob("ftjob-1", io, { signal, now });
    const zip = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual([
      "checkpoints.json",
      "events.json",
      "files/training-file-train-file-train.jsonl",
      "files/validation-file-valid-file-valid.jsonl",
      "job.json",
      "manifest.json",
      "results/file-res.csv",
      "results/file-res.txt",
    ]);
    expect(JSON.parse(strFromU8(zip["events.json"] as Uint8Array))).toHaveLength(250);
    expect(strFromU8(zip["results/file-res.csv"] as Uint8Array)).toBe(CSV);
    const m = JSON.parse(strFromU8(zip["manifest.json"] as Uint8Array));
    expect(m).toMatchObject({
      job_id: "ftjob-1",
      training_file: "file-train",
      validation_file: "file-valid",
    });
    expect(m.exported_at).toBe("2026-12-02T00:00:00.000Z");
    expect(m.benchtop_version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.not_included).toEqual([]);
  });

  it("names entries only through safeName, whatever ids the upstream's job holds", async () => {
    const { io } = fakeIo();
    const hostile: ExportIo = {
      ...io,
      async json<T>(path: string) {
        const v = await io.json<T>(path, signal);
        return (
          path === "/api/v1/fine_tuning/jobs/ftjob-1"
            ? { ...v, training_file: "../../x", validation_file: null, result_files: ["../evil:stream"] }
            : v
        ) as T;
      },
    };
    const { blob } = await exportJob("ftjob-1", hostile, { signal, now });
    const names = Object.keys(unzipSync(new Uint8Array(await blob.arrayBuffer())));
    expect(names.filter((n) => n.includes("..") || n.includes(":") || n.split("/").length > 2)).toEqual([]);
    expect(names).toContain("results/__evil_stream.txt");
  });

  it("reads a result file against the room left under the cap", async () => {
    const { io } = fakeIo();
    const big: ExportIo = {
      async json<T>(path: string) {
        const v = await io.json<T>(path, signal);
        return (
          path === "/api/v1/fine_tuning/jobs/ftjob-1" ? { ...v, result_files: ["file-r1", "file-r2"] } : v
        ) as T;
      },
      async body(path: string) {
        return path.includes("file-r") ? stream("x".repeat(600 * 1024)) : io.body(path, signal);
      },
    };
    const { manifest } = await exportJob("ftjob-1", big, { signal, now, capBytes: 1024 * 1024 - 1 });
    expect(manifest.included.reduce((n, e) => n + e.bytes, 0)).toBeLessThan(1024 * 1024);
  });

  it("notes a refused download in the manifest instead of failing", async () => {
    const { io } = fakeIo({ refuse: ["file-valid"] });
    const { blob, manifest } = await exportJob("ftjob-1", io, { signal, now });
    const zip = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(zip).some((k) => k.startsWith("files/validation"))).toBe(false);
    expect(manifest.not_included).toEqual([
      {
        what: "Validation file file-valid",
        reason: "Not downloadable: HTTP 400: Not allowed to download files of purpose: fine-tune",
      },
    ]);
  });

  it("skips a file over the cap without downloading it", async () => {
    const { io, calls } = fakeIo({ sizes: { "file-train": 10 * 1024 * 1024 } });
    const { manifest } = await exportJob("ftjob-1", io, { signal, now, capBytes: 1024 * 1024 });
    expect(calls).not.toContain("/api/v1/files/file-train/content");
    expect(manifest.not_included[0]?.reason).toMatch(/over the export's cap/);
  });

  it("stops when cancelled", async () => {
    const ctl = new AbortController();
    const { io } = fakeIo();
    const run = exportJob("ftjob-1", io, {
      signal: ctl.signal,
      onProgress: (p) => p.stage === "Reading checkpoints" && ctl.abort(),
    });
    await expect(run).rejects.toThrow();
  });
});
