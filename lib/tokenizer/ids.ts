/**
 * Token id lists as people paste them: a JSON array (`[15339, 1917]`), or ids separated by commas,
 * spaces or new lines. Whether each id exists in an encoding is the worker's to say (it knows the
 * ranks); this only reads the list, and says exactly which item is wrong.
 */

import { formatCount } from "@/lib/format";

export const MAX_IDS = 2_000_000;

export type ParsedIds = { ok: true; ids: Uint32Array } | { ok: false; error: string };

const shown = (item: string) => JSON.stringify(item.length > 24 ? `${item.slice(0, 24)}…` : item);

export function parseIdList(input: string): ParsedIds {
  let body = input.trim();
  if (body === "") return { ok: false, error: "Paste token ids to decode, e.g. [15339, 1917]." };
  const open = body.startsWith("[");
  const close = body.endsWith("]");
  if (open !== close) {
    return {
      ok: false,
      error: open
        ? "The list opens with “[” but has no closing “]”."
        : "The list ends with “]” but has no opening “[”.",
    };
  }
  if (open) body = body.slice(1, -1);
  const items = body.split(/[\s,;]+/).filter((x) => x !== "");
  if (items.length === 0) return { ok: false, error: "The list is empty: paste at least one token id." };
  if (items.length > MAX_IDS) {
    return {
      ok: false,
      error: `That is ${formatCount(items.length)} ids; at most ${formatCount(MAX_IDS)} can be decoded at once.`,
    };
  }
  const ids = new Uint32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    const where = `Item ${i + 1}, ${shown(item)},`;
    if (!/^[+-]?\d+$/.test(item)) {
      return { ok: false, error: `${where} is not a token id: ids are whole numbers such as 15339.` };
    }
    const n = Number(item);
    if (n < 0) return { ok: false, error: `${where} is negative: token ids start at 0.` };
    if (n > 0xffffffff) return { ok: false, error: `${where} is too large to be a token id.` };
    ids[i] = n;
  }
  return { ok: true, ids };
}

/** Ids as a JSON array, the form that pastes back anywhere (and into `parseIdList`). */
export function formatIdList(ids: ArrayLike<number>): string {
  let out = "[";
  for (let i = 0; i < ids.length; i++) out += i === 0 ? String(ids[i]) : `, ${ids[i]}`;
  return `${out}]`;
}
