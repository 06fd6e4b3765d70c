import Link from "next/link";
import { failureGuidance } from "@/lib/fine-tuning/job-facts";
import type { Job } from "@/lib/fine-tuning/types";

/** Why a job failed, in the API's words, and what to do about it by code and param. */
export function JobError({ error }: { error: NonNullable<Job["error"]> }) {
  const g = failureGuidance(error);
  return (
    <div
      role="alert"
      className="rounded-lg border border-danger/30 bg-danger-soft px-3 py-2 text-sm"
      data-testid="job-error"
      data-code={error.code ?? ""}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <p className="font-medium text-danger" data-testid="job-error-title">
          {g.title}
        </p>
        <span className="font-mono text-muted text-xs">
          {error.code}
          {error.param ? ` · param: ${error.param}` : ""}
        </span>
      </div>
      <p className="mt-1 text-fg/90" data-testid="job-error-message">
        {error.message}
      </p>
      <p className="mt-1 text-fg/80" data-testid="job-error-advice">
        {g.advice}
      </p>
      {g.fixInCreate && (
        <Link
          href="/fine-tuning/new"
          className="mt-1 inline-block text-accent text-xs hover:underline"
          data-testid="job-error-create"
        >
          Open the create page
        </Link>
      )}
    </div>
  );
}
