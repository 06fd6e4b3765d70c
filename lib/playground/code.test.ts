// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the inputs are meant to look like placeholders.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pythonWithOpenai } from "@/test/python-openai";
import { type Emulator, startEmulator } from "../emulator/server";
import { type CodeLang, type CodeTarget, codeLangs, generateCode } from "./code";
import { jsString, pythonString, shellQuote } from "./code-literals";
import type { BuiltRequest } from "./types";

const KEY = "sk-emulator-0123456789abcdef";

function built(p: string, body: Record<string, unknown>): BuiltRequest {
  return { path: p, body, text: JSON.stringify(body, null, 2), omitted: [] };
}

/** Content meant to break a quoting scheme in one of the three languages. */
const NASTY = [
  `He said "hi" and it's fine; don't 'quote' me`,
  "back\\slash \\n \\\" \\' \\\\ \\u0041 C:\\path\\ trailing\\",
  "$HOME ${HOME} $(whoami) `id` $$ ${'x'} \\${HOME} \\`",
  "python ''' triple \"\"\" quotes r'''x''' \\''' \\\"\"\"",
  "line one\nJSON\nEOF\nline four\r\n\ttab",
  "unicode: é 中文 🙂 👩‍👩‍👧 \u2028 \u2029 \u00a0 \u007f \u0085 \ufeff",
  "history !! !$ %s %d {{}} }} ``` \u0000 \u001b[31m",
];

const FUNCTION = {
  name: "get_weather",
  description: 'Weather for a "city" \\ ${place}',
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  strict: true,
};
const SCHEMA = {
  type: "object",
  properties: { answer: { type: "string", description: '`${x}` """ 🙂' } },
  required: ["answer"],
  additionalProperties: false,
};

/** Every API, streaming and not, with tricky text, numbers, tools and response formats. */
const CASES: [string, BuiltRequest][] = [
  [
    "chat with quotes, backslashes, $, backticks and unicode",
    built("/chat/completions", {
      model: "gpt-4o-mini",
      messages: NASTY.map((content) => ({ role: "user", content })),
      temperature: 1,
      top_p: 0.1,
      seed: 9007199254740991,
      stop: ["'''", "`", "${"],
      metadata: { "it's": "\\", "${x}": "`", '"""': "'" },
    }),
  ],
  [
    "chat with a tool and a JSON schema",
    built("/chat/completions", {
      model: "gpt-4o-mini",
      messages: [
        { role: "developer", content: 'Answer in JSON.\n"""' },
        { role: "user", content: "Weather in Zürich? 🌦" },
      ],
      tools: [{ type: "function", function: FUNCTION }],
      response_format: { type: "json_schema", json_schema: { name: "answer", schema: SCHEMA, strict: true } },
    }),
  ],
  [
    "streaming chat",
    built("/chat/completions", {
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: NASTY.join(" | ") }],
      stream: true,
      stream_options: { include_usage: true },
    }),
  ],
  [
    "responses with instructions, a tool and a text format",
    built("/responses", {
      model: "gpt-4.1-mini",
      instructions: 'Say "hi" \\ ${HOME} `x`',
      input: [{ role: "user", content: "JSON\n'''\n`${x}`\\ 👩‍👩‍👧" }],
      tools: [{ type: "function", ...FUNCTION }],
      text: { format: { type: "json_schema", name: "answer", schema: SCHEMA, strict: true } },
      temperature: 0.7,
    }),
  ],
  [
    "streaming responses",
    built("/responses", { model: "gpt-4o-mini", input: "JSON\n'''\n`${x}`\\", stream: true }),
  ],
  [
    "legacy completions",
    built("/completions", { model: "gpt-3.5-turbo-instruct", prompt: 'x\\ """ ${y}', max_tokens: 16 }),
  ],
  [
    "streaming legacy completions",
    built("/completions", {
      model: "gpt-3.5-turbo-instruct",
      prompt: NASTY[5] ?? "",
      stream: true,
      stream_options: { include_usage: true },
    }),
  ],
];

