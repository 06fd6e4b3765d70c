import { describe, expect, it } from "vitest";
import { resolveModel } from "@/lib/models/catalogue";
import { inputTokensBody, parseTools, toResponsesTool } from "./chat";
import { chooseEncoding, encodingTable } from "./encoding-choice";
import { readTokenizerSnapshot } from "./snapshot";

describe("encoding choice", () => {
  it("takes the override, else the model's, else assumes o200k_base", () => {
    expect(chooseEncoding(resolveModel("gpt-4"), null)).toEqual({
      encoding: "cl100k_base",
      source: "model",
      modelEncoding: "cl100k_base",
    });
    expect(chooseEncoding(resolveModel("gpt-4o-2024-08-06"), null).encoding).toBe("o200k_base");
    expect(chooseEncoding(resolveModel("text-davinci-003"), null).encoding).toBe("p50k_base");
    expect(chooseEncoding(resolveModel("gpt-oss-120b"), null).encoding).toBe("o200k_harmony");
    expect(chooseEncoding(resolveModel("gpt-4"), "r50k_base")).toMatchObject({
      encoding: "r50k_base",
      source: "override",
      modelEncoding: "cl100k_base",
    });
    expect(chooseEncoding(resolveModel("my-llama"), null)).toMatchObject({
      encoding: "o200k_base",
      source: "assumed",
    });
    expect(chooseEncoding(null, null).source).toBe("default");
  });

  it("lists every catalogue model under its encoding", () => {
    const table = encodingTable();
    expect(table.map((r) => r.encoding)).toContain("p50k_edit");
    expect(table.find((r) => r.encoding === "cl100k_base")?.models).toContain("gpt-3.5-turbo*");
    expect(table.find((r) => r.encoding === "r50k_base")?.models).toContain("davinci");
  });
});

describe("chat", () => {
  it("reads tools and says what is wrong", () => {
    expect(parseTools("")).toEqual({ ok: true, tools: undefined });
    expect(parseTools("{")).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parseTools('"x"')).toMatchObject({ ok: false, error: expect.stringMatching(/array/) });
    expect(parseTools('[{"type":"function","function":{}}]')).toMatchObject({
      ok: false,
      error: "Tool 1 is a function without a name.",
    });
    expect(parseTools('{"type":"function","name":"f"}')).toEqual({
      ok: true,
      tools: [{ type: "function", name: "f" }],
    });
  });

  it("builds the input_tokens request in the Responses shape", () => {
    const chatTool = {
      type: "function",
      function: { name: "f", description: "d", parameters: { type: "object" } },
    };
    expect(toResponsesTool(chatTool)).toEqual({
      type: "function",
      name: "f",
      description: "d",
      parameters: { type: "object" },
    });
    expect(toResponsesTool({ type: "web_search" })).toEqual({ type: "web_search" });
    expect(
      inputTokensBody(
        "gpt-4o",
        [
          { role: "system", content: "Be brief." },
          { role: "user", content: "Hi" },
        ],
        [chatTool],
      ),
    ).toEqual({
      model: "gpt-4o",
      input: [
        { type: "message", role: "system", content: "Be brief." },
        { type: "message", role: "user", content: "Hi" },
      ],
      tools: [{ type: "function", name: "f", description: "d", parameters: { type: "object" } }],
    });
    expect(inputTokensBody("m", [], undefined)).toEqual({ model: "m", input: [] });
  });
});

describe("snapshots", () => {
  it("accepts its own shape only", () => {
    const text = { version: 1, mode: "text", encoding: "cl100k_base", model: "gpt-4", text: "hi" };
    expect(readTokenizerSnapshot(text)).toEqual({
      version: 1,
      mode: "text",
      encoding: "cl100k_base",
      model: "gpt-4",
      encodingOverride: null,
      allowSpecial: false,
      text: "hi",
    });
    expect(readTokenizerSnapshot({ ...text, version: 2 })).toBeNull();
    expect(readTokenizerSnapshot({ ...text, encoding: "gpt2" })).toBeNull();
    expect(readTokenizerSnapshot({ ...text, text: undefined })).toBeNull();
    expect(readTokenizerSnapshot("x")).toBeNull();
    const chat = readTokenizerSnapshot({
      version: 1,
      mode: "chat",
      encoding: "o200k_base",
      model: "",
      encodingOverride: "o200k_base",
      allowSpecial: true,
      messages: [{ role: "user", content: "hi" }, { role: "hacker", content: "x" }, null],
      tools: 5,
    });
    expect(chat).toMatchObject({
      messages: [{ role: "user", content: "hi" }],
      tools: "",
      allowSpecial: true,
    });
  });
});
