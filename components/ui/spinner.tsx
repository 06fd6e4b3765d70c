export interface SpinnerProps {
  label?: string;
  className?: string;
}

/** A small ring that spins; announced to screen readers only when given a label. */
export function Spinner({ label, className = "" }: SpinnerProps) {
  return (
    <span role={label ? "status" : undefined} aria-hidden={label ? undefined : true} className="inline-flex">
      <span
        className={`inline-block size-3.5 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent ${className}`}
      />
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}
