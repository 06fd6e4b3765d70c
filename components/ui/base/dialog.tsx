"use client";

import { Dialog as BaseDialog } from "@base-ui/react/dialog";
import { buttonClass } from "../button";
import type { DialogProps } from "../dialog";
import { CloseIcon } from "../icons";
import { MountedModal } from "./modal";

const SIZES = { sm: "max-w-sm", md: "max-w-xl", lg: "max-w-4xl" };

export function Dialog({ title, description, onClose, children, size = "sm", initialFocus }: DialogProps) {
  return (
    <MountedModal onClose={onClose}>
      {(finalFocus) => (
        <>
          <BaseDialog.Backdrop className="fixed inset-0 z-50 bg-black/50" />
          <BaseDialog.Viewport className="fixed inset-0 z-50 flex items-center justify-center p-4">
            <BaseDialog.Popup
              finalFocus={finalFocus}
              initialFocus={initialFocus}
              className={`card flex max-h-[calc(100dvh-2rem)] w-full min-w-0 ${SIZES[size]} flex-col text-fg shadow-xl outline-none`}
            >
              <div className="flex shrink-0 items-start gap-2 px-4 pt-4 pb-3">
                <div className="min-w-0 flex-1">
                  <BaseDialog.Title className="font-medium">{title}</BaseDialog.Title>
                  {description && (
                    <BaseDialog.Description className="mt-0.5 text-muted text-xs">
                      {description}
                    </BaseDialog.Description>
                  )}
                </div>
                <BaseDialog.Close
                  aria-label="Close"
                  data-testid="dialog-close"
                  className={buttonClass({ variant: "ghost", size: "icon" }, "-mt-1 -mr-2 shrink-0")}
                >
                  <CloseIcon />
                </BaseDialog.Close>
              </div>
              <div className="min-h-0 space-y-3 overflow-y-auto px-4 pb-4">{children}</div>
            </BaseDialog.Popup>
          </BaseDialog.Viewport>
        </>
      )}
    </MountedModal>
  );
}
