"use client";

import { lazyComponent } from "./lazy";

export interface TextDiffProps {
  before: string;
  after: string;
  /** Words for prose (the default), lines for code and JSON. */
  mode: "words" | "lines";
}

/** A word or line diff of two texts: removed struck through, added highlighted. jsdiff loads on first use. */
export const TextDiff = lazyComponent<TextDiffProps>(() =>
  import("./text-diff-view").then((m) => m.TextDiffView),
);

export interface DiffRow {
  label: string;
  before: string;
  after: string;
}

/** Fields that differ between two things, one row each; nothing when they agree. */
export function DiffTable({ rows, labels }: { rows: DiffRow[]; labels: [string, string] }) {
  if (!rows.length)
    return (
      <p className="text-muted text-sm" data-testid="diff-table-empty">
        Same setup and parameters.
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-xs" data-testid="diff-table">
        <thead className="text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Setting
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {labels[0]}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {labels[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-border border-t align-top">
              <th scope="row" className="px-3 py-1.5 font-medium">
                {r.label}
              </th>
              <td className="px-3 py-1.5 font-mono wrap-anywhere">{r.before}</td>
              <td className="px-3 py-1.5 font-mono wrap-anywhere">{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
