import { When } from "@/components/ui/when";
import { statusInfo, type TimelineStep } from "@/lib/fine-tuning/job-facts";
import { isTerminal } from "@/lib/fine-tuning/status";
import { fromUnix } from "@/lib/format";

const DOT: Record<string, string> = {
  success: "bg-success",
  danger: "bg-danger",
  warning: "bg-warning",
  accent: "bg-accent",
  neutral: "bg-muted",
};

/** validating → queued → running → (paused → running)… → terminal, each with the time it began. */
export function StatusTimeline({ steps }: { steps: TimelineStep[] }) {
  const last = steps.at(-1);
  const upcoming = last && !isTerminal(last.status) ? ["succeeded"] : [];
  return (
    <ol className="flex flex-wrap items-start gap-x-1 gap-y-2 text-xs" data-testid="job-timeline">
      {steps.map((s, i) => {
        const info = statusInfo(s.status);
        const current = i === steps.length - 1;
        return (
          <li
            key={`${s.status}@${s.at ?? "now"}`}
            className="flex items-start gap-1"
            data-testid="job-timeline-step"
            data-status={s.status}
          >
            {i > 0 && <span className="mt-1.5 h-px w-4 bg-border" aria-hidden />}
            <span
              className={`mt-1 size-2.5 shrink-0 rounded-full ${DOT[info.tone]} ${current && !isTerminal(s.status) ? "animate-pulse" : ""}`}
              aria-hidden
            />
            <span>
              <span className={current ? "font-medium" : ""}>{info.label}</span>
              <br />
              <When value={fromUnix(s.at)} empty="" className="text-muted" />
            </span>
          </li>
        );
      })}
      {upcoming.map((s) => (
        <li key={s} className="flex items-start gap-1 text-muted">
          <span className="mt-1.5 h-px w-4 border-border border-t border-dashed" aria-hidden />
          <span className="mt-1 size-2.5 rounded-full border border-border" aria-hidden />
          <span>{statusInfo(s).label}</span>
        </li>
      ))}
    </ol>
  );
}
