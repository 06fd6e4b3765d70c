import type { Metadata } from "next";
import { LimitsView } from "@/components/limits/limits-view";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Limits" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const user = await requireUser();
  return <LimitsView isAdmin={user.role === "admin"} meId={user.id} />;
}
