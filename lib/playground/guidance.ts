/**
 * What a person can do about an upstream error, from its status, type and code (message text
 * last). A 429 is told apart as rate limit, quota or overload because the right reaction differs.
 */
export interface Guidance {
  title: string;
  advice: string;
  /** Worth retrying after the countdown (rate limits, overload). */
  retry: boolean;
}

export function guidanceFor(e: {
  status: number | null;
  type: string;
  code: string | null;
  param: string | null;
  message: string;
}): Guidance {
  const msg = e.message.toLowerCase();
  if (e.code === "network_error")
    return {
      title: "Console unreachable",
      advice: "Check your network connection, then run again.",
      retry: true,
    };
  if (e.code === "stream_interrupted" || e.code === "upstream_stream_interrupted")
    return {
      title: "Stream interrupted",
      advice: "The connection dropped midway. What arrived is kept; run again or press Continue.",
      retry: true,
    };
  if (e.status === 429) {
    if (
      e.type === "insufficient_quota" ||
      e.code === "insufficient_quota" ||
      /quota|billing|spend limit/.test(msg)
    )
      return {
        title: "Quota exhausted",
        advice:
          "The organisation has run out of credit or hit its spend limit. Retrying will not help: ask an admin to check billing and limits.",
        retry: false,
      };
    if (e.code === "slow_down" || /overloaded|slow down/.test(msg))
      return {
        title: "Upstream overloaded",
        advice: "Traffic ramped up too fast. Wait a little longer, then run again.",
        retry: true,
      };
    return {
      title: "Rate limit reached",
      advice:
        "Too many requests or tokens this minute. Wait for the countdown, use a smaller request, or a model with higher limits.",
      retry: true,
    };
  }
  if (e.status === 401 || e.type === "config_error")
    return {
      title: "Server key rejected",
      advice:
        "The console's OpenAI key, organisation or project is misconfigured. An admin can check it under Settings → Connection.",
      retry: false,
    };
  if (e.status === 403)
    return {
      title: "Not allowed",
      advice: "The upstream refused this request for this account or region.",
      retry: false,
    };
  if (e.status === 404)
    return {
      title: "Not found",
      advice: "The model or resource does not exist for this key, or has been retired. Pick another model.",
      retry: false,
    };
  if (e.code === "context_length_exceeded" || /context length|maximum context/.test(msg))
    return {
      title: "Too long for the model",
      advice:
        "Shorten the conversation, lower max output tokens, or pick a model with a larger context window.",
      retry: false,
    };
  if (e.status === 400 || e.status === 422)
    return {
      title: "Request rejected",
      advice: e.param
        ? `Fix the "${e.param}" setting and run again.`
        : "Change the setup as the message says and run again.",
      retry: false,
    };
  if (e.status === 503 || e.status === 502 || e.status === 504)
    return {
      title: "Upstream unavailable",
      advice: "The upstream is down or overloaded. Run again in a moment.",
      retry: true,
    };
  return {
    title: "Upstream error",
    advice: "Run again in a moment; if it persists, check status.openai.com.",
    retry: true,
  };
}
