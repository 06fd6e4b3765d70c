import type {
  ResponseCodeInterpreterToolCall,
  ResponseFileSearchToolCall,
  ResponseFunctionWebSearch,
  ResponseOutputItem,
  ResponseOutputText,
} from "openai/resources/responses/responses";
import { addContainerFile, findContainer, newContainer } from "./containers";
import { type Ctx, HttpError, tokenize } from "./http";
import { encodePng, generatePixels } from "./image-pixels";
import { mcpTurn } from "./mcp-tools";
import type { Built, Ev } from "./response-items";
import type { StoredContainer } from "./state";
import { intInRange, invalidType, missing } from "./validate";
import { checkFilter, searchStore, terms } from "./vector-search";
import { findStore, requireActive } from "./vector-store-model";

/**
 * Hosted tools in Responses: a trigger in the last user text (`[file_search]`, `[web]`, `[code]`,
 * `[image]`, `[mcp]`) runs the tool of that type when `tools` has one (or `tool_choice` names it),
 * giving its call item, its stream events, and a sentence for the answer with the annotations that
 * cite what it found.
 */

export type Annotation = ResponseOutputText["annotations"][number];

/** A piece of the answer; annotation offsets are relative to `text`. */
export interface Sentence {
  text: string;
  annotations: Annotation[];
}

export interface Hosted {
  built: Built[];
  sentences: Sentence[];
  /** An MCP approval request ends the turn: no answer until the client approves or declines. */
  stop: boolean;
}

export interface HostedTurn {
  prompt: string;
  tools: unknown;
  toolChoice: unknown;
  include: readonly unknown[];
  /** Earlier items (conversation, previous response) and this turn's input, oldest first. */
  history: unknown[];
  input: unknown;
  /** Output index of the first item this adds. */
  first: number;
}

