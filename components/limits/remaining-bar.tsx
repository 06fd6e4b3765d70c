import { formatCount } from "@/lib/format";

/** Remaining of a limit as a bar: green with plenty left, amber under a quarter, red under a tenth. */
export function RemainingBar({
  limit,
  remaining,
  compact = false,
}: {
  limit: number | null;
  remaining: number | null;
  compact?: boolean;
}) {
  const share = limit && remaining !== null ? Math.max(0, Math.min(1, remaining / limit)) : null;
  const tone =
    share === null ? "bg-muted" : share < 0.1 ? "bg-danger" : share < 0.25 ? "bg-warning" : "bg-success";
  return (
    <div
      role="meter"
      aria-valuemin={0}
      aria-valuemax={limit ?? undefined}
      aria-valuenow={remaining ?? undefined}
      aria-label="Remaining"
      className={`overflow-hidden rounded-full bg-surface-2 ${compact ? "h-1 w-8" : "h-2 w-full"}`}
    >
      {share !== null && (
        <div className={`h-full ${tone}`} style={{ width: `${Math.round(share * 100)}%` }} />
      )}
      {!compact && share === null && remaining !== null && (
        <span className="sr-only">{formatCount(remaining)}</span>
      )}
    </div>
  );
}
