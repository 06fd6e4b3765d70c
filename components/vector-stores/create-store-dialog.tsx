"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { queryKeys } from "@/lib/query-keys";
import { parseAttributes, type VectorStore } from "./api";

export interface StoreDraft {
  name: string;
  description: string;
  days: string;
  chunking: "auto" | "static";
  maxChunk: string;
  overlap: string;
  metadata: string;
  fileIds: string[];
}

export const EMPTY_DRAFT: StoreDraft = {
  name: "",
  description: "",
  days: "",
  chunking: "auto",
  maxChunk: "800",
  overlap: "400",
  metadata: "",
  fileIds: [],
};

/** Why the draft cannot be sent, field by field. */
function problems(d: StoreDraft): Record<string, string> {
  const p: Record<string, string> = {};
  if (d.name.length > 256) p.name = "At most 256 characters.";
  if (d.days && !(Number.isInteger(Number(d.days)) && Number(d.days) >= 1 && Number(d.days) <= 365))
    p.days = "A whole number of days from 1 to 365.";
  if (d.chunking === "static") {
    const max = Number(d.maxChunk);
    const ov = Number(d.overlap);
    if (!(Number.isInteger(max) && max >= 100 && max <= 4096)) p.maxChunk = "From 100 to 4096 tokens.";
    else if (!(Number.isInteger(ov) && ov >= 0 && ov <= max / 2))
      p.overlap = `From 0 to half the chunk size (${Math.floor(max / 2)}).`;
  }
  const meta = parseAttributes(d.metadata);
  if (!meta.ok) p.metadata = meta.message;
  else if (Object.values(meta.value).some((v) => typeof v !== "string"))
    p.metadata = "Metadata values must be strings.";
  return p;
}

export function CreateStoreDialog({
  initial,
  title,
  onClose,
  onCreated,
}: {
  initial: StoreDraft;
  title: string;
  onClose(): void;
  onCreated(store: VectorStore): void;
}) {
  const qc = useQueryClient();
  const [d, setD] = useState(initial);
  const errs = problems(d);
  const create = useMutation<VectorStore, ApiError>({
    mutationFn: () =>
      apiFetch("/api/v1/vector_stores", {
        body: {
          ...(d.name ? { name: d.name } : {}),
          ...(d.description ? { description: d.description } : {}),
          ...(d.days ? { expires_after: { anchor: "last_active_at", days: Number(d.days) } } : {}),
          ...(d.chunking === "static"
            ? {
                chunking_strategy: {
                  type: "static",
                  static: {
                    max_chunk_size_tokens: Number(d.maxChunk),
                    chunk_overlap_tokens: Number(d.overlap),
                  },
                },
              }
            : {}),
          ...(d.metadata.trim() ? { metadata: JSON.parse(d.metadata) } : {}),
          ...(d.fileIds.length ? { file_ids: d.fileIds } : {}),
        },
      }),
    onSuccess: (store) => {
      void qc.invalidateQueries({ queryKey: queryKeys.vectorStores });
      onCreated(store);
    },
  });
  const field = (
    key: keyof StoreDraft,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <label className="block space-y-1 text-xs">
      <span className="label">{label}</span>
      <input
        className="input"
        value={String(d[key])}
        onChange={(e) => setD({ ...d, [key]: e.target.value })}
        aria-invalid={errs[key] ? true : undefined}
        {...props}
      />
      {errs[key] && <span className="text-danger">{errs[key]}</span>}
    </label>
  );
  return (
    <Dialog title={title} onClose={onClose} size="md">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!Object.keys(errs).length) create.mutate();
        }}
      >
        {field("name", "Name")}
        {field("description", "Description")}
        {field("days", "Expire after days without use (empty: never)", {
          inputMode: "numeric",
          placeholder: "never",
        })}
        <fieldset className="space-y-2 text-xs">
          <legend className="label">Chunking</legend>
          <label className="mr-4 inline-flex items-center gap-1">
            <input
              type="radio"
              checked={d.chunking === "auto"}
              onChange={() => setD({ ...d, chunking: "auto" })}
            />{" "}
            auto (800 tokens, 400 overlap)
          </label>
          <label className="inline-flex items-center gap-1">
            <input
              type="radio"
              checked={d.chunking === "static"}
              onChange={() => setD({ ...d, chunking: "static" })}
            />{" "}
            static
          </label>
          {d.chunking === "static" && (
            <div className="grid grid-cols-2 gap-2">
              {field("maxChunk", "Max chunk tokens", { inputMode: "numeric" })}
              {field("overlap", "Overlap tokens", { inputMode: "numeric" })}
            </div>
          )}
        </fieldset>
        {field("metadata", 'Metadata (JSON, e.g. {"team": "search"})')}
        {d.fileIds.length > 0 && (
          <p className="text-muted text-xs">{d.fileIds.length} files will be added.</p>
        )}
        {create.error && (
          <p role="alert" className="text-danger text-xs">
            {create.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={create.isPending || Object.keys(errs).length > 0}
            data-testid="create-store-submit"
          >
            Create
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
