import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { isAlive } from "./db/pglite";
import { PEER_HEADER } from "./peer";

/**
 * The main thread's half of "Next in a worker thread" (docs/architecture.md): every request that is
 * not the proxy's goes, as it came, to Next's server in the worker, over a Unix socket in a private
 * directory. Bodies stream both ways (a page's stream, an upload); a client that goes away ends the
 * forwarded request.
 */

/** For one connection only (RFC 9110 §7.6.1): never passed on, either way. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "proxy-authenticate",
  "proxy-authorization",
  // This server already answered it (Node sends 100 Continue itself).
  "expect",
]);

/** rawHeaders without hop-by-hop ones and without `drop`; names as the peer spelled them. */
export function passedHeaders(raw: readonly string[], drop?: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower === drop) continue;
    out.push(name, raw[i + 1] as string);
  }
  return out;
}

export function forwardToNext(
  socketPath: string,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  // Idle connections close here well before Next's server would close them (next-thread.ts): a
  // request never goes out on a connection the other end is closing.
  const agent = new http.Agent({ keepAlive: true, timeout: 60_000 });
  return (req, res) => {
    // The client's rawHeaders still hold any x-benchtop-peer it sent; stampPeer put ours in req.headers.
    const headers = passedHeaders(req.rawHeaders, PEER_HEADER);
    const stamped = req.headers[PEER_HEADER];
    if (typeof stamped === "string") headers.push(PEER_HEADER, stamped);
    // A chunked body goes on chunked. Without a framing header Node writes a GET's or DELETE's body
    // raw, and Next would read those bytes as a second request that never passed this thread's gate.
    if (req.headers["transfer-encoding"] !== undefined) headers.push("Transfer-Encoding", "chunked");
    const out = http.request({ socketPath, agent, method: req.method, path: req.url, headers });
    out.on("response", (answer) => {
      // Set, not written: the headers leave with the first byte, so a bodiless answer can still be
      // replaced at `end` (request-gate.ts gives Next's empty 405s our error and an Allow).
      res.statusCode = answer.statusCode ?? 502;
      if (answer.statusMessage) res.statusMessage = answer.statusMessage;
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
      }
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    out.on("error", (e) => {
      // The client left first (and so ended this request): nobody to answer.
      if (res.destroyed) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Next's answer may have set its headers (a length among them) before it failed.
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      console.error(`[server] the console's pages did not answer ${req.method} ${req.url}: ${e.message}`);
      res.writeHead(502, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: {
            message: "The console's server did not answer. Try again in a moment.",
            type: "server_error",
            param: null,
            code: "console_unavailable",
          },
        }),
      );
    });
    // A client gone before the answer ended: Next stops working on it.
    res.on("close", () => {
      if (!res.writableFinished) out.destroy();
    });
    req.pipe(out);
  };
}

/**
 * Where Next's server listens: in a new directory only this user can enter, since the socket is the
 * pages' way in past this thread's checks. In the system's temporary directory (this host's or
 * container's own), or in DATA_DIR where that cannot be written (a read-only root file system). A
 * directory left by a process that was killed goes (its pid is in the name; a container restarts as
 * pid 1, so our own pid is a leftover too: this process has not made its directory yet).
 */
export function privateSocket(dataDir: string): string {
  let dir: string;
  try {
    dir = socketDirIn(os.tmpdir());
  } catch {
    dir = socketDirIn(dataDir);
  }
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, "next.sock");
}

export function socketDirIn(base: string): string {
  for (const name of fs.readdirSync(base)) {
    const pid = Number(/^run-benchtop-(\d+)-/.exec(name)?.[1]);
    if (!pid || (pid !== process.pid && isAlive(pid))) continue;
    try {
      fs.rmSync(path.join(base, name), { recursive: true, force: true });
    } catch {
      // Another user's, in a shared /tmp: not ours to remove, and no reason not to start.
    }
  }
  // mkdtemp makes it 0700.
  return fs.mkdtempSync(path.join(base, `run-benchtop-${process.pid}-`));
}
