"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/errors";
import { plural } from "@/lib/format";
import type { UserDto } from "@/lib/types";
import { liveShares, liveTokens, useUserShares, useUserTokens } from "./use-user-access";

export interface DisableUserDialogProps {
  user: UserDto;
  onClose(): void;
  onConfirm(): Promise<unknown>;
}

/** Says exactly what disabling ends before it does, since none of it comes back on re-enabling. */
export function DisableUserDialog({ user, onClose, onConfirm }: DisableUserDialogProps) {
  const tokens = useUserTokens(user.id);
  const shares = useUserShares(user.id);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const counted = tokens.isSuccess && shares.isSuccess;
  const failed = tokens.isError || shares.isError;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not disable the user.");
      setBusy(false);
    }
  }

  return (
    <Dialog title="Disable this user?" onClose={onClose}>
      <div className="space-y-3 text-sm" data-testid="user-disable-dialog">
        {error && <Alert tone="danger">{error}</Alert>}
        {counted || failed ? (
          <p data-testid="user-disable-summary">
            Disabling <strong className="break-words">{user.email}</strong> signs them out everywhere and
            revokes{" "}
            {counted ? (
              <>
                <strong>{plural(liveTokens(tokens.data).length, "token")}</strong> and{" "}
                <strong>{plural(liveShares(shares.data).length, "share link")}</strong>.
              </>
            ) : (
              "every token and share link they hold."
            )}
          </p>
        ) : (
          <p className="flex items-center gap-2 text-muted">
            <Spinner /> Counting their tokens and share links…
          </p>
        )}
        <p className="text-muted text-xs">
          Re-enabling them later lets them sign in again but brings none of these back: they create new tokens
          and links.
        </p>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            pending={busy}
            disabled={!counted && !failed}
            onClick={() => void confirm()}
            data-testid="user-disable-confirm"
          >
            Disable
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
