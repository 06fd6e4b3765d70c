import type { MetricTable } from "@/lib/fine-tuning/types";
import type { ChartLine } from "./metrics-chart";

/** One chart of the job page: a title and the table's columns it draws, with their labels. */
export interface MetricGroup {
  id: string;
  title: string;
  lines: ChartLine[];
}

const LOSS: [string, string][] = [
  ["train_loss", "Train"],
  ["valid_loss", "Validation"],
  ["full_valid_loss", "Full validation"],
];
const ACCURACY: [string, string][] = [
  ["train_mean_token_accuracy", "Train"],
  ["valid_mean_token_accuracy", "Validation"],
  ["full_valid_mean_token_accuracy", "Full validation"],
];
const REWARD: [string, string][] = [
  ["train_mean_reward", "Train"],
  ["valid_mean_reward", "Validation"],
  ["full_valid_mean_reward", "Full validation"],
];

/** Per-grader scores of a reinforcement job (`scores/<grader>`, `graders/<grader>/…`). */
const isGraderScore = (name: string) => /^(scores|graders?)\//.test(name) || /(^|\/)grader/.test(name);

function hasData(col: (number | null)[] | undefined): col is (number | null)[] {
  return Boolean(col?.some((v) => v !== null));
}

/**
 * The charts of a job: Loss, Accuracy, Reward (overall and per grader) and, for whatever else the
 * events carry, one chart per name prefix (`usage/…`, `timing/…`) so that series on different scales
 * do not share an axis. Groups without data are left out.
 */
export function metricGroups(table: MetricTable): { main: MetricGroup[]; other: MetricGroup[] } {
  const used = new Set<string>();
  const line = (name: string, label: string, color: number): ChartLine => {
    used.add(name);
    return { id: name, label, steps: table.steps, values: table.columns[name] ?? [], color };
  };
  const fixed = (id: string, title: string, names: [string, string][]): MetricGroup => ({
    id,
    title,
    lines: names.filter(([n]) => hasData(table.columns[n])).map(([n, label], i) => line(n, label, i)),
  });
  const reward = fixed("reward", "Reward", REWARD);
  const graders = Object.keys(table.columns).filter((n) => isGraderScore(n) && hasData(table.columns[n]));
  reward.lines.push(...graders.sort().map((n, i) => line(n, n.replace(/^(scores|graders?)\//, ""), i + 3)));
  const main = [fixed("loss", "Loss", LOSS), fixed("accuracy", "Token accuracy", ACCURACY), reward].filter(
    (g) => g.lines.length,
  );

  const byPrefix = new Map<string, string[]>();
  for (const name of Object.keys(table.columns).sort()) {
    if (used.has(name) || !hasData(table.columns[name])) continue;
    const prefix = name.includes("/") ? (name.split("/")[0] as string) : name;
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), name]);
  }
  const other = [...byPrefix].map(([prefix, names]) => ({
    id: `other-${prefix}`,
    title: prefix,
    lines: names.map((n, i) => line(n, n, i)),
  }));
  return { main, other };
}
