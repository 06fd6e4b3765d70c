import OpenAI from "openai";
import Papa from "papaparse";
import type { PriceTable } from "../lib/pricing/types";
import type { UsageReport } from "../lib/usage/report";
import { expect, test } from "./fixtures";
import { cli } from "./support/cli";
import { E2E } from "./support/env";
import { freshFetch } from "./support/fresh-fetch";

// The server side of the Usage page (part "pricing"): a real call through the proxy gets a cost at
// its quote, seeded history reaches the report, members see only their own, CSV equals the table.

interface Who {
  email: string;
  id: string;
  token: string;
}

function member(name: string): Who {
  const email = `${name}-${Date.now()}@example.com`;
  const added = JSON.parse(
    cli("user:add", "--email", email, "--password", "long-enough-password-1", "--role", "member", "--json"),
  ) as { user: { id: string } };
  const token = cli("token:create", "--email", email, "--name", `${name}'s script`);
  return { email, id: added.user.id, token };
}

async function get(who: Who, path: string): Promise<Response> {
  return freshFetch(`${E2E.consoleUrl}${path}`, { headers: { authorization: `Bearer ${who.token}` } });
}

const DAY = 86_400_000;
const range = () => {
  const to = new Date(Math.ceil((Date.now() + 1) / DAY) * DAY);
  return `from=${new Date(to.getTime() - 31 * DAY).toISOString()}&to=${to.toISOString()}`;
};

test("usage and prices: a call is priced, seeded history is reported, members see only their own", async () => {
  test.setTimeout(120_000);
  const alice = member("alice");
  const bob = member("bob");

  // A real call, as a script would make it.
  const client = new OpenAI({
    apiKey: alice.token,
    baseURL: `${E2E.consoleUrl}/api/v1`,
    maxRetries: 0,
    fetch: freshFetch,
  });
  await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] });
  await expect
    .poll(async () => {
      const r = (await (await get(alice, `/api/usage?${range()}&group=model`)).json()) as UsageReport;
      return r.rows.find((x) => x.key === "gpt-4o-mini")?.costMicros ?? 0;
    })
    .toBeGreaterThan(0);

  cli("ledger:seed", "--rows", "2000", "--days", "30", "--emails", `${alice.email},${bob.email}`);

  const mine = (await (await get(alice, `/api/usage?${range()}&group=user`)).json()) as UsageReport;
  expect(mine.keys).toEqual([{ key: alice.id, label: alice.email }]);
  expect(mine.totals.requests).toBe(1001);
  expect(mine.totals.estimated).toBeGreaterThan(0);

  const refused = await get(bob, `/api/usage?${range()}&user=${alice.id}`);
  expect(refused.status).toBe(403);
  const bad = await get(bob, "/api/usage?from=2026-11-02&to=2026-11-01");
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { param: string } }).error.param).toBe("from");

  const byToken = (await (
    await get(alice, `/api/usage?${range()}&group=token&bucket=day`)
  ).json()) as UsageReport;
  const csv = await get(alice, `/api/usage?${range()}&group=token&bucket=day&format=csv`);
  expect(csv.headers.get("content-type")).toContain("text/csv");
  const parsed = Papa.parse<Record<string, string>>(await csv.text(), { header: true, skipEmptyLines: true });
  expect(parsed.data.map((r) => [r.bucket, r.key || null, Number(r.requests), Number(r.costMicros)])).toEqual(
    byToken.rows.map((r) => [r.bucket, r.key, r.requests, r.costMicros]),
  );

  const prices = (await (
    await get(alice, "/api/prices?models=gpt-4o-mini,gpt-image-1,no-such-model")
  ).json()) as {
    data: PriceTable;
  };
  expect(prices.data["gpt-4o-mini"]).toMatchObject({ source: "catalogue", sourceName: "Model catalogue" });
  expect(prices.data["gpt-image-1"]?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(prices.data["no-such-model"]).toBeNull();

  const since = new Date(Date.now() - 31 * DAY).toISOString().slice(0, 10);
  const viaCli = JSON.parse(cli("usage", "--since", since, "--email", bob.email, "--json")) as UsageReport;
  expect(viaCli.totals.requests).toBe(1000);
});
