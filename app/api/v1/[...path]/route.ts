import { handleProxy } from "@/lib/server/proxy";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Long generations and large uploads; Vercel caps this at the plan's maximum.
export const maxDuration = 800;

export const GET = handleProxy;
export const POST = handleProxy;
export const PUT = handleProxy;
export const PATCH = handleProxy;
export const DELETE = handleProxy;
export const HEAD = handleProxy;
