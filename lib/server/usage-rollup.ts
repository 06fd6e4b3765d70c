import "server-only";

/**
 * The ledger's hourly rollup (migration 0014_usage_costs): the SQL that sums ledger rows into
 * usage_hourly, shared by each batch insert (lib/server/ledger.ts), `ledger:seed` and tests. The
 * migration carries its own copy (shipped migrations never change); a test checks they agree.
 */

/** `/v1/files/file-abc123/content` → `/v1/files/{id}/content`: path segments with a digit are ids. */
export const ENDPOINT_SQL = `regexp_replace(split_part(path, '?', 1), '/(?!v1(/|$))[^/]*[0-9][^/]*', '/{id}', 'g')`;

export function endpointOf(path: string): string {
  return (path.split("?")[0] ?? "").replace(/\/(?!v1(\/|$))[^/]*[0-9][^/]*/g, "/{id}");
}

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
 * Adds the rows of `source` (a table or a CTE with the ledger's columns) to usage_hourly. Sorted by
 * key so two instances flushing at once lock rollup rows in the same order (no deadlock).
 */
export function rollupInsert(source: string): string {
  return `insert into usage_hourly
    select date_trunc('hour', at, 'UTC'), coalesce(user_id, ''), coalesce(token_id, ''), coalesce(model, ''),
           ${ENDPOINT_SQL}, coalesce(assistant_id, ''),
           count(*), count(*) filter (where status >= 400),
           coalesce(sum(input_tokens), 0), coalesce(sum(cached_tokens), 0), coalesce(sum(output_tokens), 0),
           coalesce(sum(reasoning_tokens), 0), coalesce(sum(images), 0), coalesce(sum(audio_seconds), 0),
           coalesce(sum(cost_micros), 0), count(*) filter (where cost_estimated),
           count(*) filter (where model is not null and cost_micros is null)
      from ${source} group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
    on conflict (hour, user_id, token_id, model, endpoint, assistant_id) do update set
      ${SUMS.map((c) => `${c} = usage_hourly.${c} + excluded.${c}`).join(", ")}`;
}
