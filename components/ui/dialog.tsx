"use client";

import { type ReactNode, useEffect, useRef } from "react";

export interface DialogProps {
  title: ReactNode;
  description?: ReactNode;
  onClose(): void;
  children: ReactNode;
  size?: "sm" | "md" | "lg";
}

const SIZES = { sm: "max-w-sm", md: "max-w-xl", lg: "max-w-4xl" };

/**
 * A modal on the native <dialog>: focus is trapped, Escape closes it and focus returns to the
 * button that opened it. Mount it to open it; unmount (via onClose) to close.
 */
export function Dialog({ title, description, onClose, children, size = "sm" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    // No close() here: its "close" event arrives a task later and, under StrictMode's re-run, would
    // shut the dialog that was just reopened. Unmounting removes it from the top layer anyway.
    return () => opener?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      aria-labelledby="dialog-title"
      className={`card m-auto w-[calc(100%-2rem)] ${SIZES[size]} p-0 text-fg shadow-xl backdrop:bg-black/50`}
    >
      <div className="space-y-3 p-4">
        <div>
          <h2 id="dialog-title" className="font-medium">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-muted text-xs">{description}</p>}
        </div>
        {children}
      </div>
    </dialog>
  );
}
