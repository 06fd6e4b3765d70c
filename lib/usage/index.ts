/** Token usage in one shape, whichever API produced it (Chat Completions, Responses, Embeddings). */
export interface TokenUsage {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  /** Audio billed by the second (a transcription's `usage: {type: "duration", seconds}`). */
  audioSeconds?: number;
  /** Of `input` and `output`, the audio tokens (an audio model's), billed at the audio prices; absent when none. */
  audioInput?: number;
  audioOutput?: number;
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export function normaliseUsage(raw: unknown): TokenUsage | null {
  const u = rec(raw);
  if (!u) return null;
  const seconds = u.type === "duration" ? num(u.seconds) : undefined;
  if (seconds !== undefined) return { input: 0, cached: 0, output: 0, reasoning: 0, audioSeconds: seconds };
  const input = num(u.prompt_tokens) ?? num(u.input_tokens);
  const output = num(u.completion_tokens) ?? num(u.output_tokens) ?? 0;
  if (input === undefined && num(u.total_tokens) === undefined) return null;
  const inDetails = rec(u.prompt_tokens_details) ?? rec(u.input_tokens_details);
  const outDetails = rec(u.completion_tokens_details) ?? rec(u.output_tokens_details);
  const audioInput = num(inDetails?.audio_tokens) ?? 0;
  const audioOutput = num(outDetails?.audio_tokens) ?? 0;
  return {
    input: input ?? num(u.total_tokens) ?? 0,
    cached: num(inDetails?.cached_tokens) ?? 0,
    output,
    reasoning: num(outDetails?.reasoning_tokens) ?? 0,
    ...(audioInput > 0 && { audioInput }),
    ...(audioOutput > 0 && { audioOutput }),
  };
}
