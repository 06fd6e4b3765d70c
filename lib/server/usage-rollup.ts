import "server-only";

/**
 * The ledger's rollup (migration 0014_usage_costs): the SQL that sums ledger rows into
 * usage_rollup, per hour and per UTC day ("grain"), per user and one dimension ("dim"). Shared by
 * each batch insert (lib/server/ledger.ts), `ledger:seed` and the benchmark. The migration carries
 * its own copy (shipped migrations never change); a test checks they build the same rows.
 */

/** `/v1/files/file-abc123/content` → `/v1/files/{id}/content`: path segments with a digit are ids. */
export const ENDPOINT_SQL = `regexp_replace(split_part(path, '?', 1), '/(?!v1(/|$))[^/]*[0-9][^/]*', '/{id}', 'g')`;

export function endpointOf(path: string): string {
  return (path.split("?")[0] ?? "").replace(/\/(?!v1(\/|$))[^/]*[0-9][^/]*/g, "/{id}");
}

/** The dimensions the rollup keeps beside the user; `user` alone serves "by user" and "no grouping". */
export const ROLLUP_DIMS = ["user", "model", "token", "endpoint", "assistant"] as const;

const SUMS = [
  "requests",
  "errors",
  "input_tokens",
  "cached_tokens",
  "output_tokens",
  "reasoning_tokens",
  "images",
  "audio_seconds",
  "cost_micros",
  "estimated",
  "unpriced",
];

/**
 * Adds the rows of `source` (a table or a CTE with the ledger's columns) to usage_rollup, for every
 * grain and dimension unless told fewer (a big backfill runs one at a time). Sorted by key so two
 * instances flushing at once lock rollup rows in the same order (no deadlock).
 */
export function rollupInsert(
  source: string,
  grains: readonly ("h" | "d")[] = ["h", "d"],
  dims: readonly (typeof ROLLUP_DIMS)[number][] = ROLLUP_DIMS,
): string {
  return `insert into usage_rollup
    select g.grain, d.dim, date_trunc(case g.grain when 'h' then 'hour' else 'day' end, at, 'UTC'),
           coalesce(user_id, ''),
           case d.dim when 'model' then coalesce(model, '') when 'token' then coalesce(token_id, '')
             when 'endpoint' then ${ENDPOINT_SQL}
             when 'assistant' then coalesce(assistant_id, '') else '' end,
           count(*), count(*) filter (where status >= 400),
           coalesce(sum(input_tokens), 0), coalesce(sum(cached_tokens), 0), coalesce(sum(output_tokens), 0),
           coalesce(sum(reasoning_tokens), 0), coalesce(sum(images), 0), coalesce(sum(audio_seconds), 0),
           coalesce(sum(cost_micros), 0), count(*) filter (where cost_estimated),
           count(*) filter (where model is not null and cost_micros is null)
      from ${source}
      cross join (values ${grains.map((g) => `('${g}')`).join(", ")}) as g(grain)
      cross join (values ${dims.map((d) => `('${d}')`).join(", ")}) as d(dim)
     group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (grain, dim, bucket, user_id, key) do update set
      ${SUMS.map((c) => `${c} = usage_rollup.${c} + excluded.${c}`).join(", ")}`;
}
