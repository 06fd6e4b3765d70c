/** Dates in settings tables: "Nov 24, 2026" in the reader's locale, with a word for "no date". */
export function formatDate(iso: string | null, empty = "—"): string {
  if (!iso) return empty;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? empty : d.toLocaleDateString(undefined, { dateStyle: "medium" });
}

/** The exact time, for a tooltip. */
export function formatDateTime(iso: string | null): string | undefined {
  return iso
    ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
    : undefined;
}
