import Link from "next/link";
import { SECTIONS } from "@/lib/sections";

export interface ComingSoonProps {
  section: string;
}

/** A section that is in the sidebar but not built yet, saying so plainly and pointing at what works. */
export function ComingSoon({ section }: ComingSoonProps) {
  const s = SECTIONS.find((x) => x.id === section);
  return (
    <div className="mx-auto max-w-2xl space-y-5" data-testid="coming-soon">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="font-semibold text-xl">{s?.label ?? section}</h1>
          <span className="rounded-full border border-border bg-surface-2 px-2 py-0.5 font-medium text-muted text-xs">
            Not built yet
          </span>
        </div>
        {s && <p className="text-fg/80">{s.summary}</p>}
      </header>
      <section className="card space-y-3 p-4" aria-labelledby="works-today">
        <h2 id="works-today" className="font-medium">
          What works today
        </h2>
        <ol className="list-decimal space-y-2 pl-5 text-fg/80">
          <li>
            Create a personal access token in{" "}
            <Link className="text-accent underline underline-offset-2" href="/settings?tab=tokens">
              Settings → Personal access tokens
            </Link>
            .
          </li>
          <li>
            Point any OpenAI SDK at Benchtop&apos;s proxy. Every endpoint of this section already works
            through it, recorded under your name:
            <pre className="mt-1.5 overflow-x-auto rounded-md border border-border bg-surface-2 px-3 py-2 font-mono text-fg text-xs">
              {"OPENAI_BASE_URL=https://<this console>/api/v1\nOPENAI_API_KEY=bt_pat_…"}
            </pre>
          </li>
          <li>
            Check the upstream connection and stream a test message in{" "}
            <Link className="text-accent underline underline-offset-2" href="/settings?tab=connection">
              Settings → Connection
            </Link>
            .
          </li>
        </ol>
      </section>
    </div>
  );
}
