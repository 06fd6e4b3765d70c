import { handleProxy } from "@/lib/server/proxy";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Long generations and large uploads; Vercel caps this at the plan's maximum.
export const maxDuration = 800;

// Under `npm start` and Docker, lib/server/node-entry.ts answers /api/v1/* before Next's router
// (see docs/performance.md); this handler serves `next dev` and serverless hosts such as Vercel.
const handler = (req: Request) => handleProxy(req);

export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const HEAD = handler;
// Answered by the proxy (405), not by Next's automatic OPTIONS.
export const OPTIONS = handler;
