/* Worker-only (it pulls in the LineSplitter): split.ts stays light for the page. */
import { LineSplitter } from "./run";
import { type Holdout, shuffleSplit } from "./split";

/**
 * The same split of a file read as a stream, for the validator worker (a 100 MB file must not be one
 * string on the page). Lines that cannot be read as text (over 8 MB, not UTF-8) are left out and
 * counted; the validator reports them as errors anyway. Each part ends with a line break.
 */
export async function splitFile(
  file: Blob,
  holdout: Holdout,
  seed: number,
): Promise<{ train: Blob; validation: Blob; dropped: number }> {
  const lines: string[] = [];
  let dropped = 0;
  const splitter = new LineSplitter((line, _offset, problem) => {
    if (problem) dropped++;
    else if (line.trim() !== "") lines.push(line.endsWith("\r") ? line.slice(0, -1) : line);
  });
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    splitter.push(value);
  }
  splitter.end();
  const { train, validation } = shuffleSplit(lines, holdout, seed);
  const blob = (part: string[]) => new Blob([`${part.join("\n")}\n`], { type: "application/jsonl" });
  return { train: blob(train), validation: blob(validation), dropped };
}
