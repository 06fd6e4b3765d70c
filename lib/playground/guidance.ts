/**
 * What a person can do about an upstream error, from its status, type and code (message text
 * last). A 429 is told apart as rate limit, quota or overload because the right reaction differs;
 * a refused key is a configuration problem for an admin, never an outage to retry.
 */
export interface Guidance {
  title: string;
  advice: string;
  /** Worth retrying after the countdown (rate limits, overload). */
  retry: boolean;
  /** What arrived is kept and Continue asks the model to go on from it (a broken stream). */
  continue: boolean;
}

interface UpstreamErrorFacts {
  status: number | null;
  type: string;
  code: string | null;
  param: string | null;
  message: string;
}

const SETTINGS = "Settings → Connection";

export function guidanceFor(e: UpstreamErrorFacts): Guidance {
  return { continue: false, ...pick(e) };
}

function pick(e: UpstreamErrorFacts): Omit<Guidance, "continue"> & { continue?: boolean } {
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
      continue: true,
    };
  // The proxy answers an upstream 401 with 502 `upstream_unauthorized`: the console's key, not the caller's.
  if (e.code === "upstream_unauthorized" || e.status === 401)
    return {
      title: "The upstream refused Benchtop's key",
      advice: `A configuration problem, not an outage: running again will not help. An admin fixes it in the server's environment and checks it under ${SETTINGS}.`,
      retry: false,
    };
  if (e.type === "config_error")
    return {
      title: "Benchtop is not configured for this",
      advice: `An admin completes the server's environment (see ${SETTINGS}); running again will not help until then.`,
      retry: false,
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
  if (e.status === 403) {
    if (e.code === "unsupported_country_region_territory")
      return {
        title: "Not available in this region",
        advice: "The upstream does not serve the region this server calls from. Retrying will not help.",
        retry: false,
      };
    if (e.type === "permission_error" && !e.code?.startsWith("upstream"))
      return {
        title: "Not allowed",
        advice: "Your Benchtop account may not do this; ask an admin.",
        retry: false,
      };
    return {
      title: "The upstream refused this request",
      advice:
        "The key's project may not have access to this model or endpoint. An admin can allow it in the upstream's project settings, or pick another model.",
      retry: false,
    };
  }
  if (e.status === 404)
    return e.code === "model_not_found" || /model/.test(msg)
      ? {
          title: "Model not found",
          advice:
            "This key cannot use the model, or it has been retired. Pick another model, or ask an admin to give the project access.",
          retry: false,
        }
      : {
          title: "Not found",
          advice: "The resource does not exist for this key, or has been deleted.",
          retry: false,
        };
  // Image models refuse prompts (and input images) their safety system flags; sending the same again
  // is refused again.
  if (e.code === "moderation_blocked" || e.code === "content_policy_violation")
    return {
      title: "Refused by the upstream's moderation",
      advice:
        "The safety system flagged the prompt or an input image, so no image was made. Rephrase the prompt (or change the image); sending it unchanged will be refused again.",
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
  if (e.code === "upstream_unreachable")
    return {
      title: "Upstream unreachable",
      advice: `The server could not connect to the upstream. If it persists, an admin checks OPENAI_BASE_URL under ${SETTINGS}.`,
      retry: true,
    };
  if (e.code === "upstream_timeout" || e.status === 504)
    return {
      title: "Upstream timed out",
      advice:
        "No answer in time. Run again; for long outputs, turn Stream on so text arrives as it is written.",
      retry: true,
    };
  if (e.status === 503 && (e.code === "overloaded" || /overloaded/.test(msg)))
    return {
      title: "Upstream overloaded",
      advice: "The upstream is busy. Run again in a moment.",
      retry: true,
    };
  if (e.status === 503 || e.status === 502)
    return {
      title: "Upstream unavailable",
      advice: "The upstream is down or overloaded. Run again in a moment.",
      retry: true,
    };
  return {
    title: "Upstream error",
    advice:
      "The upstream failed on its side. Run again in a moment; if it persists, check status.openai.com.",
    retry: true,
  };
}
