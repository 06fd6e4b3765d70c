import type { Metadata } from "next";
import { SETTINGS_TABS, type SettingsTab, SettingsView } from "@/components/settings/settings-view";
import { requireUser } from "@/lib/server/auth/page";
import { upstreamInfo } from "@/lib/server/upstream";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const isAdmin = user.role === "admin";
  const asked = (await searchParams).tab;
  let tab: SettingsTab = SETTINGS_TABS.find((t) => t === asked) ?? "connection";
  // Members asking for an admin tab land on the first tab; the tab itself is not even listed for them.
  if ((tab === "users" || tab === "budgets") && !isAdmin) tab = "connection";
  // The settings page is the one place the masked key (`sk-…abcd`) is shown; never the key itself.
  return <SettingsView tab={tab} isAdmin={isAdmin} currentUserId={user.id} upstream={upstreamInfo()} />;
}
