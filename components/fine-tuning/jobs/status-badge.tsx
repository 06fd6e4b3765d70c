import { Badge } from "@/components/ui/badge";
import { statusInfo } from "@/lib/fine-tuning/job-facts";
import type { JobStatus } from "@/lib/fine-tuning/types";

export function StatusBadge({ status }: { status: JobStatus }) {
  const s = statusInfo(status);
  return (
    <span data-testid="job-status" data-status={status}>
      <Badge tone={s.tone}>{s.label}</Badge>
    </span>
  );
}
