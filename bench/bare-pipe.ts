/**
 * The hot-path bench's baseline: a bare Node pipe proxy, in a process of its own like the console.
 * No auth, no ledger, no checks; a keep-alive agent to the upstream and `pipe` both ways, with
 * Node's defaults. What any proxy on this machine pays for one more hop and one more process.
 *
 * Run as a child: `node --import tsx bench/bare-pipe.ts` with UPSTREAM=http://host:port; it prints
 * its port on stdout.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export function startBarePipe(upstream: string): Promise<http.Server> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const server = http.createServer((req, res) => {
    const out = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

if (require.main === module) {
  const upstream = process.env.UPSTREAM;
  if (!upstream) throw new Error("UPSTREAM is not set");
  void startBarePipe(upstream).then((s) => {
    process.stdout.write(`${(s.address() as AddressInfo).port}\n`);
  });
}
