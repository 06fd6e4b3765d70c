// biome-ignore-all lint/suspicious/noTemplateCurlyInString: this file writes JavaScript source.
import { jsString, pythonString } from "./code-literals";
import type { BuiltRequest } from "./types";

/**
 * Programs on the official SDKs (openai for Python and for Node) that send the playground's exact
 * request and print the reply: text as it streams in, or the text and usage when not streaming.
 *
 * Byte-exact: the body is `req.text`, handed to the SDK as raw bytes. Both SDKs would re-serialise
 * parsed arguments (compact JSON; Python in its own key order), so a keyword/object literal cannot
 * send the playground's bytes. Node keeps the typed method: `create(params, { body })` (the
 * `body` request option replaces the serialised params, `params.stream` still picks the return
 * type). Python's `create()` takes no raw body, so the program calls `client.post`, the call
 * `create()` makes, with the same result and stream types.
 */

export interface SdkProgram {
  text: string;
  url: string;
  stream: boolean;
  note: string | null;
  /** The environment variable holding the key; the SDKs read OPENAI_API_KEY by themselves. */
  keyEnv: string;
}

const DEFAULT_KEY = "OPENAI_API_KEY";

interface ApiShape {
  /** The typed method of the request, as both SDKs name it. */
  method: string;
  /** What the program calls the reply when not streaming. */
  result: string;
  /** Python: the `openai.types` imports and the result and stream-event types. */
  pyImports: string;
  pyResult: string;
  pyEvent: string;
  pyStream: string[];
  pyOnce: string[];
  nodeStream: string[];
  nodeOnce: string[];
}

const CHAT: ApiShape = {
  method: "chat.completions.create",
  result: "completion",
  pyImports: "from openai.types.chat import ChatCompletion, ChatCompletionChunk",
  pyResult: "ChatCompletion",
  pyEvent: "ChatCompletionChunk",
  pyStream: [
    "usage = None",
    "for chunk in stream:",
    "    if chunk.choices and chunk.choices[0].delta.content:",
    '        print(chunk.choices[0].delta.content, end="", flush=True)',
    "    usage = chunk.usage or usage",
    "print()",
    "if usage:",
    '    print("usage:", usage.model_dump_json())',
  ],
  pyOnce: [
    "message = completion.choices[0].message",
    'print(message.content or "")',
    "for call in message.tool_calls or []:",
    '    print("tool call:", call.model_dump_json())',
    "if completion.usage:",
    '    print("usage:", completion.usage.model_dump_json())',
  ],
  nodeStream: [
    "let usage;",
    "for await (const chunk of stream) {",
    '  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");',
    "  usage = chunk.usage ?? usage;",
    "}",
    "console.log();",
    'if (usage) console.log("usage:", JSON.stringify(usage));',
  ],
  nodeOnce: [
    "const message = completion.choices[0]?.message;",
    'console.log(message?.content ?? "");',
    'for (const call of message?.tool_calls ?? []) console.log("tool call:", JSON.stringify(call));',
    'console.log("usage:", JSON.stringify(completion.usage));',
  ],
};

const RESPONSES: ApiShape = {
  method: "responses.create",
  result: "response",
  pyImports: "from openai.types.responses import Response, ResponseStreamEvent",
  pyResult: "Response",
  pyEvent: "ResponseStreamEvent",
  pyStream: [
    "for event in stream:",
    '    if event.type == "response.output_text.delta":',
    '        print(event.delta, end="", flush=True)',
    '    elif event.type == "response.completed":',
    "        print()",
    "        if event.response.usage:",
    '            print("usage:", event.response.usage.model_dump_json())',
    '    elif event.type in ("response.failed", "response.incomplete", "error"):',
    "        print()",
    "        print(event.type, event.model_dump_json(), file=sys.stderr)",
  ],
  pyOnce: [
    "print(response.output_text)",
    "for item in response.output:",
    '    if item.type != "message":',
    '        print(f"{item.type}:", item.model_dump_json())',
    "if response.usage:",
    '    print("usage:", response.usage.model_dump_json())',
  ],
  nodeStream: [
    "for await (const event of stream) {",
    '  if (event.type === "response.output_text.delta") process.stdout.write(event.delta);',
    '  else if (event.type === "response.completed") {',
    "    console.log();",
    '    console.log("usage:", JSON.stringify(event.response.usage));',
    '  } else if (["response.failed", "response.incomplete", "error"].includes(event.type)) {',
    "    console.log();",
    "    console.error(event.type, JSON.stringify(event));",
    "  }",
    "}",
  ],
  nodeOnce: [
    "console.log(response.output_text);",
    "for (const item of response.output) {",
    '  if (item.type !== "message") console.log(`${item.type}:`, JSON.stringify(item));',
    "}",
    'console.log("usage:", JSON.stringify(response.usage));',
  ],
};

