"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { UserDto } from "@/lib/types";
import { UserSharesTable } from "./user-shares-table";
import { UserTokensTable } from "./user-tokens-table";

export interface UserAccessDialogProps {
  user: UserDto;
  onClose(): void;
}

/** An admin cleaning up after a user: every token and share link they hold, each revocable. */
export function UserAccessDialog({ user, onClose }: UserAccessDialogProps) {
  return (
    <Dialog
      title={`Tokens and share links of ${user.email}`}
      description="Revoking takes effect at once and cannot be undone. Disabling the user revokes them all."
      onClose={onClose}
      size="lg"
    >
      <div className="space-y-5" data-testid="user-access">
        <UserTokensTable userId={user.id} email={user.email} />
        <UserSharesTable userId={user.id} email={user.email} />
        <div className="flex justify-end">
          <Button onClick={onClose} data-testid="user-access-close">
            Close
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
