import Link from "next/link";
import type { UpstreamInfo } from "@/lib/types";
import { ThemeSelect } from "../shell/theme-select";
import { ConnectionPanel } from "./connection-panel";
import { TokensPanel } from "./tokens-panel";
import { UsersPanel } from "./users-panel";

export type SettingsTab = "connection" | "tokens" | "users" | "appearance";

export interface SettingsViewProps {
  tab: SettingsTab;
  isAdmin: boolean;
  currentUserId: string;
  upstream: UpstreamInfo;
}

const LABELS: Record<SettingsTab, string> = {
  connection: "Connection",
  tokens: "Personal access tokens",
  users: "Users",
  appearance: "Appearance",
};

export function SettingsView({ tab, isAdmin, currentUserId, upstream }: SettingsViewProps) {
  const tabs = (Object.keys(LABELS) as SettingsTab[]).filter((t) => t !== "users" || isAdmin);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="font-semibold text-xl">Settings</h1>
      <nav aria-label="Settings" className="flex gap-1 border-border border-b">
        {tabs.map((t) => (
          <Link
            key={t}
            href={`/settings?tab=${t}`}
            data-testid={`settings-tab-${t}`}
            aria-current={t === tab ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${t === tab ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg"}`}
          >
            {LABELS[t]}
          </Link>
        ))}
      </nav>
      {tab === "connection" && <ConnectionPanel upstream={upstream} />}
      {tab === "tokens" && <TokensPanel />}
      {tab === "users" && isAdmin && <UsersPanel currentUserId={currentUserId} />}
      {tab === "appearance" && (
        <section className="card max-w-sm p-4">
          <h2 className="mb-2 font-medium">Appearance</h2>
          <ThemeSelect />
        </section>
      )}
    </div>
  );
}
