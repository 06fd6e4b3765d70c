import { describe, expect, it } from "vitest";
import { createSniffer, modelFromRequestPrefix, SseScanner } from "./sniffer";

const enc = new TextEncoder();

function feed(kind: "sse" | "json", text: string, chunkSize: number) {
  const s = createSniffer(kind);
  const bytes = enc.encode(text);
  for (let i = 0; i < bytes.length; i += chunkSize) s.push(bytes.slice(i, i + chunkSize));
  return s.finish();
}

const chatStream = [
  'data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi 👋🏽"}}],"usage":null}',
  "",
  'data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":5,"total_tokens":16,"prompt_tokens_details":{"cached_tokens":3},"completion_tokens_details":{"reasoning_tokens":2}}}',
  "",
  "data: [DONE]",
  "",
  "",
].join("\r\n");

describe("sniffer", () => {
  it.each([1, 3, 7, 64, 100_000])("reads chat usage whatever the chunking (%i bytes)", (size) => {
    const r = feed("sse", chatStream, size);
    expect(r.model).toBe("gpt-4o-mini");
    expect(r.usage).toEqual({ input: 11, cached: 3, output: 5, reasoning: 2 });
    expect(r.errorCode).toBeNull();
  });

  it("reads Responses usage from response.completed", () => {
    const text = [
      "event: response.created",
      'data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","model":"o3","usage":null}}',
      "",
      "event: response.completed",
      'data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_1","model":"o3","usage":{"input_tokens":20,"input_tokens_details":{"cached_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":32},"total_tokens":60}}}',
      "",
      "",
    ].join("\n");
    const r = feed("sse", text, 5);
    expect(r.model).toBe("o3");
    expect(r.usage).toEqual({ input: 20, cached: 0, output: 40, reasoning: 32 });
  });

  it("notes an error event", () => {
    const r = feed(
      "sse",
      'event: error\ndata: {"error":{"message":"x","type":"server_error","code":"boom"}}\n\n',
      4,
    );
    expect(r.errorCode).toBe("boom");
  });

  it("reads JSON bodies, including embeddings usage", () => {
    const r = feed(
      "json",
      JSON.stringify({
        object: "list",
        model: "text-embedding-3-small",
        usage: { prompt_tokens: 8, total_tokens: 8 },
      }),
      3,
    );
    expect(r.usage).toEqual({ input: 8, cached: 0, output: 0, reasoning: 0 });
  });

  it("ignores bodies that are not JSON", () => {
    expect(feed("json", "not json", 2).usage).toBeNull();
  });

  it("finds the model in a request body prefix", () => {
    expect(modelFromRequestPrefix('{"messages":[],"model" : "gpt-4.1"')).toBe("gpt-4.1");
    expect(modelFromRequestPrefix('{"messages":[]')).toBeNull();
  });

  it("finds the id of a file a response created, directly or inside a completed upload", () => {
    expect(feed("json", '{"object":"file","id":"file-abc","bytes":3}', 7).fileId).toBe("file-abc");
    expect(
      feed(
        "json",
        '{"object":"upload","id":"upload_1","status":"completed","file":{"object":"file","id":"file-xyz"}}',
        5,
      ).fileId,
    ).toBe("file-xyz");
    expect(
      feed("json", '{"object":"upload","id":"upload_1","status":"pending","file":null}', 5).fileId,
    ).toBeNull();
    expect(feed("json", '{"object":"list","data":[{"object":"file","id":"file-1"}]}', 9).fileId).toBeNull();
  });

  it("finds a fine-tuning job's id, and does not take a failed job's error for the call's", () => {
    const ok = feed(
      "json",
      '{"object":"fine_tuning.job","id":"ftjob-1","model":"gpt-4o-mini","error":null}',
      6,
    );
    expect(ok).toMatchObject({ fineTuningJobId: "ftjob-1", model: "gpt-4o-mini", errorCode: null });
    const failed = feed(
      "json",
      '{"object":"fine_tuning.job","id":"ftjob-2","status":"failed","error":{"code":"invalid_training_file","message":"Line 3","param":"training_file"}}',
      9,
    );
    expect(failed).toMatchObject({ fineTuningJobId: "ftjob-2", errorCode: null });
    expect(
      feed("json", '{"object":"list","data":[{"object":"fine_tuning.job","id":"ftjob-1"}]}', 9)
        .fineTuningJobId,
    ).toBeNull();
  });

  it("reads an event whose JSON is split over several data lines", () => {
    const r = feed(
      "sse",
      'data: {"model":"gpt-4o",\ndata: "usage":{"prompt_tokens":2,"completion_tokens":1}}\n\n',
      6,
    );
    expect(r.model).toBe("gpt-4o");
    expect(r.usage).toEqual({ input: 2, cached: 0, output: 1, reasoning: 0 });
  });

  it("drops a line without line ends past 4 MiB, and reads the events after it", () => {
    const s = createSniffer("sse");
    const junk = enc.encode(`data: ${"x".repeat(1024 * 1024)}`);
    for (let i = 0; i < 5; i++) s.push(junk);
    s.push(enc.encode('\n\ndata: {"model":"m","usage":{"prompt_tokens":1,"completion_tokens":1}}\n\n'));
    expect(s.finish()).toMatchObject({ model: "m", usage: { input: 1, output: 1 } });
  });

  it("reads an image answer's usage and count after tens of MB of base64, holding none of it", () => {
    const s = createSniffer("json");
    const b64 = "iVBORw0KGgo".repeat(100_000);
    const before = process.memoryUsage().heapUsed;
    s.push(enc.encode('{"created":1,"data":[{"b64_json":"'));
    for (let i = 0; i < 30; i++) s.push(enc.encode(b64));
    s.push(enc.encode('","revised_prompt":"r"},{"b64_json":"x"}],"size":"1024x1024",'));
    s.push(
      enc.encode(
        '"usage":{"input_tokens":12,"output_tokens":1056,"total_tokens":1068,"input_tokens_details":{"text_tokens":12,"image_tokens":0}}}',
      ),
    );
    const r = s.finish();
    expect(r.usage).toEqual({ input: 12, cached: 0, output: 1056, reasoning: 0 });
    expect(r.images).toBe(2);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 * 1024);
  });

  it("counts streamed images and adds their usage, whatever the size of each event", () => {
    const big = "A".repeat(5 * 1024 * 1024);
    const ev = (type: string, extra: string) =>
      `event: ${type}\r\ndata: {"type":"${type}","b64_json":"${big}"${extra}}\r\n\r\n`;
    const usage = (i: number, o: number) =>
      `,"usage":{"input_tokens":${i},"output_tokens":${o},"total_tokens":${i + o}}`;
    const text =
      ev("image_generation.partial_image", ',"partial_image_index":0') +
      ev("image_generation.completed", usage(10, 100)) +
      ev("image_generation.completed", usage(0, 100));
    const r = feed("sse", text, 65_536);
    expect(r.images).toBe(2);
    expect(r.usage).toEqual({ input: 10, cached: 0, output: 200, reasoning: 0 });
  });

  it("does not count images in other JSON lists", () => {
    expect(feed("json", '{"object":"list","data":[{"id":"a"}]}', 4).images).toBeNull();
  });

  // Review of issue 12's proxy.
  it("scans LF-only streams of small events in linear time", () => {
    let n = 0;
    const s = new SseScanner(() => n++);
    const c = Buffer.from("data: 1\n\n".repeat(Math.floor(65_536 / 9)));
    const t0 = performance.now();
    for (let i = 0; i < 64; i++) s.push(c);
    expect(n).toBe(64 * Math.floor(65_536 / 9));
    // Quadratic, this took seconds; linear, a few hundred ms even on a busy machine.
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it("takes no model with control characters from a request's first bytes", () => {
    expect(modelFromRequestPrefix('{"model":"gpt-4o\u0000"}')).toBeNull();
    expect(modelFromRequestPrefix('{"model":"gpt-4o\u0001x"}')).toBeNull();
    expect(modelFromRequestPrefix('{"model":"gpt-4o"}')).toBe("gpt-4o");
  });

  it("parses only the stream events that can carry what is read, and still reads all of it", () => {
    let parsed = 0;
    const s = new SseScanner(
      () => parsed++,
      (t) => t.includes('"usage"'),
    );
    s.push(Buffer.from('data: {"a":1}\n\ndata: {"usage":{"input_tokens":1}}\n\nevent: error\ndata: {}\n\n'));
    expect(parsed).toBe(2);
    const r = feed(
      "sse",
      'data: {"model":"m","x":1}\n\ndata: {"choices":[]}\n\ndata: {"choices":[],"usage":{"prompt_tokens":2,"completion_tokens":3}}\n\ndata: [DONE]\n\n',
      5,
    );
    expect(r.model).toBe("m");
    expect(r.usage).toMatchObject({ input: 2, output: 3 });
  });
});
