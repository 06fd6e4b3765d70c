"use client";

import { useState } from "react";
import { Tabs } from "@/components/ui/tabs";
import type { RunEntry } from "./store";

const TABS = [
  { id: "request" as const, label: "request" },
  { id: "response" as const, label: "response" },
];

const SHOWN_HEADERS = /^(x-request-id|openai-|x-ratelimit-|retry-after|content-type)/;

/** Exactly what went over the wire: the request line and body sent, the status, headers and body received. */
export function Inspector({ run }: { run: RunEntry }) {
  const [tab, setTab] = useState<"request" | "response">("request");
  const headers = Object.entries(run.headers).filter(([k]) => SHOWN_HEADERS.test(k));
  return (
    <div className="rounded-lg border border-border bg-surface text-xs" data-testid="inspector">
      <Tabs
        label="Inspector"
        items={TABS}
        value={tab}
        onValueChange={setTab}
        listClassName="mx-0 px-1 capitalize"
        panelClassName="max-h-96 overflow-auto p-2 font-mono"
      >
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
      </Tabs>
    </div>
  );
}
