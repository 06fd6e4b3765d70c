import { ApiError } from "@/lib/errors";
import { recordRunSchema } from "@/lib/history/schema";
import { requirePrincipal } from "@/lib/server/auth/request";
import {
  deleteAllRuns,
  listRuns,
  RUN_BODY_MAX_BYTES,
  RUN_MAX_BYTES,
  recordRun,
  runFacets,
} from "@/lib/server/history";
import { checkId, json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const short = (v: string | null, max = 256) => (v ? v.slice(0, max) : undefined);

/** The caller's own runs, newest first; `q` searches input, output and model. */
export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  const sp = new URL(req.url).searchParams;
  const cursor = sp.get("cursor");
  const page = await listRuns(p.user.id, {
    q: short(sp.get("q"), 500),
    api: short(sp.get("api")),
    model: short(sp.get("model")),
    cursor: cursor ? checkId(cursor, "run", "cursor") : undefined,
    limit: Number(sp.get("limit")) || undefined,
  });
  return json({ ...page, facets: await runFacets(p.user.id) });
});

/** Records a finished playground run; `{ run: null }` when an admin has turned history off. */
export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const body = await parseBody(req, recordRunSchema, { maxBytes: RUN_BODY_MAX_BYTES }).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 413)
      throw new ApiError({
        type: "invalid_request_error",
        status: 413,
        code: "run_too_large",
        message: `This run is larger than history keeps (${RUN_MAX_BYTES / 1024 / 1024} MiB), so it was not saved. Large inline images are the usual cause.`,
      });
    throw e;
  });
  const run = await recordRun(p.user.id, body);
  return json({ run }, { status: run ? 201 : 200 });
});

/** Deletes all of the caller's runs. */
export const DELETE = route(async (req) => {
  const p = await requirePrincipal(req);
  return json({ deleted: await deleteAllRuns(p.user.id) });
});