const COMPLETIONS: ApiShape = {
  method: "completions.create",
  result: "completion",
  pyImports: "from openai.types import Completion",
  pyResult: "Completion",
  pyEvent: "Completion",
  pyStream: [
    "usage = None",
    "for chunk in stream:",
    "    if chunk.choices:",
    '        print(chunk.choices[0].text, end="", flush=True)',
    "    usage = chunk.usage or usage",
    "print()",
    "if usage:",
    '    print("usage:", usage.model_dump_json())',
  ],
  pyOnce: [
    "print(completion.choices[0].text)",
    "if completion.usage:",
    '    print("usage:", completion.usage.model_dump_json())',
  ],
  nodeStream: [
    "let usage;",
    "for await (const chunk of stream) {",
    '  process.stdout.write(chunk.choices[0]?.text ?? "");',
    "  usage = chunk.usage ?? usage;",
    "}",
    "console.log();",
    'if (usage) console.log("usage:", JSON.stringify(usage));',
  ],
  nodeOnce: [
    'console.log(completion.choices[0]?.text ?? "");',
    'console.log("usage:", JSON.stringify(completion.usage));',
  ],
};

const SHAPES: Record<string, ApiShape> = {
  "/responses": RESPONSES,
  "/chat/completions": CHAT,
  "/completions": COMPLETIONS,
};

/** The SDK call for a request path; null for a path no SDK program is written for. */
export function sdkShape(path: string): ApiShape | null {
  return SHAPES[path] ?? null;
}

function baseUrlOf(p: SdkProgram, path: string): string {
  return p.url.slice(0, p.url.length - path.length);
}

export function pythonSdk(req: BuiltRequest, p: SdkProgram): string {
  const api = sdkShape(req.path);
  if (!api) throw new Error(`No SDK program for ${req.path}.`);
  const result = p.stream ? "stream" : api.result;
  const read = p.stream ? api.pyStream : api.pyOnce;
  return [
    "# Python 3.9+ with the openai package (pip install openai). Run: python request.py",
    ...(read.some((l) => l.includes("sys.")) ? ["import sys"] : []),
    ...(p.keyEnv !== DEFAULT_KEY ? ["import os"] : []),
    ...(read.some((l) => l.includes("sys.")) || p.keyEnv !== DEFAULT_KEY ? [""] : []),
    "from openai import OpenAI, Stream",
    api.pyImports,
    "",
    ...(p.note ? [`# ${p.note}`] : []),
    p.keyEnv === DEFAULT_KEY
      ? `client = OpenAI(base_url=${JSON.stringify(baseUrlOf(p, req.path))})  # the key comes from OPENAI_API_KEY`
      : `client = OpenAI(base_url=${JSON.stringify(baseUrlOf(p, req.path))}, api_key=os.environ[${JSON.stringify(p.keyEnv)}])`,
    "",
    `# The exact request body. client.${api.method}(**json.loads(BODY)) would send the same`,
    "# request re-serialised (compact, its own key order); client.post, the call create() makes,",
    "# sends these bytes as they are and returns the same types.",
    `BODY = ${pythonString(p.text)}`,
    "",
    `${result} = client.post(`,
    `    ${JSON.stringify(req.path)},`,
    '    content=BODY.encode("utf-8"),',
    `    cast_to=${api.pyResult},`,
    ...(p.stream ? ["    stream=True,", `    stream_cls=Stream[${api.pyEvent}],`] : []),
    ")",
    ...read,
    "",
  ].join("\n");
}

export function nodeSdk(req: BuiltRequest, p: SdkProgram): string {
  const api = sdkShape(req.path);
  if (!api) throw new Error(`No SDK program for ${req.path}.`);
  const result = p.stream ? "stream" : api.result;
  return [
    "// Node 18+ with the openai package (npm install openai). Save as request.mjs, run: node request.mjs",
    'import OpenAI from "openai";',
    "",
    ...(p.note ? [`// ${p.note}`] : []),
    p.keyEnv === DEFAULT_KEY
      ? `const client = new OpenAI({ baseURL: ${JSON.stringify(baseUrlOf(p, req.path))} }); // the key comes from OPENAI_API_KEY`
      : `const client = new OpenAI({ baseURL: ${JSON.stringify(baseUrlOf(p, req.path))}, apiKey: process.env.${p.keyEnv} });`,
    "",
    "// The exact request body. The `body` option sends these bytes as they are; the SDK alone would",
    "// send JSON.stringify(params), the same request without the indentation.",
    `const body = ${jsString(p.text)};`,
    "",
    `const ${result} = await client.${api.method}(JSON.parse(body), {`,
    "  body,",
    '  headers: { "Content-Type": "application/json" },',
    "});",
    ...(p.stream ? api.nodeStream : api.nodeOnce),
    "",
  ].join("\n");
}
