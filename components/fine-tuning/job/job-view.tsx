"use client";

import { JobMetrics } from "@/components/fine-tuning/charts/job-metrics";
import { useJob } from "@/components/queries/use-fine-tuning";

/** One job's page (owner: jobs part). Stub; the charts part mounts the metrics panel to test it. */
export function JobView({ id }: { id: string; meId: string }) {
  const job = useJob(id);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-semibold text-xl">{id}</h1>
      {job.data && <JobMetrics job={job.data} />}
    </div>
  );
}
