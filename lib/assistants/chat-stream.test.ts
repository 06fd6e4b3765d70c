import { describe, expect, it } from "vitest";
import { annotate } from "./chat-annotations";
import { applyChatEvent, emptyTurnStream, streamedItems, type TurnStream } from "./chat-stream";

/** Recorded event sequences (shapes from the SDK's ResponseStreamEvent types) folded into items. */

function fold(events: object[]): TurnStream {
  const s = emptyTurnStream();
  for (const e of events) applyChatEvent(s, e);
  return s;
}

const created = { type: "response.created", response: { id: "resp_1", model: "gpt-4.1", output: [] } };

describe("applyChatEvent", () => {
  it("builds a message with annotations and keeps it when the stream breaks", () => {
    const s = fold([
      created,
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { id: "msg_1", type: "message", role: "assistant", content: [] },
      },
      {
        type: "response.content_part.added",
        item_id: "msg_1",
        output_index: 0,
        content_index: 0,
        part: { type: "output_text", text: "", annotations: [] },
      },
      {
        type: "response.output_text.delta",
        item_id: "msg_1",
        output_index: 0,
        content_index: 0,
        delta: "Hello ",
      },
      {
        type: "response.output_text.delta",
        item_id: "msg_1",
        output_index: 0,
        content_index: 0,
        delta: "world.",
      },
      {
        type: "response.output_text.annotation.added",
        item_id: "msg_1",
        output_index: 0,
        content_index: 0,
        annotation_index: 0,
        annotation: { type: "file_citation", file_id: "file_1", filename: "a.md", index: 12 },
      },
    ]);
    expect(s.responseId).toBe("resp_1");
    expect(s.status).toBeNull();
    const [msg] = streamedItems(s);
    expect(msg?.content).toEqual([
      {
        type: "output_text",
        text: "Hello world.",
        annotations: [{ type: "file_citation", file_id: "file_1", filename: "a.md", index: 12 }],
      },
    ]);
  });

  it("streams reasoning summaries, function call arguments and code", () => {
    const s = fold([
      created,
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { id: "rs_1", type: "reasoning", summary: [] },
      },
      {
        type: "response.reasoning_summary_part.added",
        item_id: "rs_1",
        output_index: 0,
        summary_index: 0,
        part: { type: "summary_text", text: "" },
      },
      {
        type: "response.reasoning_summary_text.delta",
        item_id: "rs_1",
        output_index: 0,
        summary_index: 0,
        delta: "Think",
      },
      {
        type: "response.reasoning_summary_text.delta",
        item_id: "rs_1",
        output_index: 0,
        summary_index: 0,
        delta: "ing.",
      },
      {
        type: "response.output_item.added",
        output_index: 1,
        item: { id: "fc_1", type: "function_call", call_id: "call_1", name: "get_weather", arguments: "" },
      },
      { type: "response.function_call_arguments.delta", item_id: "fc_1", output_index: 1, delta: '{"city":' },
      { type: "response.function_call_arguments.delta", item_id: "fc_1", output_index: 1, delta: '"Oslo"}' },
      {
        type: "response.output_item.added",
        output_index: 2,
        item: {
          id: "ci_1",
          type: "code_interpreter_call",
          code: "",
          container_id: "cntr_1",
          outputs: null,
          status: "in_progress",
        },
      },
      { type: "response.code_interpreter_call.interpreting", item_id: "ci_1", output_index: 2 },
      {
        type: "response.code_interpreter_call_code.delta",
        item_id: "ci_1",
        output_index: 2,
        delta: "print(1)",
      },
    ]);
    const [rs, fc, ci] = streamedItems(s);
    expect(rs?.summary).toEqual([{ type: "summary_text", text: "Thinking." }]);
    expect(fc?.arguments).toBe('{"city":"Oslo"}');
    expect(ci?.code).toBe("print(1)");
    expect(ci?.status).toBe("interpreting");
  });

  it("takes done items and the completed response as authoritative, with usage", () => {
    const fs = {
      id: "fs_1",
      type: "file_search_call",
      status: "completed",
      queries: ["refunds"],
      results: [{ file_id: "file_1", filename: "policy.md", score: 0.92, text: "Refunds within 30 days." }],
    };
    const s = fold([
      created,
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { ...fs, status: "in_progress", results: null },
      },
      { type: "response.file_search_call.searching", item_id: "fs_1", output_index: 0 },
      { type: "response.output_item.done", output_index: 0, item: fs },
      {
        type: "response.completed",
        response: {
          id: "resp_1",
          status: "completed",
          output: [fs],
          usage: {
            input_tokens: 10,
            input_tokens_details: { cached_tokens: 2 },
            output_tokens: 5,
            output_tokens_details: { reasoning_tokens: 1 },
          },
        },
      },
    ]);
    expect(streamedItems(s)).toEqual([fs]);
    expect(s.status).toBe("completed");
    expect(s.usage).toEqual({ input: 10, cached: 2, output: 5, reasoning: 1 });
  });

  it("records MCP items, image partials and a stream error", () => {
    const s = fold([
      created,
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { id: "mcpl_1", type: "mcp_list_tools", server_label: "docs", tools: [] },
      },
      { type: "response.mcp_list_tools.completed", item_id: "mcpl_1", output_index: 0 },
      {
        type: "response.output_item.added",
        output_index: 1,
        item: { id: "ig_1", type: "image_generation_call", status: "in_progress", result: null },
      },
      {
        type: "response.image_generation_call.partial_image",
        item_id: "ig_1",
        output_index: 1,
        partial_image_index: 0,
        partial_image_b64: "AAAA",
      },
      { type: "error", code: "server_error", message: "boom", param: null },
    ]);
    const [list, image] = streamedItems(s);
    expect(list?.status).toBe("completed");
    expect(image?.partial_image_b64).toBe("AAAA");
    expect(s.error?.message).toBe("boom");
  });

  it("reports an incomplete response and ignores events for unknown items", () => {
    const s = fold([
      created,
      { type: "response.output_text.delta", item_id: "nope", output_index: 5, delta: "x" },
      {
        type: "response.incomplete",
        response: {
          id: "resp_1",
          status: "incomplete",
          output: [],
          incomplete_details: { reason: "max_output_tokens" },
        },
      },
    ]);
    expect(streamedItems(s)).toEqual([]);
    expect(s.status).toBe("incomplete");
    expect(s.error?.code).toBe("max_output_tokens");
  });
});

