import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Args } from "./commands";

// Every flag of every command (see the usage lines in COMMANDS). Strict: a misspelt flag is an
// error rather than silently ignored (a token made without its --expires-days would never expire).
const OPTIONS = {
  email: { type: "string" },
  password: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  address: { type: "string" },
  "expires-days": { type: "string" },
  id: { type: "string" },
  path: { type: "string" },
  limit: { type: "string" },
  model: { type: "string" },
  file: { type: "string" },
  // usage, ledger:seed (docs/usage.md)
  since: { type: "string" },
  until: { type: "string" },
  group: { type: "string" },
  bucket: { type: "string" },
  rows: { type: "string" },
  days: { type: "string" },
  emails: { type: "string" },
  json: { type: "boolean" },
  token: { type: "string" },
  team: { type: "boolean" },
  clear: { type: "boolean" },
  rpm: { type: "string" },
  tpm: { type: "string" },
  "usd-per-day": { type: "string" },
  "usd-per-month": { type: "string" },
  models: { type: "string" },
  expires: { type: "string" },
  "soft-percent": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

/**
 * The ops CLI's command line: the first positional is the command, flags are `--flag value` or
 * `--flag=value`, and values are kept exactly as given (a password's spaces included). Throws with a
 * message that names the flag; a value starting with "-" must be written `--flag=-value`.
 */
export function readArgs(argv: string[]): { command: string | undefined; args: Args } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    return { command: positionals[0], args: values };
  } catch (e) {
    // Node's own wording suggests `--` for positionals, which no command takes.
    const unknown = (e as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
    const flag = /'([^']+)'/.exec((e as Error).message)?.[1];
    if (unknown && flag) throw new Error(`Unknown option ${flag}.`);
    throw e;
  }
}
