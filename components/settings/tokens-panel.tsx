"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { TableHead } from "@/components/ui/table-head";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { TokenDto } from "@/lib/types";

const EXPIRY: { value: string; label: string; days: number | null }[] = [
  { value: "30", label: "30 days", days: 30 },
  { value: "7", label: "7 days", days: 7 },
  { value: "90", label: "90 days", days: 90 },
  { value: "365", label: "1 year", days: 365 },
  { value: "never", label: "No expiry", days: null },
];

function status(t: TokenDto): { label: string; tone: "success" | "danger" | "neutral" } {
  if (t.revokedAt) return { label: "revoked", tone: "neutral" };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: "expired", tone: "danger" };
  return { label: "active", tone: "success" };
}

const date = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" }) : "—";

export function TokensPanel() {
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: queryKeys.tokens,
    queryFn: () => apiFetch<{ data: TokenDto[] }>("/api/tokens"),
  });
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const create = useMutation({
    mutationFn: (v: { name: string; expires_at: string | null }) =>
      apiFetch<{ token: string; info: TokenDto }>("/api/tokens", { body: v }),
    onSuccess: (r) => {
      setCreated({ token: r.token, name: r.info.name });
      void qc.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.tokens }),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const days = EXPIRY.find((x) => x.value === f.get("expiry"))?.days ?? null;
    create.mutate({
      name: String(f.get("name") ?? ""),
      expires_at: days ? new Date(Date.now() + days * 86_400_000).toISOString() : null,
    });
    e.currentTarget.reset();
  }

  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <div className="space-y-6">
      <section className="card space-y-3 p-4">
        <div>
          <h2 className="font-medium">Create a personal access token</h2>
          <p className="text-muted text-xs">
            Use it as the API key of any OpenAI SDK pointed at Benchtop. Calls are recorded under your name.
          </p>
        </div>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-56 flex-1 flex-col gap-1">
            <span className="label">Name</span>
            <input
              name="name"
              required
              maxLength={100}
              placeholder="e.g. laptop scripts"
              className="input"
              data-testid="token-name"
            />
          </label>
          <label className="flex flex-col gap-1">
            <span className="label">Expires</span>
            <select name="expiry" className="input w-36" data-testid="token-expiry" defaultValue="30">
              {EXPIRY.map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="token-create"
            disabled={create.isPending}
          >
            Create token
          </button>
        </form>
        {create.error && <Alert tone="danger">{create.error.message}</Alert>}
        {created && (
          <Alert
            tone="success"
            title={`Token “${created.name}” created. Copy it now: it will not be shown again.`}
          >
            <div className="mt-2 flex items-center gap-2">
              <code
                data-testid="token-secret"
                className="min-w-0 flex-1 break-all rounded bg-surface px-2 py-1 font-mono text-fg text-xs"
              >
                {created.token}
              </code>
              <CopyButton value={created.token} />
            </div>
            <pre className="mt-2 overflow-x-auto rounded bg-surface px-2 py-1 font-mono text-fg text-xs">
              {`export OPENAI_BASE_URL=${origin}/api/v1\nexport OPENAI_API_KEY=${created.token}`}
            </pre>
          </Alert>
        )}
      </section>

      <section className="card">
        <h2 className="border-border border-b px-4 py-3 font-medium">Your tokens</h2>
        {tokens.isPending && <p className="p-4 text-muted">Loading…</p>}
        {tokens.error && (
          <div className="p-4">
            <Alert tone="danger">{tokens.error.message}</Alert>
          </div>
        )}
        {tokens.data?.data.length === 0 && <p className="p-4 text-muted">No tokens yet.</p>}
        {revoke.error && (
          <div className="p-4">
            <Alert tone="danger">{revoke.error.message}</Alert>
          </div>
        )}
        {Boolean(tokens.data?.data.length) && (
          <table className="w-full text-left text-sm">
            <TableHead columns={["Name", "Token", "Created", "Last used", "Expires", "Status", ""]} />
            <tbody>
              {tokens.data?.data.map((t) => {
                const s = status(t);
                return (
                  <tr
                    key={t.id}
                    data-testid="token-row"
                    data-token-id={t.id}
                    className="border-border border-t"
                  >
                    <td className="px-4 py-2 font-medium">{t.name}</td>
                    <td className="px-4 py-2 font-mono text-xs">{t.displayPrefix}</td>
                    <td className="px-4 py-2">{date(t.createdAt)}</td>
                    <td className="px-4 py-2">{date(t.lastUsedAt)}</td>
                    <td className="px-4 py-2">{t.expiresAt ? date(t.expiresAt) : "never"}</td>
                    <td className="px-4 py-2">
                      <Badge tone={s.tone}>{s.label}</Badge>
                    </td>
                    <td className="px-4 py-2 text-right">
                      {!t.revokedAt && (
                        <button
                          type="button"
                          className="btn btn-danger h-7"
                          data-testid="token-revoke"
                          aria-label={`Revoke token ${t.name}`}
                          onClick={() => {
                            if (window.confirm(`Revoke “${t.name}”? Scripts using it stop working at once.`))
                              revoke.mutate(t.id);
                          }}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
