import type { StorageValue } from "zustand/middleware";

/**
 * Drafts persisted in localStorage are read through their schema. One that does not parse (written
 * by an older or newer build, edited by hand, or poisoned by a crafted share before snapshots were
 * checked) is set aside under its own key, so nothing typed is lost and it can be downloaded, and
 * the page starts from a clean draft instead of failing on every reload.
 */

export interface SetAside {
  /** The draft's text exactly as it was stored. */
  raw: string;
  /** Why it was set aside: the first path that does not parse, or "not JSON". */
  reason: string;
  at: string;
}

export const setAsideKey = (name: string) => `${name}.set-aside`;

/** When localStorage cannot hold the copy, it is kept here for this page's lifetime. */
const inMemory = new Map<string, SetAside>();

export function setAsideDraft(name: string, raw: string, reason: string): void {
  const entry: SetAside = { raw, reason, at: new Date().toISOString() };
  inMemory.set(name, entry);
  try {
    localStorage.setItem(setAsideKey(name), JSON.stringify(entry));
    inMemory.delete(name);
  } catch {
    // Over quota: the in-memory copy still lets the notice offer the download.
  }
  localStorage.removeItem(name);
}

export function readSetAside(name: string): SetAside | null {
  const mem = inMemory.get(name);
  if (mem) return mem;
  try {
    const raw = localStorage.getItem(setAsideKey(name));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SetAside>;
    if (typeof v.raw !== "string") return null;
    return { raw: v.raw, reason: typeof v.reason === "string" ? v.reason : "", at: String(v.at ?? "") };
  } catch {
    return null;
  }
}

export function discardSetAside(name: string): void {
  inMemory.delete(name);
  localStorage.removeItem(setAsideKey(name));
}

export type DraftCheck<S> = (state: unknown) => { ok: true; value: S } | { ok: false; reason: string };

/**
 * Reads a stored draft (`raw`, kept under `name`) and returns it only when its state passes `check`
 * (which may also normalise it); anything else is set aside and reads as "no draft". Tabs share the
 * key through lib/draft-sync.ts, which writes it.
 */
export function parseCheckedDraft<S>(
  name: string,
  raw: string,
  check: DraftCheck<S>,
): StorageValue<S> | null {
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    setAsideDraft(name, raw, "not JSON");
    return null;
  }
  const s = (typeof stored === "object" && stored !== null ? stored : {}) as Partial<StorageValue<unknown>>;
  const r = check(s.state);
  if (!r.ok) {
    setAsideDraft(name, raw, r.reason);
    return null;
  }
  return { state: r.value, version: typeof s.version === "number" ? s.version : 0 };
}
