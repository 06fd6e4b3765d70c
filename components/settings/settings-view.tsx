import { BudgetsPanel } from "@/components/budgets/budgets-panel";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { Card } from "@/components/ui/card";
import { LinkTabs } from "@/components/ui/tabs";
import type { UpstreamInfo } from "@/lib/types";
import { ConnectionPanel } from "./connection-panel";
import { PlaygroundPanel } from "./playground-panel";
import { TokensPanel } from "./tokens-panel";
import { UsersPanel } from "./users-panel";

export type SettingsTab = "connection" | "playground" | "tokens" | "users" | "budgets" | "appearance";
export const SETTINGS_TABS: SettingsTab[] = [
  "connection",
  "playground",
  "tokens",
  "users",
  "budgets",
  "appearance",
];
const ADMIN_TABS: SettingsTab[] = ["users", "budgets"];

export interface SettingsViewProps {
  tab: SettingsTab;
  isAdmin: boolean;
  currentUserId: string;
  upstream: UpstreamInfo;
}

const LABELS: Record<SettingsTab, string> = {
  connection: "Connection",
  playground: "Models & sharing",
  tokens: "Personal access tokens",
  users: "Users",
  budgets: "Budgets & limits",
  appearance: "Appearance",
};

export function SettingsView({ tab, isAdmin, currentUserId, upstream }: SettingsViewProps) {
  const tabs = SETTINGS_TABS.filter((t) => isAdmin || !ADMIN_TABS.includes(t)).map((t) => ({
    id: t,
    label: LABELS[t],
    href: `/settings?tab=${t}`,
  }));
  return (
    <div className="mx-auto max-w-5xl space-y-5">
      <h1 className="font-semibold text-xl">Settings</h1>
      <LinkTabs label="Settings" items={tabs} current={tab} testIdPrefix="settings-tab-">
        {tab === "connection" && <ConnectionPanel upstream={upstream} isAdmin={isAdmin} />}
        {tab === "playground" && <PlaygroundPanel isAdmin={isAdmin} />}
        {tab === "tokens" && <TokensPanel />}
        {tab === "users" && isAdmin && <UsersPanel currentUserId={currentUserId} />}
        {tab === "budgets" && isAdmin && <BudgetsPanel />}
        {tab === "appearance" && (
          <Card
            title="Theme"
            description="Stored in this browser. System follows your operating system's setting."
          >
            <ThemeToggle />
          </Card>
        )}
      </LinkTabs>
    </div>
  );
}
