/**
 * Which modules a script's bytes come from, read from its source map: each mapping's generated
 * span (to the next mapping, or the line's end) is counted for the mapping's source. Sources are
 * grouped by npm package, or by file for the project's own code. Used by `bench/first-load.ts` when
 * the build has browser source maps (BENCH_MODULES=1; see docs/performance.md).
 */

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

interface RawMap {
  sources?: string[];
  mappings?: string;
  sections?: { offset: { line: number; column: number }; map: RawMap }[];
}

/** Source of every [line, column] where a mapping starts, in generated order (VLQ as in the spec). */
function* segments(map: RawMap, line0 = 0, col0 = 0): Generator<[number, number, string | null]> {
  if (map.sections) {
    for (const s of map.sections) yield* segments(s.map, line0 + s.offset.line, s.offset.column);
    return;
  }
  const sources = map.sources ?? [];
  let source = 0;
  const lines = (map.mappings ?? "").split(";");
  for (let l = 0; l < lines.length; l++) {
    let col = 0;
    for (const seg of (lines[l] ?? "").split(",")) {
      if (!seg) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const c of seg) {
        const d = DIGIT.get(c) ?? 0;
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0] ?? 0;
      if (fields.length > 1) source += fields[1] ?? 0;
      const at = l === 0 ? col0 + col : col;
      yield [line0 + l, at, fields.length > 1 ? (sources[source] ?? null) : null];
    }
  }
}

/** "zod", "@base-ui/react", or the project's own "lib/playground/types.ts". */
export function moduleGroup(source: string): string {
  const i = source.lastIndexOf("node_modules/");
  if (i >= 0) {
    const parts = source.slice(i + "node_modules/".length).split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
  }
  return source.replace(/^.*\[project\]\//, "").replace(/^(turbopack|webpack):\/+/, "");
}

/** Bytes of `code` by module group; what no mapping covers is counted as "(unmapped)". */
export function bytesBySource(code: string, map: RawMap): Map<string, number> {
  const lines = code.split("\n");
  const marks = [...segments(map)].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Map<string, number>();
  const add = (k: string, n: number) => n > 0 && out.set(k, (out.get(k) ?? 0) + n);
  let mapped = 0;
  for (let i = 0; i < marks.length; i++) {
    const [line, col, source] = marks[i] as [number, number, string | null];
    const next = marks[i + 1];
    const end = next && next[0] === line ? next[1] : (lines[line]?.length ?? col);
    const n = Math.max(0, end - col);
    mapped += n;
    add(source ? moduleGroup(source) : "(unmapped)", n);
  }
  add("(unmapped)", code.length - mapped);
  return out;
}
