"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy";
import { TableHead } from "@/components/ui/table-head";
import { When } from "@/components/ui/when";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { LIMITS, type Role, type UserDto } from "@/lib/types";

// Each dialog (with the user's token and link tables) loads when it first opens, not with the page.
const DisableUserDialog = lazyComponent(() =>
  import("./disable-user-dialog").then((m) => m.DisableUserDialog),
);
const ResetPasswordDialog = lazyComponent(() =>
  import("./reset-password-dialog").then((m) => m.ResetPasswordDialog),
);
const UserAccessDialog = lazyComponent(() => import("./user-access-dialog").then((m) => m.UserAccessDialog));

export interface UsersPanelProps {
  currentUserId: string;
}

type Patch = { name?: string; role?: Role; disabled?: boolean; password?: string };

export function UsersPanel({ currentUserId }: UsersPanelProps) {
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: queryKeys.users,
    queryFn: () => apiFetch<{ data: UserDto[] }>("/api/users"),
  });
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const [inspecting, setInspecting] = useState<UserDto | null>(null);
  const [disabling, setDisabling] = useState<UserDto | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: queryKeys.users });
  const add = useMutation({
    mutationFn: (v: { email: string; name: string; role: Role; password: string }) =>
      apiFetch("/api/users", { body: v }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Patch }) =>
      apiFetch(`/api/users/${id}`, { method: "PATCH", body: patch }),
    onSuccess: refresh,
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    add.mutate(
      {
        email: String(f.get("email")),
        name: String(f.get("name") ?? ""),
        role: f.get("role") as Role,
        password: String(f.get("password")),
      },
      { onSuccess: () => form.reset() },
    );
  }

  const error = add.error ?? update.error;
  return (
    <div className="space-y-6">
      <section className="card space-y-3 p-4">
        <h2 className="font-medium">Add a user</h2>
        <form
          onSubmit={submit}
          className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_1fr_8rem_1fr_auto] sm:items-end"
        >
          <label className="flex flex-col gap-1">
            <span className="label">Email</span>
            <input name="email" type="email" required className="input" data-testid="user-add-email" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="label">Name</span>
            <input name="name" className="input" data-testid="user-add-name" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="label">Role</span>
            <select name="role" className="input" defaultValue="member" data-testid="user-add-role">
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="label">Initial password</span>
            <input
              name="password"
              type="password"
              required
              minLength={LIMITS.passwordMin}
              autoComplete="new-password"
              className="input"
              data-testid="user-add-password"
            />
          </label>
          <Button type="submit" variant="primary" disabled={add.isPending} data-testid="user-add-submit">
            Add user
          </Button>
        </form>
        <p className="text-muted text-xs">
          Passwords need at least {LIMITS.passwordMin} characters. Share the initial one privately.
        </p>
      </section>
      {error && (
        <Alert tone="danger" testId="user-error">
          {error.message}
        </Alert>
      )}
      {/* On a phone each row stacks as a card (user; role and status; actions), so nothing is cut off. */}
      <section className="card overflow-x-auto" data-testid="users-table">
        <table className="w-full text-left text-sm max-sm:block">
          <TableHead columns={["User", "Role", "Status", ""]} className="max-sm:hidden" />
          <tbody className="max-sm:block">
            {users.data?.data.map((u) => {
              const self = u.id === currentUserId;
              return (
                <tr
                  key={u.id}
                  data-testid="user-row"
                  data-email={u.email}
                  className="border-border border-t max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:py-2"
                >
                  <td className="px-4 py-2 max-sm:w-full max-sm:pb-1">
                    <div className="break-all font-medium">
                      {u.email}
                      {self && <span className="ml-1 font-normal text-muted text-xs">(you)</span>}
                    </div>
                    <div className="text-muted text-xs">
                      {u.name ? `${u.name} · ` : ""}added <When value={u.createdAt} />
                    </div>
                  </td>
                  <td className="px-4 py-2">
                    <select
                      aria-label={`Role of ${u.email}`}
                      className="input h-7 w-28"
                      value={u.role}
                      disabled={self}
                      data-testid="user-role"
                      onChange={(e) => update.mutate({ id: u.id, patch: { role: e.target.value as Role } })}
                    >
                      <option value="member">Member</option>
                      <option value="admin">Admin</option>
                    </select>
                  </td>
                  <td className="px-4 py-2">
                    {u.disabledAt ? (
                      <Badge tone="danger">disabled</Badge>
                    ) : (
                      <Badge tone="success">active</Badge>
                    )}
                  </td>
                  <td className="px-4 py-2 max-sm:w-full">
                    <div className="flex flex-wrap justify-end gap-1 max-sm:justify-start">
                      <Button
                        className="h-7 whitespace-nowrap"
                        data-testid="user-open-access"
                        onClick={() => setInspecting(u)}
                      >
                        Tokens & links
                      </Button>
                      <Button
                        className="h-7 whitespace-nowrap"
                        data-testid="user-reset-password"
                        onClick={() => setResetting(u)}
                      >
                        Reset password
                      </Button>
                      {u.disabledAt ? (
                        <Button
                          className="h-7 whitespace-nowrap"
                          data-testid="user-enable"
                          onClick={() => update.mutate({ id: u.id, patch: { disabled: false } })}
                        >
                          Enable
                        </Button>
                      ) : (
                        !self && (
                          <Button
                            variant="danger"
                            className="h-7 whitespace-nowrap"
                            data-testid="user-disable"
                            onClick={() => setDisabling(u)}
                          >
                            Disable
                          </Button>
                        )
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {resetting && (
        <ResetPasswordDialog
          email={resetting.email}
          onClose={() => setResetting(null)}
          onSubmit={(password) =>
            update.mutateAsync({ id: resetting.id, patch: { password } }).then(() => setResetting(null))
          }
        />
      )}
      {inspecting && <UserAccessDialog user={inspecting} onClose={() => setInspecting(null)} />}
      {disabling && (
        <DisableUserDialog
          user={disabling}
          onClose={() => setDisabling(null)}
          onConfirm={() =>
            update.mutateAsync({ id: disabling.id, patch: { disabled: true } }).then(() => setDisabling(null))
          }
        />
      )}
    </div>
  );
}
