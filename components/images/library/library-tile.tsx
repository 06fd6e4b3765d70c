"use client";

import Link from "next/link";
import type { CSSProperties } from "react";
import { Badge } from "@/components/ui/badge";
import type { StoredImage } from "@/lib/images/schema";

/** One image in the gallery: its preview (a link to the image's page) and a box to select it. */
export function LibraryTile({
  image,
  selected,
  onSelect,
  style,
}: {
  image: StoredImage;
  selected: boolean;
  onSelect(on: boolean): void;
  /** Its place in the virtualised grid. */
  style?: CSSProperties;
}) {
  const caption = image.prompt ?? image.name ?? `${image.operation} ${image.role}`;
  return (
    <li
      className={`group relative overflow-hidden rounded-md border bg-surface ${selected ? "border-accent ring-2 ring-accent" : "border-border"}`}
      style={style}
      data-testid="library-tile"
      data-id={image.id}
    >
      <Link href={`/images/library/${image.id}`} className="block" title={caption}>
        {/* biome-ignore lint/performance/noImgElement: the stored preview, private and already small */}
        <img
          src={image.thumbnailUrl}
          alt={caption}
          loading="lazy"
          decoding="async"
          className="aspect-square w-full bg-surface-2 object-contain"
        />
        <span className="block truncate px-2 py-1 text-xs">{caption}</span>
      </Link>
      <label className="absolute top-1 left-1 flex size-7 cursor-pointer items-center justify-center rounded bg-surface/90 shadow-sm">
        <input
          type="checkbox"
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={`Select ${caption.slice(0, 60)}`}
          data-testid="library-select"
        />
      </label>
      {image.visibility === "team" && (
        <span className="absolute top-1 right-1">
          <Badge tone="accent">Team</Badge>
        </span>
      )}
    </li>
  );
}
