/**
 * Annotations on a message's text as footnotes (docs/assistants-chat.md): each cited file, URL or
 * container file gets a number, `[n]` is placed where the annotation points, and the list below
 * the message links or downloads each. Both forms the API has used are read: Responses'
 * `file_citation`/`file_path` (`index`), `url_citation`/`container_file_citation`
 * (`start_index`/`end_index`), and legacy Assistants text with inline markers (`【4:0†source】`,
 * `sandbox:/mnt/data/…`) that an annotation's `text` names.
 */

export type Footnote =
  | { n: number; kind: "file"; fileId: string; filename: string }
  | { n: number; kind: "url"; url: string; title: string }
  | { n: number; kind: "container_file"; containerId: string; fileId: string; filename: string }
  | { n: number; kind: "source"; label: string };

export interface Annotated {
  text: string;
  notes: Footnote[];
}

type Rec = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

const LEGACY_MARKER = /【[^】]*】/g;

type NoteBody = Footnote extends infer F ? (F extends Footnote ? Omit<F, "n"> : never) : never;

function noteOf(a: Rec): NoteBody | null {
  switch (a.type) {
    case "file_citation":
    case "file_path": {
      const fileId = str(a.file_id) || str((a.file_citation as Rec | undefined)?.file_id);
      const fp = str((a.file_path as Rec | undefined)?.file_id);
      const id = fileId || fp;
      return id ? { kind: "file", fileId: id, filename: str(a.filename) || id } : null;
    }
    case "url_citation":
      return str(a.url) ? { kind: "url", url: str(a.url), title: str(a.title) || str(a.url) } : null;
    case "container_file_citation":
      return str(a.file_id)
        ? {
            kind: "container_file",
            containerId: str(a.container_id),
            fileId: str(a.file_id),
            filename: str(a.filename) || str(a.file_id),
          }
        : null;
    default:
      return null;
  }
}

const keyOf = (n: NoteBody): string =>
  n.kind === "url" ? `u:${n.url}` : n.kind === "source" ? `s:${n.label}` : `f:${n.fileId}`;

export function annotate(text: string, annotations: unknown): Annotated {
  const notes: Footnote[] = [];
  const numberOf = (body: NoteBody): number => {
    const found = notes.find((n) => keyOf(n) === keyOf(body));
    if (found) return found.n;
    const n = notes.length + 1;
    notes.push({ ...body, n } as Footnote);
    return n;
  };
  // Insertions (at, replace length, marker), applied from the end so earlier offsets hold.
  const edits: { at: number; length: number; n: number }[] = [];
  const taken = new Set<number>();
  for (const raw of Array.isArray(annotations) ? annotations : []) {
    if (typeof raw !== "object" || raw === null) continue;
    const a = raw as Rec;
    const body = noteOf(a);
    if (!body) continue;
    const n = numberOf(body);
    const marker = str(a.text);
    const markerAt = marker ? text.indexOf(marker) : -1;
    if (markerAt >= 0 && !taken.has(markerAt)) {
      // Legacy: the annotation names the inline text it stands for; a sandbox link keeps its words.
      taken.add(markerAt);
      edits.push({ at: markerAt, length: marker.startsWith("【") ? marker.length : 0, n });
      continue;
    }
    const at = num(a.end_index) ?? num(a.index);
    if (at !== null) edits.push({ at: Math.min(Math.max(at, 0), text.length), length: 0, n });
  }
  // Legacy markers no annotation explained: a numbered source each, so none shows raw.
  for (const m of text.matchAll(LEGACY_MARKER)) {
    if (m.index === undefined || taken.has(m.index)) continue;
    edits.push({
      at: m.index,
      length: m[0].length,
      n: numberOf({ kind: "source", label: m[0].slice(1, -1) }),
    });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at || b.n - a.n)) {
    const before = out.slice(0, e.at);
    const mark = `${before.endsWith(" ") || !before ? "" : " "}[${e.n}]`;
    const after = out.slice(e.at + e.length);
    // The same footnote twice in a row reads once.
    if (after.startsWith(mark.trim())) continue;
    out = before + mark + after;
  }
  return { text: out, notes };
}
