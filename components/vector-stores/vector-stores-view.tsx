"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import { type Ownership, useOwners } from "@/components/queries/use-owners";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { lazyComponent } from "@/components/ui/lazy";
import { usePrompt } from "@/components/ui/prompt-dialog";
import { Tabs } from "@/components/ui/tabs";
import { When } from "@/components/ui/when";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import type { HostBodyLimit } from "@/lib/files/limits";
import { formatBytes, fromUnix } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { listStoreFiles, useStoreFiles, useStores, type VectorStore } from "./api";
import { CreateStoreDialog, EMPTY_DRAFT, type StoreDraft } from "./create-store-dialog";
import { OwnerBadge, OwnerLine } from "./store-owner";

// A store's files and search load when a store is first opened, not with the page.
const StoreFiles = lazyComponent(() => import("./store-files").then((m) => m.StoreFiles));
const StoreSearch = lazyComponent(() => import("./store-search").then((m) => m.StoreSearch));

const STORE_TABS = [
  { id: "files" as const, label: "files" },
  { id: "search" as const, label: "search" },
];

const STATUS: Record<VectorStore["status"], string> = {
  completed: "text-success",
  in_progress: "text-warning",
  expired: "text-danger",
};

export function VectorStoresView({ hostBodyLimit }: { hostBodyLimit: HostBodyLimit }) {
  const stores = useStores();
  const [openId, setOpenId] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ title: string; initial: StoreDraft } | null>(null);
  const list = stores.data?.data ?? [];
  const open = list.find((s) => s.id === openId) ?? null;
  const owners = useOwners(
    "vector_store",
    useMemo(() => list.map((s) => s.id), [list]),
  );
  const ownership = owners.data?.data ?? {};
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-semibold text-xl">Vector stores</h1>
          <p className="text-muted text-sm">
            Files chunked and indexed for file search. Processing is shown live.
          </p>
        </div>
        <Button
          variant="primary"
          onClick={() => setDraft({ title: "New vector store", initial: EMPTY_DRAFT })}
          data-testid="new-store"
        >
          New vector store
        </Button>
      </div>
      {stores.error && (
        <p className="text-danger text-sm">Could not list vector stores: {stores.error.message}</p>
      )}
      <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <ul className="space-y-2 self-start" aria-label="Vector stores" data-testid="store-list">
          {stores.isSuccess && list.length === 0 && (
            <li className="rounded-lg border border-border border-dashed p-6 text-center text-muted text-sm">
              No vector stores yet.
            </li>
          )}
          {list.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => setOpenId(s.id)}
                aria-current={openId === s.id || undefined}
                className={`w-full rounded-lg border p-3 text-left text-sm ${openId === s.id ? "border-accent bg-accent-soft" : "border-border bg-surface hover:bg-surface-2"}`}
                data-testid="store-item"
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{s.name || s.id}</span>
                  <span className={`text-xs ${STATUS[s.status]}`} data-testid="store-status">
                    {s.status.replace("_", " ")}
                  </span>
                </span>
                <span className="mt-1 block text-muted text-xs">
                  <OwnerBadge ownership={ownership[s.id]} />
                  {s.file_counts.completed}/{s.file_counts.total} ready
                  {s.file_counts.in_progress ? ` · ${s.file_counts.in_progress} processing` : ""}
                  {s.file_counts.failed ? ` · ${s.file_counts.failed} failed` : ""} ·{" "}
                  {formatBytes(s.usage_bytes)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {open ? (
          <StoreDetails
            store={open}
            ownership={ownership[open.id]}
            hostBodyLimit={hostBodyLimit}
            onDeleted={() => setOpenId(null)}
            onRecreate={(initial) => setDraft({ title: "Recreate vector store", initial })}
          />
        ) : (
          <p className="text-muted text-sm">Pick a store to see its files and try searches.</p>
        )}
      </div>
      {draft && (
        <CreateStoreDialog
          title={draft.title}
          initial={draft.initial}
          onClose={() => setDraft(null)}
          onCreated={(s) => {
            setDraft(null);
            setOpenId(s.id);
          }}
        />
      )}
    </div>
  );
}

