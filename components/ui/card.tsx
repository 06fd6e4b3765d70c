import type { ReactNode } from "react";

export interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons shown at the right of the header. */
  actions?: ReactNode;
  children?: ReactNode;
  /** Drop the body padding, for tables that run edge to edge. */
  flush?: boolean;
  className?: string;
  "aria-label"?: string;
}

export function Card({ title, description, actions, children, flush, className = "", ...rest }: CardProps) {
  return (
    <section className={`card ${className}`} aria-label={rest["aria-label"]}>
      {(title || actions) && (
        <header
          className={`flex flex-wrap items-start justify-between gap-3 px-4 pt-4 ${flush ? "border-border border-b pb-3" : ""}`}
        >
          <div className="min-w-0">
            {title && <h2 className="font-medium">{title}</h2>}
            {description && <p className="mt-0.5 text-muted text-xs">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      {children && <div className={flush ? "" : "space-y-3 p-4"}>{children}</div>}
    </section>
  );
}
