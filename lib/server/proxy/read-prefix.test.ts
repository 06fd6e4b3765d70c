import http, { type IncomingMessage } from "node:http";
import net, { type AddressInfo, type Socket } from "node:net";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Prefix, readPrefix, takeArrived } from "./read-prefix";

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

describe("takeArrived", () => {
  // What the budget gate sees: a real request, looked at in the request event and a microtask later.
  let server: http.Server;
  let port = 0;
  let look: (req: IncomingMessage) => Promise<unknown> = async () => null;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      void look(req).then((v) => res.end(JSON.stringify(v)));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const lengthOf = (req: IncomingMessage) =>
    req.headers["content-length"] === undefined ? null : Number(req.headers["content-length"]);
  const text = (p: Prefix | null) => (p ? { ...p, chunks: Buffer.concat(p.chunks).toString() } : null);

  /** Sends raw bytes, in parts `gapMs` apart, and returns the answer's body. */
  function raw(parts: string[], gapMs = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket: Socket = net.connect(port, "127.0.0.1");
      let got = "";
      socket.on("data", (d: Buffer) => {
        got += d.toString();
      });
      socket.on("end", () => resolve(got.slice(got.indexOf("\r\n\r\n") + 4)));
      socket.on("error", reject);
      void (async () => {
        for (const p of parts) {
          socket.write(p);
          if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
        }
      })();
    });
  }
  const head = (extra: string) =>
    `POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\ncontent-type: application/json\r\n${extra}\r\n`;

  it("takes a body that came with its headers whole, a microtask after the request event", async () => {
    look = async (req) => {
      const during = takeArrived(req, lengthOf(req), 100);
      await null;
      return { during, after: text(takeArrived(req, lengthOf(req), 100)) };
    };
    const body = '{"model":"gpt-4o-mini"}';
    const answer = JSON.parse(await raw([`${head(`content-length: ${body.length}\r\n`)}${body}`]));
    expect(answer).toEqual({ during: null, after: { chunks: body, size: body.length, ended: true } });
  });

  it("leaves a body that has not all arrived, and readPrefix then reads all of it", async () => {
    look = async (req) => {
      await null;
      const early = takeArrived(req, lengthOf(req), 100);
      const read = await readPrefix(req, 100, new AbortController().signal, { closed });
      return { early, read: text(read) };
    };
    const answer = JSON.parse(await raw([`${head("content-length: 10\r\n")}01234`, "56789"], 30));
    expect(answer).toEqual({ early: null, read: { chunks: "0123456789", size: 10, ended: true } });
  });

  it("leaves a chunked body, one over the limit, and one a reader already had", async () => {
    look = async (req) => {
      await null;
      const n = lengthOf(req);
      if (n === null) return { chunked: takeArrived(req, null, 100) };
      if (n > 5) return { over: takeArrived(req, n, 5), after: text(takeArrived(req, n, 100)) };
      return null;
    };
    const chunked = JSON.parse(await raw([`${head("transfer-encoding: chunked\r\n")}3\r\nabc\r\n0\r\n\r\n`]));
    expect(chunked).toEqual({ chunked: null });
    // Over the limit: untouched, so the next look still gets every byte.
    const over = JSON.parse(await raw([`${head("content-length: 8\r\n")}abcdefgh`]));
    expect(over).toEqual({ over: null, after: { chunks: "abcdefgh", size: 8, ended: true } });
    look = async (req) => {
      req.on("data", () => {});
      await new Promise((r) => setTimeout(r, 20));
      return { flowed: takeArrived(req, lengthOf(req), 100) };
    };
    expect(JSON.parse(await raw([`${head("content-length: 3\r\n")}abc`]))).toEqual({ flowed: null });
  });
});
