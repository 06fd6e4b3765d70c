"use client";

import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";

export interface RevokeButtonProps {
  /** The question asked before anything is revoked. */
  confirm: string;
  onConfirm: () => void;
  pending: boolean;
  label?: string;
  "aria-label"?: string;
  "data-testid"?: string;
}

/** A small danger button that asks first: revoking a credential or link cannot be undone. */
export function RevokeButton({ confirm, onConfirm, pending, label = "Revoke", ...rest }: RevokeButtonProps) {
  const [ask, dialog] = useConfirm();
  return (
    <>
      <Button
        variant="danger"
        size="sm"
        pending={pending}
        onClick={async () => {
          if (await ask({ title: confirm, confirmLabel: label, danger: true })) onConfirm();
        }}
        {...rest}
      >
        {label}
      </Button>
      {dialog}
    </>
  );
}
