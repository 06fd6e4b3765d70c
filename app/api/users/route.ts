import { createUserSchema } from "@/lib/schemas";
import { requireAdmin } from "@/lib/server/auth/request";
import { createUser, listUsers } from "@/lib/server/auth/users";
import { json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  await requireAdmin(req);
  return json({ data: await listUsers() });
});

export const POST = route(async (req) => {
  await requireAdmin(req);
  const body = await parseBody(req, createUserSchema);
  return json({ user: await createUser(body) }, { status: 201 });
});
