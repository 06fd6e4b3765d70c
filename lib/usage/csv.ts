import Papa from "papaparse";
import type { UsageReport } from "./report";

/** The columns of the usage CSV: the report's rows as they are, with each key's label beside it. */
export const USAGE_CSV_FIELDS = [
  "bucket",
  "key",
  "label",
  "requests",
  "errors",
  "input",
  "cached",
  "output",
  "reasoning",
  "images",
  "audioSeconds",
  "costMicros",
  "estimated",
  "unpriced",
] as const;

/**
 * The report's rows as CSV. Keys and labels come from users (token and assistant names, emails):
 * no cell may start a spreadsheet formula, as in the fine-tuning chart export.
 */
export function usageCsv(report: UsageReport): string {
  const label = new Map(report.keys.map((k) => [k.key, k.label]));
  const data = report.rows.map((r) =>
    USAGE_CSV_FIELDS.map((f) =>
      f === "label" ? (label.get(r.key) ?? "") : f === "key" ? (r.key ?? "") : r[f],
    ),
  );
  return Papa.unparse({ fields: [...USAGE_CSV_FIELDS], data }, { escapeFormulae: true });
}
