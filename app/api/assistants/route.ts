import { z } from "zod";
import { saveVersionSchema } from "@/lib/assistants/schema";
import { errors } from "@/lib/errors";
import { ASSISTANT_BODY_MAX_BYTES, createAssistant, listAssistants, readBody } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The assistants the caller can see, most recently changed first: `q`, `owner=me|all`, `deleted=1`, `cursor`. */
export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  const sp = new URL(req.url).searchParams;
  const owner = sp.get("owner");
  if (owner && owner !== "me" && owner !== "all")
    throw errors.badRequest("owner must be me or all.", "owner");
  const cursor = sp.get("cursor");
  return json(
    await listAssistants(p.user, {
      q: sp.get("q")?.slice(0, 500) || undefined,
      owner: owner === "me" ? "me" : "all",
      deleted: sp.get("deleted") === "1" || sp.get("deleted") === "true",
      cursor: cursor ? checkId(cursor, "assistant", "cursor") : undefined,
      limit: Number(sp.get("limit")) || undefined,
    }),
  );
});

/** A new assistant with its first version. */
export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const body = await readBody(
    saveVersionSchema,
    await parseBody(req, z.unknown(), { maxBytes: ASSISTANT_BODY_MAX_BYTES }),
  );
  return json(await createAssistant(p.user, body), { status: 201 });
});
