import Papa from "papaparse";
import { emptyTable, epochEndsOf, put, type Rows, toTable } from "./metrics";
import type { MetricTable } from "./types";

/* The result CSV apart from metrics.ts, so papaparse loads (with `import()`) only for a job that has one. */

const CSV_RENAMES: Record<string, string> = { train_accuracy: "train_mean_token_accuracy" };
/** Own keys only: `CSV_RENAMES["constructor"]` would otherwise be Object. */
const rename = (name: string) => (Object.hasOwn(CSV_RENAMES, name) ? (CSV_RENAMES[name] ?? name) : name);
const BOM = /^\uFEFF/;
/** Base64's alphabet, wrapped over lines or not; a CSV always has a comma or a non-alphabet byte. */
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/**
 * Whether the text starts with a header naming a `step` column. No regex over the line: a header
 * pattern with nested repeats backtracks exponentially on a hostile first line (and grader names in
 * `scores/<name>` columns may hold any character).
 */
function hasStepHeader(text: string): boolean {
  const head = text.slice(0, 4096);
  const end = head.indexOf("\n");
  const line = end === -1 ? head : head.slice(0, end);
  return line.split(",").some((cell) => cell.trim().replace(/^"|"$/g, "").toLowerCase() === "step");
}

function decodeBase64(text: string): string | null {
  try {
    const bin = atob(text.replace(/\s+/g, ""));
    // A plain loop: `Uint8Array.from` with a callback is several times slower on large files.
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The result file's text: raw CSV or base64 of it (decoded when the first line names no `step`
 * column and the text starts in base64's alphabet).
 * Parsed by header name with a real CSV parser; unknown columns kept, blanks are gaps;
 * `train_accuracy` is renamed to `train_mean_token_accuracy`.
 */
export function tableFromResultCsv(text: string): MetricTable {
  let csv = text.replace(BOM, "");
  if (!hasStepHeader(csv) && BASE64.test(csv.slice(0, 1024))) {
    const decoded = decodeBase64(csv);
    if (decoded === null) return emptyTable();
    csv = decoded.replace(BOM, "");
  }
  // Rows as arrays, not header-keyed objects: a `__proto__` header would set an object's prototype
  // (and header mode is slower on a 20,000-step file).
  const [header = [], ...body] = Papa.parse<string[]>(csv, { skipEmptyLines: "greedy" }).data;
  const names = header.map((h) => rename(h.trim()));
  const stepAt = names.indexOf("step");
  if (stepAt === -1) return emptyTable();
  const rows: Rows = new Map();
  for (const cells of body) {
    const raw = cells[stepAt]?.trim() ?? "";
    const step = Number(raw);
    if (raw === "" || !Number.isFinite(step)) continue;
    if (!rows.has(step)) rows.set(step, new Map());
    // Cells beyond the header have no name and are skipped.
    names.forEach((name, i) => {
      const cell = cells[i]?.trim() ?? "";
      const v = cell === "" ? Number.NaN : Number(cell);
      if (i !== stepAt && name && Number.isFinite(v)) put(rows, step, name, v);
    });
  }
  const table = toTable(rows, { totalSteps: null, epochEnds: epochEndsOf(rows), checkpoints: [] });
  // A header-only column (every cell blank) is still a series the file names.
  for (const name of names)
    if (name !== "step" && name && !table.columns[name]) table.columns[name] = table.steps.map(() => null);
  return table;
}
