import { imageBytesRoute } from "@/lib/server/image-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = imageBytesRoute("thumbnail");
