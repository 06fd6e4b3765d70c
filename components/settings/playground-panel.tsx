"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import type { ModelOverrides } from "@/lib/models/schema";
import { queryKeys } from "@/lib/query-keys";
import type { SharingSettingsDto } from "@/lib/types";
import { HistoryCard } from "./history-card";
import { ImagesCard } from "./images-card";
import { OwnershipCard } from "./ownership-card";

const EXAMPLE = `{
  "gpt-4o-mini": { "pricing": { "input": 0.15, "cachedInput": 0.075, "output": 0.6 } },
  "llama-3.1-70b": { "label": "Llama 3.1 70B (vLLM)", "contextWindow": 131072, "capabilities": { "tools": false } }
}`;

/** Admin switches for the playground: public share links, and corrections to the model catalogue. */
export function PlaygroundPanel({ isAdmin }: { isAdmin: boolean }) {
  return (
    <div className="space-y-5">
      <SharingCard isAdmin={isAdmin} />
      <OwnershipCard isAdmin={isAdmin} />
      <OverridesCard isAdmin={isAdmin} />
      <HistoryCard isAdmin={isAdmin} />
      <ImagesCard isAdmin={isAdmin} />
    </div>
  );
}

function SharingCard({ isAdmin }: { isAdmin: boolean }) {
  const qc = useQueryClient();
  // The choice shows at once (a controlled box would snap back until the query updates); it is put
  // back if the server refuses.
  const [pending, setPending] = useState<boolean | null>(null);
  const q = useQuery({
    queryKey: queryKeys.sharingSettings,
    queryFn: ({ signal }) => apiFetch<SharingSettingsDto>("/api/settings/sharing", { signal }),
  });
  const save = useMutation<SharingSettingsDto, ApiError, boolean>({
    mutationFn: (v) => apiFetch("/api/settings/sharing", { method: "PUT", body: { public_share_links: v } }),
    onError: () => setPending(null),
    onSuccess: (d) => {
      qc.setQueryData(queryKeys.sharingSettings, d);
      setPending(null);
    },
  });
  return (
    <Card
      title="Share links"
      description="Teammates who are signed in can always open a link they are given. Public links open without signing in."
    >
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="public-share-links"
          disabled={!isAdmin || q.isLoading || save.isPending}
          checked={pending ?? q.data?.publicShareLinks ?? false}
          onChange={(e) => {
            setPending(e.target.checked);
            save.mutate(e.target.checked);
          }}
        />
        Allow public links (anyone with the link, no sign-in)
      </label>
      {!isAdmin && <p className="mt-1 text-muted text-xs">Only admins can change this.</p>}
      {save.error && <p className="mt-1 text-danger text-xs">{save.error.message}</p>}
    </Card>
  );
}

function OverridesCard({ isAdmin }: { isAdmin: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: queryKeys.modelOverrides,
    queryFn: ({ signal }) => apiFetch<{ overrides: ModelOverrides }>("/api/settings/models", { signal }),
  });
  const [text, setText] = useState("");
  const [parseError, setParseError] = useState<string | null>(null);
  // What is saved fills the box once; it never overwrites what someone has started typing.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (q.data && !touched)
      setText(Object.keys(q.data.overrides).length ? JSON.stringify(q.data.overrides, null, 2) : "");
  }, [q.data, touched]);
  const save = useMutation<{ overrides: ModelOverrides }, ApiError, ModelOverrides>({
    mutationFn: (overrides) => apiFetch("/api/settings/models", { method: "PUT", body: overrides }),
    onSuccess: (d) => qc.setQueryData(queryKeys.modelOverrides, d),
  });
  const submit = () => {
    try {
      const parsed = text.trim() ? (JSON.parse(text) as ModelOverrides) : {};
      setParseError(null);
      save.mutate(parsed);
    } catch (e) {
      setParseError(`Not valid JSON: ${e instanceof Error ? e.message : ""}`);
    }
  };
  return (
    <Card
      title="Model catalogue overrides"
      description="Correct or extend what Benchtop knows about models: prices (USD per 1M tokens), context window, max output, capabilities. Keys are a model id or a family prefix; the longest match wins."
    >
      <label htmlFor="model-overrides" className="sr-only">
        Model overrides (JSON)
      </label>
      <textarea
        id="model-overrides"
        data-testid="model-overrides"
        rows={10}
        spellCheck={false}
        readOnly={!isAdmin}
        className="input h-auto w-full py-2 font-mono text-xs"
        placeholder={EXAMPLE}
        value={text}
        onChange={(e) => {
          setTouched(true);
          setText(e.target.value);
        }}
      />
      {(parseError || save.error) && (
        <p role="alert" className="mt-1 text-danger text-xs">
          {parseError ?? save.error?.message}
        </p>
      )}
      {save.isSuccess && !save.error && (
        <p className="mt-1 text-success text-xs">Saved; the playground uses it on next load.</p>
      )}
      {isAdmin && (
        <div className="mt-2 flex justify-end">
          <Button
            variant="primary"
            onClick={submit}
            disabled={save.isPending}
            data-testid="save-model-overrides"
          >
            Save overrides
          </Button>
        </div>
      )}
    </Card>
  );
}
