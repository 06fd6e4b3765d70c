import type { Ownership } from "@/components/queries/use-owners";

/** The owner's name (or "no owner") in a store's list entry. */
export function OwnerBadge({ ownership }: { ownership: Ownership | undefined }) {
  if (!ownership) return null;
  const o = ownership.owner;
  return (
    <span className="mr-1 rounded bg-surface-2 px-1 text-fg" data-testid="store-owner">
      {o ? o.name || o.email : "no owner"}
    </span>
  );
}

/** Who owns the open store, under its id. */
export function OwnerLine({ ownership }: { ownership: Ownership | undefined }) {
  if (!ownership) return null;
  const o = ownership.owner;
  return (
    <p className="text-muted text-xs" data-testid="store-owner-line">
      Owner: {o ? `${o.name || o.email} (${o.email})` : "none: not created through Benchtop"}
    </p>
  );
}
