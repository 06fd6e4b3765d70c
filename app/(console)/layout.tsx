import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { requireUser } from "@/lib/server/auth/page";
import { getConfig } from "@/lib/server/config";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const keyConfigured = Boolean(getConfig().openai.apiKey);
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only rounded bg-accent px-3 py-2 text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <Sidebar user={{ name: user.name, email: user.email, role: user.role }} />
      <div className="flex min-w-0 flex-1 flex-col">
        {!keyConfigured && (
          <div
            data-testid="no-key-banner"
            role="status"
            className="border-warning/30 border-b bg-warning-soft px-6 py-2 text-sm text-warning"
          >
            No OpenAI API key is configured, so API calls will fail.{" "}
            {user.role === "admin" ? (
              <a className="font-medium underline" href="/settings?tab=connection">
                Set OPENAI_API_KEY and restart — see Settings.
              </a>
            ) : (
              "Ask an admin to set OPENAI_API_KEY."
            )}
          </div>
        )}
        <main id="main" className="flex-1 px-6 pt-14 pb-6 md:pt-6 lg:px-10">
          {children}
        </main>
      </div>
    </div>
  );
}
