import "server-only";
import { BroadcastChannel, isMainThread, threadId } from "node:worker_threads";

/**
 * The production server answers `/api/v1/*` on the main thread and runs Next in a worker thread
 * (docs/architecture.md, "Next in a worker thread"). Each thread keeps its own copy of what is cached
 * in memory (resolved credentials, budget limits, prices, saved assistants), and the main thread
 * alone holds the proxy's queues (ledger, rate limits) and, on the embedded database, the budget
 * counters. So a change made in one thread is told to the other before it counts as made, and the
 * web thread asks the main thread for what only the main thread has.
 *
 * node-entry.ts names the channel (BENCHTOP_THREADS, one per process, copied into the worker's
 * environment). Without it (next dev, serverless, the CLI, unit tests) there is one thread: telling
 * and asking are answered at once, here.
 */
/** An answer slower than this means the other thread is stuck or gone: the caller goes on. */
const ASK_TIMEOUT_MS = 10_000;

export type Note =
  | { kind: "auth" }
  | { kind: "budgets" }
  | { kind: "prices" }
  | { kind: "assistant"; id: string };
export type Ask =
  | "flush-ledger"
  | "flush-rate-limits"
  | "read-counters"
  | "flush-counters"
  | "clear-counters";

type Message =
  | { t: "hello"; from: number }
  | { t: "note"; id: number; from: number; note: Note }
  | { t: "ask"; id: number; from: number; op: Ask; arg: unknown }
  | { t: "reply"; id: number; to: number; value?: unknown; error?: string };

interface Bus {
  /** Opened once BENCHTOP_THREADS is set (node-entry.ts sets it after its imports have run). */
  channel: BroadcastChannel | null;
  next: number;
  waiting: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>;
  notes: Map<Note["kind"], Set<(note: Note) => void>>;
  asks: Map<Ask, (arg: unknown) => Promise<unknown>>;
  /** The main thread has heard from the web thread: until then there is nobody to tell. */
  peer: boolean;
}

// On globalThis: Next's bundles and the Node entry may each load this module (as budgets/index.ts).
const g = globalThis as unknown as { __benchtopThreads?: Bus };

function bus(): Bus {
  g.__benchtopThreads ??= {
    channel: null,
    next: 1,
    waiting: new Map(),
    notes: new Map(),
    asks: new Map(),
    peer: !isMainThread,
  };
  const b = g.__benchtopThreads;
  const name = process.env.BENCHTOP_THREADS;
  if (!b.channel && name) {
    const channel = new BroadcastChannel(name);
    // A process with nothing else to do must not stay up for the channel.
    channel.unref();
    channel.onmessage = (event) => void receive(b, (event as { data: Message }).data);
    b.channel = channel;
    if (!isMainThread) channel.postMessage({ t: "hello", from: threadId } satisfies Message);
  }
  return b;
}

/** Opens the channel now (node-entry.ts and the web thread's entry), so the other side is heard from the start. */
export function startThreads(): void {
  bus();
}

async function receive(b: Bus, m: Message): Promise<void> {
  if (m.t === "hello") {
    b.peer = true;
    return;
  }
  if (m.t === "reply") {
    if (m.to !== threadId) return;
    const w = b.waiting.get(m.id);
    if (!w) return;
    b.waiting.delete(m.id);
    clearTimeout(w.timer);
    if (m.error !== undefined) w.reject(new Error(m.error));
    else w.resolve(m.value);
    return;
  }
  let value: unknown;
  let error: string | undefined;
  try {
    if (m.t === "note") {
      for (const fn of b.notes.get(m.note.kind) ?? []) fn(m.note);
    } else {
      // Only the main thread answers asks.
      if (!isMainThread) return;
      const answer = b.asks.get(m.op);
      if (!answer) throw new Error(`nothing answers ${m.op} in the main thread`);
      value = await answer(m.arg);
    }
  } catch (e) {
    error = (e as Error).message;
  }
  b.channel?.postMessage({ t: "reply", id: m.id, to: m.from, value, error } satisfies Message);
}

type Outgoing = { t: "note"; note: Note } | { t: "ask"; op: Ask; arg: unknown };

function send(b: Bus, m: Outgoing): Promise<unknown> {
  const id = b.next++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      b.waiting.delete(id);
      reject(new Error(`the other thread did not answer ${m.t === "ask" ? m.op : m.note.kind} in time`));
    }, ASK_TIMEOUT_MS);
    b.waiting.set(id, { resolve, reject, timer });
    b.channel?.postMessage({ ...m, id, from: threadId } as Message);
  });
}

/** True in Next's thread of the production server, where the proxy's state is not. */
export function isWebThread(): boolean {
  return !isMainThread && bus().channel !== null;
}

/**
 * Tells the other thread about a change it caches, and resolves once it has applied it (a revoked
 * token must not pass the proxy after the revoke has answered). A thread that does not answer is
 * logged, not waited for forever.
 */
export async function tell(note: Note): Promise<void> {
  const b = bus();
  if (!b.channel || !b.peer) return;
  await send(b, { t: "note", note }).catch((e: unknown) =>
    console.error(`[threads] ${(e as Error).message}; its copy of ${note.kind} may be stale`),
  );
}

/** What to do when the other thread tells of a change. */
export function onTold<K extends Note["kind"]>(
  kind: K,
  fn: (note: Extract<Note, { kind: K }>) => void,
): void {
  const b = bus();
  const set = b.notes.get(kind) ?? new Set();
  set.add(fn as (note: Note) => void);
  b.notes.set(kind, set);
}

/** Asks the main thread (from the web thread) for what only it holds. */
export function askMain<T>(op: Ask, arg?: unknown): Promise<T> {
  const b = bus();
  if (!b.channel || isMainThread) throw new Error(`askMain(${op}) is for the web thread`);
  return send(b, { t: "ask", op, arg }) as Promise<T>;
}

/** How the main thread answers an ask (registered where the state lives; a no-op elsewhere). */
export function answerAsk(op: Ask, fn: (arg: unknown) => Promise<unknown>): void {
  if (isMainThread) bus().asks.set(op, fn);
}
