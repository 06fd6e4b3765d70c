"use client";

import { fieldCandidates } from "@/lib/assistants/builder";
import type { ConfigIssue } from "@/lib/assistants/validate";

/** Go to the field an issue names, or the nearest enclosing one that is on the page. */
function reveal(path: string): void {
  for (const id of fieldCandidates(path)) {
    const el = document.getElementById(id);
    if (!el) continue;
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    const target = el.matches("input, textarea, select, button")
      ? el
      : el.querySelector("input, textarea, select");
    (target as HTMLElement | null)?.focus({ preventScroll: true });
    return;
  }
}

/** validateConfig's findings, live: errors block Save, warnings do not. Each links to its field. */
export function IssuesList({ issues }: { issues: ConfigIssue[] }) {
  const errors = issues.filter((i) => i.level === "error").length;
  return (
    <section
      data-testid="assistant-issues"
      data-errors={errors}
      aria-label="Issues"
      aria-live="polite"
      className="card space-y-2 p-3 text-xs"
    >
      <h2 className="font-medium text-sm">
        {issues.length === 0
          ? "No issues"
          : `${errors ? `${errors} error${errors > 1 ? "s" : ""}` : ""}${errors && issues.length > errors ? ", " : ""}${
              issues.length > errors
                ? `${issues.length - errors} warning${issues.length - errors > 1 ? "s" : ""}`
                : ""
            }`}
      </h2>
      {issues.length === 0 ? (
        <p className="text-muted">The model takes everything set here.</p>
      ) : (
        <ul className="space-y-1">
          {issues.map((i) => (
            <li key={`${i.level}${i.path}${i.message}`} data-level={i.level} className="flex gap-2">
              <span
                aria-hidden
                className={`mt-1 size-2 shrink-0 rounded-full ${i.level === "error" ? "bg-danger" : "bg-warning"}`}
              />
              <span className="min-w-0">
                <span className="sr-only">{i.level}: </span>
                <button
                  type="button"
                  className="font-mono text-muted hover:text-fg hover:underline"
                  onClick={() => reveal(i.path)}
                >
                  {i.path || "assistant"}
                </button>{" "}
                <span className={i.level === "error" ? "text-danger" : "text-warning"}>{i.message}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
