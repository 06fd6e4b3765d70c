import type { FineTuningJob } from "openai/resources/fine-tuning/jobs/jobs";

/**
 * The training file's content check the API runs while a job is `validating_files`: every line a
 * JSON object in the method's format. The first bad line fails the job with an error naming it.
 */

type Method = "supervised" | "dpo" | "reinforcement";
const ROLES = new Set(["system", "developer", "user", "assistant", "tool", "function"]);
const SUPERVISED_KEYS = new Set(["messages", "tools", "parallel_tool_calls", "functions"]);

export interface FileCheck {
  examples: number;
  /** Rough tokens of the whole file (4 characters a token), for `trained_tokens`. */
  tokens: number;
  error: FineTuningJob.Error | null;
}

const rec = (v: unknown): Record<string, unknown> | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function messagesProblem(v: unknown, needAssistant: boolean): string | null {
  if (!Array.isArray(v) || v.length === 0) return "missing 'messages' list";
  for (const [i, m] of v.entries()) {
    const msg = rec(m);
    if (!msg) return `messages[${i}] is not an object`;
    if (typeof msg.role !== "string") return `messages[${i}] is missing 'role'`;
    if (!ROLES.has(msg.role)) return `messages[${i}] has an unrecognized role '${msg.role}'`;
    const hasCall = msg.tool_calls !== undefined || msg.function_call !== undefined;
    if ((msg.content === undefined || msg.content === null || msg.content === "") && !hasCall)
      return `messages[${i}] is missing 'content'`;
    if (msg.weight !== undefined && msg.weight !== 0 && msg.weight !== 1)
      return `messages[${i}] has a 'weight' other than 0 or 1`;
  }
  if (needAssistant && !v.some((m) => rec(m)?.role === "assistant")) return "no assistant message";
  return null;
}

function lineProblem(value: unknown, method: Method): string | null {
  const ex = rec(value);
  if (!ex) return "the line is not a JSON object";
  if (method === "supervised") {
    const unknown = Object.keys(ex).find((k) => !SUPERVISED_KEYS.has(k));
    if (unknown) return `unrecognized key '${unknown}'`;
    return messagesProblem(ex.messages, true);
  }
  if (method === "dpo") {
    const input = rec(ex.input);
    if (!input) return "missing 'input' object";
    const p = messagesProblem(input.messages, false);
    if (p) return `input: ${p}`;
    for (const k of ["preferred_output", "non_preferred_output"]) {
      const out = ex[k];
      if (!Array.isArray(out) || out.length === 0) return `missing '${k}' list`;
      if (rec(out[0])?.role !== "assistant") return `'${k}' must hold an assistant message`;
    }
    return null;
  }
  return messagesProblem(ex.messages, false);
}

/** Checks a JSONL file for `method`; `param` names the file in the error (training or validation). */
export function checkFile(content: Buffer | null, method: Method, param: string, fileId: string): FileCheck {
  if (!content) return { examples: 100, tokens: 100 * 120, error: null };
  const text = content.toString("utf8");
  const lines = text.split(/\r?\n/);
  let examples = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let value: unknown;
    let problem: string | null;
    try {
      value = JSON.parse(line);
      problem = lineProblem(value, method);
    } catch {
      problem = "the line is not valid JSON";
    }
    if (problem) {
      return {
        examples,
        tokens: 0,
        error: {
          code: param === "training_file" ? "invalid_training_file" : "invalid_validation_file",
          message: `The job failed due to an invalid ${param === "training_file" ? "training" : "validation"} file (${fileId}). Line ${i + 1}: ${problem}. Each line must be a JSON object in the ${method} format.`,
          param,
        },
      };
    }
    examples += 1;
  }
  if (examples === 0) {
    return {
      examples,
      tokens: 0,
      error: {
        code: param === "training_file" ? "invalid_training_file" : "invalid_validation_file",
        message: `The job failed due to an invalid ${param === "training_file" ? "training" : "validation"} file (${fileId}): the file has no examples.`,
        param,
      },
    };
  }
  return { examples, tokens: Math.max(examples, Math.ceil(text.length / 4)), error: null };
}
