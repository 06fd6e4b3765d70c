"use client";

import { Badge } from "@/components/ui/badge";
import { formatMicros } from "@/lib/budgets/format";
import type { LimitSettings } from "@/lib/budgets/types";
import { formatDate } from "@/lib/format";

/** A subject's settings as short chips ("$5/day", "60 rpm"); `empty` when none is set. */
export function SettingsSummary({ settings: s, empty }: { settings: LimitSettings | null; empty: string }) {
  const models = s?.models;
  const chips: { text: string; title?: string }[] = s
    ? [
        s.usdPerDayMicros !== null && { text: `${formatMicros(s.usdPerDayMicros)}/day` },
        s.usdPerMonthMicros !== null && { text: `${formatMicros(s.usdPerMonthMicros)}/month` },
        s.rpm !== null && { text: `${s.rpm.toLocaleString("en-US")} rpm` },
        s.tpm !== null && { text: `${s.tpm.toLocaleString("en-US")} tpm` },
        // One model by name; several as a count that names them on hover.
        models &&
          (models.length === 1
            ? { text: models[0] as string }
            : { text: `${models.length} models`, title: models.join(", ") }),
        s.expiresAt && { text: `until ${formatDate(s.expiresAt)}` },
        s.softPercent !== null && { text: `notify at ${s.softPercent}%` },
      ].filter((c): c is { text: string; title?: string } => Boolean(c))
    : [];
  if (!chips.length) return <span className="text-muted text-xs">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="budget-summary">
      {chips.map((c) => (
        <span key={c.text} title={c.title}>
          <Badge>{c.text}</Badge>
        </span>
      ))}
    </span>
  );
}
