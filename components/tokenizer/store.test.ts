import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const storage = new Map<string, string>();
let quota = Number.POSITIVE_INFINITY;
vi.stubGlobal("localStorage", {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => {
    if (v.length > quota) throw new DOMException("over quota", "QuotaExceededError");
    storage.set(k, v);
  },
  removeItem: (k: string) => void storage.delete(k),
});
const { MAX_KEPT_CHARS, TOKENIZER_DRAFT_KEY, useTokenizer } = await import("./store");

const initial = useTokenizer.getState();
const stored = () => JSON.parse(storage.get(TOKENIZER_DRAFT_KEY) ?? "null")?.state;

beforeEach(() => {
  useTokenizer.setState(initial, true);
  storage.clear();
  quota = Number.POSITIVE_INFINITY;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("the tokenizer's draft", () => {
  it("starts in text mode with a system and an empty user message", () => {
    expect(initial).toMatchObject({ mode: "text", text: "", encodingOverride: null, revision: 0 });
    expect(initial.messages.map((m) => [m.role, m.content])).toEqual([
      ["system", "You are a helpful assistant."],
      ["user", ""],
    ]);
  });

  it("replacing the text from outside switches to text mode and remounts the box", () => {
    useTokenizer.getState().set({ mode: "chat" });
    useTokenizer.getState().replaceText("decoded");
    expect(useTokenizer.getState()).toMatchObject({ mode: "text", text: "decoded", revision: 1 });
  });

  it("adds messages alternating user and assistant, edits and removes them by id", () => {
    const s = () => useTokenizer.getState();
    s().addMessage();
    s().addMessage();
    s().addMessage("system");
    expect(s().messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user", "system"]);
    const [, user] = s().messages;
    s().updateMessage(user?.id ?? "", { content: "hi" });
    s().removeMessage(s().messages[0]?.id ?? "");
    expect(s().messages[0]).toMatchObject({ role: "user", content: "hi" });
    expect(new Set(s().messages.map((m) => m.id)).size).toBe(4);
  });

  it("loads a shared snapshot: text, or messages with fresh ids and tools", () => {
    const s = () => useTokenizer.getState();
    s().loadSnapshot({
      version: 1,
      encoding: "cl100k_base",
      mode: "text",
      model: "gpt-4.1",
      encodingOverride: "cl100k_base",
      allowSpecial: true,
      text: "shared",
    });
    expect(s()).toMatchObject({
      mode: "text",
      model: "gpt-4.1",
      encodingOverride: "cl100k_base",
      allowSpecial: true,
      text: "shared",
      revision: 1,
    });
    s().loadSnapshot({
      version: 1,
      encoding: "o200k_base",
      mode: "chat",
      model: "gpt-4o",
      encodingOverride: null,
      allowSpecial: false,
      messages: [{ role: "user", content: "q" }],
      tools: "[]",
    });
    expect(s()).toMatchObject({ mode: "chat", tools: "[]", text: "shared", revision: 2 });
    expect(s().messages).toEqual([{ id: expect.any(String), role: "user", content: "q" }]);
  });
});

describe("the draft in localStorage", () => {
  it("is written 300 ms after the last change, once", () => {
    useTokenizer.getState().set({ text: "a" });
    useTokenizer.getState().set({ text: "ab", model: "gpt-4.1" });
    expect(stored()).toBeUndefined();
    vi.advanceTimersByTime(300);
    expect(stored()).toMatchObject({ text: "ab", model: "gpt-4.1", textNotKept: false });
    // What is not the draft is not kept.
    expect(stored()).not.toHaveProperty("revision");
  });

  it("waits longer while a large text is typed", () => {
    useTokenizer.getState().set({ text: "x".repeat(300_000) });
    vi.advanceTimersByTime(300);
    expect(stored()).toBeUndefined();
    vi.advanceTimersByTime(1500);
    expect(stored()?.text).toHaveLength(300_000);
  });

  it("leaves out a text too large to keep, and says so", () => {
    useTokenizer.getState().set({ text: "x".repeat(MAX_KEPT_CHARS + 1), model: "o3" });
    vi.advanceTimersByTime(2000);
    expect(stored()).toMatchObject({ text: "", textNotKept: true, model: "o3" });
  });

  it("keeps everything but the text when the browser's quota is full", () => {
    quota = 5000;
    useTokenizer.getState().set({ text: "y".repeat(10_000), model: "o3" });
    vi.advanceTimersByTime(300);
    expect(stored()).toMatchObject({ text: "", textNotKept: true, model: "o3" });
  });

  it("is read back on load, and one that does not parse is set aside", async () => {
    storage.set(
      TOKENIZER_DRAFT_KEY,
      JSON.stringify({
        state: { mode: "chat", text: "kept", model: "gpt-4.1", textNotKept: true },
        version: 1,
      }),
    );
    await useTokenizer.persist.rehydrate();
    expect(useTokenizer.getState()).toMatchObject({
      mode: "chat",
      text: "kept",
      model: "gpt-4.1",
      textNotKept: true,
      view: "text",
    });

    const bad = JSON.stringify({ state: { mode: "sideways" }, version: 1 });
    storage.set(TOKENIZER_DRAFT_KEY, bad);
    await useTokenizer.persist.rehydrate();
    expect(storage.get(TOKENIZER_DRAFT_KEY)).toBeUndefined();
    expect(JSON.parse(storage.get(`${TOKENIZER_DRAFT_KEY}.set-aside`) ?? "{}")).toMatchObject({ raw: bad });
  });
});