export const rec = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The prompt without its triggers: what the tools search for, run on, or draw. */
export function subjectOf(prompt: string): string {
  return (
    prompt
      .replace(/\[[a-z_0-9]+\]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "(empty)"
  );
}

/**
 * A hosted call's stream: added (in progress), `response.<kind>.in_progress`, the middle events,
 * `response.<kind>.completed`, done. `start` is the item as first announced.
 */
export function hostedEvents(
  kind: string,
  output_index: number,
  item: ResponseOutputItem,
  start: unknown,
  middle: Ev[],
): Ev[] {
  const where = { item_id: (item as { id: string }).id, output_index };
  return [
    { type: "response.output_item.added", output_index, item: start },
    { type: `response.${kind}.in_progress`, ...where },
    ...middle.map((e) => ({ ...e, ...where })),
    { type: `response.${kind}.completed`, ...where },
    { type: "response.output_item.done", output_index, item },
  ];
}

/** `text` with annotations placed by searching for each marked substring in order. */
export function sentence(
  text: string,
  cites: { find: string; make: (start: number, end: number) => Annotation }[],
): Sentence {
  let from = 0;
  const annotations = cites.map((c) => {
    const start = text.indexOf(c.find, from);
    from = start + c.find.length;
    return c.make(start, from);
  });
  return { text, annotations };
}

const TRIGGERS: [string, (t: Record<string, unknown>) => boolean][] = [
  ["[file_search]", (t) => t.type === "file_search"],
  ["[web]", (t) => typeof t.type === "string" && t.type.startsWith("web_search")],
  ["[code]", (t) => t.type === "code_interpreter"],
  ["[image]", (t) => t.type === "image_generation"],
  ["[mcp]", (t) => t.type === "mcp"],
];

export function hostedTurn(ctx: Ctx, turn: HostedTurn): Hosted {
  const out: Hosted = { built: [], sentences: [], stop: false };
  const tools = Array.isArray(turn.tools) ? turn.tools.map(rec) : [];
  const forced = rec(turn.toolChoice).type;
  const subject = subjectOf(turn.prompt);
  const add = (r: { built: Built[]; sentence?: Sentence | null; stop?: boolean }) => {
    out.built.push(...r.built);
    if (r.sentence) out.sentences.push(r.sentence);
    if (r.stop) out.stop = true;
  };
  const at = () => turn.first + out.built.length;
  // An approval answered in this turn's input runs (or declines) the call it approved.
  add(mcpTurn.answers(ctx, turn, tools, at));
  if (turn.toolChoice === "none") return out;
  for (const [trigger, isType] of TRIGGERS) {
    const i = tools.findIndex(isType);
    const tool = tools[i];
    if (!tool || (!turn.prompt.includes(trigger) && forced !== tool.type)) continue;
    const param = `tools[${i}]`;
    if (trigger === "[file_search]") add(fileSearch(ctx, tool, param, subject, turn.include, at()));
    else if (trigger === "[web]") add(webSearch(ctx, subject, turn.include, at()));
    else if (trigger === "[code]") add(codeInterpreter(ctx, tool, param, subject, turn.include, at()));
    else if (trigger === "[image]") add(imageGeneration(ctx, tool, subject, at()));
    else add(mcpTurn.call(ctx, tool, param, subject, turn.history, at));
    if (out.stop) break;
  }
  return out;
}

function fileSearch(
  ctx: Ctx,
  tool: Record<string, unknown>,
  param: string,
  subject: string,
  include: readonly unknown[],
  output_index: number,
): { built: Built[]; sentence: Sentence } {
  const ids = tool.vector_store_ids;
  if (!Array.isArray(ids) || ids.length === 0) throw missing(`${param}.vector_store_ids`);
  const stores = ids.map((id) => {
    const vs = findStore(ctx.state, String(id));
    requireActive(vs);
    return vs;
  });
  const max =
    tool.max_num_results === undefined
      ? 10
      : intInRange(tool.max_num_results, `${param}.max_num_results`, 1, 50);
  const filter =
    tool.filters === undefined || tool.filters === null
      ? null
      : checkFilter(tool.filters, `${param}.filters`);
  const threshold = rec(tool.ranking_options).score_threshold;
  if (threshold !== undefined && (typeof threshold !== "number" || threshold < 0 || threshold > 1))
    throw invalidType(`${param}.ranking_options.score_threshold`, "a number between 0 and 1", threshold);
  const hits = stores
    .flatMap((vs) =>
      searchStore(ctx.state, vs, terms(subject), filter, (threshold as number | undefined) ?? 0),
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, max);
  const results: ResponseFileSearchToolCall.Result[] = hits.map((h) => ({
    file_id: h.file.id,
    filename: ctx.state.files.get(h.file.id)?.object.filename ?? "",
    score: h.score,
    text: h.text,
    attributes: h.file.attributes ?? {},
  }));
  const full: ResponseFileSearchToolCall = {
    id: ctx.state.id("fs", "_"),
    type: "file_search_call",
    status: "completed",
    queries: [subject],
    results,
  };
  const item = include.includes("file_search_call.results") ? full : { ...full, results: null };
  const start = { ...item, status: "in_progress", results: null };
  const events = hostedEvents("file_search_call", output_index, item, start, [
    { type: "response.file_search_call.searching" },
  ]);
  // One citation per file, after a short quote from its best chunk.
  const cited = results.filter((r, i) => results.findIndex((x) => x.file_id === r.file_id) === i).slice(0, 3);
  const text = cited.length
    ? cited
        .map(
          (r) =>
            `${r.filename} says: “${tokenize(r.text ?? "")
              .slice(0, 12)
              .join("")
              .trim()}”.`,
        )
        .join(" ")
    : "The files have nothing on that.";
  let end = 0;
  const annotations: Annotation[] = cited.map((r) => {
    end = text.indexOf("”.", end) + 2;
    return { type: "file_citation", file_id: r.file_id ?? "", filename: r.filename ?? "", index: end };
  });
  return { built: [{ item, full, events }], sentence: { text, annotations } };
}

function webSearch(
  ctx: Ctx,
  subject: string,
  include: readonly unknown[],
  output_index: number,
): { built: Built[]; sentence: Sentence } {
  const slug = terms(subject).join("-") || "search";
  const pages = [
    { title: `${subject} — Example Encyclopedia`, url: `https://encyclopedia.example.com/wiki/${slug}` },
    { title: `News about ${subject}`, url: `https://news.example.org/topics/${slug}` },
  ];
  const full: ResponseFunctionWebSearch = {
    id: ctx.state.id("ws", "_"),
    type: "web_search_call",
    status: "completed",
    action: { type: "search", query: subject, sources: pages.map((p) => ({ type: "url", url: p.url })) },
  };
  const item = include.includes("web_search_call.action.sources")
    ? full
    : { ...full, action: { type: "search" as const, query: subject } };
  const start = {
    id: item.id,
    type: "web_search_call",
    status: "in_progress",
    action: { type: "search", query: subject },
  };
  const events = hostedEvents("web_search_call", output_index, item, start, [
    { type: "response.web_search_call.searching" },
  ]);
  const links = pages.map((p) => `[${p.title}](${p.url}?utm_source=openai)`);
  const s = sentence(
    `On the web: ${links.join(" and ")}.`,
    pages.map((p, i) => ({
      find: links[i] ?? "",
      make: (start_index, end_index) => ({
        type: "url_citation",
        url: `${p.url}?utm_source=openai`,
        title: p.title,
        start_index,
        end_index,
      }),
    })),
  );
  return { built: [{ item, full, events }], sentence: s };
}

/** A small program over the prompt's words; its output is computed here, as Python would print it. */
function program(words: string[]): { code: string; logs: string; csv: string } {
  const rows = words.map((w, i) => [i + 1, w, w.length] as const);
  const longest = rows.reduce((a, b) => (b[2] > a[2] ? b : a), rows[0] ?? [0, "", 0]);
  const code = [
    "import csv",
    "",
    `words = ${JSON.stringify(words.join(" "))}.split()`,
    "rows = [(i + 1, w, len(w)) for i, w in enumerate(words)]",
    'with open("/mnt/data/words.csv", "w", newline="") as f:',
    "    writer = csv.writer(f)",
    '    writer.writerow(["n", "word", "length"])',
    "    writer.writerows(rows)",
    'print(f"{len(rows)} words, longest: {max(rows, key=lambda r: r[2])[1]}")',
  ].join("\n");
  const csv = [
    "n,word,length",
    ...rows.map((r) => `${r[0]},${/[",]/.test(r[1]) ? `"${r[1].replace(/"/g, '""')}"` : r[1]},${r[2]}`),
  ].join("\r\n");
  return { code, logs: `${rows.length} words, longest: ${longest[1]}\n`, csv: `${csv}\r\n` };
}

