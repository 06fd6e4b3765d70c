import "server-only";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ApiError } from "@/lib/errors";
import { type Args, runCommand } from "./commands";

export const OPS_SOCKET = "ops.sock";

interface Request {
  command: string;
  args: Args;
}

type Reply = { ok: true; result: unknown } | { ok: false; error: ReturnType<ApiError["toJSON"]>["error"] };

/**
 * While the server holds the embedded database, the CLI sends its commands here. The socket lives
 * in DATA_DIR with mode 0600: whoever may read the database files may run commands, nobody else.
 */
export function startOpsSocket(dataDir: string): net.Server {
  const file = path.join(dataDir, OPS_SOCKET);
  fs.rmSync(file, { force: true });
  const server = net.createServer((conn) => {
    let buf = "";
    conn.setEncoding("utf8");
    conn.on("data", (d: string) => {
      buf += d;
      // An assistant import carries its file (up to 16 MiB of JSON, escaped once more).
      if (buf.length > 40 * 1024 * 1024) conn.destroy();
      const nl = buf.indexOf("\n");
      if (nl === -1) return;
      void handle(buf.slice(0, nl)).then((reply) => conn.end(`${JSON.stringify(reply)}\n`));
    });
    conn.on("error", () => {});
  });
  server.listen(file, () => fs.chmodSync(file, 0o600));
  server.on("error", (e) => console.error(`[ops] socket error: ${e.message}`));
  process.once("exit", () => fs.rmSync(file, { force: true }));
  return server;
}

async function handle(line: string): Promise<Reply> {
  try {
    const req = JSON.parse(line) as Request;
    return { ok: true, result: await runCommand(req.command, req.args ?? {}) };
  } catch (e) {
    const err =
      e instanceof ApiError ? e : new ApiError({ type: "server_error", message: (e as Error).message });
    return { ok: false, error: err.toJSON().error };
  }
}

export function sendOpsCommand(dataDir: string, command: string, args: Args): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const conn = net.connect(path.join(dataDir, OPS_SOCKET));
    let buf = "";
    conn.setEncoding("utf8");
    conn.on("connect", () => conn.write(`${JSON.stringify({ command, args })}\n`));
    conn.on("data", (d: string) => {
      buf += d;
    });
    conn.on("end", () => {
      try {
        resolve(JSON.parse(buf) as Reply);
      } catch (e) {
        reject(e);
      }
    });
    conn.on("error", reject);
  });
}
