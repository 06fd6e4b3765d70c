"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFiles } from "@/components/queries/use-files";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import type { HostBodyLimit } from "@/lib/files/limits";
import { formatBytes } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { AddFilesDialog } from "./add-files-dialog";
import { parseAttributes, type StoreFile, type StoreFileContent, useStoreFiles } from "./api";

const TONE: Record<StoreFile["status"], string> = {
  in_progress: "text-warning",
  completed: "text-success",
  failed: "text-danger",
  cancelled: "text-muted",
};

export interface StoreFilesProps {
  storeId: string;
  expired: boolean;
  /** Why this user may not change the store (the owner rule), or null when they may. */
  locked: string | null;
  hostBodyLimit: HostBodyLimit;
}

/** A store's files with live status (polled while any is processing), attributes, content and removal. */
export function StoreFiles({ storeId, expired, locked, hostBodyLimit }: StoreFilesProps) {
  const qc = useQueryClient();
  const files = useStoreFiles(storeId);
  const all = useFiles("");
  const names = new Map(all.files.map((f) => [f.id, f.filename]));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StoreFile | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.vectorStoreFiles(storeId) });
    void qc.invalidateQueries({ queryKey: queryKeys.vectorStores });
  };
  const detach = useMutation<unknown, ApiError, string>({
    mutationFn: (fid) => apiFetch(`/api/v1/vector_stores/${storeId}/files/${fid}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const list = files.data?.data ?? [];
  return (
    <div className="space-y-2" data-testid="store-files">
      <div className="flex items-center justify-between">
        <p className="text-muted text-xs">
          {files.isFetching && list.some((f) => f.status === "in_progress")
            ? "Processing… (checking every second)"
            : `${list.length} files`}
        </p>
        <Button
          onClick={() => setAdding(true)}
          disabled={expired || locked !== null}
          title={locked ?? undefined}
          data-testid="add-files"
        >
          Add files
        </Button>
      </div>
      {files.error && <p className="text-danger text-xs">{files.error.message}</p>}
      {detach.error && <p className="text-danger text-xs">{detach.error.message}</p>}
      <ul className="divide-y divide-border rounded-md border border-border">
        {list.length === 0 && <li className="p-3 text-muted text-sm">No files in this store yet.</li>}
        {list.map((f) => (
          <li
            key={f.id}
            className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm"
            data-testid="store-file"
            data-status={f.status}
          >
            <span className="min-w-0 flex-1 truncate">{names.get(f.id) ?? f.id}</span>
            <span className={`text-xs ${TONE[f.status]}`} data-testid="store-file-status">
              {f.status.replace("_", " ")}
            </span>
            <span className="text-muted text-xs tabular-nums">{formatBytes(f.usage_bytes)}</span>
            {f.attributes && Object.keys(f.attributes).length > 0 && (
              <span className="max-w-48 truncate font-mono text-[11px] text-muted">
                {JSON.stringify(f.attributes)}
              </span>
            )}
            <Button variant="ghost" size="sm" onClick={() => setEditing(f)} disabled={locked !== null}>
              Attributes
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setViewing(f.id)}
              disabled={f.status !== "completed"}
            >
              Content
            </Button>
            <Button
              variant="ghost"
              size="sm"
              className="text-danger"
              onClick={() => detach.mutate(f.id)}
              disabled={locked !== null}
              aria-label={`Remove ${names.get(f.id) ?? f.id} from the store`}
            >
              Remove
            </Button>
            {f.last_error && (
              <p className="w-full text-danger text-xs" data-testid="store-file-error">
                {f.last_error.code}: {f.last_error.message}
              </p>
            )}
          </li>
        ))}
      </ul>
      {adding && (
        <AddFilesDialog
          storeId={storeId}
          attached={new Set(list.map((f) => f.id))}
          hostBodyLimit={hostBodyLimit}
          onClose={() => setAdding(false)}
          onAdded={refresh}
        />
      )}
      {editing && (
        <AttributesDialog
          storeId={storeId}
          file={editing}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      )}
      {viewing && (
        <ContentDialog
          storeId={storeId}
          fileId={viewing}
          name={names.get(viewing) ?? viewing}
          onClose={() => setViewing(null)}
        />
      )}
    </div>
  );
}

function AttributesDialog({
  storeId,
  file,
  onClose,
  onSaved,
}: {
  storeId: string;
  file: StoreFile;
  onClose(): void;
  onSaved(): void;
}) {
  const [text, setText] = useState(JSON.stringify(file.attributes ?? {}, null, 2));
  const parsed = parseAttributes(text);
  const save = useMutation<unknown, ApiError>({
    mutationFn: () =>
      apiFetch(`/api/v1/vector_stores/${storeId}/files/${file.id}`, {
        body: { attributes: parsed.ok ? parsed.value : {} },
      }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <Dialog
      title="File attributes"
      description="Used by search filters. Up to 16 keys; values are strings, numbers or booleans."
      onClose={onClose}
      size="md"
    >
      <label htmlFor="attributes" className="sr-only">
        Attributes (JSON)
      </label>
      <textarea
        id="attributes"
        rows={8}
        className="input h-auto w-full py-2 font-mono text-xs"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      {!parsed.ok && <p className="text-danger text-xs">{parsed.message}</p>}
      {save.error && <p className="text-danger text-xs">{save.error.message}</p>}
      <div className="flex justify-end">
        <Button
          variant="primary"
          disabled={!parsed.ok || save.isPending}
          onClick={() => save.mutate()}
          data-testid="save-attributes"
        >
          Save
        </Button>
      </div>
    </Dialog>
  );
}

function ContentDialog({
  storeId,
  fileId,
  name,
  onClose,
}: {
  storeId: string;
  fileId: string;
  name: string;
  onClose(): void;
}) {
  const q = useQuery({
    queryKey: queryKeys.vectorStoreFileContent(storeId, fileId),
    queryFn: ({ signal }) =>
      apiFetch<StoreFileContent>(`/api/v1/vector_stores/${storeId}/files/${fileId}/content`, { signal }),
  });
  const parts = q.data?.data ?? q.data?.content ?? [];
  return (
    <Dialog
      title={`Parsed content of ${name}`}
      description="What the store indexed, as text."
      onClose={onClose}
      size="lg"
    >
      {q.isLoading && <p className="text-muted text-sm">Loading…</p>}
      {q.error && <p className="text-danger text-sm">{q.error.message}</p>}
      <pre
        className="max-h-[60vh] overflow-auto whitespace-pre-wrap rounded bg-surface-2 p-3 font-mono text-xs"
        data-testid="store-file-content"
      >
        {parts.map((p) => p.text).join("\n\n")}
      </pre>
    </Dialog>
  );
}
