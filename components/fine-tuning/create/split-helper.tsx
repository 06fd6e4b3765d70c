"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { splitInWorker } from "@/lib/fine-tuning/validate/client";
import { holdoutSize } from "@/lib/fine-tuning/validate/split";

export interface SplitHelperProps {
  file: File;
  examples: number;
  onSplit(train: File, validation: File): void;
}

/** Holds out a share of a local training file as the validation file, shuffled with a seed; both stay local. */
export function SplitHelper({ file, examples, onSplit }: SplitHelperProps) {
  const [amount, setAmount] = useState("10");
  const [unit, setUnit] = useState<"percent" | "count">("percent");
  const [seed, setSeed] = useState("42");
  const n = Number(amount);
  const holdout = unit === "percent" ? { percent: n } : { count: n };
  const valid =
    Number.isFinite(n) && n > 0 && (unit === "count" || n < 100) && Number.isInteger(Number(seed));
  const held = valid ? holdoutSize(examples, holdout) : 0;
  const [busy, setBusy] = useState(false);
  const split = async () => {
    setBusy(true);
    try {
      // In the validator's worker: on the page, a 100 MB file as one string is a long task.
      const { train, validation } = await splitInWorker(file, holdout, Number(seed));
      const base = file.name.replace(/\.jsonl$/i, "");
      const make = (blob: Blob, part: string) =>
        new File([blob], `${base}.${part}.jsonl`, { type: "application/jsonl" });
      onSplit(make(train, "train"), make(validation, "validation"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-wrap items-end gap-2 text-sm" data-testid="split-helper">
      <label className="flex flex-col gap-1">
        <span className="label">Hold out</span>
        <input
          className="input h-8 w-20"
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="split-amount"
        />
      </label>
      <select
        className="input h-8 w-auto"
        aria-label="Unit"
        value={unit}
        onChange={(e) => setUnit(e.target.value as "percent" | "count")}
        data-testid="split-unit"
      >
        <option value="percent">% of examples</option>
        <option value="count">examples</option>
      </select>
      <label className="flex flex-col gap-1">
        <span className="label">Seed</span>
        <input
          className="input h-8 w-24"
          inputMode="numeric"
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
        />
      </label>
      <Button
        size="sm"
        disabled={!valid || examples < 2 || busy}
        onClick={() => void split()}
        data-testid="split-make"
      >
        Make two files
      </Button>
      <span className="text-muted">
        {valid
          ? `${held} for validation, ${Math.max(0, examples - held)} for training`
          : "A share under 100% or a count, and a whole-number seed."}
      </span>
    </div>
  );
}
