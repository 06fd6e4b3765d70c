"use client";

import { type ReactNode, useCallback, useRef, useState } from "react";
import { buttonClass } from "./button";
import { Dialog } from "./dialog";

export interface ConfirmOptions {
  title: ReactNode;
  description?: ReactNode;
  /** The button that goes ahead: "Delete", "Replace". */
  confirmLabel: string;
  cancelLabel?: string;
  /** A destructive action: the confirm button is red and Cancel has the focus. */
  danger?: boolean;
}

export interface ConfirmDialogProps extends ConfirmOptions {
  onConfirm(): void;
  onClose(): void;
}

/**
 * Asks before an action, in place of `window.confirm` (which a phone shows as a system popup with
 * the page's address, blocks the page, and cannot be styled or tested like the rest).
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  danger = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      initialFocus={danger ? cancel : confirm}
    >
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <button
          type="button"
          ref={cancel}
          className={buttonClass()}
          onClick={onClose}
          data-testid="confirm-cancel"
        >
          {cancelLabel}
        </button>
        <button
          type="button"
          ref={confirm}
          className={buttonClass({ variant: danger ? "danger" : "primary" })}
          onClick={onConfirm}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * `const [confirm, dialog] = useConfirm()`: `await confirm({...})` resolves true when the user goes
 * ahead; render `dialog` anywhere in the component.
 */
export function useConfirm(): [(options: ConfirmOptions) => Promise<boolean>, ReactNode] {
  const [asking, setAsking] = useState<{ options: ConfirmOptions; resolve(ok: boolean): void } | null>(null);
  const confirm = useCallback(
    (options: ConfirmOptions) => new Promise<boolean>((resolve) => setAsking({ options, resolve })),
    [],
  );
  const answer = (ok: boolean) => {
    asking?.resolve(ok);
    setAsking(null);
  };
  const dialog = asking && (
    <ConfirmDialog {...asking.options} onConfirm={() => answer(true)} onClose={() => answer(false)} />
  );
  return [confirm, dialog];
}