function StoreDetails({
  store: s,
  ownership,
  hostBodyLimit,
  onDeleted,
  onRecreate,
}: {
  store: VectorStore;
  ownership: Ownership | undefined;
  hostBodyLimit: HostBodyLimit;
  onDeleted(): void;
  onRecreate(d: StoreDraft): void;
}) {
  const qc = useQueryClient();
  const [tab, setTab] = useState<"files" | "search">("files");
  const files = useStoreFiles(s.id);
  const rename = useMutation<unknown, ApiError, string>({
    mutationFn: (name) => apiFetch(`/api/v1/vector_stores/${s.id}`, { body: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.vectorStores }),
  });
  const remove = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/vector_stores/${s.id}`, { method: "DELETE" }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.vectorStores });
      onDeleted();
    },
  });
  const [ask, promptDialog] = usePrompt();
  const [confirm, confirmDialog] = useConfirm();
  const c = s.file_counts;
  const locked = ownership?.reason ?? null;
  return (
    <section
      aria-label={`Vector store ${s.name ?? s.id}`}
      className="space-y-3 rounded-lg border border-border bg-surface p-4"
      data-testid="store-details"
    >
      {promptDialog}
      {confirmDialog}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="truncate font-medium text-lg">{s.name || "(unnamed)"}</h2>
          <p className="flex items-center gap-1 font-mono text-muted text-xs">
            {s.id} <CopyButton value={s.id} />
          </p>
          {s.description && <p className="text-sm">{s.description}</p>}
          <OwnerLine ownership={ownership} />
        </div>
        <div className="flex gap-1">
          <Button
            variant="ghost"
            disabled={locked !== null}
            onClick={async () => {
              const name = await ask({
                title: "Rename vector store",
                label: "Name",
                initialValue: s.name ?? "",
                confirmLabel: "Rename",
              });
              if (name !== null) rename.mutate(name);
            }}
          >
            Rename
          </Button>
          <Button
            variant="danger"
            onClick={async () => {
              const ok = await confirm({
                title: `Delete “${s.name || s.id}”?`,
                description: "Its files stay in Files.",
                confirmLabel: "Delete",
                danger: true,
              });
              if (ok) remove.mutate();
            }}
            disabled={locked !== null}
            data-testid="delete-store"
          >
            Delete
          </Button>
        </div>
      </div>
      {s.status === "expired" && (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm"
          data-testid="store-expired"
        >
          <span className="text-danger">
            This store expired after {s.expires_after?.days} days without use; file search against it fails.
          </span>
          <Button
            size="sm"
            onClick={async () => {
              // Read the list now: the one on screen may still be loading.
              const current = await listStoreFiles(s.id).catch(() => files.data);
              onRecreate({
                ...EMPTY_DRAFT,
                name: s.name ?? "",
                description: s.description ?? "",
                days: s.expires_after ? String(s.expires_after.days) : "",
                fileIds: (current?.data ?? []).map((f) => f.id),
              });
            }}
            data-testid="recreate-store"
          >
            Recreate with the same files
          </Button>
        </div>
      )}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {(
          [
            [
              "Files",
              `${c.completed} ready · ${c.in_progress} processing · ${c.failed} failed · ${c.cancelled} cancelled`,
            ],
            ["Size", formatBytes(s.usage_bytes)],
            ["Last active", <When key="active" value={fromUnix(s.last_active_at)} relative />],
            [
              "Expires",
              s.expires_after ? (
                <>
                  {s.expires_after.days} days after last use
                  {s.expires_at && (
                    <>
                      {" "}
                      (<When value={fromUnix(s.expires_at)} relative />)
                    </>
                  )}
                </>
              ) : (
                "never"
              ),
            ],
          ] as [string, ReactNode][]
        ).map(([k, v]) => (
          <div key={k} className={k === "Files" ? "col-span-2" : ""}>
            <dt className="text-muted text-xs">{k}</dt>
            <dd data-testid={`store-${k?.toLowerCase().replace(" ", "-")}`}>{v}</dd>
          </div>
        ))}
      </dl>
      {locked && (
        <p className="text-muted text-xs" data-testid="store-locked">
          {locked}
        </p>
      )}
      {(rename.error || remove.error) && (
        <p className="text-danger text-xs">{(rename.error ?? remove.error)?.message}</p>
      )}
      <Tabs
        label="Store"
        items={STORE_TABS}
        value={tab}
        onValueChange={setTab}
        listClassName="mx-0 px-0 capitalize"
      >
        {tab === "files" ? (
          <StoreFiles
            storeId={s.id}
            expired={s.status === "expired"}
            locked={locked}
            hostBodyLimit={hostBodyLimit}
          />
        ) : (
          <StoreSearch storeId={s.id} />
        )}
      </Tabs>
    </section>
  );
}
