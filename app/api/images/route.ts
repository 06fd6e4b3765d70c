import { errors } from "@/lib/errors";
import { IMAGE_ROLES, IMAGE_SCOPES, type ImageScope } from "@/lib/images/schema";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, readBodyBytes, route } from "@/lib/server/http";
import {
  getImageSettings,
  imageModels,
  imageTooLarge,
  listImages,
  saveBodyMaxBytes,
  saveImage,
} from "@/lib/server/images";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const short = (v: string | null, max = 256) => (v ? v.slice(0, max) : undefined);
const oneOf = <T extends string>(v: string | null, all: readonly T[], param: string): T | undefined => {
  if (!v) return undefined;
  if ((all as readonly string[]).includes(v)) return v as T;
  throw errors.badRequest(`${param} must be one of: ${all.join(", ")}.`, param);
};

/** The images the caller can see (theirs and the team's), newest first, with the models for the filter. */
export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  const sp = new URL(req.url).searchParams;
  const cursor = sp.get("cursor");
  const page = await listImages(p.user.id, {
    scope: oneOf<ImageScope>(sp.get("scope"), IMAGE_SCOPES, "scope"),
    role: oneOf(sp.get("role"), IMAGE_ROLES, "role"),
    model: short(sp.get("model")),
    q: short(sp.get("q"), 500),
    from: short(sp.get("from"), 64),
    to: short(sp.get("to"), 64),
    cursor: cursor ? checkId(cursor, "image", "cursor") : undefined,
    limit: Number(sp.get("limit")) || undefined,
  });
  return json({ ...page, models: await imageModels(p.user.id) });
});

/** Stores one image: multipart with `meta` (JSON), `image` and, for a large image, `thumbnail`. */
export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const { maxImageMb } = await getImageSettings();
  const body = await readBodyBytes(req, saveBodyMaxBytes(maxImageMb), () => imageTooLarge(maxImageMb));
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": req.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    throw errors.badRequest(
      "Send the image as multipart/form-data with parts meta, image and thumbnail.",
      null,
      "invalid_multipart",
    );
  }
  const image = form.get("image");
  if (!(image instanceof Blob))
    throw errors.badRequest("The image part is missing.", "image", "missing_image");
  const thumbnail = form.get("thumbnail");
  const metaText = form.get("meta");
  let meta: unknown;
  try {
    meta = JSON.parse(
      typeof metaText === "string" ? metaText : metaText instanceof Blob ? await metaText.text() : "",
    );
  } catch {
    throw errors.badRequest("The meta part must be JSON.", "meta", "invalid_json");
  }
  const saved = await saveImage(p.user.id, {
    meta,
    image: new Uint8Array(await image.arrayBuffer()),
    thumbnail:
      thumbnail instanceof Blob && thumbnail.size > 0 ? new Uint8Array(await thumbnail.arrayBuffer()) : null,
  });
  return json({ image: saved }, { status: 201 });
});
