import { z } from "zod";
import type { Setup } from "@/lib/playground/types";

/**
 * What the playground sends when a run finishes, and what the history API gives back. The setup is
 * checked against the playground's own schema on the server (lib/playground/snapshot.ts); here it
 * is any object. The browser imports these types only, never the schemas (full zod stays server-side).
 */

export const RUN_STATUSES = ["done", "stopped", "error"] as const;
export type HistoryRunStatus = (typeof RUN_STATUSES)[number];

const text = (max: number) => z.string().max(max);

export const historyChoiceSchema = z.object({
  index: z.number().int().min(0).max(128),
  text: z.string(),
  refusal: z.string(),
  reasoning: z.string(),
  toolCalls: z.array(z.object({ id: text(256), name: text(256), arguments: z.string() })).max(128),
  finishReason: z.string().max(64).nullable(),
});
export type HistoryChoice = z.infer<typeof historyChoiceSchema>;

export const historyErrorSchema = z.object({
  message: text(8192),
  type: text(128).nullable(),
  code: text(128).nullable(),
});

export const recordRunSchema = z.object({
  /** "main", or the compare column's id. */
  target: text(64).min(1),
  setup: z.record(z.string(), z.unknown()),
  /** The request exactly as sent: its path under /v1 and its body text. */
  request: z.object({ path: text(256).regex(/^\//), text: z.string() }),
  status: z.enum(RUN_STATUSES),
  httpStatus: z.number().int().min(0).max(999).nullable(),
  output: z.object({
    choices: z.array(historyChoiceSchema).max(128),
    error: historyErrorSchema.nullable(),
    /** The upstream's response or completion id. */
    responseId: text(256).nullable(),
    requestId: text(256).nullable(),
  }),
  usage: z
    .object({
      input: z.number().int().min(0),
      cached: z.number().int().min(0),
      output: z.number().int().min(0),
      reasoning: z.number().int().min(0),
    })
    .nullable(),
  totalMs: z.number().min(0).max(86_400_000).nullable(),
  ttftMs: z.number().min(0).max(86_400_000).nullable(),
});
export type RecordRunInput = z.infer<typeof recordRunSchema>;

export const historyRetentionSchema = z.object({
  /** 0 turns history off (and deletes what is stored). */
  retention_days: z.number().int().min(0).max(3650),
});

/** A row of the list: what the table shows, no JSON. */
export interface HistoryRunSummary {
  id: string;
  createdAt: string;
  target: string;
  api: string;
  model: string;
  status: HistoryRunStatus;
  httpStatus: number | null;
  totalMs: number | null;
  ttftMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cost: number | null;
  inputPreview: string;
  outputPreview: string;
}

/**
 * One run in full: the summary, the setup it ran, the request sent and what came back. The server
 * reads the setup through the playground's schema (filling fields newer than the run), so pages
 * showing it need no schema code; null with the reason when this version cannot read it.
 */
export interface HistoryRunDto extends HistoryRunSummary {
  setup: Setup | null;
  setupProblem: string | null;
  request: RecordRunInput["request"];
  output: RecordRunInput["output"];
  usage: RecordRunInput["usage"];
}

export interface HistoryPage {
  data: HistoryRunSummary[];
  /** Pass as `cursor` for the next, older page; null at the end. */
  nextCursor: string | null;
}

export interface HistorySettingsDto {
  retentionDays: number;
}
