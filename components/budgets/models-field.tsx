"use client";

import { useModels } from "@/components/queries/use-models";
import { Field } from "@/components/ui/field";

const SUGGESTIONS = 8;
const DATED = /^-\d{4}-\d{2}-\d{2}$/;

interface ModelsFieldProps {
  value: string;
  error?: string;
  placeholder: string;
  /** What an empty list means for this subject. */
  whenEmpty: string;
  onChange(value: string): void;
}

/**
 * The allow-list as typed ids (a list may name a model the upstream does not list yet), with the
 * upstream's models offered for the entry being typed and entries it does not list pointed out.
 */
export function ModelsField({ value, error, placeholder, whenEmpty, onChange }: ModelsFieldProps) {
  const { all, loaded } = useModels();
  // As the proxy reads a list: an entry covers its own id and its dated snapshots.
  const listed = (entry: string) =>
    all.some(
      ({ model: id }) => id === entry || (id.startsWith(`${entry}-`) && DATED.test(id.slice(entry.length))),
    );
  const entries = value.split(",").map((m) => m.trim());
  const typing = (entries.at(-1) ?? "").toLowerCase();
  const chosen = new Set(entries.slice(0, -1));
  const offers = loaded
    ? all
        .map((m) => m.model)
        .filter((id) => !chosen.has(id) && id !== typing && id.toLowerCase().includes(typing))
        .slice(0, SUGGESTIONS)
    : [];
  // The entry being typed counts once nothing the upstream lists matches it.
  const unknown = loaded
    ? entries.filter((m, i) => m && (i < entries.length - 1 || offers.length === 0) && !listed(m))
    : [];
  const pick = (id: string) => onChange([...entries.slice(0, -1), id].filter(Boolean).join(", ") + ", ");

  return (
    <div className="space-y-2">
      <Field
        name="models"
        id="limits-models"
        label="Allowed models"
        hint={`Model ids, comma-separated. Each also allows its dated snapshots (gpt-4o allows gpt-4o-2024-08-06, not gpt-4o-mini). ${whenEmpty}`}
        placeholder={placeholder}
        value={value}
        error={error}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
      {offers.length > 0 && (
        <fieldset className="flex flex-wrap gap-1.5" aria-label="Models the upstream lists">
          {offers.map((id) => (
            <button
              key={id}
              type="button"
              className="rounded-full border border-border px-2 py-0.5 font-mono text-xs hover:bg-surface-2"
              onClick={() => pick(id)}
            >
              + {id}
            </button>
          ))}
        </fieldset>
      )}
      {unknown.length > 0 && (
        <p className="text-warning text-xs" data-testid="limits-models-unknown">
          Not listed by the upstream: {unknown.join(", ")}. Calls can name them only if the id is right.
        </p>
      )}
    </div>
  );
}
