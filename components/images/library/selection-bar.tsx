"use client";

import { useState } from "react";
import { useDeleteImages, useSetImageVisibility } from "@/components/queries/use-images";
import { Button } from "@/components/ui/button";
import type { ConfirmOptions } from "@/components/ui/confirm-dialog";
import { plural } from "@/lib/format";
import { saveBlob } from "@/lib/images/download";
import { getImageBlob } from "@/lib/images/library-client";
import type { StoredImage } from "@/lib/images/schema";

export interface Viewer {
  id: string;
  role: string;
}

/** Only the owner changes who sees an image; the owner, or an admin for a team image, deletes it. */
export const canDelete = (img: StoredImage, me: Viewer) =>
  img.ownerId === me.id || (me.role === "admin" && img.visibility === "team");

/** What to do with the selected images: download as a zip, share with the team or not, delete. */
export function SelectionBar({
  selected,
  me,
  onClear,
  onSelectAll,
  confirm,
}: {
  selected: StoredImage[];
  me: Viewer;
  onClear(): void;
  onSelectAll(): void;
  /** The gallery's confirm: its dialog outlives this bar, which goes when the selection empties. */
  confirm(options: ConfirmOptions): Promise<boolean>;
}) {
  const remove = useDeleteImages();
  const visibility = useSetImageVisibility();
  const [zipping, setZipping] = useState<string | null>(null);
  const [zipError, setZipError] = useState<string | null>(null);
  const mine = selected.filter((i) => i.ownerId === me.id);
  const deletable = selected.filter((i) => canDelete(i, me));

  const download = async () => {
    setZipError(null);
    setZipping(`0 of ${selected.length}`);
    try {
      const { zipBlob, zipEntryName } = await import("@/lib/images/zip");
      const blob = await zipBlob(
        selected.map((img) => ({
          name: zipEntryName(img),
          bytes: async () => new Uint8Array(await (await getImageBlob(img.id)).arrayBuffer()),
        })),
        (n) => setZipping(`${n} of ${selected.length}`),
      );
      saveBlob(blob, `benchtop-images-${new Date().toISOString().slice(0, 10)}.zip`);
    } catch (e) {
      setZipError(e instanceof Error ? e.message : String(e));
    } finally {
      setZipping(null);
    }
  };
  const del = async () => {
    const others = selected.length - deletable.length;
    const ok = await confirm({
      title: `Delete ${plural(deletable.length, "image")}?`,
      description: `${deletable.length === 1 ? "It goes" : "They go"} for good; images made from ${deletable.length === 1 ? "it" : "them"} stay and show the link as deleted.${others ? ` ${plural(others, "selected image")} ${others === 1 ? "is" : "are"} not yours to delete and stay.` : ""}`,
      confirmLabel: "Delete",
      danger: true,
    });
    if (ok)
      remove.mutate(
        deletable.map((i) => i.id),
        { onSuccess: onClear },
      );
  };
  const error = zipError ?? remove.error?.message ?? visibility.error?.message;
  return (
    <div
      className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-md border border-border bg-surface px-3 py-2 shadow-sm"
      data-testid="library-selection"
    >
      <span className="font-medium text-sm" data-testid="library-selected-count">
        {plural(selected.length, "image")} selected
      </span>
      <Button size="sm" onClick={onSelectAll}>
        Select all shown
      </Button>
      <Button size="sm" onClick={onClear}>
        Clear
      </Button>
      <span className="flex-1" />
      <Button
        size="sm"
        variant="primary"
        pending={zipping !== null}
        onClick={() => void download()}
        data-testid="library-download"
      >
        {zipping ? `Zipping ${zipping}…` : "Download zip"}
      </Button>
      <Button
        size="sm"
        disabled={!mine.length}
        pending={visibility.isPending}
        onClick={() => {
          const toTeam = mine.some((i) => i.visibility === "private");
          visibility.mutate({ ids: mine.map((i) => i.id), visibility: toTeam ? "team" : "private" });
        }}
        title={mine.length ? undefined : "Only an image's owner changes who sees it."}
        data-testid="library-visibility"
      >
        {mine.some((i) => i.visibility === "private") || !mine.length ? "Share with team" : "Make private"}
      </Button>
      <Button
        size="sm"
        variant="danger"
        disabled={!deletable.length}
        pending={remove.isPending}
        onClick={() => void del()}
        data-testid="library-delete"
      >
        Delete
      </Button>
      {error && (
        <p role="alert" className="w-full text-danger text-xs">
          {error}
        </p>
      )}
    </div>
  );
}
