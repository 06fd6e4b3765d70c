"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export interface ConfirmDeleteProps {
  title: string;
  children: ReactNode;
  onCancel(): void;
  onConfirm(): void;
  pending: boolean;
  error?: string;
}

export function ConfirmDelete({ title, children, onCancel, onConfirm, pending, error }: ConfirmDeleteProps) {
  return (
    <Dialog title={title} onClose={onCancel} size="sm">
      <p className="text-sm">{children}</p>
      {error && <p className="text-danger text-xs">{error}</p>}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Keep</Button>
        <Button variant="danger" onClick={onConfirm} pending={pending} data-testid="history-confirm-delete">
          Delete
        </Button>
      </div>
    </Dialog>
  );
}
