"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/api-client";
import { ApiError } from "@/lib/errors";

export interface SignInFormProps {
  next: string;
}

export function SignInForm({ next }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await apiFetch("/api/auth/sign-in", {
        body: { email: form.get("email"), password: form.get("password") },
      });
      router.replace(next);
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Sign-in failed. Try again.");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card space-y-4 p-6" aria-labelledby="sign-in-title">
      <div>
        <h1 id="sign-in-title" className="font-semibold text-lg">
          Sign in
        </h1>
        <p className="text-muted text-sm">Use the account your Benchtop admin created for you.</p>
      </div>
      {error && (
        <Alert tone="danger" testId="sign-in-error">
          {error}
        </Alert>
      )}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        data-testid="sign-in-email"
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        data-testid="sign-in-password"
      />
      <Button type="submit" variant="primary" className="w-full" disabled={busy} data-testid="sign-in-submit">
        {busy ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-muted text-xs">Forgot your password? An admin can reset it in Settings → Users.</p>
    </form>
  );
}
