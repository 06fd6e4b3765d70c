import "server-only";
import fs from "node:fs";
import { isIP } from "node:net";
import { errors } from "@/lib/errors";
import { importAssistant, listAllAssistants } from "../assistants";
import { getSetupCode } from "../auth/setup";
import { unlockAccount, unlockAddress } from "../auth/throttle";
import { createToken, listTokens, revokeTokenById } from "../auth/tokens";
import { createUser, findUserForSignIn, listUsers, type Role, updateUser } from "../auth/users";
import { getDb } from "../db";
import { migrate } from "../db/migrations";
import { recentLedger } from "../ledger";
import { latestRateLimits } from "../rate-limits";
import { listAllShares, revokeShareById } from "../shares";
import { BUDGET_COMMANDS } from "./budget-commands";

/**
 * Operations shared by the CLI (run in-process when the database is free) and the running server
 * (over DATA_DIR/ops.sock when it holds the embedded database).
 */
export type Args = Record<string, string | boolean | undefined>;

export interface CommandSpec {
  usage: string;
  summary: string;
  run(args: Args): Promise<unknown>;
}

const str = (args: Args, name: string, required = true): string | undefined => {
  const v = args[name];
  if (typeof v === "string" && v.trim()) return v.trim();
  if (required) throw errors.badRequest(`Missing --${name}.`, name);
  return undefined;
};

/** Passwords and new emails are taken exactly as given: the same checks as the API, no trimming. */
const exact = (args: Args, name: string): string => {
  const v = args[name];
  if (typeof v === "string" && v !== "") return v;
  throw errors.badRequest(`Missing --${name}.`, name);
};

async function userByEmail(email: string) {
  const u = await findUserForSignIn(email);
  if (!u) throw errors.notFound(`No user with email ${email}.`);
  const { passwordHash: _, ...user } = u;
  return user;
}

