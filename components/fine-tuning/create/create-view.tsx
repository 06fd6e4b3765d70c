"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useModels } from "@/components/queries/use-models";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import { ApiError } from "@/lib/errors";
import type { HostBodyLimit } from "@/lib/files/limits";
import { explainCreateError, type Refusal } from "@/lib/fine-tuning/availability";
import { checkDraft, createBody } from "@/lib/fine-tuning/create";
import type { Job } from "@/lib/fine-tuning/types";
import type { ValidationResult } from "@/lib/fine-tuning/validate/client";
import { DEFAULT_FINE_TUNING } from "@/lib/models/catalogue";
import { FileSlot } from "./file-slot";
import { JobSettings } from "./job-settings";
import { RefusalPanel } from "./refusal";
import { SplitHelper } from "./split-helper";
import { useCreateDraft } from "./store";

/** Create a job: files checked in the browser before upload, the settings, and a refusal in words. */
export function CreateView({ hostBodyLimit = null }: { hostBodyLimit?: HostBodyLimit }) {
  const router = useRouter();
  const d = useCreateDraft();
  const { resolve } = useModels();
  const model = resolve(d.model || "unknown");
  const spec = model.fineTuning ?? DEFAULT_FINE_TUNING;
  const [local, setLocal] = useState<{ training: File | null; validation: File | null }>({
    training: null,
    validation: null,
  });
  const [trained, setTrained] = useState<ValidationResult | null>(null);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ refusal: Refusal; code: string | null; message: string } | null>(
    null,
  );
  const problems = useMemo(() => checkDraft(d), [d]);
  const ok = Object.keys(problems).length === 0;

  const submit = async () => {
    setShown(true);
    setRefused(null);
    if (!ok) return;
    setBusy(true);
    try {
      const job = await apiFetch<Job>("/api/v1/fine_tuning/jobs", { method: "POST", body: createBody(d) });
      router.push(`/fine-tuning/${encodeURIComponent(job.id)}`);
    } catch (e) {
      const err =
        e instanceof ApiError
          ? e
          : { status: 0, code: null, param: null, message: e instanceof Error ? e.message : String(e) };
      const refusal = explainCreateError(err);
      setRefused({ refusal, code: err.code, message: err.message });
      setBusy(false);
    }
  };

  return (
    <div className="flex min-w-0 max-w-5xl flex-col gap-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-semibold text-xl">New fine-tuning job</h1>
        <Button size="sm" variant="ghost" onClick={() => d.reset()}>
          Clear the form
        </Button>
      </header>
      <section className="card flex min-w-0 flex-col gap-4 p-4" aria-label="Data">
        <FileSlot
          slot="training"
          method={d.method}
          encoding={model.encoding}
          spec={spec}
          fileId={d.trainingFile}
          onFileId={(trainingFile) => d.patch({ trainingFile })}
          local={local.training}
          onLocal={(training) => setLocal((l) => ({ ...l, training }))}
          onValidated={setTrained}
          hostBodyLimit={hostBodyLimit}
        />
        {local.training && trained && (
          <SplitHelper
            file={local.training}
            examples={trained.report.examples}
            onSplit={(training, validation) => setLocal({ training, validation })}
          />
        )}
        <FileSlot
          slot="validation"
          method={d.method}
          encoding={model.encoding}
          spec={spec}
          fileId={d.validationFile}
          onFileId={(validationFile) => d.patch({ validationFile })}
          local={local.validation}
          onLocal={(validation) => setLocal((l) => ({ ...l, validation }))}
          hostBodyLimit={hostBodyLimit}
        />
        {shown && problems.trainingFile && (
          <p className="text-danger text-sm" data-testid="problem-trainingFile">
            {problems.trainingFile}
          </p>
        )}
      </section>
      <section className="card p-4" aria-label="Settings">
        <JobSettings problems={problems} shown={shown} />
      </section>
      {refused && <RefusalPanel refusal={refused.refusal} raw={refused} />}
      <div className="flex items-center gap-3">
        <Button variant="primary" pending={busy} onClick={() => void submit()} data-testid="create-job">
          Create job
        </Button>
        {shown && !ok && (
          <span className="text-danger text-sm" data-testid="create-blocked">
            Fix the marked fields first.
          </span>
        )}
      </div>
    </div>
  );
}
