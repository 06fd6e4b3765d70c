import Link from "next/link";
import type { ReactNode } from "react";
import { NoticesBanner } from "@/components/budgets/notices-banner";
import { Providers } from "@/components/providers";
import { Sidebar } from "@/components/shell/sidebar";
import { requireUser } from "@/lib/server/auth/page";
import { getConfig } from "@/lib/server/config";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Only whether a key exists crosses to the browser; the key and its mask stay on the server.
  const keyConfigured = Boolean(getConfig().openai.apiKey);
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only rounded-md bg-accent px-3 py-2 font-medium text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <Sidebar user={{ name: user.name, email: user.email, role: user.role }} />
      <div className="flex min-w-0 flex-1 flex-col pt-12 md:pt-0">
        {!keyConfigured && (
          <div
            data-testid="no-key-banner"
            role="status"
            className="flex flex-wrap items-center gap-x-2 gap-y-1 border-warning/30 border-b bg-warning-soft px-6 py-2 text-sm text-warning lg:px-10"
          >
            <span className="font-medium">No OpenAI API key is configured.</span>
            <span>
              Calls to OpenAI will fail until an admin sets <code className="font-mono">OPENAI_API_KEY</code>{" "}
              in the server&apos;s environment and restarts Benchtop.
            </span>
            {user.role === "admin" && (
              <Link className="font-medium underline underline-offset-2" href="/settings?tab=connection">
                Open connection settings
              </Link>
            )}
          </div>
        )}
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-10">
          <Providers>
            <NoticesBanner />
            {children}
          </Providers>
        </main>
      </div>
    </div>
  );
}
