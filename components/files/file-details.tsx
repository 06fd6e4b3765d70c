"use client";

import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import type { FileObject } from "@/components/queries/use-files";
import type { Ownership } from "@/components/queries/use-owners";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { When } from "@/components/ui/when";
import { apiRequest } from "@/lib/api-client";
import { formatBytes, formatCount, fromUnix } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";

// The table and its CSV parser load when a CSV is first previewed, not with the Files page.
const CsvPreview = lazy(() => import("./csv-preview").then((m) => ({ default: m.CsvPreview })));

const PREVIEW_BYTES = 64 * 1024;
const TEXT = /\.(txt|md|json|jsonl|csv|tsv|py|js|ts|html|xml|yaml|yml|log)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

/** The first 64 KB of a file, read from the stream and then cancelled: previews never pull whole files. */
async function head(id: string, signal: AbortSignal): Promise<{ text: string; truncated: boolean }> {
  const res = await apiRequest(`/api/v1/files/${id}/content`, { signal, accept: "*/*" });
  if (!res.body) return { text: "", truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < PREVIEW_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const truncated = size >= PREVIEW_BYTES;
  if (truncated) await reader.cancel();
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { text: new TextDecoder().decode(all.slice(0, PREVIEW_BYTES)), truncated };
}

export interface FileDetailsProps {
  file: FileObject;
  /** Undefined while it loads. */
  ownership: Ownership | undefined;
  onDelete(): void;
  onClose(): void;
}

export function FileDetails({ file, ownership, onDelete, onClose }: FileDetailsProps) {
  const isText = TEXT.test(file.filename);
  const isImage = IMAGE.test(file.filename);
  const owner = ownership?.owner;
  const preview = useQuery({
    queryKey: queryKeys.filePreview(file.id),
    queryFn: ({ signal }) => head(file.id, signal),
    enabled: isText,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const rows: [string, React.ReactNode][] = [
    [
      "ID",
      <span key="id" className="inline-flex items-center gap-1 font-mono text-xs">
        {file.id}
        <CopyButton value={file.id} />
      </span>,
    ],
    ["Size", `${formatBytes(file.bytes)} (${formatCount(file.bytes)} bytes)`],
    ["Purpose", file.purpose],
    ["Created", <When key="created" value={fromUnix(file.created_at)} relative />],
    ["Expires", <When key="expires" value={fromUnix(file.expires_at)} empty="never" relative />],
    [
      "Owner",
      owner
        ? `${owner.name || owner.email} (${owner.email})`
        : ownership
          ? "none: not created through Benchtop"
          : "…",
    ],
  ];
  return (
    <aside
      aria-label={`Details of ${file.filename}`}
      className="space-y-3 rounded-lg border border-border bg-surface p-4"
      data-testid="file-details"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 break-all font-medium">{file.filename}</h2>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close details">
          ×
        </Button>
      </div>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="min-w-0 break-words">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="flex gap-2">
        <Button
          render={
            <a
              href={`/api/v1/files/${file.id}/content`}
              download={file.filename}
              data-testid="file-download"
            />
          }
        >
          Download
        </Button>
        <Button
          variant="danger"
          onClick={onDelete}
          disabled={ownership?.allowed === false}
          aria-describedby={ownership?.reason ? "file-delete-reason" : undefined}
          data-testid="file-delete"
        >
          Delete
        </Button>
      </div>
      {ownership?.reason && (
        <p id="file-delete-reason" className="text-muted text-xs" data-testid="file-delete-reason">
          {ownership.reason}
        </p>
      )}
      {!isText && !isImage && (
        <p
          className="rounded border border-border border-dashed p-3 text-muted text-xs"
          data-testid="file-no-preview"
        >
          No preview for {kindOf(file.filename)}: Benchtop previews text, JSON Lines, CSV and images. Download
          the file to open it on your computer.
        </p>
      )}
      {isImage && (
        // biome-ignore lint/performance/noImgElement: the file's own bytes through the proxy
        <img
          src={`/api/v1/files/${file.id}/content`}
          alt={`Preview of ${file.filename}`}
          className="max-h-80 rounded border border-border"
        />
      )}
      {isText && (
        <div data-testid="file-preview">
          <h3 className="label mb-1">Preview{preview.data?.truncated ? " (first 64 KB)" : ""}</h3>
          {preview.isLoading && <p className="text-muted text-xs">Loading…</p>}
          {preview.error && <p className="text-danger text-xs">{preview.error.message}</p>}
          {preview.data && (
            <Preview name={file.filename} text={preview.data.text} truncated={preview.data.truncated} />
          )}
        </div>
      )}
    </aside>
  );
}

/** "PDF files", "ZIP files", or "this type of file" when the name has no extension. */
function kindOf(name: string): string {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1];
  return ext ? `${ext.toUpperCase()} files` : "this type of file";
}

function Preview({ name, text, truncated }: { name: string; text: string; truncated: boolean }) {
  if (/\.jsonl$/i.test(name)) {
    const lines = text.split("\n").filter(Boolean).slice(0, 200);
    return (
      <ol className="max-h-96 space-y-1 overflow-auto font-mono text-[11px]">
        {lines.map((l, i) => {
          let ok = true;
          try {
            JSON.parse(l);
          } catch {
            ok = false;
          }
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: line numbers are the identity
              key={i}
              className={`break-all rounded px-1 ${ok ? "bg-surface-2" : "bg-danger-soft text-danger"}`}
              data-valid={ok}
            >
              <span className="mr-2 text-muted">{i + 1}</span>
              {l}
            </li>
          );
        })}
      </ol>
    );
  }
  if (/\.(csv|tsv)$/i.test(name))
    return (
      <Suspense fallback={<p className="text-muted text-xs">Loading…</p>}>
        <CsvPreview
          text={text}
          delimiter={name.toLowerCase().endsWith(".tsv") ? "\t" : ","}
          truncated={truncated}
        />
      </Suspense>
    );
  return (
    <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-surface-2 p-2 font-mono text-[11px]">
      {text}
    </pre>
  );
}
