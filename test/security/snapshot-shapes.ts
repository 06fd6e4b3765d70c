/**
 * Playground snapshots as an attacker (or an older build) might store them: one valid snapshot and
 * a list of malformed variants, each with the path the server must name when it refuses it. Shared
 * by the unit suite (write path) and the e2e fuzz of the share page and the playground.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function validSnapshot(): { [k: string]: Json } {
  const setup = (model: string): { [k: string]: Json } => ({
    api: "chat",
    model,
    instructions: "Be brief.",
    instructionsRole: "system",
    messages: [
      { id: "m_1", role: "user", content: "Hello there", images: [] },
      {
        id: "m_2",
        role: "assistant",
        content: "",
        images: [],
        toolCalls: [{ id: "call_1", name: "lookup", arguments: "{}" }],
      },
      { id: "m_3", role: "tool", content: "42", images: [], toolCallId: "call_1" },
    ],
    prompt: "",
    params: { stop: ["END"], logitBias: "", logprobs: false, metadata: [{ key: "k", value: "v" }] },
    tools: [{ id: "t_1", name: "lookup", description: "", parameters: "{}", strict: false }],
    toolChoice: "auto",
    parallelToolCalls: true,
    builtinTools: {
      fileSearch: { enabled: false, vectorStoreIds: [] },
      webSearch: { enabled: false, contextSize: "medium" },
      codeInterpreter: { enabled: false },
      imageGeneration: { enabled: false },
    },
    responseFormat: { type: "text" },
    stream: true,
  });
  const choice = (text: string): { [k: string]: Json } => ({
    index: 0,
    text,
    refusal: "",
    reasoning: "",
    toolCalls: [],
    logprobs: [{ token: "Hi", logprob: -0.1, top: [{ token: "Hi", logprob: -0.1 }] }],
    finishReason: "stop",
  });
  return {
    version: 1,
    setup: setup("gpt-4o-mini"),
    compare: true,
    columns: [{ id: "col_a", setup: setup("gpt-4o") }],
    outputs: {
      main: { model: "gpt-4o-mini", choices: [choice("Hi!")], usage: null, error: null },
      col_a: {
        model: "gpt-4o",
        choices: [choice("Hello!")],
        usage: { input: 5, cached: 0, output: 2, reasoning: 0 },
        error: null,
      },
    },
  };
}

type Snap = ReturnType<typeof validSnapshot>;
// biome-ignore lint/suspicious/noExplicitAny: the shapes poke anywhere in a plain JSON tree.
type Any = any;

export interface BadShape {
  name: string;
  /** The dotted path the 400 must name (a prefix of it is enough). */
  path: string;
  make(s: Snap): void;
}

export const BAD_SHAPES: BadShape[] = [
  {
    name: "stop is a string",
    path: "setup.params.stop",
    make: (s: Any) => {
      s.setup.params.stop = "abc";
    },
  },
  {
    name: "message content is a number",
    path: "setup.messages.0.content",
    make: (s: Any) => {
      s.setup.messages[0].content = 42;
    },
  },
  {
    name: "a message is null",
    path: "setup.messages.0",
    make: (s: Any) => {
      s.setup.messages[0] = null;
    },
  },
  {
    name: "images is a string",
    path: "setup.messages.0.images",
    make: (s: Any) => {
      s.setup.messages[0].images = "x";
    },
  },
  {
    name: "an image is null",
    path: "setup.messages.0.images.0",
    make: (s: Any) => {
      s.setup.messages[0].images = [null];
    },
  },
  {
    name: "toolCalls is an object",
    path: "setup.messages.1.toolCalls",
    make: (s: Any) => {
      s.setup.messages[1].toolCalls = { a: 1 };
    },
  },
  {
    name: "a tool call has no name",
    path: "setup.messages.1.toolCalls.0.name",
    make: (s: Any) => {
      s.setup.messages[1].toolCalls = [{ id: "c" }];
    },
  },
  {
    name: "messages is an object",
    path: "setup.messages",
    make: (s: Any) => {
      s.setup.messages = { 0: "hi" };
    },
  },
  {
    name: "model is a number",
    path: "setup.model",
    make: (s: Any) => {
      s.setup.model = 7;
    },
  },
  {
    name: "api is unknown",
    path: "setup.api",
    make: (s: Any) => {
      s.setup.api = "bogus";
    },
  },
  {
    name: "a tool is null",
    path: "setup.tools.0",
    make: (s: Any) => {
      s.setup.tools = [null];
    },
  },
  {
    name: "responseFormat is null",
    path: "setup.responseFormat",
    make: (s: Any) => {
      s.setup.responseFormat = null;
    },
  },
  {
    name: "toolChoice is a number",
    path: "setup.toolChoice",
    make: (s: Any) => {
      s.setup.toolChoice = 5;
    },
  },
  {
    name: "fileSearch is null",
    path: "setup.builtinTools.fileSearch",
    make: (s: Any) => {
      s.setup.builtinTools.fileSearch = null;
    },
  },
  {
    name: "metadata is a string",
    path: "setup.params.metadata",
    make: (s: Any) => {
      s.setup.params.metadata = "k=v";
    },
  },
  {
    name: "temperature is a string",
    path: "setup.params.temperature",
    make: (s: Any) => {
      s.setup.params.temperature = "hot";
    },
  },
  {
    name: "outputs is null",
    path: "outputs",
    make: (s: Any) => {
      s.outputs = null;
    },
  },
  {
    name: "an output is null",
    path: "outputs.main",
    make: (s: Any) => {
      s.outputs.main = null;
    },
  },
  {
    name: "choices is a string",
    path: "outputs.main.choices",
    make: (s: Any) => {
      s.outputs.main.choices = "x";
    },
  },
  {
    name: "a choice's toolCalls is null",
    path: "outputs.col_a.choices.0.toolCalls",
    make: (s: Any) => {
      s.outputs.col_a.choices[0].toolCalls = null;
    },
  },
  {
    name: "a choice's logprobs is a number",
    path: "outputs.main.choices.0.logprobs",
    make: (s: Any) => {
      s.outputs.main.choices[0].logprobs = 5;
    },
  },
  {
    name: "usage is a string",
    path: "outputs.col_a.usage",
    make: (s: Any) => {
      s.outputs.col_a.usage = "many";
    },
  },
  {
    name: "columns is a string",
    path: "columns",
    make: (s: Any) => {
      s.columns = "x";
    },
  },
  {
    name: "a column's setup is null",
    path: "columns.0.setup",
    make: (s: Any) => {
      s.columns[0].setup = null;
    },
  },
  {
    name: "setup is null",
    path: "setup",
    make: (s: Any) => {
      s.setup = null;
    },
  },
  {
    name: "version 2",
    path: "version",
    make: (s: Any) => {
      s.version = 2;
    },
  },
  {
    name: "20,000 messages",
    path: "setup.messages",
    make: (s: Any) => {
      s.setup.messages = Array.from({ length: 20_000 }, (_, i) => ({
        id: `m${i}`,
        role: "user",
        content: "",
        images: [],
      }));
    },
  },
  {
    name: "20,000 choices",
    path: "outputs.main.choices",
    make: (s: Any) => {
      s.outputs.main.choices = Array.from({ length: 20_000 }, (_, i) => ({
        index: i % 3,
        text: "x",
        refusal: "",
        reasoning: "",
        toolCalls: [],
        logprobs: [],
        finishReason: null,
      }));
    },
  },
];

export function badSnapshot(shape: BadShape): Snap {
  const s = validSnapshot();
  shape.make(s);
  return s;
}
