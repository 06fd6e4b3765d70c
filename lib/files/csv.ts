import Papa from "papaparse";

/**
 * The first rows of a CSV or TSV file for the Files page's preview, parsed by papaparse (quoted
 * fields, commas and line breaks inside quotes, escaped quotes). Only the lazily loaded CSV preview
 * imports this, so papaparse loads when a CSV is first previewed.
 */
export interface CsvPreview {
  rows: string[][];
  /** The first problem papaparse reported, e.g. a quote left open: the rows are still shown. */
  problem: string | null;
}

export function parseCsvPreview(
  text: string,
  delimiter: "," | "\t",
  maxRows: number,
  /** The text is the start of a longer file: its last row may be cut, so it is left out. */
  truncated: boolean,
): CsvPreview {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: true,
    preview: truncated ? maxRows + 1 : maxRows,
  });
  const rows = truncated ? result.data.slice(0, -1) : result.data;
  // A problem past the kept rows, e.g. a quote opened in the cut-off tail, is not the file's fault.
  const first = result.errors.find((e) => e.row === undefined || e.row < rows.length);
  return {
    rows,
    problem: first ? `Row ${(first.row ?? 0) + 1}: ${first.message}` : null,
  };
}
