import { Alert } from "@/components/ui/alert";
import { CREATION_ENDS, WIND_DOWN } from "@/lib/fine-tuning/wind-down";
import { formatDate } from "@/lib/format";

/** OpenAI's self-serve wind-down, in words: when creation ends, and that history stays. */
export function WindDownBanner() {
  return (
    <Alert
      tone="warning"
      testId="ft-wind-down"
      title={`OpenAI stops self-serve fine-tuning job creation on ${formatDate(CREATION_ENDS)}`}
    >
      <p>
        Earlier for some organizations:{" "}
        {WIND_DOWN.filter((s) => s.date !== CREATION_ENDS)
          .map((s) => `${formatDate(s.date)} — ${s.who.toLowerCase()}`)
          .join("; ")}
        . Jobs, events, checkpoints and result files stay readable here, and “Export job” keeps a job’s whole
        history as a zip. Fine-tuned models work until their base model shuts down.
      </p>
    </Alert>
  );
}