/** Texts the reply echoes back, so the programs are seen printing it. */
function echoed(req: BuiltRequest): boolean {
  return !("tools" in req.body) && !("text" in req.body) && !("response_format" in req.body);
}

/**
 * The Python programs need the openai package: a pinned venv (test/python-openai.ts). Without
 * Python they skip locally and fail under CI, where .ci/run has built the venv.
 */
const py = pythonWithOpenai();
const pythonSkip = "skip" in py ? py.skip : null;
if (pythonSkip) {
  if (process.env.CI === "true") throw new Error(`CI needs the Python SDK venv: ${pythonSkip}`);
  console.warn(`Skipping the Python SDK programs: ${pythonSkip}`);
}

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, controls: true });
  emu.state.config.streamChunkDelayMs = 0;
  // Inside the repository, so `import OpenAI from "openai"` resolves from its node_modules.
  mkdirSync("test-results", { recursive: true });
  dir = mkdtempSync(path.resolve("test-results", "code-programs-"));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Child env: the key, and no proxy or SDK setting that would send the request elsewhere. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENAI_API_KEY: KEY };
  for (const k of Object.keys(env))
    if (/_proxy$|^OPENAI_(BASE_URL|ORG_ID|PROJECT_ID)$/i.test(k)) delete env[k];
  return env;
}

let seq = 0;
function run(lang: Exclude<CodeLang, "json">, code: string): Promise<{ stdout: string; stderr: string }> {
  const file = path.join(dir, `request-${++seq}.${{ curl: "sh", python: "py", node: "mjs" }[lang]}`);
  writeFileSync(file, code);
  const python = "python" in py ? py.python : "python3";
  const [cmd, args] = {
    curl: ["bash", [file]] as const,
    python: [python, [file]] as const,
    node: [process.execPath, [file]] as const,
  }[lang];
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { env: childEnv(), timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${lang} failed: ${err.message}\n${stderr}\n--- code ---\n${code}`));
      else resolve({ stdout, stderr });
    });
  });
}

interface Logged {
  path: string;
  rawBody?: string;
  bodyBytes: number;
  status: number;
  headers: Record<string, string>;
}

async function lastLogged(): Promise<Logged> {
  const res = await fetch(`${emu.url.replace(/\/v1$/, "")}/__emulator/requests`);
  const { data } = (await res.json()) as { data: Logged[] };
  const last = data.at(-1);
  if (!last) throw new Error("the emulator logged no request");
  return last;
}

const AGENT = { curl: /^curl\//, python: /^OpenAI\/Python /, node: /^OpenAI\/JS / };

describe("generateCode", () => {
  for (const lang of ["curl", "python", "node"] as const) {
    describe.skipIf(lang === "python" && pythonSkip)(lang, () => {
      CASES.forEach(([name, req], i) => {
        // Both targets across the cases: they differ only in the URL and the note.
        const kind = i % 2 ? "benchtop" : "upstream";
        it(`(${kind}): ${name} sends req.text byte for byte`, async () => {
          const target: CodeTarget = { kind, baseUrl: `${emu.url}/` };
          const code = generateCode(req, target, lang);
          expect(code).not.toContain(KEY);
          expect(code.includes("Benchtop token")).toBe(kind === "benchtop");
          // The readable forms of the body, not the escaped fallbacks.
          if (lang === "python") expect(code).toContain('BODY = r"""{');
          if (lang === "node") expect(code).toContain("const body = String.raw`{");
          const { stdout } = await run(lang, code);
          const logged = await lastLogged();
          expect(logged.path).toBe(`/v1${req.path}`);
          expect(logged.status).toBe(200);
          expect(logged.headers.authorization).toBe(`Bearer sk-…${KEY.slice(-4)}`);
          expect(logged.headers["content-type"]).toBe("application/json");
          expect(logged.headers["user-agent"]).toMatch(AGENT[lang]);
          expect(logged.bodyBytes).toBe(Buffer.byteLength(req.text, "utf8"));
          expect(logged.rawBody).toBe(req.text);
          if (lang === "curl") {
            if (req.body.stream === true) expect(stdout).toMatch(/^data: /m);
            else expect(JSON.parse(stdout)).toHaveProperty("id");
            return;
          }
          // The SDK programs print the reply's text, then its usage.
          if (echoed(req)) expect(stdout).toContain("Echo: ");
          expect(stdout).toMatch(/^usage: \{.*"(total_tokens|input_tokens)"/m);
          expect(stdout).not.toMatch(/^(data:|\{"id")/m);
        }, 90_000); // starting Python with pydantic takes seconds on a busy machine
      });
    });
  }

  it("json is req.text unchanged", () => {
    const [, req] = CASES[0] ?? [];
    if (!req) throw new Error("no case");
    expect(generateCode(req, { kind: "upstream", baseUrl: "https://api.openai.com/v1" }, "json")).toBe(
      req.text,
    );
  });

  it("reads the key from the environment and builds the URL without a double slash", () => {
    const req = built("/responses", { model: "m", input: "x" });
    const target = { kind: "upstream", baseUrl: "https://api.openai.com/v1/" } as const;
    expect(generateCode(req, target, "curl")).toContain('-H "Authorization: Bearer $OPENAI_API_KEY"');
    expect(generateCode(req, target, "curl")).toContain("curl https://api.openai.com/v1/responses \\");
    expect(generateCode(req, target, "python")).toContain('OpenAI(base_url="https://api.openai.com/v1")');
    expect(generateCode(req, target, "node")).toContain(
      'new OpenAI({ baseURL: "https://api.openai.com/v1" })',
    );
  });

  it("calls the SDK method of each API, with a streaming loop when the request streams", () => {
    const target = { kind: "upstream", baseUrl: "https://api.openai.com/v1" } as const;
    const chat = built("/chat/completions", { model: "m", messages: [], stream: true });
    expect(generateCode(chat, target, "node")).toContain(
      "const stream = await client.chat.completions.create(",
    );
    expect(generateCode(chat, target, "node")).toContain("for await (const chunk of stream)");
    expect(generateCode(chat, target, "python")).toContain("stream_cls=Stream[ChatCompletionChunk]");
    const responses = built("/responses", { model: "m", input: "x" });
    expect(generateCode(responses, target, "node")).toContain(
      "const response = await client.responses.create(",
    );
    expect(generateCode(responses, target, "python")).toContain("cast_to=Response,");
    expect(codeLangs(responses)).toEqual(["curl", "python", "node", "json"]);
    expect(codeLangs(built("/embeddings", { model: "m", input: "x" }))).toEqual(["curl", "json"]);
  });
});

