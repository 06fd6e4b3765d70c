"use client";

import { parseCsvPreview } from "@/lib/files/csv";

const MAX_ROWS = 50;

export interface CsvPreviewProps {
  text: string;
  delimiter: "," | "\t";
  /** The text is only the start of the file. */
  truncated: boolean;
}

/** The first rows of a CSV or TSV file as a table. Loaded lazily, with papaparse, by FileDetails. */
export function CsvPreview({ text, delimiter, truncated }: CsvPreviewProps) {
  const { rows, problem } = parseCsvPreview(text, delimiter, MAX_ROWS, truncated);
  return (
    <div className="max-h-96 overflow-auto">
      {problem && (
        <p className="mb-1 text-warning text-xs" data-testid="csv-problem">
          {problem}
        </p>
      )}
      <table className="text-[11px]">
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: row numbers are the identity
            <tr key={i} className={i === 0 ? "font-semibold" : ""}>
              {r.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: column numbers are the identity
                <td key={j} className="whitespace-pre-wrap border border-border px-1">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
