import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, stampPeer } from "./peer";
import { forwardToNext, passedHeaders, socketDirIn } from "./to-next";

describe("passedHeaders", () => {
  it("drops hop-by-hop headers and the one named, keeps the rest as spelled", () => {
    expect(
      passedHeaders(
        [
          "Host",
          "x",
          "Connection",
          "keep-alive",
          "Transfer-Encoding",
          "chunked",
          "X-Benchtop-Peer",
          "for=6.6.6.6",
          "Cookie",
          "a=1",
          "Expect",
          "100-continue",
        ],
        PEER_HEADER,
      ),
    ).toEqual(["Host", "x", "Cookie", "a=1"]);
  });
});

describe("forwardToNext", () => {
  let dir: string;
  let next: http.Server;
  let front: http.Server;
  let url: string;
  const seen: http.IncomingHttpHeaders[] = [];
  const urls: string[] = [];
  let closedEarly = 0;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-to-next-"));
    const socketPath = path.join(dir, "next.sock");
    next = http.createServer((req, res) => {
      seen.push(req.headers);
      urls.push(req.url ?? "");
      if (req.url === "/stream") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: first\n\n");
        res.on("close", () => {
          if (!res.writableFinished) closedEarly++;
        });
        return;
      }
      let body = "";
      req.on("data", (c: Buffer) => {
        body += c;
      });
      req.on("end", () => {
        res.setHeader("set-cookie", ["a=1", "b=2"]);
        res.end(JSON.stringify({ method: req.method, url: req.url, body }));
      });
    });
    await new Promise<void>((r) => next.listen(socketPath, r));
    const toNext = forwardToNext(socketPath);
    front = http.createServer((req, res) => {
      stampPeer(req);
      toNext(req, res);
    });
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(front.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    front.close();
    next.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("passes method, path, body and every set-cookie; the peer header is the stamped one, never the client's", async () => {
    const res = await fetch(`${url}/api/x?q=1`, {
      method: "POST",
      body: "hello",
      headers: { [PEER_HEADER]: "for=6.6.6.6;proto=https" },
    });
    expect(await res.json()).toEqual({ method: "POST", url: "/api/x?q=1", body: "hello" });
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(seen.at(-1)?.[PEER_HEADER]).toBe("for=127.0.0.1;proto=http");
  });

  it("sends a chunked body on chunked, so no request hides in a GET's body (smuggling past the gate)", async () => {
    const smuggled = `DELETE /smuggled HTTP/1.1\r\nHost: x\r\n${PEER_HEADER}: for=6.6.6.6;proto=https\r\nContent-Length: 0\r\n\r\n`;
    const port = (front.address() as { port: number }).port;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.write(
          `GET /carrier HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${smuggled.length.toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`,
        );
      });
      let text = "";
      socket.on("data", (d: Buffer) => {
        text += d.toString("latin1");
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toContain('"url":"/carrier"');
    // The carrier's body arrived as its body; a moment for a second request, if one had been read.
    expect(reply).toContain("DELETE /smuggled");
    await new Promise((r) => setTimeout(r, 100));
    expect(urls).not.toContain("/smuggled");
  });

  it("streams an answer as it is written, and a client that leaves ends the request in Next", async () => {
    const ac = new AbortController();
    const res = await fetch(`${url}/stream`, { signal: ac.signal });
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe("data: first\n\n");
    ac.abort();
    await expect.poll(() => closedEarly).toBe(1);
  });

  it("answers 502 in the API's error shape when Next is not there", async () => {
    const lost = forwardToNext(path.join(dir, "nobody.sock"));
    const srv = http.createServer(lost);
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const res = await fetch(`http://127.0.0.1:${(srv.address() as { port: number }).port}/`);
    srv.close();
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: "console_unavailable", type: "server_error" } });
  });
});

describe("socketDirIn", () => {
  it("makes a directory only this user can enter, and clears what dead processes and our own pid left", () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-sockets-"));
    try {
      const dead = path.join(base, "run-benchtop-99999999-aaaaaa");
      const ours = path.join(base, `run-benchtop-${process.pid}-bbbbbb`);
      const alive = path.join(base, `run-benchtop-${process.ppid}-cccccc`);
      const other = path.join(base, "something-else");
      for (const d of [dead, ours, alive, other]) fs.mkdirSync(d);
      const made = socketDirIn(base);
      expect(fs.statSync(made).mode & 0o777).toBe(0o700);
      expect(path.basename(made)).toMatch(new RegExp(`^run-benchtop-${process.pid}-`));
      expect(fs.existsSync(dead)).toBe(false);
      expect(fs.existsSync(ours)).toBe(false);
      expect(fs.existsSync(alive)).toBe(true);
      expect(fs.existsSync(other)).toBe(true);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
