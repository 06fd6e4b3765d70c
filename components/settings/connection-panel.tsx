"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { StreamTest } from "@/components/diagnostics/stream-test";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { ConnectionCheck, UpstreamInfo } from "@/lib/types";
import { ConnectionResult } from "./connection-result";

export interface ConnectionPanelProps {
  upstream: UpstreamInfo;
  isAdmin: boolean;
}

export function ConnectionPanel({ upstream, isAdmin }: ConnectionPanelProps) {
  const check = useMutation({
    mutationFn: () => apiFetch<ConnectionCheck>("/api/settings/connection-check", { method: "POST" }),
  });
  const models = useQuery({
    queryKey: queryKeys.models,
    queryFn: ({ signal }) => apiFetch<{ data: { id: string }[] }>("/api/v1/models", { signal }),
    enabled: upstream.keyConfigured,
    retry: false,
  });
  return (
    <div className="space-y-5">
      <Card
        title="Upstream"
        description="Read from the server's environment at start-up. The key itself never leaves the server."
      >
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[9rem_1fr]">
          <Row label="Base URL">
            <code className="font-mono" data-testid="upstream-base-url">
              {upstream.baseUrl}
            </code>
          </Row>
          <Row label="Host">
            <code className="font-mono">{upstream.host}</code>
          </Row>
          <Row label="API key">
            {upstream.keyMasked ? (
              <code className="font-mono" data-testid="upstream-key-masked">
                {upstream.keyMasked}
              </code>
            ) : (
              <span data-testid="upstream-key-masked" className="text-warning">
                Not configured.{" "}
                {isAdmin
                  ? "Set OPENAI_API_KEY in the server's environment (Docker: -e OPENAI_API_KEY=…) and restart Benchtop."
                  : "Ask an admin to set OPENAI_API_KEY and restart Benchtop."}
              </span>
            )}
          </Row>
          <Row label="Organization">
            {upstream.orgId ? (
              <code className="font-mono">{upstream.orgId}</code>
            ) : (
              <span className="text-muted">Key default (OPENAI_ORG_ID not set)</span>
            )}
          </Row>
          <Row label="Project">
            {upstream.projectId ? (
              <code className="font-mono">{upstream.projectId}</code>
            ) : (
              <span className="text-muted">Key default (OPENAI_PROJECT_ID not set)</span>
            )}
          </Row>
          <Row label="Admin key">
            {upstream.adminKeyConfigured ? (
              <Badge tone="success">configured</Badge>
            ) : (
              <span className="text-muted">
                <Badge>not configured</Badge> Organization usage and costs from OpenAI are unavailable without
                OPENAI_ADMIN_KEY.
              </span>
            )}
          </Row>
        </dl>
      </Card>

      <Card
        title="Connection check"
        description="Lists models with the server's key and explains any failure."
        actions={
          <Button
            variant="primary"
            data-testid="connection-check"
            pending={check.isPending}
            onClick={() => check.mutate()}
          >
            {check.isPending ? "Checking…" : "Check connection"}
          </Button>
        }
      >
        {check.error && <Alert tone="danger">{check.error.message}</Alert>}
        {check.data && <ConnectionResult result={check.data} host={upstream.host} />}
        {!check.data && !check.error && (
          <p className="text-muted text-xs">No check run yet in this session.</p>
        )}
      </Card>

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
      <dd className="min-w-0 break-all max-sm:mb-1">{children}</dd>
    </>
  );
}