export const COMMANDS: Record<string, CommandSpec> = {
  migrate: {
    usage: "migrate",
    summary: "Apply pending database migrations (the server also does this at boot).",
    async run() {
      const applied = await migrate(await getDb());
      return { applied };
    },
  },
  "user:add": {
    usage: "user:add --email EMAIL --password PASSWORD [--name NAME] [--role member|admin]",
    summary: "Create a user.",
    async run(args) {
      const role = (str(args, "role", false) ?? "member") as Role;
      if (role !== "admin" && role !== "member")
        throw errors.badRequest("--role must be admin or member.", "role");
      const user = await createUser({
        email: exact(args, "email"),
        password: exact(args, "password"),
        name: str(args, "name", false),
        role,
      });
      return { user };
    },
  },
  "user:list": {
    usage: "user:list",
    summary: "List users.",
    async run() {
      return { users: await listUsers() };
    },
  },
  "user:disable": {
    usage: "user:disable --email EMAIL",
    summary: "Disable a user: signs them out and revokes their tokens and share links for good.",
    async run(args) {
      const u = await userByEmail(str(args, "email") ?? "");
      return { user: await updateUser(u.id, { disabled: true }) };
    },
  },
  "user:enable": {
    usage: "user:enable --email EMAIL",
    summary: "Re-enable a disabled user (their old tokens and links stay revoked).",
    async run(args) {
      const u = await userByEmail(str(args, "email") ?? "");
      return { user: await updateUser(u.id, { disabled: false }) };
    },
  },
  "user:set-password": {
    usage: "user:set-password --email EMAIL --password PASSWORD",
    summary: "Reset a user's password (ends their sessions).",
    async run(args) {
      const u = await userByEmail(str(args, "email") ?? "");
      return { user: await updateUser(u.id, { password: exact(args, "password") }) };
    },
  },
  "user:unlock": {
    usage: "user:unlock --email EMAIL | --address IP",
    summary: "Lift sign-in delays on an account (from every address) or on a client address.",
    async run(args) {
      const address = str(args, "address", false);
      if (address !== undefined) {
        if (!isIP(address)) throw errors.badRequest("--address must be an IP address.", "address");
        return { address, cleared: await unlockAddress(address) };
      }
      const u = await userByEmail(str(args, "email") ?? "");
      return { user: u, cleared: await unlockAccount(u.email) };
    },
  },
  "user:set-role": {
    usage: "user:set-role --email EMAIL --role admin|member",
    summary: "Change a user's role.",
    async run(args) {
      const u = await userByEmail(str(args, "email") ?? "");
      const role = str(args, "role");
      if (role !== "admin" && role !== "member")
        throw errors.badRequest("--role must be admin or member.", "role");
      return { user: await updateUser(u.id, { role }) };
    },
  },
  "token:create": {
    usage: "token:create --email EMAIL --name NAME [--expires-days N]",
    summary: "Create a personal access token for a user and print it (shown once).",
    async run(args) {
      const u = await userByEmail(str(args, "email") ?? "");
      const days = str(args, "expires-days", false);
      const n = days === undefined ? undefined : Number(days);
      if (n !== undefined && (!Number.isFinite(n) || n <= 0))
        throw errors.badRequest("--expires-days must be a positive number.", "expires-days");
      const expiresAt = n === undefined ? null : new Date(Date.now() + n * 86_400_000);
      return await createToken(u.id, { name: str(args, "name") ?? "", expiresAt });
    },
  },
  "token:list": {
    usage: "token:list --email EMAIL",
    summary: "List a user's tokens (never their secrets).",
    async run(args) {
      const u = await userByEmail(str(args, "email") ?? "");
      return { tokens: await listTokens(u.id) };
    },
  },
  "token:revoke": {
    usage: "token:revoke --id ID",
    summary: "Revoke any user's token by its id (from token:list).",
    async run(args) {
      return { token: await revokeTokenById(str(args, "id") ?? "") };
    },
  },
  "share:list": {
    usage: "share:list [--email EMAIL]",
    summary: "List share links with their owners, all or one user's (never their contents).",
    async run(args) {
      const email = str(args, "email", false);
      const owner = email === undefined ? undefined : await userByEmail(email);
      return { shares: await listAllShares(owner?.id) };
    },
  },
  "share:revoke": {
    usage: "share:revoke --id ID",
    summary: "Revoke any share link by its id (from share:list or the /s/ID link).",
    async run(args) {
      return { share: await revokeShareById(str(args, "id") ?? "") };
    },
  },
  "ledger:recent": {
    usage: "ledger:recent [--path /v1/images/edits] [--limit 20]",
    summary:
      "The latest calls through /api/v1: who, model, status, tokens, images, bytes, assistant and version.",
    async run(args) {
      const limit = Number(str(args, "limit", false) ?? 20);
      if (!Number.isInteger(limit) || limit < 1)
        throw errors.badRequest("--limit must be a whole number ≥ 1.", "limit");
      return { entries: await recentLedger({ path: str(args, "path", false), limit }) };
    },
  },
  "limits:latest": {
    usage: "limits:latest [--model MODEL]",
    summary: "The latest x-ratelimit-* values the upstream sent, per model and kind.",
    async run(args) {
      return { limits: await latestRateLimits({ model: str(args, "model", false) }) };
    },
  },
  "assistant:import": {
    usage: "assistant:import --file FILE --email EMAIL",
    summary:
      "Import an assistant for a user from a Benchtop export, a legacy Assistants API object or a prompt object export; prints its id.",
    async run(args) {
      const u = await userByEmail(str(args, "email") ?? "");
      // The CLI reads the file itself (`content`), so a command sent to a running server needs no path it can see.
      const text = typeof args.content === "string" ? args.content : readImportFile(str(args, "file") ?? "");
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw errors.badRequest("The file is not JSON.", "file", "invalid_json");
      }
      return { assistant: await importAssistant(u, raw) };
    },
  },
  "assistant:list": {
    usage: "assistant:list [--email EMAIL]",
    summary: "List assistants (private ones too), all or one user's: id, name, versions, owner, last use.",
    async run(args) {
      const email = str(args, "email", false);
      const owner = email === undefined ? undefined : await userByEmail(email);
      return { assistants: await listAllAssistants({ ownerId: owner?.id }) };
    },
  },
  "setup-code": {
    usage: "setup-code",
    summary: "Print the one-time setup code (only while no user exists).",
    async run() {
      return { code: await getSetupCode() };
    },
  },
  ...BUDGET_COMMANDS,
};

/** An import file's text; large enough for every version of a big assistant. */
export const IMPORT_FILE_MAX_BYTES = 16 * 1024 * 1024;

export function readImportFile(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw errors.badRequest(`Cannot read ${file}.`, "file", "file_not_found");
  }
  if (size > IMPORT_FILE_MAX_BYTES)
    throw errors.badRequest(`${file} is larger than an import may be (16 MiB).`, "file", "file_too_large");
  return fs.readFileSync(file, "utf8");
}

export async function runCommand(name: string, args: Args): Promise<unknown> {
  const spec = COMMANDS[name];
  if (!spec) throw errors.badRequest(`Unknown command "${name}". Run with --help for the list.`, "command");
  return spec.run(args);
}
