import { beforeEach, describe, expect, it, vi } from "vitest";
import { create } from "zustand";
import { persist } from "zustand/middleware";

const storage = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});
const { DraftChannel } = await import("./draft-sync");

interface Draft {
  text: string;
}
const KEY = "test.draft";

/** One tab: a persisted store on its own channel, as the playground and tokenizer make them. */
function tab() {
  const channel = new DraftChannel<Draft>(KEY, {
    check: (s) =>
      typeof (s as Draft)?.text === "string"
        ? { ok: true, value: s as Draft }
        : { ok: false, reason: "text" },
  });
  const store = create<Draft & { revision: number; set(text: string): void }>()(
    persist((set) => ({ text: "", revision: 0, set: (text) => set({ text }) }), {
      name: KEY,
      storage: channel.storage,
      partialize: (s): Draft => ({ text: s.text }),
    }),
  );
  channel.connect(store);
  return { channel, store, type: (t: string) => store.getState().set(t) };
}

/** What the browser does: every write reaches the other tabs as a storage event. */
function deliver(to: ReturnType<typeof tab>) {
  to.channel.heard(storage.get(KEY) ?? "");
}

const stored = () => JSON.parse(storage.get(KEY) ?? "null");

beforeEach(() => storage.clear());

describe("a draft shared by two tabs", () => {
  it("follows the other tab's edits when nothing here is unsaved", () => {
    const a = tab();
    const b = tab();
    a.type("from A");
    deliver(b);
    expect(b.store.getState()).toMatchObject({ text: "from A", revision: 1 });
    expect(b.channel.conflict()).toBeNull();
    b.type("from B");
    deliver(a);
    expect(a.store.getState().text).toBe("from B");
    expect(stored().state.text).toBe("from B");
  });

  it("taking the other tab's draft does not write it back (no echo between tabs)", () => {
    const a = tab();
    const b = tab();
    a.type("x");
    const written = storage.get(KEY);
    deliver(b);
    expect(storage.get(KEY)).toBe(written);
  });

  it("shows a conflict when both changed the draft, and keeps mine on request", () => {
    const a = tab();
    const b = tab();
    a.type("A's");
    const fromA = storage.get(KEY) ?? "";
    b.type("B's"); // before A's write reached B
    b.channel.heard(fromA);
    deliver(a);
    expect(a.channel.conflict()).not.toBeNull();
    expect(b.channel.conflict()).not.toBeNull();
    expect(a.store.getState().text).toBe("A's");
    expect(b.store.getState().text).toBe("B's");

    a.channel.keepMine();
    expect(a.channel.conflict()).toBeNull();
    expect(stored().state.text).toBe("A's");
    deliver(b);
    expect(b.channel.conflict()).toBeNull();
    expect(b.store.getState().text).toBe("A's");
  });

  it("takes the other tab's draft on request, and the other tab stays as it is", () => {
    const a = tab();
    const b = tab();
    a.type("A's");
    const fromA = storage.get(KEY) ?? "";
    b.type("B's");
    b.channel.heard(fromA);
    expect(b.channel.conflict()).not.toBeNull();
    b.channel.takeTheirs();
    expect(b.store.getState().text).toBe("A's");
    expect(stored().state.text).toBe("A's");
    deliver(a);
    expect(a.channel.conflict()).toBeNull();
    expect(a.store.getState().text).toBe("A's");
  });

  it("a change waiting to be written is not overwritten by the other tab's", () => {
    vi.useFakeTimers();
    const a = new DraftChannel<Draft>(KEY, {
      check: (s) => ({ ok: true, value: s as Draft }),
      delay: () => 300,
    });
    const store = create<Draft & { revision: number }>()(
      persist(() => ({ text: "", revision: 0 }), { name: KEY, storage: a.storage }),
    );
    a.connect(store);
    store.setState({ text: "typing" });
    a.heard(JSON.stringify({ state: { text: "other" }, version: 0, rev: "rev_1", parent: null }));
    expect(store.getState().text).toBe("typing");
    expect(a.conflict()?.rev).toBe("rev_1");
    vi.useRealTimers();
  });
});
