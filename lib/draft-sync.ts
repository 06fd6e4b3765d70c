import type { PersistStorage, StorageValue } from "zustand/middleware";
import { type DraftCheck, parseCheckedDraft } from "./draft-storage";
import { newId } from "./ids";

/**
 * One draft key shared by every tab of the origin. Without this, two tabs each kept their own copy
 * and the last one to write won on reload, silently. Now every write carries a revision and the
 * revision it was built on (`parent`); the other tabs hear it through the `storage` event:
 *
 * - built on what this tab last wrote or took, and nothing typed here is waiting to be written:
 *   this tab takes it (the page follows the other tab);
 * - otherwise both tabs changed the draft without seeing each other's change: a conflict. Nothing is
 *   overwritten in memory; the page shows a notice to keep this tab's draft or take the other's,
 *   and the choice is written with the other's revision as parent, so the other tab follows it.
 */

interface Stamped {
  rev?: unknown;
  parent?: unknown;
}

export interface DraftConflict {
  /** The other tab's stored value, as written. */
  raw: string;
  rev: string;
}

export interface DraftChannelOptions<S> {
  check: DraftCheck<S>;
  /** Milliseconds to wait after a change before writing it (0: at once). */
  delay?: (value: StorageValue<S>) => number;
  /**
   * Writes the value through `put`, which may throw (over quota); a store can retry with less
   * (the tokenizer drops a text too large to keep).
   */
  write?: (value: StorageValue<S>, put: (v: StorageValue<S>) => void) => void;
}

/** The persisted store's surface the channel needs (zustand's `persist` API, narrowed). */
interface SyncedStore<S> {
  setState(fn: (s: never) => object): void;
  getState(): object;
  persist: {
    getOptions(): { merge?: (persisted: unknown, current: never) => object; partialize?: (s: never) => S };
  };
}

export class DraftChannel<S> {
  private rev: string | null = null;
  /** The state last written or taken: a change that leaves every field as it was is not written. */
  private last: S | null = null;
  private pending: { value: StorageValue<S>; timer: ReturnType<typeof setTimeout> } | null = null;
  private applying = false;
  private conflictValue: DraftConflict | null = null;
  private listeners = new Set<() => void>();
  private store: SyncedStore<S> | null = null;

  constructor(
    readonly name: string,
    private readonly options: DraftChannelOptions<S>,
  ) {}

  /** zustand's storage: reads through the schema, writes stamped, skips echoes of a sync. */
  readonly storage: PersistStorage<S> = {
    getItem: (name) => {
      const raw = localStorage.getItem(name);
      this.rev = raw ? revOf(raw).rev : null;
      return raw ? parseCheckedDraft(name, raw, this.options.check) : null;
    },
    setItem: (_name, value) => {
      if (this.applying || (this.last && shallowEqual(value.state, this.last))) return;
      const wait = this.options.delay?.(value) ?? 0;
      if (this.pending) clearTimeout(this.pending.timer);
      if (wait <= 0) {
        this.pending = null;
        this.write(value);
        return;
      }
      this.pending = { value, timer: setTimeout(() => this.flush(), wait) };
    },
    removeItem: (name) => localStorage.removeItem(name),
  };

  /** Writes a change still waiting for its delay (page hidden or closing). */
  flush(): void {
    if (!this.pending) return;
    const { value, timer } = this.pending;
    clearTimeout(timer);
    this.pending = null;
    this.write(value);
  }

  private write(value: StorageValue<S>, parent = this.rev): void {
    const rev = newId("rev");
    const put = (v: StorageValue<S>) =>
      localStorage.setItem(this.name, JSON.stringify({ ...v, rev, parent }));
    if (this.options.write) this.options.write(value, put);
    else put(value);
    this.rev = rev;
    this.last = value.state;
  }

