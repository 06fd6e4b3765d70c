import "server-only";
import { API_SECURITY_HEADERS } from "@/lib/security-headers";
import { requirePrincipal } from "./auth/request";
import { checkId, route } from "./http";
import { getImageBytes } from "./images";

type Ctx = { params: Promise<{ id: string }> };

/**
 * The bytes of a stored image or its preview. An id's bytes never change, so the browser may keep
 * them (privately: they need the session); `?download=1` saves instead of showing.
 */
export function imageBytesRoute(which: "content" | "thumbnail") {
  return route(async (req: Request, ctx: Ctx) => {
    const p = await requirePrincipal(req);
    const id = checkId((await ctx.params).id, "image");
    const img = await getImageBytes(p.user.id, id, which);
    const download = new URL(req.url).searchParams.get("download") === "1";
    return new Response(new Uint8Array(img.bytes), {
      headers: {
        ...API_SECURITY_HEADERS,
        "content-type": img.contentType,
        "content-length": String(img.bytes.byteLength),
        "cache-control": "private, max-age=31536000, immutable",
        "content-disposition": `${download ? "attachment" : "inline"}; filename="${img.filename}"`,
      },
    });
  });
}
