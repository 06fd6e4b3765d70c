import type { Metadata } from "next";
import { type SettingsTab, SettingsView } from "@/components/settings/settings-view";
import { requireUser } from "@/lib/server/auth/page";
import { upstreamInfo } from "@/lib/server/upstream";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

const TABS: SettingsTab[] = ["connection", "tokens", "users", "appearance"];

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const isAdmin = user.role === "admin";
  const asked = (await searchParams).tab;
  let tab = (TABS.find((t) => t === asked) ?? "connection") as SettingsTab;
  if (tab === "users" && !isAdmin) tab = "connection";
  return <SettingsView tab={tab} isAdmin={isAdmin} currentUserId={user.id} upstream={upstreamInfo()} />;
}
