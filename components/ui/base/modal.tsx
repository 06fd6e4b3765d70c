"use client";

import { Dialog as BaseDialog } from "@base-ui/react/dialog";
import { type ReactNode, useState } from "react";

/**
 * What Dialog and Drawer share: they are open while mounted and ask the caller to unmount them.
 * Callers open them from their own buttons, not from a Dialog.Trigger, so the opener is remembered
 * on first render (before focus moves into the popup); pass `finalFocus` to the popup to hand
 * focus back to it on close.
 */
export function MountedModal({
  onClose,
  children,
}: {
  onClose(): void;
  children(finalFocus: () => HTMLElement | true): ReactNode;
}) {
  const [opener] = useState(() =>
    typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null),
  );
  return (
    <BaseDialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <BaseDialog.Portal>{children(() => opener ?? true)}</BaseDialog.Portal>
    </BaseDialog.Root>
  );
}
