"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/api-client";
import { ApiError } from "@/lib/errors";
import { LIMITS } from "@/lib/types";

export function SetupForm() {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await apiFetch("/api/auth/setup", {
        body: {
          code: f.get("code"),
          name: f.get("name"),
          email: f.get("email"),
          password: f.get("password"),
        },
      });
      router.replace("/playground");
      router.refresh();
    } catch (err) {
      setError(
        err instanceof ApiError ? err : new ApiError({ type: "server_error", message: "Setup failed." }),
      );
      setBusy(false);
    }
  }

  const at = (param: string) => (error?.param === param ? error.message : null);
  return (
    <form onSubmit={submit} className="card space-y-4 p-6" aria-labelledby="setup-title">
      <div>
        <h1 id="setup-title" className="font-semibold text-lg">
          Set up Benchtop
        </h1>
        <p className="text-muted text-sm">
          This console has no users yet. Enter the setup code printed in the server log (a line starting with
          “Benchtop setup code”) to create the first admin account.
        </p>
      </div>
      {error && !error.param && (
        <Alert tone="danger" testId="setup-error">
          {error.message}
        </Alert>
      )}
      <Field
        label="Setup code"
        name="code"
        required
        autoFocus
        autoComplete="off"
        placeholder="XXXX-XXXX-XXXX"
        inputClassName="font-mono"
        error={at("code")}
        data-testid="setup-code"
      />
      <Field label="Your name" name="name" autoComplete="name" data-testid="setup-name" />
      <Field
        label="Email"
        name="email"
        type="email"
        required
        autoComplete="username"
        error={at("email")}
        data-testid="setup-email"
      />
      <Field
        label="Password"
        name="password"
        type="password"
        required
        minLength={LIMITS.passwordMin}
        autoComplete="new-password"
        hint={`At least ${LIMITS.passwordMin} characters.`}
        error={at("password")}
        data-testid="setup-password"
      />
      <Button type="submit" variant="primary" className="w-full" disabled={busy} data-testid="setup-submit">
        {busy ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
