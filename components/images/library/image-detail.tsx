"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeleteImages, useImage, useSetImageVisibility } from "@/components/queries/use-images";
import { ShareLinkDialog } from "@/components/shares/share-link-dialog";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { getImageBlob } from "@/lib/images/library-client";
import { ImageFacts } from "./image-facts";
import { Lineage } from "./lineage";
import { canDelete, type Viewer } from "./selection-bar";

/** One library image, large, with what made it, who did, its lineage and what can be done with it. */
export function ImageDetail({
  id,
  me,
  canSharePublicly,
}: {
  id: string;
  me: Viewer;
  canSharePublicly: boolean;
}) {
  const router = useRouter();
  const q = useImage(id);
  const remove = useDeleteImages();
  const visibility = useSetImageVisibility();
  const [confirm, confirmDialog] = useConfirm();
  const [sharing, setSharing] = useState(false);
  if (q.isLoading) return <EmptyState title="Loading the image…" loading />;
  const img = q.data;
  if (!img) {
    return (
      <div className="mx-auto max-w-lg py-10 text-center" data-testid="image-not-found">
        <h1 className="font-semibold text-lg">Image not found</h1>
        <p className="mt-2 text-muted text-sm">
          {q.error?.message ?? "It was deleted, or it is not shared with you."}
        </p>
        <Link href="/images/library" className={buttonClass({}, "mt-4")}>
          Back to the library
        </Link>
      </div>
    );
  }
  const mine = img.ownerId === me.id;
  const del = async () => {
    const ok = await confirm({
      title: "Delete this image?",
      description: "It goes for good; images made from it stay and show the link as deleted.",
      confirmLabel: "Delete",
      danger: true,
    });
    if (ok) remove.mutate([img.id], { onSuccess: () => router.push("/images/library") });
  };
  const error = remove.error?.message ?? visibility.error?.message;
  return (
    <div className="mx-auto max-w-6xl space-y-5" data-testid="image-detail">
      {confirmDialog}
      <nav className="text-sm">
        <Link href="/images/library" className="text-muted hover:text-fg">
          ← Library
        </Link>
      </nav>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(18rem,2fr)]">
        <a href={img.contentUrl} target="_blank" rel="noopener" className="block self-start">
          {/* biome-ignore lint/performance/noImgElement: the stored image itself, private to the session */}
          <img
            src={img.contentUrl}
            alt={img.prompt ?? img.name ?? "Stored image"}
            width={img.width}
            height={img.height}
            className="h-auto max-h-[75vh] w-full rounded-md border border-border bg-surface-2 object-contain"
            data-testid="image-large"
          />
        </a>
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={img.visibility === "team" ? "accent" : "neutral"}>
              {img.visibility === "team" ? "Shared with the team" : "Private"}
            </Badge>
            <Badge>{img.role}</Badge>
            <Badge>{img.operation}</Badge>
          </div>
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/images?edit=${img.id}`}
              className={buttonClass({ variant: "primary" })}
              data-testid="image-edit"
            >
              Edit this image
            </Link>
            <a
              href={`${img.contentUrl}?download=1`}
              download
              className={buttonClass()}
              data-testid="image-download"
            >
              Download
            </a>
            <Button onClick={() => setSharing(true)} data-testid="image-share">
              Share link
            </Button>
            {mine && (
              <Button
                pending={visibility.isPending}
                onClick={() =>
                  visibility.mutate({
                    ids: [img.id],
                    visibility: img.visibility === "team" ? "private" : "team",
                  })
                }
                data-testid="image-visibility"
              >
                {img.visibility === "team" ? "Make private" : "Share with team"}
              </Button>
            )}
            {canDelete(img, me) && (
              <Button
                variant="danger"
                pending={remove.isPending}
                onClick={() => void del()}
                data-testid="image-delete"
              >
                Delete
              </Button>
            )}
          </div>
          {error && (
            <p role="alert" className="text-danger text-sm">
              {error}
            </p>
          )}
          <ImageFacts image={img} />
        </div>
      </div>
      <Lineage id={img.id} />
      {sharing && (
        <ShareLinkDialog
          kind="image"
          snapshot={async () => {
            const { imageShareSnapshot } = await import("@/lib/images/share-snapshot");
            return imageShareSnapshot(img, await getImageBlob(img.id));
          }}
          description="A read-only copy of this image with its prompt, model and settings; deleting the image later does not end the link (revoke it here). Links hold at most 2 MB, so a larger image is shared as a smaller WebP copy, and the link says so."
          titlePlaceholder="What this image shows"
          canSharePublicly={canSharePublicly}
          onClose={() => setSharing(false)}
        />
      )}
    </div>
  );
}
