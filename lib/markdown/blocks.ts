/**
 * Splits Markdown into top-level blocks that render the same apart as together, so a streaming
 * reply re-parses only its growing last block and the finished ones stay memoised.
 *
 * A split falls only before a line that starts at column 0 right after a blank line, outside a code
 * fence, and not before a list item (which may continue a loose list): nothing at column 0 after a
 * blank line continues the block before it. Link reference and footnote definitions reach across
 * blocks, so a text with one stays whole.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

export function splitBlocks(text: string): string[] {
  if (DEFINITION.test(text)) return [text];
  const lines = text.split("\n");
  const blocks: string[] = [];
  let start = 0;
  let fence: string | null = null;
  let blank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (fence) {
      // A fence closes with at least as many of the same character and nothing else.
      const close = FENCE.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length && line.trim() === close)
        fence = null;
      blank = false;
      continue;
    }
    if (blank && i > start && /^\S/.test(line) && !LIST_ITEM.test(line)) {
      blocks.push(lines.slice(start, i).join("\n"));
      start = i;
    }
    fence = FENCE.exec(line)?.[1] ?? null;
    blank = line.trim() === "";
  }
  blocks.push(lines.slice(start).join("\n"));
  return blocks;
}
