/** The list page's filters, as they live in its URL (`?q=…&owner=me&deleted=1`). */
export interface ListFilters {
  q: string;
  owner: "me" | "all";
  deleted: boolean;
}

export const NO_FILTERS: ListFilters = { q: "", owner: "all", deleted: false };

export function filtersFromSearch(sp: URLSearchParams): ListFilters {
  return {
    q: (sp.get("q") ?? "").trim().slice(0, 200),
    owner: sp.get("owner") === "me" ? "me" : "all",
    deleted: sp.get("deleted") === "1",
  };
}

/** The URL's query string for the filters; defaults are left out so a plain list has a plain URL. */
export function filtersToSearch(f: ListFilters): string {
  const sp = new URLSearchParams();
  if (f.q) sp.set("q", f.q);
  if (f.owner === "me") sp.set("owner", "me");
  if (f.deleted) sp.set("deleted", "1");
  return sp.toString();
}

export const isFiltered = (f: ListFilters) => Boolean(f.q) || f.owner === "me";

/** `<name>.assistant.json`, with what a file system refuses replaced; never empty. */
export function exportFilename(name: string): string {
  const printable = [...name].map((ch) => (ch.charCodeAt(0) < 32 ? "-" : ch)).join("");
  const safe = printable
    .replace(/[\\/:*?"<>|]+/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.-]+|[\s.-]+$/g, "")
    .slice(0, 100);
  return `${safe || "assistant"}.assistant.json`;
}
