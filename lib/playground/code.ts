import { shellQuote, shellWord } from "./code-literals";
import { nodeSdk, pythonSdk, sdkShape } from "./code-sdk";
import type { BuiltRequest } from "./types";

/**
 * "View code": programs that send exactly the playground's request. The body each one sends is
 * byte-for-byte `req.text`, so nothing is re-serialised: the JSON text is embedded as a string
 * literal of the target language (lib/playground/code-literals.ts), quoted so that no character of
 * it is interpreted. curl sends it with --data-binary; Python and Node use the official SDKs
 * (lib/playground/code-sdk.ts). The key always comes from the OPENAI_API_KEY environment
 * variable, never a literal.
 */

export type CodeTarget = ({ kind: "upstream"; baseUrl: string } | { kind: "benchtop"; baseUrl: string }) & {
  /** The environment variable holding the key (OPENAI_API_KEY when absent). */
  keyEnv?: string;
};
export type CodeLang = "curl" | "python" | "node" | "json";

const BENCHTOP_NOTE = "OPENAI_API_KEY holds your personal Benchtop token (bt_pat_…), not an OpenAI key.";

/** Whether the SDK programs cover this request (the three text APIs). */
export function sdkExpressible(req: BuiltRequest): boolean {
  return sdkShape(req.path) !== null;
}

/** The languages offered for a request: the SDK programs only where they exist. */
export function codeLangs(req: BuiltRequest): CodeLang[] {
  return sdkExpressible(req) ? ["curl", "python", "node", "json"] : ["curl", "json"];
}

export function generateCode(req: BuiltRequest, target: CodeTarget, lang: CodeLang): string {
  if (lang === "json") return req.text;
  const program = {
    text: req.text,
    url: target.baseUrl.replace(/\/+$/, "") + req.path,
    stream: req.body.stream === true,
    note: target.kind === "benchtop" && !target.keyEnv ? BENCHTOP_NOTE : null,
    keyEnv: target.keyEnv ?? "OPENAI_API_KEY",
  };
  if (lang === "python") return pythonSdk(req, program);
  if (lang === "node") return nodeSdk(req, program);
  const lines = [
    `curl ${shellWord(program.url)}`,
    `-H "Authorization: Bearer $${program.keyEnv}"`,
    `-H "Content-Type: application/json"`,
    ...(program.stream ? ["--no-buffer"] : []),
    `--data-binary ${shellQuote(req.text)}`,
  ];
  return `${program.note ? `# ${program.note}\n` : ""}${lines.join(" \\\n  ")}\n`;
}
