import "server-only";
import { baseOfFineTune, overrideFor, PRICES_AS_OF, resolveModel } from "@/lib/models/catalogue";
import type { ModelOverrides } from "@/lib/models/schema";
import { DATASET } from "@/lib/pricing/dataset";
import { layerQuote } from "@/lib/pricing/quote";
import type { PriceQuote, PriceTable } from "@/lib/pricing/types";
import { getDb } from "./db";
import { onTold, tell } from "./threads";

/**
 * The price a model is billed at now: the dataset, overlaid with the catalogue and the admin's
 * overrides. The proxy and the ledger call this per call, so nothing here reads the database on the
 * way: the overrides are kept in memory and re-read in the background when older than REFRESH_MS,
 * so an admin's change (on any instance sharing the database) is seen within seconds.
 */
const REFRESH_MS = 3_000;
const DATED = /-\d{4}-\d{2}-\d{2}$/;

interface Overrides {
  value: ModelOverrides;
  /** `YYYY-MM-DD` the overrides were last saved. */
  asOf: string;
  loadedAt: number;
}

const state = globalThis as unknown as {
  __benchtopPrices?: {
    overrides: Overrides | null;
    loading: Promise<Overrides> | null;
    quotes: Map<string, PriceQuote | null>;
  };
};
state.__benchtopPrices ??= { overrides: null, loading: null, quotes: new Map() };
const cache = state.__benchtopPrices;

async function loadOverrides(): Promise<Overrides> {
  const db = await getDb();
  const [row] = await db.query<{ value: ModelOverrides; updated_at: string | Date }>(
    "select value, updated_at from settings where key = 'model_overrides'",
  );
  const next: Overrides = {
    value: row?.value ?? {},
    asOf: row ? new Date(row.updated_at).toISOString().slice(0, 10) : PRICES_AS_OF,
    loadedAt: Date.now(),
  };
  if (
    JSON.stringify(next.value) !== JSON.stringify(cache.overrides?.value) ||
    next.asOf !== cache.overrides?.asOf
  ) {
    cache.quotes.clear();
  }
  cache.overrides = next;
  return next;
}

function refresh(): Promise<Overrides> {
  cache.loading ??= loadOverrides().finally(() => {
    cache.loading = null;
  });
  return cache.loading;
}

async function overrides(): Promise<Overrides> {
  return warmOverrides() ?? refresh();
}

/** The overrides in memory (undefined before the first read), re-read in the background when old. */
function warmOverrides(): Overrides | undefined {
  const o = cache.overrides;
  if (!o) return undefined;
  if (Date.now() - o.loadedAt > REFRESH_MS) {
    // Stale-while-revalidate: this call uses what is in memory; a failed re-read keeps it.
    refresh().catch((e) => console.error(`[pricing] could not read overrides: ${(e as Error).message}`));
  }
  return o;
}

/** Prices computed from given overrides; exported for tests and `GET /api/prices`. */
export function quoteWith(model: string, o: { value: ModelOverrides; asOf: string }): PriceQuote | null {
  const override = overrideFor(model, o.value);
  const resolved = resolveModel(model);
  const id = (baseOfFineTune(model) ?? model).toLowerCase();
  const exact =
    resolved.matched !== null && (resolved.matched === id || resolved.matched === id.replace(DATED, ""));
  return layerQuote(model, {
    dataset: DATASET,
    catalogue: { pricing: resolved.pricing, asOf: PRICES_AS_OF, exact },
    override:
      override && override.pricing !== undefined ? { pricing: override.pricing, asOf: o.asOf } : undefined,
  });
}

export async function quoteFor(model: string): Promise<PriceQuote | null> {
  return quoteIn(model, warmOverrides() ?? (await overrides()));
}

/** quoteFor without a promise once the overrides are in memory; undefined before (the proxy's hot path). */
export function quoteForSync(model: string): PriceQuote | null | undefined {
  const o = warmOverrides();
  return o ? quoteIn(model, o) : undefined;
}

function quoteIn(model: string, o: Overrides): PriceQuote | null {
  const hit = cache.quotes.get(model);
  if (hit !== undefined) return hit;
  const quote = quoteWith(model, o);
  // Model ids come from callers: a bounded memo so a flood of made-up ids cannot grow it forever.
  if (cache.quotes.size > 5_000) cache.quotes.clear();
  cache.quotes.set(model, quote);
  return quote;
}

/** Drops the in-memory overrides: the next quote re-reads them (a save on this instance, tests). */
export function forgetPrices(): Promise<void> {
  dropOverrides();
  return tell({ kind: "prices" });
}

function dropOverrides(): void {
  cache.overrides = null;
  cache.quotes.clear();
}

onTold("prices", dropOverrides);

export async function priceTable(models: string[]): Promise<PriceTable> {
  const table: PriceTable = {};
  for (const m of models) table[m] = await quoteFor(m);
  return table;
}
