"use client";

import { useState } from "react";
import type { RunEntry } from "./store";

const SHOWN_HEADERS = /^(x-request-id|openai-|x-ratelimit-|retry-after|content-type)/;

/** Exactly what went over the wire: the request line and body sent, the status, headers and body received. */
export function Inspector({ run }: { run: RunEntry }) {
  const [tab, setTab] = useState<"request" | "response">("request");
  const headers = Object.entries(run.headers).filter(([k]) => SHOWN_HEADERS.test(k));
  return (
    <div className="rounded-lg border border-border bg-surface text-xs" data-testid="inspector">
      <div role="tablist" aria-label="Inspector" className="flex gap-1 border-border border-b px-2">
        {(["request", "response"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={`-mb-px border-b-2 px-2 py-1.5 capitalize ${tab === t ? "border-accent font-medium" : "border-transparent text-muted"}`}
          >
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="max-h-96 overflow-auto p-2 font-mono">
        {tab === "request" ? (
          <>
            <p className="text-muted">POST /v1{run.request.path}</p>
            <p className="text-muted">content-type: application/json</p>
            <p className="text-muted">authorization: (added by the console server; never shown)</p>
            <pre className="mt-2 whitespace-pre-wrap break-all" data-testid="inspector-request-body">
              {run.request.text}
            </pre>
          </>
        ) : (
          <>
            <p className="text-muted">HTTP {run.httpStatus ?? "—"}</p>
            {headers.map(([k, v]) => (
              <p key={k} data-testid="inspector-header" data-name={k}>
                <span className="text-muted">{k}:</span> {v}
              </p>
            ))}
            <pre className="mt-2 whitespace-pre-wrap break-all" data-testid="inspector-response-body">
              {run.raw || "(nothing yet)"}
            </pre>
          </>
        )}
      </div>
    </div>
  );
}
