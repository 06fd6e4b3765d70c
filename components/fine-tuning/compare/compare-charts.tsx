"use client";

import { type ChartLine, MetricsChart } from "@/components/fine-tuning/charts/metrics-chart";
import { presentGroups } from "@/lib/fine-tuning/compare";
import type { MetricTable } from "@/lib/fine-tuning/types";
import { plural } from "@/lib/format";
import { Swatch } from "./palette";

export interface ChartJob {
  id: string;
  /** Place in the URL: the job's colour. */
  index: number;
  table: MetricTable;
}

/**
 * One chart per metric group any job has, each job's lines in its colour (a group's second and
 * third columns dashed). The legend under each chart names the jobs and how many points each has, so
 * a running job's count visibly rises.
 */
export function CompareCharts({ jobs }: { jobs: ChartJob[] }) {
  const groups = presentGroups(jobs.map((j) => j.table));
  if (!groups.length) return null;
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="ft-compare-charts">
      {groups.map((g) => {
        const lines: ChartLine[] = [];
        const counts: { id: string; index: number; points: number }[] = [];
        for (const j of jobs) {
          let points = 0;
          g.columns.forEach((c, ci) => {
            const values = j.table.columns[c.key];
            if (!values?.some((v) => v !== null)) return;
            points += values.filter((v) => v !== null).length;
            lines.push({
              id: `${j.id}:${c.key}`,
              label: g.columns.length > 1 ? `${j.id} ${c.label}` : j.id,
              steps: j.table.steps,
              values,
              color: j.index,
              dashed: ci > 0,
            });
          });
          if (points) counts.push({ id: j.id, index: j.index, points });
        }
        return (
          <section key={g.id} className="min-w-0 space-y-1" data-testid="ft-compare-chart" data-group={g.id}>
            <MetricsChart title={g.title} lines={lines} exportName={`compare-${g.id}`} height={220} />
            <ul
              className="flex flex-wrap gap-x-3 gap-y-1 px-1 text-muted text-xs"
              aria-label="Points per job"
            >
              {counts.map((c) => (
                <li
                  key={c.id}
                  className="flex items-center gap-1"
                  data-testid="ft-compare-legend"
                  data-job-id={c.id}
                  data-points={c.points}
                >
                  <Swatch index={c.index} />
                  <span className="font-mono">{c.id}</span>
                  <span>· {plural(c.points, "point")}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
