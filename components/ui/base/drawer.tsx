"use client";

import { Dialog as BaseDialog } from "@base-ui/react/dialog";
import { buttonClass } from "../button";
import type { DrawerProps } from "../drawer";
import { CloseIcon } from "../icons";
import { MountedModal } from "./modal";

export function Drawer({ label, closeLabel = "Close", onClose, children }: DrawerProps) {
  return (
    <MountedModal onClose={onClose}>
      {(finalFocus) => (
        <>
          <BaseDialog.Backdrop className="fixed inset-0 z-40 bg-black/40" />
          <BaseDialog.Popup
            aria-label={label}
            finalFocus={finalFocus}
            className="fixed inset-y-0 left-0 z-50 flex w-60 max-w-[85vw] flex-col border-border border-r bg-surface text-fg shadow-xl outline-none"
          >
            <BaseDialog.Close
              aria-label={closeLabel}
              className={buttonClass({ variant: "ghost", size: "icon" }, "absolute top-2 right-2")}
            >
              <CloseIcon />
            </BaseDialog.Close>
            {children}
          </BaseDialog.Popup>
        </>
      )}
    </MountedModal>
  );
}
