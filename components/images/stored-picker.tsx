"use client";

import { useQuery } from "@tanstack/react-query";
import { useFiles } from "@/components/queries/use-files";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { listImages } from "@/lib/images/library-client";
import { queryKeys } from "@/lib/query-keys";
import { CHECKER } from "./checker";
import { useEditInputs } from "./inputs-store";

export interface StoredPickerProps {
  source: "library" | "file";
  onClose(): void;
}

const IMAGE_FILE = /\.(png|jpe?g|webp)$/i;

/**
 * Picks an input from what is already kept: the image library (any role), or image files in Files
 * (purpose vision or user_data; an edit whose inputs are all Files is sent as JSON with `file_id`s).
 */
export function StoredPicker({ source, onClose }: StoredPickerProps) {
  return (
    <Dialog
      title={source === "library" ? "Add from the library" : "Add from Files"}
      description={
        source === "library"
          ? "Images you made, uploaded or may see in the team's library."
          : "Image files with purpose vision or user_data. When every input is a file, the edit is sent by file id."
      }
      onClose={onClose}
      size="lg"
    >
      {source === "library" ? <LibraryGrid onPicked={onClose} /> : <FilesGrid onPicked={onClose} />}
    </Dialog>
  );
}

function LibraryGrid({ onPicked }: { onPicked(): void }) {
  const add = useEditInputs((s) => s.addStored);
  const q = useQuery({
    queryKey: queryKeys.imagePicker,
    queryFn: ({ signal }) => listImages(new URLSearchParams({ limit: "60" }), signal),
    retry: false,
  });
  if (q.isLoading) return <EmptyState loading title="Loading the library" />;
  if (q.error)
    return (
      <EmptyState title="The library could not be read">
        {q.error instanceof Error ? q.error.message : String(q.error)}. Upload the image instead.
      </EmptyState>
    );
  const images = q.data?.data ?? [];
  if (!images.length)
    return <EmptyState title="No images yet">Results and uploads are kept here.</EmptyState>;
  return (
    <Grid
      items={images.map((i) => ({
        id: i.id,
        name: i.name ?? i.prompt?.slice(0, 60) ?? i.id,
        src: i.thumbnailUrl,
        detail: `${i.width}x${i.height} · ${i.role}`,
      }))}
      onPick={(id, name) => {
        void add("library", id, name);
        onPicked();
      }}
    />
  );
}

function FilesGrid({ onPicked }: { onPicked(): void }) {
  const add = useEditInputs((s) => s.addStored);
  const vision = useFiles("vision");
  const user = useFiles("user_data");
  if (vision.isLoading || user.isLoading) return <EmptyState loading title="Loading files" />;
  const files = [...vision.files, ...user.files].filter((f) => IMAGE_FILE.test(f.filename));
  if (vision.error && user.error)
    return <EmptyState title="Files could not be listed">{String(vision.error)}</EmptyState>;
  if (!files.length)
    return (
      <EmptyState title="No image files">
        Upload PNG, JPEG or WEBP files with purpose vision on the Files page.
      </EmptyState>
    );
  return (
    <Grid
      items={files.map((f) => ({
        id: f.id,
        name: f.filename,
        src: `/api/v1/files/${encodeURIComponent(f.id)}/content`,
        detail: f.purpose,
      }))}
      onPick={(id, name) => {
        void add("file", id, name);
        onPicked();
      }}
    />
  );
}

interface GridItem {
  id: string;
  name: string;
  src: string;
  detail: string;
}

function Grid({ items, onPick }: { items: GridItem[]; onPick(id: string, name: string): void }) {
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="stored-picker">
      {items.map((i) => (
        <li key={i.id}>
          <button
            type="button"
            className="flex w-full flex-col gap-1 rounded-md border border-border p-1 text-left text-[11px] hover:border-accent focus-visible:border-accent"
            onClick={() => onPick(i.id, i.name)}
          >
            <span className={`flex h-24 items-center justify-center overflow-hidden rounded ${CHECKER}`}>
              {/* biome-ignore lint/performance/noImgElement: same-origin stored bytes behind the session */}
              <img src={i.src} alt="" loading="lazy" className="max-h-full max-w-full object-contain" />
            </span>
            <span className="truncate">{i.name}</span>
            <span className="text-muted">{i.detail}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