function codeInterpreter(
  ctx: Ctx,
  tool: Record<string, unknown>,
  param: string,
  subject: string,
  include: readonly unknown[],
  output_index: number,
): { built: Built[]; sentence: Sentence } {
  const spec = tool.container;
  if (spec === undefined || spec === null) throw missing(`${param}.container`);
  let container: StoredContainer;
  if (typeof spec === "string") container = findContainer(ctx.state, spec);
  else {
    const auto = rec(spec);
    if (auto.type !== "auto")
      throw invalidType(`${param}.container`, "a container id or {type: 'auto'}", spec);
    container = newContainer(ctx.state, `emulated-${ctx.state.counters.get("cntr") ?? 0}`, auto.memory_limit);
    for (const fid of Array.isArray(auto.file_ids) ? auto.file_ids : []) {
      const f = ctx.state.files.get(String(fid));
      if (!f)
        throw new HttpError(404, `No such File object: ${String(fid)}`, `${param}.container.file_ids`, null);
      addContainerFile(ctx.state, container, f.object.filename, f.content ?? Buffer.alloc(0), "user");
    }
  }
  const run = program(subject.split(" ").filter(Boolean));
  const fileId = addContainerFile(ctx.state, container, "words.csv", Buffer.from(run.csv), "assistant");
  const full: ResponseCodeInterpreterToolCall = {
    id: ctx.state.id("ci", "_"),
    type: "code_interpreter_call",
    status: "completed",
    code: run.code,
    container_id: container.id,
    outputs: [{ type: "logs", logs: run.logs }],
  };
  const item = include.includes("code_interpreter_call.outputs") ? full : { ...full, outputs: null };
  const start = { ...item, status: "in_progress", code: "", outputs: null };
  const events = hostedEvents("code_interpreter_call", output_index, item, start, [
    ...run.code
      .split(/(?<=\n)/)
      .map((delta) => ({ type: "response.code_interpreter_call_code.delta", delta })),
    { type: "response.code_interpreter_call_code.done", code: run.code },
    { type: "response.code_interpreter_call.interpreting" },
  ]);
  const link = "[words.csv](sandbox:/mnt/data/words.csv)";
  const s = sentence(`The table is in ${link}.`, [
    {
      find: link,
      make: (start_index, end_index) => ({
        type: "container_file_citation",
        container_id: container.id,
        file_id: fileId,
        filename: "words.csv",
        start_index,
        end_index,
      }),
    },
  ]);
  return { built: [{ item, full, events }], sentence: s };
}

function imageGeneration(
  ctx: Ctx,
  tool: Record<string, unknown>,
  subject: string,
  output_index: number,
): { built: Built[]; sentence: Sentence } {
  const partials =
    typeof tool.partial_images === "number" ? Math.max(0, Math.min(3, tool.partial_images)) : 0;
  const result = encodePng(generatePixels(subject, 64, 64, tool.background === "transparent")).toString(
    "base64",
  );
  const item = {
    id: ctx.state.id("ig", "_"),
    type: "image_generation_call" as const,
    status: "completed" as const,
    result,
    revised_prompt: subject,
    background: tool.background === "transparent" ? "transparent" : "opaque",
    output_format: "png",
    quality: typeof tool.quality === "string" && tool.quality !== "auto" ? tool.quality : "low",
    size: "64x64",
  };
  const start = { id: item.id, type: item.type, status: "in_progress", result: null };
  const events = hostedEvents("image_generation_call", output_index, item, start, [
    { type: "response.image_generation_call.generating" },
    ...Array.from({ length: partials }, (_, i) => ({
      type: "response.image_generation_call.partial_image",
      partial_image_index: i,
      partial_image_b64: encodePng(generatePixels(subject, 64, 64, false, 4 >> i || 1)).toString("base64"),
    })),
  ]);
  return {
    built: [{ item, events }],
    sentence: { text: `Here is the image of ${subject}.`, annotations: [] },
  };
}
