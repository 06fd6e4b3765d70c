/**
 * What the proxy asks of "the client went away": an AbortSignal has it (the route handler passes
 * its Request.signal); the production entry passes a `ClientGone`, which is lighter than an
 * AbortController (no EventTarget and AbortSignal per call; ~30–40 µs under Next's async hooks,
 * docs/proxy-hot-path.md). Listeners take no event.
 */
export interface ClientSignal {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** A one-shot "client gone" hook: each listener runs once, on the first `abort()`, as an AbortSignal's would. */
export class ClientGone implements ClientSignal {
  aborted = false;
  private listeners: (() => void)[] | null = null;

  addEventListener(_type: "abort", listener: () => void): void {
    // As an AbortSignal: a listener added after the abort never runs; one added twice runs once.
    if (this.aborted) return;
    this.listeners ??= [];
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  removeEventListener(_type: "abort", listener: () => void): void {
    const i = this.listeners?.indexOf(listener) ?? -1;
    if (i >= 0) this.listeners?.splice(i, 1);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.listeners ?? [];
    this.listeners = null;
    for (const listener of listeners) {
      try {
        listener();
      } catch (e) {
        console.error(`[proxy] a client-gone handler failed: ${(e as Error).message}`);
      }
    }
  }
}
