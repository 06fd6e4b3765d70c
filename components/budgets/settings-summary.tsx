"use client";

import { Badge } from "@/components/ui/badge";
import { formatMicros } from "@/lib/budgets/format";
import type { LimitSettings } from "@/lib/budgets/types";
import { formatDate } from "@/lib/format";

/** A subject's settings as short chips ("$5/day", "60 rpm"); `empty` when none is set. */
export function SettingsSummary({ settings: s, empty }: { settings: LimitSettings | null; empty: string }) {
  const chips = s
    ? [
        s.usdPerDayMicros !== null && `${formatMicros(s.usdPerDayMicros)}/day`,
        s.usdPerMonthMicros !== null && `${formatMicros(s.usdPerMonthMicros)}/month`,
        s.rpm !== null && `${s.rpm.toLocaleString("en-US")} rpm`,
        s.tpm !== null && `${s.tpm.toLocaleString("en-US")} tpm`,
        s.models && `${s.models.length === 1 ? s.models[0] : `${s.models.length} models`}`,
        s.expiresAt && `until ${formatDate(s.expiresAt)}`,
        s.softPercent !== null && `notify at ${s.softPercent}%`,
      ].filter((c): c is string => Boolean(c))
    : [];
  if (!chips.length) return <span className="text-muted text-xs">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="budget-summary">
      {chips.map((c) => (
        // A count of models names them on hover.
        <span key={c} title={s?.models && c.endsWith(" models") ? s.models.join(", ") : undefined}>
          <Badge>{c}</Badge>
        </span>
      ))}
    </span>
  );
}
