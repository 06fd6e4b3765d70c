"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/errors";

export interface ResetPasswordDialogProps {
  email: string;
  onClose(): void;
  onSubmit(password: string): Promise<void>;
}

export function ResetPasswordDialog({ email, onClose, onSubmit }: ResetPasswordDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    try {
      await onSubmit(password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not reset the password.");
    }
  }

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="reset-title"
      className="card m-auto w-full max-w-sm p-0 text-fg backdrop:bg-black/40"
    >
      <form onSubmit={submit} className="space-y-3 p-4">
        <h2 id="reset-title" className="font-medium">
          Reset password for {email}
        </h2>
        <p className="text-muted text-xs">Their sessions end; their personal tokens keep working.</p>
        {error && <Alert tone="danger">{error}</Alert>}
        <label className="flex flex-col gap-1">
          <span className="label">New password</span>
          <input
            name="password"
            type="password"
            required
            minLength={12}
            autoFocus
            autoComplete="new-password"
            className="input"
            data-testid="user-reset-password-input"
          />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" data-testid="user-reset-password-submit">
            Reset password
          </button>
        </div>
      </form>
    </dialog>
  );
}
