import { ApiError } from "@/lib/errors";
import {
  METADATA_LIMITS,
  REASONING_EFFORTS,
  REASONING_SUMMARIES,
  SEARCH_CONTEXT_SIZES,
  VERBOSITIES,
} from "@/lib/openai-facts";
import {
  ASSISTANT_EXPORT_FORMAT,
  ASSISTANT_LIMITS,
  type AssistantConfig,
  type AssistantResponseFormat,
  type AssistantTool,
  type AssistantVariable,
  assistantConfigSchema,
  assistantExportSchema,
  CONTAINER_MEMORY,
  FILE_SEARCH_RANKERS,
  type ImportResult,
  VARIABLE_NAME,
  VARIABLE_TYPES,
} from "./schema";

/**
 * Import conversion (docs/assistants-server.md): a Benchtop export, a legacy Assistants API object
 * (notes §5.2) or an exported prompt object, into versions of an AssistantConfig. Liberal in what
 * it reads: what has no counterpart is dropped and named in `notes`, never silently.
 *
 * A legacy list (`{object:"list", data:[…]}`) with one assistant imports that one; with several it is
 * refused with a message saying so (an import makes one assistant; import each object on its own).
 */

export interface ConvertedImport {
  source: ImportResult["source"];
  versions: { config: AssistantConfig; note: string }[];
  /** Position (1-based) of the production version among `versions`, or null. */
  productionVersion: number | null;
  notes: string[];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
const oneOf = <T extends string>(v: unknown, all: readonly T[]): T | undefined =>
  typeof v === "string" && (all as readonly string[]).includes(v) ? (v as T) : undefined;

const refuse = (message: string) =>
  new ApiError({ type: "invalid_request_error", message, param: null, code: "unsupported_import" });

function clip(notes: string[], what: string, v: string, max: number): string {
  if (v.length <= max) return v;
  notes.push(`${what} was longer than ${max.toLocaleString("en-US")} characters and was cut.`);
  return v.slice(0, max);
}

const jsonText = (v: unknown, fallback: string) =>
  v === undefined || v === null ? fallback : JSON.stringify(v, null, 2);

function metadataOf(v: unknown, notes: string[]): AssistantConfig["metadata"] {
  if (!isRec(v)) return [];
  const entries = Object.entries(v);
  // Cut before converting: a huge object costs no more than the pairs kept.
  const pairs = entries.slice(0, METADATA_LIMITS.pairs).map(([key, value]) => ({
    key: key.slice(0, METADATA_LIMITS.keyChars),
    value: (typeof value === "string" ? value : JSON.stringify(value)).slice(0, METADATA_LIMITS.valueChars),
  }));
  if (entries.length > METADATA_LIMITS.pairs)
    notes.push(`Only the first ${METADATA_LIMITS.pairs} metadata pairs were kept.`);
  return pairs;
}

/** Chat/Assistants `response_format` or Responses `text.format`. */
function responseFormatOf(v: unknown, notes: string[]): AssistantResponseFormat {
  if (!isRec(v) || v.type === "text" || v === undefined) return { type: "text" };
  if (v.type === "json_object") return { type: "json_object" };
  if (v.type === "json_schema") {
    // Assistants nest it under `json_schema`; Responses' text.format holds the fields itself.
    const js = isRec(v.json_schema) ? v.json_schema : v;
    if (str(js.description))
      notes.push("The response format's schema description has no counterpart and was dropped.");
    return {
      type: "json_schema",
      name: str(js.name) ?? "response",
      schema: jsonText(js.schema, "{}"),
      strict: js.strict === true,
    };
  }
  notes.push(`Response format "${String(v.type)}" has no counterpart; plain text is used.`);
  return { type: "text" };
}

/** A function tool in either shape: Assistants' `{type, function:{…}}` or Responses' flat one. */
function functionTool(t: Rec): AssistantTool {
  const f = isRec(t.function) ? t.function : t;
  return {
    type: "function",
    name: str(f.name) ?? "",
    description: str(f.description) ?? "",
    parameters: jsonText(f.parameters, '{\n  "type": "object",\n  "properties": {}\n}'),
    strict: f.strict === true,
  };
}

function rankerOf(v: unknown, notes: string[]): (typeof FILE_SEARCH_RANKERS)[number] | undefined {
  if (v === undefined) return undefined;
  const r = oneOf(v, FILE_SEARCH_RANKERS);
  if (!r) notes.push(`File search ranker "${String(v)}" is not offered on Responses; "auto" is used.`);
  return r ?? "auto";
}

interface ToolContext {
  notes: string[];
  /** Assistants' tool_resources, for the legacy shapes. */
  vectorStoreIds?: string[];
  codeFileIds?: string[];
}

/** One tool in Assistants or Responses shape, or null (with a note) when it has no counterpart. */
function toolOf(raw: unknown, ctx: ToolContext): AssistantTool | null {
  const { notes } = ctx;
  if (!isRec(raw) || typeof raw.type !== "string") {
    notes.push("A tool without a type was dropped.");
    return null;
  }
  switch (raw.type) {
    case "function":
      return functionTool(raw);
    case "file_search": {
      const fs = isRec(raw.file_search) ? raw.file_search : raw;
      const ranking = isRec(fs.ranking_options) ? fs.ranking_options : {};
      const ids = [...strings(raw.vector_store_ids), ...(ctx.vectorStoreIds ?? [])];
      if (ids.length === 0)
        notes.push("File search had no vector store: choose one before saving a new version.");
      const maxNumResults = num(fs.max_num_results);
      const scoreThreshold = num(ranking.score_threshold);
      const ranker = rankerOf(ranking.ranker, notes);
      return {
        type: "file_search",
        vectorStoreIds: [...new Set(ids)].slice(0, ASSISTANT_LIMITS.vectorStoresPerTool),
        ...(maxNumResults !== undefined ? { maxNumResults } : {}),
        ...(ranker ? { ranker } : {}),
        ...(scoreThreshold !== undefined ? { scoreThreshold } : {}),
        filters:
          raw.filters === undefined || raw.filters === null ? "" : JSON.stringify(raw.filters, null, 2),
      };
    }
    case "code_interpreter": {
      const c = raw.container;
      if (typeof c === "string" && c) return { type: "code_interpreter", container: { type: "id", id: c } };
      const fileIds = [...strings(isRec(c) ? c.file_ids : undefined), ...(ctx.codeFileIds ?? [])];
      if (fileIds.length > ASSISTANT_LIMITS.codeInterpreterFiles)
        notes.push(
          `Code interpreter keeps ${ASSISTANT_LIMITS.codeInterpreterFiles} files; the rest were dropped.`,
        );
      const memoryLimit = isRec(c) ? oneOf(c.memory_limit, CONTAINER_MEMORY) : undefined;
      return {
        type: "code_interpreter",
        container: {
          type: "auto",
          fileIds: [...new Set(fileIds)].slice(0, ASSISTANT_LIMITS.codeInterpreterFiles),
          ...(memoryLimit ? { memoryLimit } : {}),
        },
      };
    }
    case "web_search":
    case "web_search_preview":
    case "web_search_2025_08_26": {
      const contextSize = oneOf(raw.search_context_size, SEARCH_CONTEXT_SIZES);
      const filters = isRec(raw.filters) ? raw.filters : {};
      return {
        type: "web_search",
        ...(contextSize ? { contextSize } : {}),
        allowedDomains: strings(filters.allowed_domains).slice(0, 100),
      };
    }
    case "image_generation": {
      const quality = str(raw.quality);
      const background = str(raw.background);
      const outputFormat = str(raw.output_format);
      return {
        type: "image_generation",
        ...(str(raw.model) ? { model: str(raw.model) } : {}),
        ...(str(raw.size) ? { size: str(raw.size) } : {}),
        ...(quality ? { quality: quality as never } : {}),
        ...(background ? { background: background as never } : {}),
        ...(outputFormat ? { outputFormat: outputFormat as never } : {}),
      };
    }
    case "mcp": {
      const label = str(raw.server_label) ?? "server";
      const allowed = raw.allowed_tools;
      const allowedTools = Array.isArray(allowed)
        ? strings(allowed)
        : isRec(allowed)
          ? strings(allowed.tool_names)
          : null;
      const approval = raw.require_approval;
      const requireApproval = approval === "never" ? "never" : "always";
      if (isRec(approval)) notes.push(`MCP server "${label}": a per-tool approval policy became "always".`);
      const headerNames = isRec(raw.headers)
        ? Object.keys(raw.headers).slice(0, ASSISTANT_LIMITS.mcpHeaders)
        : [];
      if (headerNames.length)
        notes.push(
          `MCP server "${label}": header values are not imported (${headerNames.join(", ")}); set them in the builder.`,
        );
      if (raw.authorization)
        notes.push(
          `MCP server "${label}": its authorization value was not imported; add it as a header in the builder.`,
        );
      return {
        type: "mcp",
        serverLabel: label,
        serverUrl: str(raw.server_url) ?? "",
        ...(str(raw.server_description) ? { serverDescription: str(raw.server_description) } : {}),
        allowedTools,
        requireApproval,
        headerNames,
      };
    }
    default:
      notes.push(`Tool type "${raw.type}" has no counterpart in Benchtop assistants and was dropped.`);
      return null;
  }
}

function toolsOf(list: unknown, ctx: ToolContext): AssistantTool[] {
  const all = Array.isArray(list) ? list : [];
  // Noted first, so it survives the cap on notes that a long list of dropped tools may reach.
  if (all.length > ASSISTANT_LIMITS.tools)
    ctx.notes.push(
      `Only the first ${ASSISTANT_LIMITS.tools} tools were read; ${(all.length - ASSISTANT_LIMITS.tools).toLocaleString("en-US")} more were dropped.`,
    );
  // Cut before converting, so a file of thousands of tools costs no more than the limit.
  return all
    .slice(0, ASSISTANT_LIMITS.tools)
    .map((t) => toolOf(t, ctx))
    .filter((t): t is AssistantTool => t !== null);
}

/** The config through the schema, so what is stored is always a valid version. */
function finish(config: AssistantConfig, what: string): AssistantConfig {
  const r = assistantConfigSchema.safeParse(config);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw refuse(
    `${what} could not be imported: ${issue?.path.join(".") || "config"}: ${issue?.message ?? "invalid"}.`,
  );
}

const base = (
  notes: string[],
  name: string,
  description: string,
  model: string,
  instructions: string,
): AssistantConfig => ({
  name: clip(notes, "The name", name, ASSISTANT_LIMITS.name),
  description: clip(notes, "The description", description, ASSISTANT_LIMITS.description),
  model,
  instructions: clip(notes, "The instructions", instructions, ASSISTANT_LIMITS.instructions),
  variables: [],
  tools: [],
  responseFormat: { type: "text" },
  metadata: [],
});

// ---------------------------------------------------------------------------------------------

function fromLegacy(a: Rec): ConvertedImport {
  const notes: string[] = [];
  const resources = isRec(a.tool_resources) ? a.tool_resources : {};
  const fs = isRec(resources.file_search) ? resources.file_search : {};
  const ci = isRec(resources.code_interpreter) ? resources.code_interpreter : {};
  const vectorStoreIds = strings(fs.vector_store_ids);
  const codeFileIds = strings(ci.file_ids);
  const rawTools = Array.isArray(a.tools) ? a.tools : [];
  const hasType = (t: string) => rawTools.some((x) => isRec(x) && x.type === t);
  if (vectorStoreIds.length && !hasType("file_search"))
    notes.push("tool_resources.file_search was set without a file_search tool and was dropped.");
  if (codeFileIds.length && !hasType("code_interpreter"))
    notes.push("tool_resources.code_interpreter was set without a code_interpreter tool and was dropped.");
  if (isRec(fs.vector_stores))
    notes.push("Vector stores to create (vector_stores) are not imported; attach existing ones.");
  const config = base(
    notes,
    str(a.name) || str(a.id) || "Imported assistant",
    str(a.description) ?? "",
    str(a.model) ?? "",
    str(a.instructions) ?? "",
  );
  config.tools = toolsOf(rawTools, { notes, vectorStoreIds, codeFileIds });
  config.responseFormat = responseFormatOf(
    a.response_format === "auto" ? undefined : a.response_format,
    notes,
  );
  config.metadata = metadataOf(a.metadata, notes);
  const temperature = num(a.temperature);
  const topP = num(a.top_p);
  // Assistants' defaults (1 and 1) are what the API would do anyway: only other values are kept.
  if (temperature !== undefined && temperature !== 1) config.temperature = temperature;
  if (topP !== undefined && topP !== 1) config.topP = topP;
  const effort = oneOf(a.reasoning_effort, REASONING_EFFORTS);
  if (effort) config.reasoningEffort = effort;
  if (!str(a.model)) notes.push("The assistant named no model: choose one before saving a new version.");
  const id = str(a.id);
  return {
    source: "assistants_api",
    versions: [
      {
        config: finish(config, "The assistant"),
        note: `Imported from Assistants API object${id ? ` ${id}` : ""}`,
      },
    ],
    productionVersion: null,
    notes,
  };
}

/** Prompt variables: `{name: default}`, `[name, …]` or `[{name, type?, default?, description?}, …]`. */
function variablesOf(v: unknown, notes: string[]): AssistantVariable[] {
  const out: AssistantVariable[] = [];
  const seen = new Set<string>();
  const add = (name: string, def: unknown, extra: Rec = {}) => {
    if (!VARIABLE_NAME.test(name)) {
      notes.push(`Variable "${name}" is not a valid name and was dropped.`);
      return;
    }
    if (seen.has(name)) return;
    seen.add(name);
    const type = oneOf(extra.type, VARIABLE_TYPES) ?? "string";
    const options = strings(extra.options ?? extra.enum);
    const d =
      def === undefined || def === null
        ? undefined
        : typeof def === "string"
          ? def
          : isRec(def)
            ? undefined
            : String(def);
    if (isRec(def)) notes.push(`Variable "${name}": a non-text default (image or file input) was dropped.`);
    out.push({
      name,
      type,
      description: str(extra.description) ?? "",
      ...(d !== undefined ? { default: d } : {}),
      ...(type === "enum" ? { options } : {}),
    });
  };
  // Cut before reading, so a file of thousands of variables costs no more than the limit.
  const entries: [unknown, unknown, Rec | undefined][] = Array.isArray(v)
    ? v.map((item) =>
        typeof item === "string"
          ? [item, undefined, undefined]
          : isRec(item)
            ? [item.name, item.default ?? item.value, item]
            : [undefined, undefined, undefined],
      )
    : isRec(v)
      ? Object.entries(v).map(([name, def]) => [name, def, undefined])
      : [];
  for (const [name, def, item] of entries.slice(0, ASSISTANT_LIMITS.variables))
    if (typeof name === "string") add(name, def, item);
  if (entries.length > ASSISTANT_LIMITS.variables)
    notes.push(
      `Only the first ${ASSISTANT_LIMITS.variables} variables were read; ${(entries.length - ASSISTANT_LIMITS.variables).toLocaleString("en-US")} more were dropped.`,
    );
  return out;
}

/** Instructions: `instructions`, a `prompt` text, or the text of developer/system messages. */
function instructionsOf(v: Rec, notes: string[]): string {
  const direct = str(v.instructions) ?? (typeof v.prompt === "string" ? v.prompt : undefined);
  if (direct !== undefined) return direct;
  const messages = Array.isArray(v.messages) ? v.messages : Array.isArray(v.input) ? v.input : [];
  const parts: string[] = [];
  let dropped = 0;
  for (const m of messages) {
    if (!isRec(m)) continue;
    const text =
      typeof m.content === "string"
        ? m.content
        : Array.isArray(m.content)
          ? m.content.map((c) => (isRec(c) ? (str(c.text) ?? "") : "")).join("")
          : "";
    if (m.role === "system" || m.role === "developer") parts.push(text);
    else dropped++;
  }
  if (dropped)
    notes.push(
      `${dropped} example message${dropped > 1 ? "s" : ""} (user/assistant) in the prompt were dropped; only instructions are kept.`,
    );
  return parts.join("\n\n");
}

const KNOWN_PROMPT_KEYS = new Set([
  "id",
  "object",
  "name",
  "description",
  "version",
  "versions",
  "created_at",
  "model",
  "instructions",
  "prompt",
  "messages",
  "input",
  "tools",
  "variables",
  "text",
  "response_format",
  "reasoning",
  "temperature",
  "top_p",
  "max_output_tokens",
  "truncation",
  "store",
  "metadata",
  "tool_choice",
  "parallel_tool_calls",
  "is_default",
  "is_production",
  "production",
  "note",
  "notes",
  "commit_message",
]);

function promptVersion(v: Rec, top: Rec, notes: string[], tag: string): AssistantConfig {
  const vNotes: string[] = [];
  const name = str(v.name) ?? str(top.name) ?? str(top.id) ?? "Imported prompt";
  const config = base(
    vNotes,
    name,
    str(v.description) ?? str(top.description) ?? "",
    str(v.model) ?? str(top.model) ?? "",
    instructionsOf(v, vNotes),
  );
  config.variables = variablesOf(v.variables ?? top.variables, vNotes);
  config.tools = toolsOf(v.tools, { notes: vNotes });
  const text = isRec(v.text) ? v.text : {};
  config.responseFormat = responseFormatOf(text.format ?? v.response_format, vNotes);
  const verbosity = oneOf(text.verbosity, VERBOSITIES);
  if (verbosity) config.verbosity = verbosity;
  const reasoning = isRec(v.reasoning) ? v.reasoning : {};
  const effort = oneOf(reasoning.effort ?? v.reasoning_effort, REASONING_EFFORTS);
  const summary = oneOf(reasoning.summary, REASONING_SUMMARIES);
  if (effort) config.reasoningEffort = effort;
  if (summary) config.reasoningSummary = summary;
  for (const [from, to] of [
    ["temperature", "temperature"],
    ["top_p", "topP"],
    ["max_output_tokens", "maxOutputTokens"],
  ] as const) {
    const n = num(v[from]);
    if (n !== undefined) config[to] = n;
  }
  if (v.truncation === "auto" || v.truncation === "disabled") config.truncation = v.truncation;
  if (typeof v.store === "boolean") config.store = v.store;
  if (v.tool_choice === "auto" || v.tool_choice === "none" || v.tool_choice === "required")
    config.toolChoice = v.tool_choice;
  if (typeof v.parallel_tool_calls === "boolean") config.parallelToolCalls = v.parallel_tool_calls;
  config.metadata = metadataOf(v.metadata, vNotes);
  const unknown = Object.keys(v).filter((k) => !KNOWN_PROMPT_KEYS.has(k));
  if (unknown.length) vNotes.push(`Fields without a counterpart were dropped: ${unknown.join(", ")}.`);
  if (!config.model) vNotes.push("No model was named: choose one before saving a new version.");
  for (const n of vNotes) addNote(notes, `${tag}${n}`);
  return finish(config, `The prompt${tag ? ` (${tag.trim().replace(/:$/, "")})` : ""}`);
}

function fromPrompt(p: Rec): ConvertedImport {
  const notes: string[] = [];
  const list = Array.isArray(p.versions) ? p.versions.filter(isRec) : [p];
  if (list.length === 0) throw refuse("This prompt export has no versions to import.");
  if (list.length > 1000) throw refuse("This prompt export has more than 1000 versions.");
  const vn = (v: Rec, i: number) => num(Number(v.version)) ?? i + 1;
  const sorted = list.map((v, i) => ({ v, n: vn(v, i) })).sort((a, b) => a.n - b.n);
  const multi = sorted.length > 1;
  const versions = sorted.map(({ v, n }) => ({
    config: promptVersion(v, p, notes, multi ? `Version ${n}: ` : ""),
    note:
      str(v.note) ??
      str(v.commit_message) ??
      `Imported from prompt ${str(p.id) ?? ""} version ${n}`.replace("  ", " "),
  }));
  const prodIndex = sorted.findIndex(
    ({ v }) => v.is_production === true || v.is_default === true || v.production === true,
  );
  const prodByNumber = p.production_version ?? p.default_version;
  const byNumber = sorted.findIndex(({ n }) => String(n) === String(prodByNumber));
  const production = prodIndex >= 0 ? prodIndex + 1 : byNumber >= 0 ? byNumber + 1 : null;
  return { source: "prompt_object", versions, productionVersion: production, notes };
}

function fromBenchtop(raw: unknown): ConvertedImport {
  const r = assistantExportSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw refuse(
      `This Benchtop export is not valid: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}.`,
    );
  }
  const sorted = [...r.data.versions].sort((a, b) => a.version - b.version);
  const renumbered = sorted.some((v, i) => v.version !== i + 1);
  const notes = renumbered ? ["Versions were renumbered from 1 (the export skipped some numbers)."] : [];
  const prod = r.data.assistant.productionVersion;
  const prodIndex = prod === null ? -1 : sorted.findIndex((v) => v.version === prod);
  return {
    source: "benchtop",
    versions: sorted.map((v) => ({ config: v.config, note: v.note })),
    productionVersion: prodIndex >= 0 ? prodIndex + 1 : null,
    notes: [
      ...notes,
      ...(sorted.some((v) => v.config.tools.some((t) => t.type === "mcp" && t.headerNames.length))
        ? ["MCP header values are never exported: set them again in the builder."]
        : []),
    ],
  };
}

