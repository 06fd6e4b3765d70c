// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the inputs are meant to look like placeholders.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../emulator/server";
import { type CodeLang, type CodeTarget, generateCode, jsString, pythonString, shellQuote } from "./code";
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

const CASES: [string, BuiltRequest][] = [
  [
    "chat with quotes, backslashes, $, backticks and unicode",
    built("/chat/completions", {
      model: "gpt-4o-mini",
      messages: NASTY.map((content) => ({ role: "user", content })),
      temperature: 0.7,
      stop: ["'''", "`", "${"],
      metadata: { "it's": "\\", "${x}": "`", '"""': "'" },
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
    "streaming responses",
    built("/responses", { model: "gpt-4o-mini", input: "JSON\n'''\n`${x}`\\", stream: true }),
  ],
  ["legacy completions", built("/completions", { model: "gpt-3.5-turbo-instruct", prompt: "x\\" })],
];

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, controls: true });
  emu.state.config.streamChunkDelayMs = 0;
  dir = mkdtempSync(path.join(tmpdir(), "benchtop-code-"));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Child env: the key, and no proxy that would take loopback requests elsewhere. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENAI_API_KEY: KEY };
  for (const k of Object.keys(env)) if (/_proxy$/i.test(k)) delete env[k];
  return env;
}

let seq = 0;
function run(lang: Exclude<CodeLang, "json">, code: string): Promise<{ stdout: string; stderr: string }> {
  const file = path.join(dir, `request-${++seq}.${{ curl: "sh", python: "py", node: "mjs" }[lang]}`);
  writeFileSync(file, code);
  const [cmd, args] = {
    curl: ["bash", [file]] as const,
    python: ["python3", [file]] as const,
    node: [process.execPath, [file]] as const,
  }[lang];
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { env: childEnv(), timeout: 15_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${lang} failed: ${err.message}\n${stderr}\n--- code ---\n${code}`));
      else resolve({ stdout, stderr });
    });
  });
}

async function lastLogged(): Promise<{
  rawBody?: string;
  bodyBytes: number;
  status: number;
  headers: Record<string, string>;
}> {
  const res = await fetch(`${emu.url.replace(/\/v1$/, "")}/__emulator/requests`);
  const { data } = (await res.json()) as {
    data: { rawBody?: string; bodyBytes: number; status: number; headers: Record<string, string> }[];
  };
  const last = data.at(-1);
  if (!last) throw new Error("the emulator logged no request");
  return last;
}

describe("generateCode", () => {
  for (const lang of ["curl", "python", "node"] as const) {
    for (const [name, req] of CASES) {
      for (const kind of ["upstream", "benchtop"] as const) {
        it(`${lang} (${kind}): ${name} sends req.text byte for byte`, async () => {
          const target: CodeTarget = { kind, baseUrl: `${emu.url}/` };
          const code = generateCode(req, target, lang);
          expect(code).not.toContain(KEY);
          expect(code.includes("Benchtop token")).toBe(kind === "benchtop");
          // The readable forms, not the escaped fallbacks.
          if (lang === "python") expect(code).toContain('BODY = r"""{');
          if (lang === "node") expect(code).toContain("const body = String.raw`{");
          const { stdout } = await run(lang, code);
          const logged = await lastLogged();
          expect(logged.status).toBe(200);
          expect(logged.headers.authorization).toBe(`Bearer sk-…${KEY.slice(-4)}`);
          expect(logged.headers["content-type"]).toBe("application/json");
          expect(logged.bodyBytes).toBe(Buffer.byteLength(req.text, "utf8"));
          expect(logged.rawBody).toBe(req.text);
          if (req.body.stream === true) expect(stdout).toMatch(/^data: /m);
          else expect(JSON.parse(stdout)).toHaveProperty("id");
        });
      }
    }
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
    expect(generateCode(req, target, "python")).toContain('os.environ["OPENAI_API_KEY"]');
    expect(generateCode(req, target, "node")).toContain("process.env.OPENAI_API_KEY");
    expect(generateCode(req, target, "python")).toContain('r"""{');
    expect(generateCode(req, target, "node")).toContain("String.raw`{");
  });
});

describe("literal quoting fallbacks", () => {
  // Texts JSON.stringify never produces, each forcing the escaped fallback; run through the real
  // interpreters so the fallback is proven too.
  const odd = ['a"""b', 'ends with "', "ends with \\", "cr\r\nlf", "nul\0", "`${x}`", "'''\\"];

  it("python", async () => {
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
