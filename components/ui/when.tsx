import { formatDateTime, formatIso, formatRelative } from "@/lib/format";

type When = Date | string | null | undefined;

export interface WhenProps {
  value: When;
  /** What to write when there is no date: "—", "never". */
  empty?: string;
  /** Adds how long ago (or how soon) it is: for "last used", "last active", "expires". */
  relative?: boolean;
  className?: string;
}

/**
 * A moment, written one way on every page: "Nov 24, 2026, 3:04 PM" in the reader's locale and time
 * zone (lib/format.ts), optionally "· 3 days ago", with the ISO instant as its tooltip. The server
 * renders in its own locale and clock: the browser's text replaces it without a hydration warning.
 */
export function When({ value, empty = "—", relative = false, className }: WhenProps) {
  const iso = formatIso(value);
  if (!iso) return <span className={className}>{empty}</span>;
  const text = relative ? `${formatDateTime(value)} · ${formatRelative(value)}` : formatDateTime(value);
  return (
    <time dateTime={iso} title={iso} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
