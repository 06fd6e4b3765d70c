"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import {
  type DraftErrors,
  type DraftField,
  draftFieldOf,
  draftFromSettings,
  type LimitDraft,
  settingsFromDraft,
} from "@/lib/budgets/schema";
import type { LimitSettings, LimitSubject } from "@/lib/budgets/types";
import { EMPTY_LIMITS } from "@/lib/budgets/types";
import type { ApiError } from "@/lib/errors";
import { ModelsField } from "./models-field";
import { useBudgetEdits } from "./use-budget-edits";

export interface LimitsDialogProps {
  subject: LimitSubject;
  /** "Team defaults", the user's email, the token's name. */
  label: string;
  settings: LimitSettings | null;
  onClose(): void;
}

const FIELDS: { field: DraftField; label: string; hint: string; inputMode?: "numeric" | "decimal" }[] = [
  { field: "usdPerDay", label: "USD per day", hint: "Resets at 00:00 UTC.", inputMode: "decimal" },
  { field: "usdPerMonth", label: "USD per month", hint: "Resets on the 1st, UTC.", inputMode: "decimal" },
  { field: "rpm", label: "Requests per minute", hint: "", inputMode: "numeric" },
  { field: "tpm", label: "Tokens per minute", hint: "Input estimate plus max output.", inputMode: "numeric" },
  {
    field: "softPercent",
    label: "Soft threshold %",
    hint: "Notify at this share of a budget (default 80).",
    inputMode: "numeric",
  },
];

/** What an empty field means, per subject: a token falls back to its user, a user to the team. */
const PLACEHOLDER = { token: "User's limits", user: "Team default", team: "No limit" } as const;
const CLEAR = {
  token: "Clear (only the user's limits)",
  user: "Clear (use team default)",
  team: "Remove team defaults",
} as const;
const EMPTY_MODELS = {
  token: "Empty: the user's list (or every model).",
  user: "Empty: the team default (or every model).",
  team: "Empty: every model.",
} as const;

/** The form behind every "Edit limits": an empty field is no limit of this subject's own. */
export function LimitsDialog({ subject, label, settings, onClose }: LimitsDialogProps) {
  const [draft, setDraft] = useState<LimitDraft>(() => draftFromSettings(settings ?? EMPTY_LIMITS));
  const [fieldErrors, setFieldErrors] = useState<DraftErrors>({});
  const { save, clear } = useBudgetEdits();
  const inherits = subject.kind !== "team";
  const set = (field: DraftField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = settingsFromDraft(draft);
    if (!r.ok) return setFieldErrors(r.errors);
    save.mutate(
      { subject, settings: r.settings },
      {
        onSuccess: onClose,
        // The draft stays as typed; a field the server names gets its message beside it.
        onError: (err) => {
          const field = draftFieldOf((err as ApiError).param);
          if (field) setFieldErrors({ [field]: err.message.replace(/^settings\.\w+: /, "") });
        },
      },
    );
  };
  const serverError = save.error && !draftFieldOf((save.error as ApiError).param) ? save.error : clear.error;

  return (
    <Dialog
      title={`Limits: ${label}`}
      description={
        subject.kind === "token"
          ? "A token's limits apply on top of its user's. Leave a field empty and the token has no limit of its own there: its user's (or the team default) still applies."
          : inherits
            ? "Leave a field empty to use the team default. A token's limits apply on top of its user's."
            : "Defaults for every user without their own. Leave a field empty for no limit."
      }
      onClose={onClose}
      size="lg"
    >
      <form onSubmit={submit} noValidate className="space-y-4" data-testid="limits-dialog">
        <div className="grid gap-3 sm:grid-cols-2">
          {FIELDS.map((f) => (
            <Field
              key={f.field}
              name={f.field}
              id={`limits-${f.field}`}
              label={f.label}
              hint={f.hint || undefined}
              inputMode={f.inputMode}
              placeholder={PLACEHOLDER[subject.kind]}
              value={draft[f.field]}
              error={fieldErrors[f.field]}
              onChange={(e) => set(f.field, e.target.value)}
            />
          ))}
          <Field
            name="expires"
            id="limits-expires"
            type="date"
            label="Expires"
            hint="Calls are refused after this day (UTC)."
            value={draft.expires}
            error={fieldErrors.expires}
            onChange={(e) => set("expires", e.target.value)}
          />
        </div>
        <ModelsField
          value={draft.models}
          error={fieldErrors.models}
          placeholder={subject.kind === "team" ? "All models" : PLACEHOLDER[subject.kind]}
          whenEmpty={EMPTY_MODELS[subject.kind]}
          onChange={(v) => set("models", v)}
        />
        {serverError && <Alert tone="danger">{serverError.message}</Alert>}
        <div className="flex flex-wrap items-center justify-between gap-2">
          {settings ? (
            <Button
              type="button"
              variant="ghost"
              data-testid="limits-clear"
              disabled={clear.isPending}
              onClick={() => clear.mutate(subject, { onSuccess: onClose })}
            >
              {CLEAR[subject.kind]}
            </Button>
          ) : (
            <span />
          )}
          <div className="flex gap-2">
            <Button type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={save.isPending} data-testid="limits-save">
              {save.isPending ? "Saving…" : "Save limits"}
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
