import type { ButtonHTMLAttributes } from "react";
import { Spinner } from "./spinner";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "default" | "primary" | "danger" | "ghost";
  size?: "sm" | "md";
  /** Shows a spinner and disables the button while a request runs. */
  pending?: boolean;
}

const VARIANTS = { default: "", primary: "btn-primary", danger: "btn-danger", ghost: "btn-ghost" };

export function Button({
  variant = "default",
  size = "md",
  pending = false,
  disabled,
  className = "",
  children,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`btn ${VARIANTS[variant]} ${size === "sm" ? "h-7 px-2 text-xs" : ""} ${className}`}
      {...rest}
    >
      {pending && <Spinner />}
      {children}
    </button>
  );
}
