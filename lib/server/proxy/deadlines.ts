import "server-only";

/**
 * The proxy's timeouts (UPSTREAM_TIMEOUT_MS, UPSTREAM_IDLE_TIMEOUT_MS) without a timer per call:
 * one process-wide interval, unref'd, checks the calls in flight every SWEEP_MS. Arming a
 * deadline is a Set insertion; a `setTimeout` per call (and its clear) cost ~40 µs on the hot path
 * under Next's async hooks (docs/proxy-hot-path.md). A deadline fires at most SWEEP_MS late:
 * the timeouts are seconds long in practice, and the interval runs only while a call is in flight.
 */
export const SWEEP_MS = 50;

export interface Deadline {
  /** `performance.now()` at which `fire` runs (within SWEEP_MS after). */
  at: number;
  fire: () => void;
}

const state = globalThis as unknown as {
  __benchtopDeadlines?: { live: Set<Deadline>; sweeper: NodeJS.Timeout | null };
};
state.__benchtopDeadlines ??= { live: new Set(), sweeper: null };
const shared = state.__benchtopDeadlines;

/** Arms (or re-arms, with a new `at`) a deadline. */
export function arm(d: Deadline): void {
  shared.live.add(d);
  if (!shared.sweeper) {
    shared.sweeper = setInterval(sweep, SWEEP_MS);
    shared.sweeper.unref();
  }
}

export function disarm(d: Deadline): void {
  shared.live.delete(d);
}

function sweep(): void {
  // Stopped on a sweep that finds nothing in flight, not on each disarm: calls in a row share it.
  if (shared.live.size === 0) {
    if (shared.sweeper) clearInterval(shared.sweeper);
    shared.sweeper = null;
    return;
  }
  const now = performance.now();
  for (const d of shared.live) {
    if (d.at > now) continue;
    shared.live.delete(d);
    try {
      d.fire();
    } catch (e) {
      console.error(`[proxy] a timeout handler failed: ${(e as Error).message}`);
    }
  }
}
