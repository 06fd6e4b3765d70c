import type { ConnectionCheck } from "@/lib/types";

export interface ConnectionResultProps {
  result: ConnectionCheck;
  host: string;
}

/** The outcome of a connection check; a failure shows the server's diagnosis, which says what to do. */
export function ConnectionResult({ result, host }: ConnectionResultProps) {
  const meta = [
    result.status ? `HTTP ${result.status}` : null,
    `${result.latencyMs} ms`,
    result.requestId ? `request id ${result.requestId}` : null,
  ].filter(Boolean);
  if (result.ok) {
    return (
      <div
        data-testid="connection-result"
        data-ok="true"
        role="status"
        className="rounded-md border border-success/30 bg-success-soft px-3 py-2.5"
      >
        <p className="font-medium text-success">
          Connected to {host} in {result.latencyMs} ms
        </p>
        <p className="mt-1 text-fg/80">
          {result.modelCount ?? 0} model{result.modelCount === 1 ? "" : "s"} available
          {result.sampleModels?.length ? ", for example:" : "."}
        </p>
        {Boolean(result.sampleModels?.length) && (
          <ul className="mt-1.5 flex flex-wrap gap-1">
            {result.sampleModels?.slice(0, 8).map((m) => (
              <li key={m} className="rounded border border-border bg-surface px-1.5 py-0.5 font-mono text-xs">
                {m}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 font-mono text-muted text-xs">{meta.join(" · ")}</p>
      </div>
    );
  }
  const d = result.diagnosis;
  return (
    <div
      data-testid="connection-result"
      data-ok="false"
      role="alert"
      className="rounded-md border border-danger/40 bg-danger-soft px-4 py-3"
    >
      <div data-testid="connection-diagnosis" className="space-y-1.5">
        <p className="font-semibold text-danger">{d?.title ?? "The connection failed"}</p>
        {d?.detail && <p className="text-fg leading-relaxed">{d.detail}</p>}
        <p className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-muted text-xs">
          {d?.code && (
            <span>
              code <span className="text-fg">{d.code}</span>
            </span>
          )}
          {meta.map((m) => (
            <span key={m}>{m}</span>
          ))}
        </p>
      </div>
    </div>
  );
}
