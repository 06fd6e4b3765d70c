// lib/tokenizer: the tokenizer page's pure logic (encoding choice, chat mode, id lists, row layout, glyphs, draft, share snapshot); the engine it drives is lib/tokens.

/**
 * Which encoding the tokenizer uses, and why: a manual choice wins; otherwise the model's, from the
 * model catalogue (`lib/models/catalogue.ts`, where each entry names its encoding: add an entry to
 * teach it a model) as corrected by an admin's overrides in settings; otherwise o200k_base, assumed.
 */
import { CATALOGUE, DEFAULT_MODEL, type ResolvedModel } from "@/lib/models/catalogue";
import { ENCODINGS, type Encoding } from "@/lib/openai-facts";

export const DEFAULT_ENCODING: Encoding = DEFAULT_MODEL.encoding;

export const ENCODING_INFO: Record<Encoding, { vocabulary: string; usedBy: string }> = {
  o200k_base: { vocabulary: "200k", usedBy: "GPT-4o, GPT-4.1, GPT-4.5, GPT-5, o1, o3, o4-mini" },
  cl100k_base: { vocabulary: "100k", usedBy: "GPT-4, GPT-3.5 Turbo, text-embedding-3, ada-002" },
  p50k_base: { vocabulary: "50k", usedBy: "text-davinci-002/003, Codex (retired)" },
  p50k_edit: { vocabulary: "50k", usedBy: "text/code-davinci-edit (retired)" },
  r50k_base: { vocabulary: "50k", usedBy: "GPT-3: davinci, curie, babbage, ada (retired)" },
  o200k_harmony: { vocabulary: "200k", usedBy: "gpt-oss (o200k_base plus Harmony's chat tokens)" },
};

export type EncodingSource = "override" | "model" | "assumed" | "default";

export interface EncodingChoice {
  encoding: Encoding;
  /** override: chosen by hand; model: the catalogue's; assumed: unknown model; default: no model. */
  source: EncodingSource;
  /** The encoding the model alone would give (shown next to an override). */
  modelEncoding: Encoding | null;
}

export function chooseEncoding(model: ResolvedModel | null, override: Encoding | null): EncodingChoice {
  const modelEncoding = model ? model.encoding : null;
  if (override) return { encoding: override, source: "override", modelEncoding };
  if (!model) return { encoding: DEFAULT_ENCODING, source: "default", modelEncoding };
  return { encoding: model.encoding, source: model.matched ? "model" : "assumed", modelEncoding };
}

export interface EncodingTableRow {
  encoding: Encoding;
  /** Catalogue ids; a trailing `*` marks a family prefix (dated snapshots and fine-tunes match it). */
  models: string[];
}

/** The catalogue's model → encoding map, by encoding, as the page shows it. */
export function encodingTable(): EncodingTableRow[] {
  return ENCODINGS.map((encoding) => ({
    encoding,
    models: CATALOGUE.filter((m) => m.encoding === encoding).map((m) => `${m.match}${m.exact ? "" : "*"}`),
  }));
}
