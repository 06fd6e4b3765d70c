"use client";

import { useState } from "react";
import { Button, type ButtonStyle } from "./button";

export interface CopyButtonProps extends ButtonStyle {
  value: string;
  label?: string;
  /** The accessible name when the visible label alone is ambiguous (several "Copy" buttons in a list). */
  "aria-label"?: string;
  className?: string;
  "data-testid"?: string;
}

export function CopyButton({
  value,
  label = "Copy",
  variant,
  size,
  className = "h-7",
  ...rest
}: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant={variant}
      size={size}
      className={className}
      {...rest}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? "Copied" : label}
    </Button>
  );
}
