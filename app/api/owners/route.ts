import { errors } from "@/lib/errors";
import type { OwnedKind } from "@/lib/ownership";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, route } from "@/lib/server/http";
import { getOwnershipPolicy, ownershipFor } from "@/lib/server/ownership";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Not `model`: no owner is recorded for one, and no page asks.
const KINDS: OwnedKind[] = ["file", "vector_store", "fine_tuning_job"];
const NOUN: Record<Exclude<OwnedKind, "model">, string> = {
  file: "file",
  vector_store: "vector store",
  fine_tuning_job: "fine-tuning job",
};

/** `?kind=file&ids=file-a,file-b` → each object's owner and whether the caller may delete or change it. */
export const GET = route(async (req) => {
  const { user } = await requirePrincipal(req);
  const params = new URL(req.url).searchParams;
  const kind = params.get("kind") as Exclude<OwnedKind, "model">;
  if (!KINDS.includes(kind))
    throw errors.badRequest("kind must be file, vector_store or fine_tuning_job.", "kind");
  const ids = (params.get("ids") ?? "").split(",").filter(Boolean);
  if (ids.length > 1000) throw errors.badRequest("At most 1,000 ids at a time.", "ids");
  for (const id of ids) checkId(id, NOUN[kind], "ids");
  const [data, policy] = await Promise.all([ownershipFor(user, kind, ids), getOwnershipPolicy()]);
  return json({ data, policy });
});
