import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import { isShutDown } from "@/lib/models/picker-groups";

/** "shuts down Jan 5, 2027" (warning) or "shut down …" (danger, once the day has come): the model picker's badge. */
export function ShutdownBadge({ date, testId = "model-option-shutdown" }: { date: string; testId?: string }) {
  const past = isShutDown(date, new Date().toISOString().slice(0, 10));
  return (
    <span className="shrink-0" data-testid={testId}>
      <Badge tone={past ? "danger" : "warning"}>
        {past ? "shut down" : "shuts down"}&nbsp;<time dateTime={date}>{formatDate(date)}</time>
      </Badge>
    </span>
  );
}
