import { errors } from "@/lib/errors";
import { requirePrincipal } from "@/lib/server/auth/request";
import { json, route } from "@/lib/server/http";
import { priceTable } from "@/lib/server/pricing";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_MODELS = 200;

export const GET = route(async (req) => {
  await requirePrincipal(req);
  const raw = new URL(req.url).searchParams.get("models") ?? "";
  const models = [
    ...new Set(
      raw
        .split(",")
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
  if (models.length === 0) throw errors.badRequest("Name one or more models: ?models=a,b", "models");
  if (models.length > MAX_MODELS) throw errors.badRequest(`At most ${MAX_MODELS} models.`, "models");
  if (models.some((m) => m.length > 200)) throw errors.badRequest("A model id is too long.", "models");
  return json({ data: await priceTable(models) });
});