  /** Starts following the other tabs' writes to this key; `store` is the persisted zustand store. */
  connect(store: SyncedStore<S>): void {
    if (this.store) return;
    this.store = store;
    if (typeof window === "undefined") return;
    window.addEventListener("storage", (e) => {
      if (e.key !== this.name || e.storageArea !== localStorage || e.newValue === null) return;
      this.heard(e.newValue);
    });
  }

  /** Another tab wrote `raw`. */
  heard(raw: string): void {
    const { rev, parent } = revOf(raw);
    if (rev !== null && rev === this.rev) return;
    if (parent === this.rev && !this.pending) {
      this.take(raw, rev);
      return;
    }
    // Built on a state this tab never saw, or while a change here waits to be written: both tabs
    // changed the draft. (A build without revisions writes none: "" stands for it.)
    this.setConflict({ raw, rev: rev ?? "" });
  }

  conflict(): DraftConflict | null {
    return this.conflictValue;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Keeps this tab's draft: written over the other's, which then follows it. */
  keepMine(): void {
    const c = this.conflictValue;
    if (!c || !this.store) return;
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
    this.write({ state: this.current(), version: this.versionOf(c.raw) }, c.rev || null);
    this.setConflict(null);
  }

  /** Takes the other tab's draft, dropping this tab's changes since they diverged. */
  takeTheirs(): void {
    const c = this.conflictValue;
    if (!c) return;
    this.take(c.raw, c.rev || null);
    // Written again even when theirs is what is stored (it may also be this tab's own later
    // write): built on their revision, it tells the other tab, still asking, that it was chosen.
    if (this.store) this.write({ state: this.current(), version: this.versionOf(c.raw) }, c.rev || null);
  }

  private take(raw: string, rev: string | null): void {
    const store = this.store;
    const value = parseCheckedDraft(this.name, raw, this.options.check);
    if (!store || !value) return;
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
    this.rev = rev;
    this.setConflict(null);
    // The same draft (this tab's own content coming back): nothing to remount.
    if (JSON.stringify(value.state) === JSON.stringify(this.current())) return;
    const merge = store.persist.getOptions().merge;
    this.applying = true;
    try {
      store.setState((s: never) => {
        const merged = merge ? merge(value.state, s) : { ...(s as object), ...(value.state as object) };
        // Bumped so uncontrolled fields remount with the new text.
        return { ...merged, revision: ((s as { revision?: number }).revision ?? 0) + 1 };
      });
    } finally {
      this.applying = false;
    }
    this.last = this.current();
  }

  private current(): S {
    const store = this.store as SyncedStore<S>;
    const partialize = store.persist.getOptions().partialize;
    return partialize ? partialize(store.getState() as never) : (store.getState() as S);
  }

  private versionOf(raw: string): number {
    try {
      const v = (JSON.parse(raw) as { version?: unknown }).version;
      return typeof v === "number" ? v : 0;
    } catch {
      return 0;
    }
  }

  private setConflict(c: DraftConflict | null): void {
    if (c === this.conflictValue) return;
    this.conflictValue = c;
    for (const l of this.listeners) l();
  }
}

function shallowEqual<S>(a: S, b: S): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.is(x[k], y[k]));
}

function revOf(raw: string): { rev: string | null; parent: string | null } {
  try {
    const v = JSON.parse(raw) as Stamped;
    return {
      rev: typeof v.rev === "string" ? v.rev : null,
      parent: typeof v.parent === "string" ? v.parent : null,
    };
  } catch {
    return { rev: null, parent: null };
  }
}

const channels = new Map<string, DraftChannel<never>>();

/** The channel for a draft key: one per key and page, so the notice can find the store's. */
export function draftChannel<S>(name: string, options: DraftChannelOptions<S>): DraftChannel<S> {
  const ch = new DraftChannel(name, options);
  channels.set(name, ch as unknown as DraftChannel<never>);
  return ch;
}

export function findDraftChannel(name: string): DraftChannel<unknown> | undefined {
  return channels.get(name) as DraftChannel<unknown> | undefined;
}
