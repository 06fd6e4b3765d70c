import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDb } from "@/test/db";
import { flushLedger, type LedgerEntry, recentLedger, record } from "./ledger";

let cleanup: () => Promise<void>;
let db: Awaited<ReturnType<typeof useFreshDb>>["db"];
beforeAll(async () => {
  ({ db, cleanup } = await useFreshDb());
});
afterAll(() => cleanup());

const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
  at: new Date(),
  userId: null,
  tokenId: null,
  method: "POST",
  path: "/v1/images/edits",
  model: null,
  status: 200,
  durationMs: 1,
  ttfbMs: null,
  upstreamRequestId: null,
  stream: false,
  aborted: false,
  errorType: null,
  errorCode: null,
  usage: null,
  requestBytes: 0,
  responseBytes: 0,
  ...over,
});

describe("ledger", () => {
  // Postgres and PGlite refuse NUL in text: one such value used to lose its whole batch.
  it("writes a batch whose text values carry control characters, without them", async () => {
    record(entry({ model: "gpt-4o" }));
    record(entry({ model: "gpt-image-1\u0000x", errorCode: "bad\u0000code", errorType: "t\u0001" }));
    await flushLedger();
    const rows = await recentLedger({ path: "/v1/images/edits" });
    expect(rows.map((r) => r.model).sort()).toEqual(["gpt-4o", "gpt-image-1x"]);
    const codes = await db.query<{ error_code: string; error_type: string }>(
      "select error_code, error_type from ledger where error_code is not null",
    );
    expect(codes).toEqual([{ error_code: "badcode", error_type: "t" }]);
  });
});
