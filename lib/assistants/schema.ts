import * as z from "zod/mini";
import {
  IMAGE_BACKGROUNDS,
  IMAGE_FORMATS,
  IMAGE_QUALITIES,
  METADATA_LIMITS,
  REASONING_EFFORTS,
  REASONING_SUMMARIES,
  SEARCH_CONTEXT_SIZES,
  VERBOSITIES,
} from "@/lib/openai-facts";

/**
 * Benchtop's assistants (docs/assistants.md): saved, versioned configurations that run on the
 * Responses API. One source of the shapes for the database (a version's `config` column), the
 * console routes, the builder, the test chat, the proxy's `prompt` expansion, export and import.
 *
 * Like the playground's setup, free text that must be JSON (schemas, filters) stays text so a
 * half-typed value is never lost; it is parsed when a version is saved (lib/assistants/validate.ts)
 * and when a call is expanded (lib/assistants/expand.ts).
 */

/** Benchtop assistant ids: `asst_bt_` and 24 hex digits (legacy `asst_…` ids are only imported from). */
export const ASSISTANT_ID = /^asst_bt_[0-9a-f]{24}$/;

export const ASSISTANT_LIMITS = {
  name: 256,
  description: 512,
  instructions: 256_000,
  tools: 128,
  variables: 64,
  vectorStoresPerTool: 100,
  codeInterpreterFiles: 50,
  mcpHeaders: 16,
  /** Soft-deleted assistants can be restored for this many days, then they are purged. */
  restoreDays: 30,
  /** Version notes ("what changed"). */
  note: 500,
} as const;

/** `{{name}}` in instructions: a letter or `_` first, then letters, digits, `_`, `.` or `-`. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
export const VARIABLE_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*\}\}/g;

export const VARIABLE_TYPES = ["string", "number", "integer", "boolean", "enum"] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const variableSchema = z.object({
  name: z.string().check(z.regex(VARIABLE_NAME)),
  type: z.enum(VARIABLE_TYPES),
  description: z.string().check(z.maxLength(1000)),
  /** Text of the default (as typed); absent: the caller must give a value. */
  default: z.optional(z.string().check(z.maxLength(100_000))),
  /** `enum` only: the allowed values. */
  options: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100))),
});
export type AssistantVariable = z.infer<typeof variableSchema>;

const text = (max: number) => z.string().check(z.maxLength(max));

export const functionToolConfigSchema = z.object({
  type: z.literal("function"),
  name: text(64),
  description: text(10_000),
  /** JSON Schema text. */
  parameters: text(200_000),
  strict: z.boolean(),
  /** A saved output the test chat can answer this function with instead of asking the user. */
  mockOutput: z.optional(text(100_000)),
});

export const FILE_SEARCH_RANKERS = ["auto", "none", "default-2024-11-15"] as const;

export const fileSearchToolConfigSchema = z.object({
  type: z.literal("file_search"),
  vectorStoreIds: z.array(text(200)).check(z.maxLength(ASSISTANT_LIMITS.vectorStoresPerTool)),
  /** 1–50. */
  maxNumResults: z.optional(z.number()),
  ranker: z.optional(z.enum(FILE_SEARCH_RANKERS)),
  /** 0–1. */
  scoreThreshold: z.optional(z.number()),
  /** Attribute filter as JSON text (comparison or compound filter); "" for none. */
  filters: text(50_000),
});

export const webSearchToolConfigSchema = z.object({
  type: z.literal("web_search"),
  contextSize: z.optional(z.enum(SEARCH_CONTEXT_SIZES)),
  allowedDomains: z.array(text(253)).check(z.maxLength(100)),
});

export const CONTAINER_MEMORY = ["1g", "4g", "16g", "64g"] as const;

export const codeInterpreterToolConfigSchema = z.object({
  type: z.literal("code_interpreter"),
  /** `auto`: a new container per conversation with these files; `id`: an existing container. */
  container: z.union([
    z.object({
      type: z.literal("auto"),
      fileIds: z.array(text(200)).check(z.maxLength(ASSISTANT_LIMITS.codeInterpreterFiles)),
      memoryLimit: z.optional(z.enum(CONTAINER_MEMORY)),
    }),
    z.object({ type: z.literal("id"), id: text(200) }),
  ]),
});

