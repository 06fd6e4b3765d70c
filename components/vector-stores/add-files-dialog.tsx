"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useFiles } from "@/components/queries/use-files";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api-client";
import { ApiError } from "@/lib/errors";
import { checkUpload, type HostBodyLimit } from "@/lib/files/limits";
import { formatBytes } from "@/lib/format";

/**
 * Add files to a store: pick existing ones or upload new ones on the spot. One file is attached
 * directly; several go as one file batch.
 */
export function AddFilesDialog({
  storeId,
  attached,
  hostBodyLimit,
  onClose,
  onAdded,
}: {
  storeId: string;
  attached: Set<string>;
  hostBodyLimit: HostBodyLimit;
  onClose(): void;
  onAdded(): void;
}) {
  const files = useFiles("");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [search, setSearch] = useState("");
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const candidates = files.files
    .filter((f) => !attached.has(f.id) && f.filename.toLowerCase().includes(search.toLowerCase()))
    .slice(0, 300);
  const attach = useMutation<unknown, ApiError, string[]>({
    mutationFn: (ids) =>
      ids.length === 1
        ? apiFetch(`/api/v1/vector_stores/${storeId}/files`, { body: { file_id: ids[0] } })
        : apiFetch(`/api/v1/vector_stores/${storeId}/file_batches`, { body: { file_ids: ids } }),
    onSuccess: () => {
      onAdded();
      onClose();
    },
  });
  const uploadNew = async (list: File[]) => {
    setError(null);
    const ids: string[] = [];
    for (const f of list) {
      const problem = checkUpload(f, "assistants", null, hostBodyLimit);
      if (problem) {
        setError(problem);
        return;
      }
      setUploading(f.name);
      try {
        const { uploadFile } = await import("@/lib/files/upload");
        const done = await uploadFile(
          f,
          "assistants",
          null,
          { done: {}, uploadId: null },
          { onProgress: () => {} },
          new AbortController().signal,
          hostBodyLimit,
        );
        ids.push(done.id);
      } catch (e) {
        setError(e instanceof ApiError ? e.message : `Could not upload ${f.name}.`);
        setUploading(null);
        return;
      }
    }
    setUploading(null);
    void files.refetch();
    attach.mutate([...picked, ...ids]);
  };
  return (
    <Dialog
      title="Add files"
      description="Pick files already uploaded, or upload new ones (purpose: assistants)."
      onClose={onClose}
      size="md"
    >
      <input
        className="input"
        placeholder="Search files"
        aria-label="Search files to add"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ul
        className="max-h-72 divide-y divide-border overflow-y-auto rounded-md border border-border text-sm"
        data-testid="add-files-list"
      >
        {candidates.length === 0 && <li className="p-3 text-muted">No other files.</li>}
        {candidates.map((f) => (
          <li key={f.id}>
            <label className="flex items-center gap-2 px-3 py-1.5">
              <input
                type="checkbox"
                checked={picked.has(f.id)}
                onChange={(e) =>
                  setPicked((s) =>
                    e.target.checked ? new Set(s).add(f.id) : new Set([...s].filter((x) => x !== f.id)),
                  )
                }
              />
              <span className="min-w-0 flex-1 truncate">{f.filename}</span>
              <span className="text-muted text-xs">{formatBytes(f.bytes)}</span>
            </label>
          </li>
        ))}
      </ul>
      {(error || attach.error) && (
        <p role="alert" className="text-danger text-xs">
          {error ?? attach.error?.message}
        </p>
      )}
      <div className="flex items-center justify-between gap-2">
        {/* biome-ignore lint/a11y/noLabelWithoutControl: the file input inside is the control */}
        <Button variant="ghost" className="cursor-pointer" render={<label />}>
          {uploading ? `Uploading ${uploading}…` : "Upload new…"}
          <input
            type="file"
            multiple
            hidden
            data-testid="add-files-upload"
            onChange={(e) => void uploadNew([...(e.target.files ?? [])])}
          />
        </Button>
        <Button
          variant="primary"
          disabled={!picked.size || attach.isPending}
          onClick={() => attach.mutate([...picked])}
          data-testid="add-files-submit"
        >
          Add {picked.size || ""} {picked.size === 1 ? "file" : "files"}
        </Button>
      </div>
    </Dialog>
  );
}
