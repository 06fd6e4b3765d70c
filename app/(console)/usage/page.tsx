import type { Metadata } from "next";
import { UsageView } from "@/components/usage/usage-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Usage" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const user = await requireUser();
  return <UsageView isAdmin={user.role === "admin"} meId={user.id} />;
}