export const imageGenerationToolConfigSchema = z.object({
  type: z.literal("image_generation"),
  model: z.optional(text(200)),
  size: z.optional(text(20)),
  quality: z.optional(z.enum(IMAGE_QUALITIES)),
  background: z.optional(z.enum(IMAGE_BACKGROUNDS)),
  outputFormat: z.optional(z.enum(IMAGE_FORMATS)),
});

export const MCP_APPROVALS = ["always", "never"] as const;

export const mcpToolConfigSchema = z.object({
  type: z.literal("mcp"),
  /** `server_label`: letters, digits, `_` and `-`. */
  serverLabel: text(64),
  serverUrl: text(2000),
  serverDescription: z.optional(text(1000)),
  /** null: every tool the server lists. */
  allowedTools: z.nullable(z.array(text(200)).check(z.maxLength(200))),
  requireApproval: z.enum(MCP_APPROVALS),
  /**
   * Header names only. Values are secrets kept server-side per assistant (like the API key): never
   * in a version, an export, a share, view code or a response to the browser; the proxy adds them
   * when it expands a call (lib/server/assistants.ts `mcpHeaderValues`).
   */
  headerNames: z.array(text(200)).check(z.maxLength(ASSISTANT_LIMITS.mcpHeaders)),
});

export const assistantToolSchema = z.discriminatedUnion("type", [
  functionToolConfigSchema,
  fileSearchToolConfigSchema,
  webSearchToolConfigSchema,
  codeInterpreterToolConfigSchema,
  imageGenerationToolConfigSchema,
  mcpToolConfigSchema,
]);
export type AssistantTool = z.infer<typeof assistantToolSchema>;
export type AssistantToolType = AssistantTool["type"];

export const assistantResponseFormatSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({ type: z.literal("json_schema"), name: text(64), schema: text(200_000), strict: z.boolean() }),
]);
export type AssistantResponseFormat = z.infer<typeof assistantResponseFormatSchema>;

export const TRUNCATIONS = ["auto", "disabled"] as const;

/** One version's content: everything that decides a call. Immutable once saved. */
export const assistantConfigSchema = z.object({
  name: text(ASSISTANT_LIMITS.name),
  description: text(ASSISTANT_LIMITS.description),
  model: text(200),
  /** May hold `{{variable}}` placeholders, substituted when a call is expanded. */
  instructions: text(ASSISTANT_LIMITS.instructions),
  variables: z.array(variableSchema).check(z.maxLength(ASSISTANT_LIMITS.variables)),
  tools: z.array(assistantToolSchema).check(z.maxLength(ASSISTANT_LIMITS.tools)),
  toolChoice: z.optional(z.enum(["auto", "none", "required"])),
  parallelToolCalls: z.optional(z.boolean()),
  responseFormat: assistantResponseFormatSchema,
  reasoningEffort: z.optional(z.enum(REASONING_EFFORTS)),
  reasoningSummary: z.optional(z.enum(REASONING_SUMMARIES)),
  verbosity: z.optional(z.enum(VERBOSITIES)),
  temperature: z.optional(z.number()),
  topP: z.optional(z.number()),
  maxOutputTokens: z.optional(z.number()),
  truncation: z.optional(z.enum(TRUNCATIONS)),
  /** Server-side compaction (`context_management: [{type:"compaction", compact_threshold}]`); ≥ 1000. */
  compactThreshold: z.optional(z.number()),
  store: z.optional(z.boolean()),
  metadata: z
    .array(z.object({ key: text(METADATA_LIMITS.keyChars), value: text(METADATA_LIMITS.valueChars) }))
    .check(z.maxLength(METADATA_LIMITS.pairs)),
});
export type AssistantConfig = z.infer<typeof assistantConfigSchema>;

export const ASSISTANT_VISIBILITIES = ["team", "private"] as const;
export type AssistantVisibility = (typeof ASSISTANT_VISIBILITIES)[number];

export interface AssistantOwner {
  userId: string;
  name: string;
  email: string;
}

