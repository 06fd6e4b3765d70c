import type { ReactNode } from "react";
import { Spinner } from "./spinner";

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  loading?: boolean;
}

/** What a list shows when it has nothing to show yet (or is still loading). */
export function EmptyState({ title, children, loading }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center gap-1 px-4 py-8 text-center">
      <p className="flex items-center gap-2 font-medium text-fg/80">
        {loading && <Spinner />}
        {title}
      </p>
      {children && <div className="max-w-md text-muted text-xs">{children}</div>}
    </div>
  );
}
