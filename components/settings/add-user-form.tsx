"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/types";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface AddUserFormProps {
  pending: boolean;
  /** Resolves when the user was created (the form then clears); rejects to keep what was typed. */
  onAdd(user: NewUser): Promise<unknown>;
}

export function AddUserForm({ pending, onAdd }: AddUserFormProps) {
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    onAdd({
      email: String(f.get("email") ?? "").trim(),
      name: String(f.get("name") ?? "").trim(),
      role: f.get("role") === "admin" ? "admin" : "member",
      password: String(f.get("password") ?? ""),
    }).then(
      () => form.reset(),
      () => {},
    );
  }

  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-[1.3fr_1fr_7rem_1fr_auto] lg:items-end"
    >
      <label className="flex flex-col gap-1">
        <span className="label">Email</span>
        <input
          name="email"
          type="email"
          required
          autoComplete="off"
          className="input"
          data-testid="user-add-email"
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="label">Name</span>
        <input name="name" autoComplete="off" className="input" data-testid="user-add-name" />
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
          minLength={12}
          autoComplete="new-password"
          aria-describedby="user-add-password-hint"
          className="input"
          data-testid="user-add-password"
        />
      </label>
      <Button type="submit" variant="primary" pending={pending} data-testid="user-add-submit">
        Add user
      </Button>
      <p id="user-add-password-hint" className="text-muted text-xs sm:col-span-2 lg:col-span-5">
        At least 12 characters. Share the initial password privately; they can keep using it until an admin
        resets it.
      </p>
    </form>
  );
}
