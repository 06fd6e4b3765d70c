import Link from "next/link";
import { SECTIONS } from "@/lib/sections";

export interface ComingSoonProps {
  section: string;
}

/** A section that is in the sidebar but not built yet, saying so plainly. */
export function ComingSoon({ section }: ComingSoonProps) {
  const s = SECTIONS.find((x) => x.id === section);
  return (
    <div className="mx-auto max-w-2xl space-y-4" data-testid="coming-soon">
      <header>
        <h1 className="font-semibold text-xl">{s?.label ?? section}</h1>
        <p className="mt-1 inline-block rounded bg-surface-2 px-2 py-0.5 text-muted text-xs">Not built yet</p>
      </header>
      <p className="text-fg/80">{s?.summary}</p>
      <div className="card space-y-2 p-4 text-sm">
        <p className="font-medium">What works today</p>
        <ul className="list-disc space-y-1 pl-5 text-fg/80">
          <li>
            Create a personal access token in{" "}
            <Link className="text-accent underline" href="/settings?tab=tokens">
              Settings → Personal access tokens
            </Link>{" "}
            and point the OpenAI SDKs at <code className="font-mono">/api/v1</code>: every endpoint of this
            section already works through Benchtop&apos;s proxy.
          </li>
          <li>
            Check the upstream connection and stream a test message in{" "}
            <Link className="text-accent underline" href="/settings?tab=connection">
              Settings → Connection
            </Link>
            .
          </li>
        </ul>
      </div>
    </div>
  );
}