describe("literal quoting fallbacks", () => {
  // Texts JSON.stringify never produces, each forcing the escaped fallback; run through the real
  // interpreters so the fallback is proven too.
  const odd = ['a"""b', 'ends with "', "ends with \\", "cr\r\nlf", "nul\0", "`${x}`", "'''\\"];

  it.skipIf(pythonSkip)("python", { timeout: 90_000 }, async () => {
    const code = `import sys\n${odd.map((t) => `sys.stdout.write(${pythonString(t)})\nsys.stdout.write("\\x01")`).join("\n")}\n`;
    const { stdout } = await run("python", code);
    expect(stdout.split("\x01").slice(0, -1)).toEqual(odd);
  });

  it("node", async () => {
    const code = `${odd.map((t) => `process.stdout.write(${jsString(t)} + "\\x01");`).join("\n")}\n`;
    const { stdout } = await run("node", code);
    expect(stdout.split("\x01").slice(0, -1)).toEqual(odd);
  });

  it("shell", async () => {
    const texts = odd.filter((t) => !t.includes("\0"));
    const code = `${texts.map((t) => `printf '%s\\001' ${shellQuote(t)}`).join("\n")}\n`;
    const { stdout } = await run("curl", code);
    expect(stdout.split("\x01").slice(0, -1)).toEqual(texts);
  });
});
