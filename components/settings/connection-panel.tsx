"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { StreamTest } from "@/components/diagnostics/stream-test";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { ConnectionCheck, UpstreamInfo } from "@/lib/types";

export interface ConnectionPanelProps {
  upstream: UpstreamInfo;
}

export function ConnectionPanel({ upstream }: ConnectionPanelProps) {
  const check = useMutation({
    mutationFn: () => apiFetch<ConnectionCheck>("/api/settings/connection-check", { method: "POST" }),
  });
  const models = useQuery({
    queryKey: queryKeys.models,
    queryFn: () => apiFetch<{ data: { id: string }[] }>("/api/v1/models"),
    enabled: upstream.keyConfigured,
    retry: false,
  });
  const result = check.data;
  return (
    <div className="space-y-6">
      <section className="card p-4">
        <h2 className="mb-3 font-medium">Upstream</h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
          <Row label="Base URL">
            <code className="font-mono" data-testid="upstream-base-url">
              {upstream.baseUrl}
            </code>
          </Row>
          <Row label="API key">
            {upstream.keyMasked ? (
              <code className="font-mono" data-testid="upstream-key-masked">
                {upstream.keyMasked}
              </code>
            ) : (
              <span data-testid="upstream-key-masked" className="text-warning">
                Not configured — set OPENAI_API_KEY in the server&apos;s environment and restart.
              </span>
            )}
          </Row>
          <Row label="Organization">
            {upstream.orgId ? (
              <code className="font-mono">{upstream.orgId}</code>
            ) : (
              <span className="text-muted">default</span>
            )}
          </Row>
          <Row label="Project">
            {upstream.projectId ? (
              <code className="font-mono">{upstream.projectId}</code>
            ) : (
              <span className="text-muted">default</span>
            )}
          </Row>
          <Row label="Admin key">
            {upstream.adminKeyConfigured ? (
              <Badge tone="success">configured</Badge>
            ) : (
              <span className="text-muted">not configured (organization usage and costs unavailable)</span>
            )}
          </Row>
        </dl>
        <p className="mt-3 text-muted text-xs">
          These come from the server&apos;s environment; the key itself never leaves the server.
        </p>
      </section>

      <section className="card space-y-3 p-4">
        <div className="flex items-center justify-between gap-4">
          <div>
            <h2 className="font-medium">Connection check</h2>
            <p className="text-muted text-xs">
              Lists models with the server&apos;s key and explains any failure.
            </p>
          </div>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="connection-check"
            disabled={check.isPending}
            onClick={() => check.mutate()}
          >
            {check.isPending ? "Checking…" : "Check connection"}
          </button>
        </div>
        {check.error && <Alert tone="danger">{check.error.message}</Alert>}
        {result && (
          <div data-testid="connection-result" data-ok={String(result.ok)}>
            {result.ok ? (
              <Alert tone="success" title={`Connected to ${upstream.host} in ${result.latencyMs} ms`}>
                {result.modelCount} models available
                {result.sampleModels?.length ? `, e.g. ${result.sampleModels.slice(0, 5).join(", ")}` : ""}.
                {result.requestId && (
                  <span className="block font-mono text-muted text-xs">request id {result.requestId}</span>
                )}
              </Alert>
            ) : (
              <div data-testid="connection-diagnosis">
                <Alert tone="danger" title={result.diagnosis?.title ?? "Connection failed"}>
                  <p>{result.diagnosis?.detail}</p>
                  <p className="mt-1 font-mono text-muted text-xs">
                    {result.status ? `HTTP ${result.status} · ` : ""}
                    {result.diagnosis?.code}
                    {result.requestId ? ` · request id ${result.requestId}` : ""}
                  </p>
                </Alert>
              </div>
            )}
          </div>
        )}
      </section>

      <section className="card p-4">
        <StreamTest models={(models.data?.data ?? []).map((m) => m.id).sort()} />
      </section>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </>
  );
}
