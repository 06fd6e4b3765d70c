import type { ReactNode } from "react";

export interface BadgeProps {
  tone?: "neutral" | "accent" | "danger" | "warning" | "success";
  children: ReactNode;
}

const TONES = {
  neutral: "bg-surface-2 text-muted",
  accent: "bg-accent-soft text-accent",
  danger: "bg-danger-soft text-danger",
  warning: "bg-warning-soft text-warning",
  success: "bg-success-soft text-success",
};

export function Badge({ tone = "neutral", children }: BadgeProps) {
  return (
    <span className={`inline-flex items-center rounded px-1.5 py-0.5 font-medium text-[11px] ${TONES[tone]}`}>
      {children}
    </span>
  );
}