/** A row of the list. */
export interface AssistantSummary {
  id: string;
  name: string;
  description: string;
  model: string;
  visibility: AssistantVisibility;
  owner: AssistantOwner;
  latestVersion: number;
  productionVersion: number | null;
  versionCount: number;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  /** The last proxied call that named it (ledger), or null. */
  lastUsedAt: string | null;
  /** Soft-deleted: set; restorable until `purgeAt`. */
  deletedAt: string | null;
  purgeAt: string | null;
  /** Whether the caller may save versions, mark production, delete or change visibility. */
  canEdit: boolean;
}

export interface AssistantVersionSummary {
  version: number;
  createdAt: string;
  author: AssistantOwner | null;
  note: string;
  model: string;
  /** Which version this one was rolled back from or duplicated from, if any. */
  basedOn: number | null;
}

export interface AssistantVersion extends AssistantVersionSummary {
  config: AssistantConfig;
}

/** `GET /api/assistants/{id}`: the head, every version's summary, and the requested (default latest) version in full. */
export interface AssistantDetail {
  assistant: AssistantSummary;
  versions: AssistantVersionSummary[];
  version: AssistantVersion;
  /** Per MCP server label: the header names that have a stored value (values never leave the server). */
  mcpHeadersSet: Record<string, string[]>;
}

/** `POST /api/assistants` (create, version 1) and `POST /api/assistants/{id}/versions` (a new version). */
export const saveVersionSchema = z.object({
  config: assistantConfigSchema,
  note: z.optional(text(ASSISTANT_LIMITS.note)),
  /** Only on create. */
  visibility: z.optional(z.enum(ASSISTANT_VISIBILITIES)),
  /** The version the editor started from: a save on a stale base is refused (409) unless `force`. */
  baseVersion: z.optional(z.number()),
  force: z.optional(z.boolean()),
  /**
   * MCP header values to store, per server label and header name; "" deletes one. Values are
   * write-only: they are never returned.
   */
  mcpHeaders: z.optional(z.record(z.string(), z.record(z.string(), text(8192)))),
});
export type SaveVersionInput = z.infer<typeof saveVersionSchema>;

/** `PATCH /api/assistants/{id}`: head changes that are not versions. */
export const patchAssistantSchema = z.object({
  productionVersion: z.optional(z.nullable(z.number())),
  visibility: z.optional(z.enum(ASSISTANT_VISIBILITIES)),
  /** Restore a soft-deleted assistant. */
  restore: z.optional(z.literal(true)),
});

/** A Benchtop export file (`format: "benchtop.assistant"`), every version by default. */
export const ASSISTANT_EXPORT_FORMAT = "benchtop.assistant" as const;
export const assistantExportSchema = z.object({
  format: z.literal(ASSISTANT_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  assistant: z.object({ id: z.string(), name: z.string(), productionVersion: z.nullable(z.number()) }),
  versions: z
    .array(
      z.object({
        version: z.number(),
        createdAt: z.string(),
        note: z.string(),
        config: assistantConfigSchema,
      }),
    )
    .check(z.minLength(1), z.maxLength(1000)),
});
export type AssistantExport = z.infer<typeof assistantExportSchema>;

/** What an import understood, for the import dialog and the CLI. */
export interface ImportResult {
  id: string;
  name: string;
  versions: number;
  source: "benchtop" | "assistants_api" | "prompt_object";
  /** Things that were dropped or changed on the way (a legacy tool with no counterpart, …). */
  notes: string[];
}

/** A conversation of the test chat (Benchtop's own index; the API cannot list conversations). */
export interface AssistantConversation {
  id: string;
  assistantId: string;
  title: string;
  createdAt: string;
  lastUsedAt: string;
  /** The version of the latest turn. */
  version: number | null;
  turns: number;
}

/** One turn as the ledger recorded it: the call that named this assistant in this conversation. */
export interface AssistantTurn {
  at: string;
  version: number | null;
  model: string | null;
  status: number;
  durationMs: number;
  ttfbMs: number | null;
  usage: Record<string, unknown> | null;
  costUsd: number | null;
}
