/** int8 (counts, sums) as numbers, in either thread: every total Benchtop keeps fits in 2^53. */
export const PARSERS = { 20: (v: string) => Number(v) };

/** Messages between the main thread (pglite-thread.ts) and the database thread (pglite-worker.ts). */
export type Request =
  | { id: number; op: "open" | "begin" | "close" }
  /** Serve this port too: another thread of the process uses the same database (threads.ts). */
  | { id: number; op: "attach"; port: import("node:worker_threads").MessagePort }
  | { id: number; op: "query"; sql: string; params?: unknown[]; tx?: number }
  | { id: number; op: "exec"; sql: string; tx?: number }
  | { id: number; op: "end"; tx: number; commit: boolean };

export type Response = { id: number; rows: unknown[] } | { id: number; error: Record<string, unknown> };
