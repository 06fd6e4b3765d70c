import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readPrefix } from "./read-prefix";

const closed = () => new Error("closed");

describe("readPrefix", () => {
  it("reads a short body to its end", async () => {
    const stream = new PassThrough().end(Buffer.from("hello"));
    const read = await readPrefix(stream, 100, new AbortController().signal, { closed });
    expect(read.ended).toBe(true);
    expect(read.size).toBe(5);
    expect(Buffer.concat(read.chunks).toString()).toBe("hello");
  });

  it("stops at the limit with the stream paused and the rest still readable", async () => {
    const stream = new PassThrough();
    stream.write(Buffer.from("abcd"));
    stream.write(Buffer.from("efgh"));
    stream.end(Buffer.from("ijkl"));
    const seen: number[] = [];
    const signal = new AbortController().signal;
    const first = await readPrefix(stream, 6, signal, { closed, onChunk: (c) => seen.push(c.length) });
    expect(first).toMatchObject({ size: 8, ended: false });
    expect(Buffer.concat(first.chunks).toString()).toBe("abcdefgh");
    expect(seen).toEqual([4, 4]);
    expect(stream.isPaused()).toBe(true);
    // A second read resumes the paused stream.
    const rest = await readPrefix(stream, 100, signal, { closed });
    expect(rest.ended).toBe(true);
    expect(Buffer.concat(rest.chunks).toString()).toBe("ijkl");
  });

  it("rejects and destroys the stream on abort", async () => {
    const stream = new PassThrough();
    const abort = new AbortController();
    const read = readPrefix(stream, 100, abort.signal, { closed });
    stream.write(Buffer.from("part"));
    abort.abort();
    await expect(read).rejects.toThrow("closed");
    expect(stream.destroyed).toBe(true);
  });

  it("rejects at once when already aborted", async () => {
    const stream = new PassThrough();
    const abort = new AbortController();
    abort.abort();
    await expect(readPrefix(stream, 100, abort.signal, { closed })).rejects.toThrow("closed");
    expect(stream.destroyed).toBe(true);
  });

  it("rejects with the caller's error when the stream fails, leaving it undestroyed by the reader", async () => {
    const stream = new PassThrough();
    const abort = new AbortController();
    const read = readPrefix(stream, 100, abort.signal, { closed });
    stream.emit("error", new Error("socket hang up"));
    await expect(read).rejects.toThrow("closed");
    expect(stream.listenerCount("data")).toBe(0);
    // The abort listener is gone too: aborting later does not destroy the stream.
    abort.abort();
    expect(stream.destroyed).toBe(false);
  });
});
