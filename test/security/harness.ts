import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { type Emulator, startEmulator } from "@/lib/emulator/server";
import { createSession, SESSION_COOKIE } from "@/lib/server/auth/sessions";
import { createToken } from "@/lib/server/auth/tokens";
import { createUser, type User } from "@/lib/server/auth/users";
import { resetConfigForTests } from "@/lib/server/config";
import { PEER_HEADER, stampPeer } from "@/lib/server/peer";
import { handleProxyNode } from "@/lib/server/proxy/node";
import { useFreshDb } from "@/test/db";

/**
 * The security suite's stack, in process: the upstream emulator (controls on, as in tests), a fresh
 * database with an admin and a member (each with a token and a session), and the production proxy
 * path (handleProxyNode on a Node server, as node-entry.ts wires it). Route handlers under app/ are
 * called directly with a Request.
 */
export const KEY = "sk-security-suite-KEY-9d8c7b6a5f4e3d2c1b0a";
export const ORIGIN = "http://console.test";

export interface Person {
  user: User;
  token: string;
  /** The session cookie's value. */
  session: string;
}

export interface Stack {
  emulator: Emulator;
  /** `http://127.0.0.1:PORT`: the proxy's Node server. */
  proxyUrl: string;
  proxyPort: number;
  admin: Person;
  member: Person;
  close(): Promise<void>;
}

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const emulator = await startEmulator({
    port: 0,
    apiKey: KEY,
    adminKey: env.OPENAI_ADMIN_KEY,
    controls: true,
  });
  Object.assign(process.env, {
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: emulator.url,
    CONSOLE_SECRET: "s".repeat(40),
    CONSOLE_ORIGIN: ORIGIN,
    ...env,
  });
  resetConfigForTests();
  // biome-ignore lint/correctness/useHookAtTopLevel: useFreshDb is a test helper, not a React hook.
  const { cleanup } = await useFreshDb();
  const person = async (email: string, role: "admin" | "member"): Promise<Person> => {
    const user = await createUser({ email, password: "correct-horse-battery", role });
    const { token } = await createToken(user.id, { name: "security suite" });
    const { id } = await createSession(user.id, {});
    return { user, token, session: id };
  };
  const admin = await person("admin@security.test", "admin");
  const member = await person("member@security.test", "member");
  const front = http.createServer((req, res) => {
    stampPeer(req);
    void handleProxyNode(req, res);
  });
  await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  const proxyPort = (front.address() as AddressInfo).port;
  return {
    emulator,
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    proxyPort,
    admin,
    member,
    async close() {
      front.closeAllConnections();
      await new Promise<void>((r) => front.close(() => r()));
      await emulator.close();
      await cleanup();
    },
  };
}

/** A Request as the browser would send it to a console route: own origin, session cookie. */
export function asBrowser(
  who: Person,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      cookie: `${SESSION_COOKIE}=${who.session}`,
      origin: ORIGIN,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    body: init.body,
  });
}

/**
 * The header node-entry.ts stamps for a client connecting from `address`: spread it into a Request's
 * headers to call a route handler as that client.
 */
export function fromAddress(address: string, proto: "http" | "https" = "http"): Record<string, string> {
  const req = {
    headers: {} as http.IncomingHttpHeaders,
    socket: { remoteAddress: address, encrypted: proto === "https" },
  };
  stampPeer(req as unknown as http.IncomingMessage);
  return { [PEER_HEADER]: String(req.headers[PEER_HEADER]) };
}

/**
 * Writes bytes to a server exactly as given (no client-side framing or header checks) and returns
 * everything it answers until it closes the connection or `idleMs` passes without data.
 */
export function rawHttp(port: number, payload: string | Buffer, idleMs = 400): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(done, idleMs);
    };
    socket.on("connect", () => {
      socket.write(payload);
      arm();
    });
    socket.on("data", (c) => {
      chunks.push(c);
      arm();
    });
    socket.on("end", done);
    socket.on("error", (e) => (chunks.length ? done() : reject(e)));
  });
}

/** The response bodies of a raw HTTP exchange must never carry the key, whole or in part. */
export function assertNoKey(text: string): void {
  for (const needle of [
    KEY,
    KEY.slice(3, 20),
    encodeURIComponent(KEY),
    Buffer.from(KEY).toString("base64"),
  ]) {
    if (text.includes(needle)) throw new Error(`the key (or a part of it) appeared: …${needle.slice(-6)}`);
  }
}
