import { getConfig } from "@/lib/server/config";
import { getDb } from "@/lib/server/db";
import { json } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public: for load balancers and container health checks. Says nothing secret. */
export async function GET(): Promise<Response> {
  let db: "ok" | "error" = "ok";
  try {
    await (await getDb()).query("select 1");
  } catch {
    db = "error";
  }
  const ok = db === "ok";
  return json({ ok, db, upstreamConfigured: Boolean(getConfig().openai.apiKey) }, { status: ok ? 200 : 503 });
}
