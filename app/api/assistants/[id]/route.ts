import { z } from "zod";
import { patchAssistantSchema } from "@/lib/assistants/schema";
import {
  deleteAssistant,
  getAssistant,
  patchAssistant,
  readBody,
  versionParam,
} from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The head, every version's summary and one version in full (`?version=N`, default the latest). */
export const GET = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "assistant");
  const v = new URL(req.url).searchParams.get("version");
  return json(await getAssistant(p.user, id, v ? versionParam(v, "version") : undefined));
});

/** Production version, visibility, restore: the owner or an admin. */
export const PATCH = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "assistant");
  const body = await readBody(patchAssistantSchema, await parseBody(req, z.unknown()));
  return json(await patchAssistant(p.user, id, body));
});

/** Soft delete (restorable for a while): the owner or an admin. */
export const DELETE = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "assistant");
  await deleteAssistant(p.user, id);
  return json({ id, deleted: true });
});
