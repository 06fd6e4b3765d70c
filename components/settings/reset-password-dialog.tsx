"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiError } from "@/lib/errors";
import { LIMITS } from "@/lib/types";

export interface ResetPasswordDialogProps {
  email: string;
  onClose(): void;
  onSubmit(password: string): Promise<void>;
}

export function ResetPasswordDialog({ email, onClose, onSubmit }: ResetPasswordDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      await onSubmit(password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not reset the password.");
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Reset password for ${email}`}
      description="Their browser sessions end; their personal access tokens keep working."
      onClose={onClose}
    >
      <form onSubmit={submit} className="space-y-3">
        {error && (
          <Alert tone="danger" testId="user-reset-password-error">
            {error}
          </Alert>
        )}
        <label className="flex flex-col gap-1">
          <span className="label">New password</span>
          <input
            name="password"
            type="password"
            required
            minLength={LIMITS.passwordMin}
            autoFocus
            autoComplete="new-password"
            aria-describedby="reset-password-hint"
            className="input"
            data-testid="user-reset-password-input"
          />
          <span id="reset-password-hint" className="text-muted text-xs">
            At least {LIMITS.passwordMin} characters.
          </span>
        </label>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" pending={busy} data-testid="user-reset-password-submit">
            Reset password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
