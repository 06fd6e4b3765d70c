import type { ReactNode } from "react";

export interface AlertProps {
  tone?: "danger" | "warning" | "success" | "info";
  title?: ReactNode;
  children?: ReactNode;
  testId?: string;
}

const TONES = {
  danger: "border-danger/30 bg-danger-soft text-danger",
  warning: "border-warning/30 bg-warning-soft text-warning",
  success: "border-success/30 bg-success-soft text-success",
  info: "border-border bg-surface-2 text-fg",
};

export function Alert({ tone = "info", title, children, testId }: AlertProps) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      data-testid={testId}
      className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}
    >
      {title && <p className="font-medium">{title}</p>}
      {children && <div className={title ? "mt-0.5 text-fg/80" : ""}>{children}</div>}
    </div>
  );
}
