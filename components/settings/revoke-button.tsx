"use client";

import { Button } from "@/components/ui/button";

export interface RevokeButtonProps {
  /** The question the browser asks before anything is revoked. */
  confirm: string;
  onConfirm: () => void;
  pending: boolean;
  label?: string;
  "aria-label"?: string;
  "data-testid"?: string;
}

/** A small danger button that asks first: revoking a credential or link cannot be undone. */
export function RevokeButton({ confirm, onConfirm, pending, label = "Revoke", ...rest }: RevokeButtonProps) {
  return (
    <Button
      variant="danger"
      size="sm"
      pending={pending}
      onClick={() => {
        if (window.confirm(confirm)) onConfirm();
      }}
      {...rest}
    >
      {label}
    </Button>
  );
}
