import { z } from "zod";
import { ASSISTANT_IMPORT_MAX_BYTES, importAssistant } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A Benchtop export, a legacy Assistants API object or a prompt object export; the format is detected. */
export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const body = await parseBody(req, z.unknown(), { maxBytes: ASSISTANT_IMPORT_MAX_BYTES });
  return json(await importAssistant(p.user, body), { status: 201 });
});
