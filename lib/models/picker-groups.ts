/**
 * What the model picker lists and in which order: the upstream's models and the catalogue's merged,
 * grouped by family, filtered by what was typed. Pure, so the order is tested without a browser.
 */

import { CATALOGUE, type ResolvedModel } from "./catalogue";

type Api = ResolvedModel["capabilities"]["apis"][number];

export interface PickerModel {
  model: ResolvedModel;
  family: string;
  /** In the upstream's `GET /models`; a catalogue-only id may not exist on this server. */
  listed: boolean;
}

export interface PickerGroup {
  family: string;
  items: PickerModel[];
}

/** The group of models the catalogue does not know (other providers, new releases). */
export const OTHER_FAMILY = "Other models";

/** The catalogue's family; an admin's added model without one is its own family. */
export function familyOf(m: ResolvedModel): string {
  return m.matched === "override" && m.family === OTHER_FAMILY ? m.model : m.family;
}

/** Kinds the picker's pages speak (text in, text or vectors out); image and audio models have their own pages. */
const TEXT_KINDS: ReadonlySet<string> = new Set([
  "chat",
  "reasoning",
  "completion",
  "embedding",
  "moderation",
]);

/** Ids the catalogue can offer by name: its text (or image) models' rows, less bare prefixes like `text-`. */
export function catalogueIds(kinds: "text" | "image" = "text"): string[] {
  const wanted = (kind: string) => (kinds === "image" ? kind === "image" : TEXT_KINDS.has(kind));
  return CATALOGUE.filter((m) => wanted(m.kind) && !m.match.endsWith("-")).map((m) => m.match);
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Current lines first: GPT, then the o-series, then the rest by name; newer versions first within each. */
function familyRank(family: string): [number, string] {
  if (family === OTHER_FAMILY) return [3, ""];
  if (family.startsWith("GPT-")) return [0, family];
  if (/^o\d/.test(family)) return [1, family];
  return [2, family];
}

function compareFamilies(a: string, b: string): number {
  const [ra, na] = familyRank(a);
  const [rb, nb] = familyRank(b);
  if (ra !== rb) return ra - rb;
  return ra === 2 ? collator.compare(na, nb) : collator.compare(nb, na);
}

/** Within a family: what the upstream lists, then base models before fine-tunes, then what is not shut down, then by id. */
function compareModels(a: PickerModel, b: PickerModel): number {
  if (a.listed !== b.listed) return a.listed ? -1 : 1;
  if (a.model.fineTuned !== b.model.fineTuned) return a.model.fineTuned ? 1 : -1;
  const shutA = a.model.shutdownDate !== null;
  if (shutA !== (b.model.shutdownDate !== null)) return shutA ? 1 : -1;
  return collator.compare(a.model.model, b.model.model);
}

export interface PickerGroupsInput {
  /** The upstream's models, resolved against the catalogue. */
  upstream: readonly ResolvedModel[];
  /** Catalogue ids resolved the same way; those the upstream lists are shown once, as listed. */
  catalogue: readonly ResolvedModel[];
  /** Only models that speak this API; without it, every model. */
  api?: Api;
}

export function pickerGroups({ upstream, catalogue, api }: PickerGroupsInput): PickerGroup[] {
  const seen = new Set(upstream.map((m) => m.model));
  const items: PickerModel[] = [
    ...upstream.map((model) => ({ model, family: familyOf(model), listed: true })),
    // A chat surface offers from the catalogue only what can still be bought; retired rows stay for
    // the tokenizer, which wants their encodings. Image models carry no token price: those without
    // a shutdown date are offered.
    ...catalogue
      .filter(
        (m) =>
          !seen.has(m.model) &&
          (api === undefined || m.pricing !== null || (m.kind === "image" && m.shutdownDate === null)),
      )
      .map((model) => ({ model, family: familyOf(model), listed: false })),
  ].filter((i) => api === undefined || !i.model.matched || i.model.capabilities.apis.includes(api));
  const byFamily = new Map<string, PickerModel[]>();
  for (const item of items) {
    const members = byFamily.get(item.family);
    if (members) members.push(item);
    else byFamily.set(item.family, [item]);
  }
  return [...byFamily.entries()]
    .sort(([a], [b]) => compareFamilies(a, b))
    .map(([family, members]) => ({ family, items: members.sort(compareModels) }));
}

/** Every word typed appears in the id, the catalogue's name or the family: "4o mini" finds `gpt-4o-mini`. */
export function matchesQuery(item: PickerModel, query: string): boolean {
  const haystack = `${item.model.model} ${item.model.label} ${item.family}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** Whether a model's shutdown date (`YYYY-MM-DD`) has come: "shut down", not "shuts down". */
export function isShutDown(shutdownDate: string, today: string): boolean {
  return shutdownDate <= today;
}
