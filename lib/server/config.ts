import "server-only";
import path from "node:path";
import { z } from "zod";
import { LIMITS } from "@/lib/types";

/**
 * Configuration, validated once. Every problem is reported at once with the variable's name,
 * so a misconfigured deployment fails at boot instead of at the first request.
 */

/** setTimeout fires at once for anything longer. */
const MAX_TIMER_MS = 2_147_483_647;
/** A duration setting: whole milliseconds in range, empty meaning the default; messages name the unit. */
function milliseconds(o: { min: number; max?: number; fallback: number }) {
  const max = o.max ?? MAX_TIMER_MS;
  return z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `must be a number of milliseconds, e.g. ${o.fallback}` })
      .int("must be a whole number of milliseconds")
      .min(o.min, `must be at least ${o.min}`)
      .max(
        max,
        `must be at most ${max}${max === MAX_TIMER_MS ? " (Node's longest timer, about 24 days)" : ""}`,
      )
      .default(o.fallback),
  );
}

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const TRUST_PROXY_HINT =
  "must be the number of proxies in front of the console (e.g. 1), or true for one; leave it unset when clients connect directly";

const schema = z
  .object({
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.openai.com/v1" })
        .default("https://api.openai.com/v1"),
    ),
    OPENAI_ORG_ID: optionalString,
    OPENAI_PROJECT_ID: optionalString,
    OPENAI_ADMIN_KEY: optionalString,
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
        .optional(),
    ),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
    CONSOLE_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, "must be at least 32 characters (try: openssl rand -hex 32)").optional(),
    ),
    CONSOLE_ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email("must be an email address").optional()),
    CONSOLE_ADMIN_PASSWORD: z.preprocess(
      emptyToUndefined,
      z.string().min(LIMITS.passwordMin, `must be at least ${LIMITS.passwordMin} characters`).optional(),
    ),
    CONSOLE_ORIGIN: z.preprocess(
      emptyToUndefined,
      z.url({ error: "must be the console's public origin, e.g. https://benchtop.example.com" }).optional(),
    ),
    CONSOLE_TRUST_PROXY: z.preprocess(
      (v) => {
        const t = typeof v === "string" ? v.trim().toLowerCase() : v;
        if (t === undefined || t === "" || t === "false") return 0;
        return t === "true" ? 1 : t;
      },
      z.coerce
        .number({ error: TRUST_PROXY_HINT })
        .int(TRUST_PROXY_HINT)
        .min(0, TRUST_PROXY_HINT)
        .max(10, TRUST_PROXY_HINT),
    ),
    UPSTREAM_TIMEOUT_MS: milliseconds({ min: 1, fallback: 600_000 }),
    // Silence in the middle of a response body; generous, since reasoning models think between events.
    UPSTREAM_IDLE_TIMEOUT_MS: milliseconds({ min: 1000, fallback: 300_000 }),
    SHUTDOWN_GRACE_MS: milliseconds({ min: 0, max: 3_600_000, fallback: 30_000 }),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // The largest request body the host lets through; Vercel's functions take 4.5 MB.
    REQUEST_BODY_LIMIT_BYTES: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "must be a number of bytes, e.g. 4500000" })
        .int("must be a whole number of bytes")
        .min(65_536, "must be at least 65536 (64 KiB)")
        .optional(),
    ),
    VERCEL: optionalString,
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.CONSOLE_ADMIN_EMAIL) !== Boolean(env.CONSOLE_ADMIN_PASSWORD)) {
      const missing = env.CONSOLE_ADMIN_EMAIL ? "CONSOLE_ADMIN_PASSWORD" : "CONSOLE_ADMIN_EMAIL";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "must be set together with CONSOLE_ADMIN_EMAIL / CONSOLE_ADMIN_PASSWORD",
      });
    }
    if (env.DATABASE_URL && !env.CONSOLE_SECRET) {
      // With an external database there may be many instances and no shared disk to keep a generated secret on.
      ctx.addIssue({
        code: "custom",
        path: ["CONSOLE_SECRET"],
        message: "is required when DATABASE_URL is set (try: openssl rand -hex 32)",
      });
    }
  });

export interface Config {
  openai: {
    apiKey: string | undefined;
    baseUrl: URL;
    orgId: string | undefined;
    projectId: string | undefined;
    adminKey: string | undefined;
    timeoutMs: number;
    idleTimeoutMs: number;
  };
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string | undefined;
  admin: { email: string; password: string } | undefined;
  origin: string | undefined;
  /** How many reverse proxies in front of the console may set X-Forwarded-*; 0 trusts none. */
  trustProxy: number;
  port: number;
  /** How long a SIGTERM/SIGINT waits for requests in flight before the ledger is flushed and the process exits. */
  shutdownGraceMs: number;
  /**
   * The largest request body the host lets through, or null where nothing caps it: the browser
   * sends larger files in parts, or refuses them for purposes that must fit one request.
   */
  requestBodyLimit: number | null;
}

/** Vercel's limit on a function's request body. */
const VERCEL_BODY_LIMIT = 4_500_000;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "(env)"} ${i.message}`));
  }
  const e = result.data;
  // A trailing slash would make `new URL("chat/completions", base)` drop the last segment's sibling logic.
  const baseUrl = new URL(e.OPENAI_BASE_URL.replace(/\/+$/, ""));
  return {
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl,
      orgId: e.OPENAI_ORG_ID,
      projectId: e.OPENAI_PROJECT_ID,
      adminKey: e.OPENAI_ADMIN_KEY,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
      idleTimeoutMs: e.UPSTREAM_IDLE_TIMEOUT_MS,
    },
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    secret: e.CONSOLE_SECRET,
    admin:
      e.CONSOLE_ADMIN_EMAIL && e.CONSOLE_ADMIN_PASSWORD
        ? { email: e.CONSOLE_ADMIN_EMAIL.toLowerCase(), password: e.CONSOLE_ADMIN_PASSWORD }
        : undefined,
    origin: e.CONSOLE_ORIGIN ? new URL(e.CONSOLE_ORIGIN).origin : undefined,
    trustProxy: e.CONSOLE_TRUST_PROXY,
    port: e.PORT,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    requestBodyLimit: e.REQUEST_BODY_LIMIT_BYTES ?? (e.VERCEL ? VERCEL_BODY_LIMIT : null),
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests and the CLI re-read the environment after changing it. */
export function resetConfigForTests(): void {
  cached = undefined;
}

/** `sk-…abcd`: enough to tell keys apart, never enough to use one. */
export function maskKey(key: string | undefined): string | null {
  if (!key) return null;
  const tail = key.slice(-4);
  const head = key.startsWith("sk-") ? "sk-" : key.slice(0, Math.min(3, Math.max(0, key.length - 8)));
  return `${head}…${tail}`;
}
