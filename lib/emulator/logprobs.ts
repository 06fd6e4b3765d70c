import { HttpError } from "./http";

/** Fits both Chat's ChatCompletionTokenLogprob and Responses' ResponseOutputText.Logprob. */
export interface TokenLogprob {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs: { token: string; logprob: number; bytes: number[] }[];
}

/** Per-token logprobs: the token first (logprob -(i%5)*0.4), then `top - 1` less likely alternatives. */
export function tokenLogprobs(tokens: string[], top: number, start = 0): TokenLogprob[] {
  const round = (x: number) => Math.round(x * 10_000) / 10_000 || 0;
  return tokens.map((token, k) => {
    const i = start + k;
    const logprob = round(-(i % 5) * 0.4);
    const lead = /^\s*/.exec(token)?.[0] ?? "";
    const alts = Array.from({ length: Math.max(0, top - 1) }, (_, j) => {
      const alt = `${lead}alt${j + 1}`;
      return { token: alt, logprob: round(logprob - 1.5 * (j + 1)), bytes: [...Buffer.from(alt, "utf8")] };
    });
    const bytes = [...Buffer.from(token, "utf8")];
    return {
      token,
      logprob,
      bytes,
      top_logprobs: top > 0 ? [{ token, logprob, bytes }, ...alts] : [],
    };
  });
}

function rangeError(param: string, value: number, min: number, max: number): HttpError {
  return value > max
    ? new HttpError(
        400,
        `Invalid '${param}': integer above maximum value. Expected a value <= ${max}, but got ${value} instead.`,
        param,
        "integer_above_max_value",
      )
    : new HttpError(
        400,
        `Invalid '${param}': integer below minimum value. Expected a value >= ${min}, but got ${value} instead.`,
        param,
        "integer_below_min_value",
      );
}

/**
 * How many alternatives to report per token, or null when logprobs are off. Chat needs `logprobs:
 * true` for `top_logprobs`; Responses turns logprobs on with `include: ["message.output_text.logprobs"]`.
 */
export function logprobsRequest(body: Record<string, unknown>, api: "chat" | "responses"): number | null {
  const top = body.top_logprobs;
  if (top !== undefined && top !== null) {
    if (typeof top !== "number" || !Number.isInteger(top)) {
      throw new HttpError(
        400,
        `Invalid type for 'top_logprobs': expected an integer, but got ${typeof top} instead.`,
        "top_logprobs",
        "invalid_type",
      );
    }
    if (top < 0 || top > 20) throw rangeError("top_logprobs", top, 0, 20);
    if (api === "chat" && body.logprobs !== true) {
      throw new HttpError(
        400,
        "Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' is specified.",
        "top_logprobs",
        "invalid_value",
      );
    }
  }
  const on =
    api === "chat"
      ? body.logprobs === true
      : Array.isArray(body.include) && body.include.includes("message.output_text.logprobs");
  return on ? (typeof top === "number" ? top : 0) : null;
}
