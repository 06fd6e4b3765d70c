"use client";

import { useState } from "react";
import { STOP_MAX } from "@/lib/openai-facts";
import { ParamRow } from "./param-controls";

/** Up to STOP_MAX stop sequences as removable chips; Enter adds what was typed. */
export function StopSequences({
  value,
  onChange,
  disabledReason,
}: {
  value: string[];
  onChange(v: string[]): void;
  disabledReason: string | null;
}) {
  const [draft, setDraft] = useState("");
  const add = () => {
    if (!draft || value.includes(draft) || value.length >= STOP_MAX) return;
    onChange([...value, draft]);
    setDraft("");
  };
  return (
    <ParamRow
      label="Stop sequences"
      disabledReason={disabledReason}
      hint={value.length >= STOP_MAX ? `At most ${STOP_MAX}.` : "Enter to add; \\n for a newline."}
    >
      {(id, disabled) => (
        <div className="space-y-1">
          {value.length > 0 && (
            <ul className="flex flex-wrap gap-1">
              {value.map((s) => (
                <li
                  key={s}
                  className="inline-flex items-center gap-1 rounded bg-surface-2 px-1.5 py-0.5 font-mono text-[11px]"
                >
                  {JSON.stringify(s)}
                  <button
                    type="button"
                    aria-label={`Remove stop sequence ${s}`}
                    className="text-muted hover:text-fg"
                    onClick={() => onChange(value.filter((x) => x !== s))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            id={id}
            disabled={disabled || value.length >= STOP_MAX}
            className="input h-7 w-full px-2 text-xs"
            value={draft}
            placeholder="Add a sequence"
            onChange={(e) => setDraft(e.target.value.replace(/\\n/g, "\n"))}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            onBlur={add}
          />
        </div>
      )}
    </ParamRow>
  );
}
