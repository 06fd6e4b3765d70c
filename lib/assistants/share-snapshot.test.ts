import { describe, expect, it } from "vitest";
import { readAssistantShareSnapshot, shareableItem } from "./share-snapshot";

const snap = {
  version: 1,
  assistant: { id: "asst_bt_0123456789abcdef01234567", name: "Support", version: 2 },
  turns: [
    {
      version: 2,
      model: "gpt-4.1",
      items: [{ type: "message", role: "user", content: [{ type: "input_text", text: "Hi" }] }],
      usage: { input: 1, cached: 0, output: 2, reasoning: 0 },
      costUsd: null,
      ttfbMs: 12,
      durationMs: 40,
      error: null,
    },
  ],
};

describe("assistant share snapshots", () => {
  it("reads a conversation and keeps items in the API's shape", () => {
    const r = readAssistantShareSnapshot(snap);
    expect(r.ok && r.value.turns[0]?.items[0]).toEqual(snap.turns[0]?.items[0]);
  });

  it("refuses what is not one, naming where", () => {
    const r = readAssistantShareSnapshot({ ...snap, assistant: { ...snap.assistant, id: "asst_legacy" } });
    expect(r.ok ? "" : r.path).toBe("assistant.id");
    expect(readAssistantShareSnapshot({ ...snap, turns: [{ ...snap.turns[0], items: [{}] }] }).ok).toBe(
      false,
    );
  });

  it("drops encrypted reasoning and streaming partials", () => {
    expect(shareableItem({ type: "reasoning", summary: [], encrypted_content: "x" })).toEqual({
      type: "reasoning",
      summary: [],
    });
    expect(shareableItem({ type: "image_generation_call", result: "A", partial_image_b64: "B" })).toEqual({
      type: "image_generation_call",
      result: "A",
    });
  });
});
