import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { METHOD_LABEL, methodOf } from "@/lib/fine-tuning/job-facts";
import type { Job } from "@/lib/fine-tuning/types";

type Params = Record<string, unknown>;

/** The method's hyperparameters; an `auto` the API has since resolved shows the value it chose. */
function hyperparameters(job: Job): [string, string][] {
  const m = job.method as { type?: string } & Record<string, { hyperparameters?: Params } | undefined>;
  const chosen: Params = (m?.type && m[m.type]?.hyperparameters) || {};
  const resolved: Params = (job.hyperparameters as Params | undefined) ?? {};
  const keys = [...new Set([...Object.keys(chosen), ...Object.keys(resolved)])];
  return keys.map((k) => {
    const c = chosen[k];
    const r = resolved[k];
    const text = (v: unknown) => (typeof v === "object" ? JSON.stringify(v) : String(v));
    if ((c === undefined || c === "auto") && r !== undefined && r !== "auto") return [k, `${text(r)} (auto)`];
    return [k, c === undefined ? text(r) : text(c)];
  });
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_minmax(0,1fr)] gap-2 py-1">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function FileLink({ id, testId }: { id: string; testId: string }) {
  return (
    <span className="flex flex-wrap items-center gap-1">
      <a
        href={`/api/v1/files/${id}/content`}
        download
        className="font-mono text-accent text-xs hover:underline"
        data-testid={testId}
      >
        {id}
      </a>
      <CopyButton value={id} size="xs" variant="ghost" className="h-6" aria-label={`Copy ${id}`} />
    </span>
  );
}

/** Method, hyperparameters, files, integrations, seed and metadata. */
export function JobDetails({ job }: { job: Job }) {
  const method = methodOf(job);
  const integrations = job.integrations ?? [];
  const metadata = Object.entries(job.metadata ?? {});
  return (
    <section className="grid gap-4 text-sm md:grid-cols-2" data-testid="job-details">
      <div>
        <h2 className="mb-1 font-medium">Method and hyperparameters</h2>
        <dl className="divide-y divide-border">
          <Row label="Method">
            <span data-testid="job-detail-method">{METHOD_LABEL[method] ?? method}</span>
          </Row>
          {hyperparameters(job).map(([k, v]) => (
            <Row key={k} label={k.replaceAll("_", " ")}>
              <span className="font-mono text-xs" data-testid={`job-hp-${k}`}>
                {v}
              </span>
            </Row>
          ))}
          <Row label="Seed">
            <span className="font-mono text-xs">{job.seed ?? "—"}</span>
          </Row>
        </dl>
      </div>
      <div>
        <h2 className="mb-1 font-medium">Files and integrations</h2>
        <dl className="divide-y divide-border">
          <Row label="Training file">
            <FileLink id={job.training_file} testId="job-training-file" />
          </Row>
          <Row label="Validation file">
            {job.validation_file ? <FileLink id={job.validation_file} testId="job-validation-file" /> : "—"}
          </Row>
          <Row label="Result files">
            {job.result_files.length
              ? job.result_files.map((f) => <FileLink key={f} id={f} testId="job-result-file" />)
              : "—"}
          </Row>
          <Row label="Integrations">
            {integrations.length
              ? integrations.map((i) => (
                  <span key={i.wandb.project} className="block text-xs">
                    W&B · {i.wandb.entity ? `${i.wandb.entity}/` : ""}
                    {i.wandb.project}
                    {i.wandb.name ? ` · ${i.wandb.name}` : ""}
                  </span>
                ))
              : "—"}
          </Row>
          <Row label="Metadata">
            {metadata.length
              ? metadata.map(([k, v]) => (
                  <span key={k} className="block font-mono text-xs" data-testid="job-metadata">
                    {k}={v}
                  </span>
                ))
              : "—"}
          </Row>
        </dl>
      </div>
    </section>
  );
}
