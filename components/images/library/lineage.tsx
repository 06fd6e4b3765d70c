"use client";

import Link from "next/link";
import { useImageLineage } from "@/components/queries/use-images";
import type { StoredImage } from "@/lib/images/schema";

/** Where an image came from and what was made from it, as linked previews. */
export function Lineage({ id }: { id: string }) {
  const q = useImageLineage(id);
  if (q.isLoading) return <p className="text-muted text-sm">Loading lineage…</p>;
  if (q.error) return <p className="text-danger text-sm">Could not load the lineage: {q.error.message}</p>;
  const l = q.data;
  if (!l) return null;
  const none = !l.parents.length && !l.mask && !l.children.length;
  return (
    <section className="space-y-3" data-testid="image-lineage" aria-label="Lineage">
      <h2 className="font-medium">Lineage</h2>
      {none && (
        <p className="text-muted text-sm">Nothing was made from this image, and it was made from no other.</p>
      )}
      {l.parents.length > 0 && (
        <Row label="Made from" testId="lineage-parents">
          {l.parents.map((p) => (
            <Thumb key={p.id} id={p.id} image={p.image} />
          ))}
        </Row>
      )}
      {l.mask && (
        <Row label="Mask" testId="lineage-mask">
          <Thumb id={l.mask.id} image={l.mask.image} />
        </Row>
      )}
      {l.children.length > 0 && (
        <Row label="Made from this" testId="lineage-children">
          {l.children.map((c) => (
            <Thumb key={c.id} id={c.id} image={c} />
          ))}
        </Row>
      )}
    </section>
  );
}

function Row({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div>
      <h3 className="mb-1 text-muted text-xs">{label}</h3>
      <ul className="flex flex-wrap gap-2" data-testid={testId}>
        {children}
      </ul>
    </div>
  );
}

/** A linked preview, or a plain box when the image is gone or private to someone else (the same to the viewer). */
function Thumb({ id, image }: { id: string; image: StoredImage | null }) {
  if (!image) {
    return (
      <li
        className="flex size-24 items-center justify-center rounded border border-border border-dashed p-2 text-center text-muted text-xs"
        data-testid="lineage-missing"
      >
        Deleted or not shared with you
      </li>
    );
  }
  return (
    <li>
      <Link
        href={`/images/library/${id}`}
        className="block size-24 overflow-hidden rounded border border-border hover:border-accent"
        title={image.prompt ?? image.name ?? id}
        data-testid="lineage-link"
      >
        {/* biome-ignore lint/performance/noImgElement: the stored preview */}
        <img
          src={image.thumbnailUrl}
          alt={image.prompt ?? image.name ?? "image"}
          className="size-full bg-surface-2 object-contain"
        />
      </Link>
    </li>
  );
}
