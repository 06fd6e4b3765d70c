"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { LIMITS, type TokenDto } from "@/lib/types";

const EXPIRY = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "never", label: "Never" },
  { value: "custom", label: "Custom date…" },
];

const DAY = 86_400_000;
/** `yyyy-mm-dd` in local time, as <input type="date"> wants it. */
const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

function expiresAt(choice: string, customDate: string): string | null {
  if (choice === "never") return null;
  // A custom date means "usable through that whole day" in the user's own time zone.
  if (choice === "custom") return new Date(`${customDate}T23:59:59`).toISOString();
  return new Date(Date.now() + Number(choice) * DAY).toISOString();
}

/** Creates a personal access token and shows its secret once, with a snippet for the SDKs. */
export function NewTokenForm() {
  const qc = useQueryClient();
  const [expiry, setExpiry] = useState("30");
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const create = useMutation({
    mutationFn: (v: { name: string; expires_at: string | null }) =>
      apiFetch<{ token: string; info: TokenDto }>("/api/tokens", { body: v }),
    onSuccess: (r) => {
      setCreated({ token: r.token, name: r.info.name });
      void qc.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setCreated(null);
    create.mutate(
      {
        name: String(f.get("name") ?? "").trim(),
        expires_at: expiresAt(expiry, String(f.get("expiry_date") ?? "")),
      },
      {
        onSuccess: () => {
          form.reset();
          setExpiry("30");
        },
      },
    );
  }

  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const snippet = created ? `OPENAI_BASE_URL=${origin}/api/v1 OPENAI_API_KEY=${created.token}` : "";
  const tomorrow = localDate(new Date(Date.now() + DAY));
  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-48 flex-[2_1_12rem] flex-col gap-1">
          <span className="label">Name</span>
          <input
            name="name"
            required
            maxLength={LIMITS.tokenName}
            placeholder="e.g. laptop scripts"
            className="input"
            data-testid="token-name"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="label">Expires</span>
          <select
            name="expiry"
            className="input w-40"
            data-testid="token-expiry"
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
          >
            {EXPIRY.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        {expiry === "custom" && (
          <label className="flex flex-col gap-1">
            <span className="label">Expiry date</span>
            <input
              type="date"
              name="expiry_date"
              required
              min={tomorrow}
              defaultValue={localDate(new Date(Date.now() + 60 * DAY))}
              className="input w-40"
              data-testid="token-expiry-date"
            />
          </label>
        )}
        <Button type="submit" variant="primary" data-testid="token-create" pending={create.isPending}>
          Create token
        </Button>
      </form>
      {create.error && <Alert tone="danger">{create.error.message}</Alert>}
      {created && (
        <div
          role="status"
          className="space-y-2 rounded-md border border-success/30 bg-success-soft px-3 py-2.5"
          data-testid="token-created"
        >
          <p className="font-medium text-success">Token “{created.name}” created.</p>
          <p className="text-fg/80 text-xs">
            Copy it now. It will not be shown again: Benchtop keeps only a hash of it.
          </p>
          <div className="flex items-center gap-2">
            <code
              data-testid="token-secret"
              className="min-w-0 flex-1 break-all rounded border border-border bg-surface px-2 py-1.5 font-mono text-fg text-xs"
            >
              {created.token}
            </code>
            <CopyButton value={created.token} label="Copy token" />
          </div>
          <p className="pt-1 text-fg/80 text-xs">For the OpenAI SDKs (Python, Node, curl via env):</p>
          <div className="flex items-start gap-2">
            <pre className="min-w-0 flex-1 overflow-x-auto rounded border border-border bg-surface px-2 py-1.5 font-mono text-fg text-xs">
              {snippet}
            </pre>
            <CopyButton value={snippet} label="Copy" />
          </div>
        </div>
      )}
    </div>
  );
}
