import { z } from "zod";
import { saveVersionSchema } from "@/lib/assistants/schema";
import { ASSISTANT_BODY_MAX_BYTES, readBody, saveVersion } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** A new immutable version; 409 when `baseVersion` is no longer the latest (unless `force`). */
export const POST = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "assistant");
  const body = await readBody(
    saveVersionSchema,
    await parseBody(req, z.unknown(), { maxBytes: ASSISTANT_BODY_MAX_BYTES }),
  );
  return json(await saveVersion(p.user, id, body), { status: 201 });
});
