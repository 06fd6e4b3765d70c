/**
 * Writes lib/pricing/dataset.json: OpenAI's prices from the installed `@pydantic/genai-prices`
 * (a dev dependency), cut down to what Benchtop bills. The package itself is 2 MB and takes ~90 ms
 * to load, with a remote-update mechanism Benchtop must not use; the snapshot is ~15 KB, dated, and
 * reviewed in a diff. Update: `npm install -D --save-exact @pydantic/genai-prices@latest && npm run prices:update`.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { findProvider } from "@pydantic/genai-prices";

const pkg = JSON.parse(
  readFileSync(new URL("../node_modules/@pydantic/genai-prices/package.json", import.meta.url), "utf8"),
) as {
  version: string;
};
// The data carries no date of its own: the release's publish date is the closest honest one.
const published = JSON.parse(
  execFileSync("npm", ["view", `@pydantic/genai-prices@${pkg.version}`, "time", "--json"], {
    encoding: "utf8",
  }),
) as Record<string, string>;
const asOf = (published[pkg.version] ?? new Date().toISOString()).slice(0, 10);

type Match = { equals?: string; starts_with?: string; or?: Match[]; and?: Match[]; [k: string]: unknown };
type Price = Record<string, number | { base: number } | undefined>;

const today = new Date().toISOString().slice(0, 10);
/** A price with date constraints: the one in force today (past calls keep what the ledger stored). */
function current(prices: Price | { constraint?: { start_date?: string }; prices: Price }[]): Price {
  if (!Array.isArray(prices)) return prices;
  let best = prices[0]?.prices ?? {};
  for (const p of prices) if (!p.constraint || (p.constraint.start_date ?? "") <= today) best = p.prices;
  return best;
}
const num = (v: Price[string]) =>
  typeof v === "number" ? v : v && typeof v === "object" ? v.base : undefined;

/** Exact ids and prefixes; other match forms (regex, contains) are skipped and counted. */
function ids(m: Match, exact: string[], prefixes: string[]): boolean {
  if (m.equals) exact.push(m.equals.toLowerCase());
  else if (m.starts_with) prefixes.push(m.starts_with.toLowerCase());
  else if (m.or) return m.or.every((x) => ids(x, exact, prefixes));
  else return false;
  return true;
}

const provider = findProvider({ providerId: "openai" });
if (!provider) throw new Error("genai-prices has no openai provider");
const models: Record<string, unknown> = {};
const prefixes: Record<string, unknown> = {};
let skipped = 0;
for (const m of provider.models) {
  const p = current(m.prices as Price);
  const input = num(p.input_mtok);
  if (input === undefined && p.input_audio_hours === undefined) {
    skipped++;
    continue;
  }
  const audioHour = num(p.input_audio_hours) ?? num(p.audio_hours);
  const entry = {
    input: input ?? 0,
    cachedInput: num(p.cache_read_mtok) ?? null,
    output: num(p.output_mtok) ?? 0,
    ...(p.output_image_mtok !== undefined ? { imageOutput: num(p.output_image_mtok) } : {}),
    ...(p.input_image_mtok !== undefined ? { imageInput: num(p.input_image_mtok) } : {}),
    ...(p.input_audio_mtok !== undefined ? { audioInput: num(p.input_audio_mtok) } : {}),
    ...(p.output_audio_mtok !== undefined ? { audioOutput: num(p.output_audio_mtok) } : {}),
    ...(audioHour !== undefined ? { audioPerSecond: audioHour / 3600 } : {}),
  };
  const exact: string[] = [];
  const pre: string[] = [];
  if (!ids(m.match as Match, exact, pre)) skipped++;
  for (const id of exact) models[id] ??= entry;
  for (const id of pre) prefixes[id] ??= entry;
}
const sorted = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const out = {
  name: `genai-prices ${pkg.version}`,
  asOf,
  models: sorted(models),
  prefixes: sorted(prefixes),
};
writeFileSync(new URL("../lib/pricing/dataset.json", import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(
  `lib/pricing/dataset.json: ${Object.keys(models).length} ids, ${Object.keys(prefixes).length} prefixes, ${skipped} skipped, as of ${asOf}`,
);
