import { errors } from "@/lib/errors";
import { requirePrincipal } from "@/lib/server/auth/request";
import { uploadersOf } from "@/lib/server/files";
import { checkId, json, route } from "@/lib/server/http";
import { flushLedger } from "@/lib/server/ledger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `?ids=file-a,file-b` → who uploaded each through Benchtop. */
export const GET = route(async (req) => {
  await requirePrincipal(req);
  const ids = (new URL(req.url).searchParams.get("ids") ?? "").split(",").filter(Boolean);
  if (ids.length > 1000) throw errors.badRequest("At most 1,000 ids at a time.", "ids");
  for (const id of ids) checkId(id, "file", "ids");
  // A file uploaded a moment ago may still be in the ledger's write queue.
  await flushLedger();
  return json({ data: await uploadersOf(ids) });
});
