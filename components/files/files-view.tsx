"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useFiles } from "@/components/queries/use-files";
import { useOwners } from "@/components/queries/use-owners";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { lazyComponent } from "@/components/ui/lazy";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { type HostBodyLimit, PURPOSES } from "@/lib/files/limits";
import { formatCount, plural } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { UploadBar } from "./upload-bar";
import { UploadPanel } from "./upload-panel";

// The details panel loads when a file is first opened, not with the page.
// The table (with its virtualiser) cannot show before the first page of files arrives, so its code
// loads alongside that request rather than with the page.
const FileTable = lazyComponent(() => import("./file-table").then((m) => m.FileTable));
const FileDetails = lazyComponent(() => import("./file-details").then((m) => m.FileDetails));

type Sort = "created-desc" | "created-asc" | "name-asc" | "size-desc" | "size-asc";

export interface FilesViewProps {
  /** The host's request-body limit, from the server's configuration (lib/files/limits.ts). */
  hostBodyLimit: HostBodyLimit;
}

export function FilesView({ hostBodyLimit }: FilesViewProps) {
  const qc = useQueryClient();
  useEffect(() => FileTable.preload(), []);
  const [purpose, setPurpose] = useState("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>("created-desc");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const q = useFiles(purpose);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const list = needle
      ? q.files.filter((f) => f.filename.toLowerCase().includes(needle) || f.id === needle)
      : [...q.files];
    const by: Record<Sort, (a: (typeof list)[number], b: (typeof list)[number]) => number> = {
      "created-desc": (a, b) => b.created_at - a.created_at,
      "created-asc": (a, b) => a.created_at - b.created_at,
      "name-asc": (a, b) => a.filename.localeCompare(b.filename),
      "size-desc": (a, b) => b.bytes - a.bytes,
      "size-asc": (a, b) => a.bytes - b.bytes,
    };
    return list.sort(by[sort]);
  }, [q.files, search, sort]);
  const owners = useOwners(
    "file",
    useMemo(() => shown.slice(0, 1000).map((f) => f.id), [shown]),
  );
  const ownership = owners.data?.data ?? {};
  // Files the rule keeps this user from deleting; the proxy would refuse them one by one.
  const blocked = [...selected].filter((id) => ownership[id] && !ownership[id].allowed);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.files });
    return qc.invalidateQueries({ queryKey: queryKeys.owners });
  };
  const remove = useMutation<unknown, ApiError, string[]>({
    mutationFn: async (ids) => {
      for (const id of ids) await apiFetch(`/api/v1/files/${id}`, { method: "DELETE" });
    },
    onSuccess: (_, ids) => {
      setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
      if (openId && ids.includes(openId)) setOpenId(null);
      setConfirm(null);
      void refresh();
    },
  });
  const open = q.files.find((f) => f.id === openId);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-semibold text-xl">Files</h1>
          <p className="text-muted text-sm">
            {formatCount(q.files.length)} loaded{q.hasNextPage ? " (more on scroll)" : ""}
          </p>
        </div>
        <UploadBar onDone={refresh} hostBodyLimit={hostBodyLimit} />
      </div>
      <UploadPanel onDone={refresh} />
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="file-search">
          Search files by name
        </label>
        <input
          id="file-search"
          className="input h-8 w-64 max-w-full"
          placeholder="Search by name or id"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          aria-label="Filter by purpose"
          className="input h-8 w-auto"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          data-testid="purpose-filter"
        >
          <option value="">All purposes</option>
          {PURPOSES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <select
          aria-label="Sort"
          className="input h-8 w-auto"
          value={sort}
          onChange={(e) => setSort(e.target.value as Sort)}
        >
          <option value="created-desc">Newest first</option>
          <option value="created-asc">Oldest first</option>
          <option value="name-asc">Name A–Z</option>
          <option value="size-desc">Largest first</option>
          <option value="size-asc">Smallest first</option>
        </select>
        {selected.size > 0 && (
          <Button
            variant="danger"
            onClick={() => setConfirm([...selected])}
            disabled={blocked.length > 0}
            data-testid="bulk-delete"
          >
            Delete {selected.size} selected
          </Button>
        )}
        {blocked.length > 0 && (
          <p className="text-muted text-xs" data-testid="bulk-delete-blocked">
            {plural(blocked.length, "selected file is", "selected files are")} not yours to delete; unselect{" "}
            {blocked.length === 1 ? "it" : "them"} or ask an admin.
          </p>
        )}
      </div>
      {q.error && (
        <p role="alert" className="text-danger text-sm">
          Could not list files: {q.error.message}
        </p>
      )}
      <div className={`grid gap-4 ${open ? "xl:grid-cols-[minmax(0,1fr)_24rem]" : ""}`}>
        {q.isLoading ? (
          <p className="text-muted text-sm">Loading files…</p>
        ) : shown.length === 0 ? (
          <p
            className="rounded-lg border border-border border-dashed p-8 text-center text-muted text-sm"
            data-testid="files-empty"
          >
            {search || purpose
              ? "No files match."
              : "No files yet. Upload one, or drop files anywhere on this page."}
          </p>
        ) : (
          <FileTable
            files={shown}
            selected={selected}
            openId={openId}
            narrow={Boolean(open)}
            owners={ownership}
            onOpen={setOpenId}
            onToggle={(id, on) =>
              setSelected((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))))
            }
            onToggleAll={(on) => setSelected(on ? new Set(shown.map((f) => f.id)) : new Set())}
            onEnd={() => q.hasNextPage && !q.isFetchingNextPage && void q.fetchNextPage()}
          />
        )}
        {open && (
          <FileDetails
            file={open}
            ownership={ownership[open.id]}
            onClose={() => setOpenId(null)}
            onDelete={() => setConfirm([open.id])}
          />
        )}
      </div>
      {confirm && (
        <Dialog
          title={confirm.length === 1 ? "Delete this file?" : `Delete ${confirm.length} files?`}
          onClose={() => setConfirm(null)}
        >
          <p className="text-sm" data-testid="delete-warning">
            Deleting a file also removes it from every vector store that uses it, so assistants stop finding
            its content. This cannot be undone.
          </p>
          {remove.error && <p className="text-danger text-xs">{remove.error.message}</p>}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setConfirm(null)}>Keep</Button>
            <Button
              variant="danger"
              onClick={() => remove.mutate(confirm)}
              disabled={remove.isPending}
              data-testid="confirm-delete"
            >
              Delete
            </Button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