describe("annotate", () => {
  it("numbers citations once and places markers at their index", () => {
    const r = annotate("Refunds take 30 days. Shipping is free.", [
      { type: "file_citation", file_id: "file_1", filename: "policy.md", index: 21 },
      { type: "url_citation", url: "https://x.test", title: "X", start_index: 22, end_index: 39 },
      { type: "file_citation", file_id: "file_1", filename: "policy.md", index: 39 },
    ]);
    expect(r.text).toBe("Refunds take 30 days. [1] Shipping is free. [1] [2]");
    expect(r.notes.map((n) => n.kind)).toEqual(["file", "url"]);
  });

  it("replaces legacy markers, with or without an annotation, and keeps sandbox links", () => {
    const text = "See this【4:0†source】 and that【4:1†notes.md】. Download sandbox:/mnt/data/out.csv";
    const r = annotate(text, [
      {
        type: "file_citation",
        text: "【4:0†source】",
        file_citation: { file_id: "file_9" },
        start_index: 8,
        end_index: 20,
      },
      { type: "file_path", text: "sandbox:/mnt/data/out.csv", file_path: { file_id: "file_out" } },
    ]);
    expect(r.text).toBe("See this [1] and that [3]. Download [2]sandbox:/mnt/data/out.csv");
    expect(r.notes).toEqual([
      { n: 1, kind: "file", fileId: "file_9", filename: "file_9" },
      { n: 2, kind: "file", fileId: "file_out", filename: "file_out" },
      { n: 3, kind: "source", label: "4:1†notes.md" },
    ]);
  });

  it("links container files", () => {
    const r = annotate("Saved the chart.", [
      {
        type: "container_file_citation",
        container_id: "cntr_1",
        file_id: "cfile_1",
        filename: "chart.png",
        start_index: 0,
        end_index: 16,
      },
    ]);
    expect(r.notes[0]).toEqual({
      n: 1,
      kind: "container_file",
      containerId: "cntr_1",
      fileId: "cfile_1",
      filename: "chart.png",
    });
    expect(r.text).toBe("Saved the chart. [1]");
  });
});
