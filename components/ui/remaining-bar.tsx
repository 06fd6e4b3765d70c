/**
 * Remaining of a limit as a bar: green with plenty left, amber under a quarter, red under a tenth.
 * Decorative: the figures sit beside it in text (or in the gauge's label).
 */
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
      aria-hidden
      className={`overflow-hidden rounded-full bg-surface-2 ${compact ? "h-1.5 w-8" : "h-2 w-full"}`}
    >
      {share !== null && (
        <div className={`h-full ${tone}`} style={{ width: `${Math.max(2, Math.round(share * 100))}%` }} />
      )}
    </div>
  );
}
