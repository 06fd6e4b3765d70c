import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

/**
 * Route handlers do not see the socket, so node-entry.ts writes the TCP peer's address and scheme
 * into this header before Next reads the request (`for=ADDRESS;proto=http`). Any copy the client
 * sent is removed first, so the value is always ours. Under `next dev` (no node-entry) nothing is
 * stamped and the header is ignored even if a client sends it.
 */
export const PEER_HEADER = "x-benchtop-peer";

// Shared through globalThis: node-entry and the route handlers are bundled separately but run in one process.
const STAMPING = Symbol.for("benchtop.peer-stamping");

export function stampPeer(req: Pick<IncomingMessage, "headers" | "socket">): void {
  (globalThis as Record<symbol, unknown>)[STAMPING] = true;
  delete req.headers[PEER_HEADER];
  const proto = (req.socket as TLSSocket).encrypted ? "https" : "http";
  req.headers[PEER_HEADER] = `for=${req.socket.remoteAddress ?? ""};proto=${proto}`;
}

/**
 * Next's thread of the production server (next-thread.ts): the main thread stamped the header before
 * it forwarded the request over a socket only this process can reach (to-next.ts).
 */
export function trustStampedPeer(): void {
  (globalThis as Record<symbol, unknown>)[STAMPING] = true;
}

export interface Peer {
  /** Null when the socket was already closed. */
  address: string | null;
  proto: "http" | "https";
}

/** The peer node-entry stamped, or null when this process does not stamp (next dev, Vercel). */
export function readPeer(headers: Headers): Peer | null {
  if (!(globalThis as Record<symbol, unknown>)[STAMPING]) return null;
  const value = headers.get(PEER_HEADER);
  if (!value) return null;
  const fields = new Map(
    value.split(";").map((part) => {
      const eq = part.indexOf("=");
      return [part.slice(0, eq), part.slice(eq + 1)] as const;
    }),
  );
  return { address: fields.get("for") || null, proto: fields.get("proto") === "https" ? "https" : "http" };
}