/** Notes shown after an import; past this, the rest are counted in one last note. */
export const IMPORT_NOTES_MAX = 50;

/** A note not already given, while there is room (a multi-version prompt repeats the same ones). */
function addNote(notes: string[], note: string): void {
  if (notes.length <= IMPORT_NOTES_MAX && !notes.includes(note)) notes.push(note);
}

function capNotes(c: ConvertedImport): ConvertedImport {
  if (c.notes.length <= IMPORT_NOTES_MAX) return c;
  const more = c.notes.length - IMPORT_NOTES_MAX;
  return {
    ...c,
    notes: [...c.notes.slice(0, IMPORT_NOTES_MAX), `…and ${more.toLocaleString("en-US")} more notes.`],
  };
}

/** Which format `raw` is, converted; anything else is refused with a message naming what is accepted. */
export function convertImport(raw: unknown): ConvertedImport {
  return capNotes(convertAny(raw));
}

function convertAny(raw: unknown): ConvertedImport {
  if (!isRec(raw))
    throw refuse(
      "Import a JSON object: a Benchtop export, an Assistants API assistant or a prompt object export.",
    );
  if (raw.format === ASSISTANT_EXPORT_FORMAT) return fromBenchtop(raw);
  if (raw.object === "list" && Array.isArray(raw.data)) {
    const items = raw.data.filter((x) => isRec(x) && x.object === "assistant");
    if (items.length === 1) return fromLegacy(items[0] as Rec);
    throw refuse(
      items.length === 0
        ? "This list holds no assistants."
        : `This list holds ${items.length} assistants; an import makes one. Import each object of data[] on its own.`,
    );
  }
  if (raw.object === "assistant" || (typeof raw.id === "string" && /^asst_(?!bt_)/.test(raw.id)))
    return fromLegacy(raw);
  const id = str(raw.id) ?? "";
  if (raw.object === "prompt" || id.startsWith("pmpt_") || Array.isArray(raw.versions))
    return fromPrompt(raw);
  throw refuse(
    'Unrecognised file. Import a Benchtop export (format "benchtop.assistant"), an Assistants API assistant (object "assistant") or a prompt object export (id "pmpt_…" with versions).',
  );
}
