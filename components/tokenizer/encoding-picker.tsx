"use client";

import { type ReactNode, useId, useMemo } from "react";
import { ModelPicker } from "@/components/models/model-picker";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { ENCODINGS, type Encoding } from "@/lib/openai-facts";
import { ENCODING_INFO, type EncodingChoice, encodingTable } from "@/lib/tokenizer/encoding-choice";
import { isEncoding } from "@/lib/tokens/encodings";
import { useTokenizer } from "./store";

export interface EncodingPickerProps {
  model: ResolvedModel | null;
  choice: EncodingChoice;
}

/**
 * A model (any id; the list offers the upstream's and the catalogue's) and the encoding it maps to
 * through the catalogue, with a manual override. The whole map is one click away.
 */
export function EncodingPicker({ model, choice }: EncodingPickerProps) {
  const id = useId();
  const modelId = useTokenizer((s) => s.model);
  const override = useTokenizer((s) => s.encodingOverride);
  const set = useTokenizer((s) => s.set);
  const table = useMemo(encodingTable, []);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-3">
        <div className="flex min-w-48 flex-1 flex-col gap-1 text-xs">
          <label className="label" htmlFor={`${id}-model`}>
            Model
          </label>
          <ModelPicker
            id={`${id}-model`}
            value={modelId}
            placeholder="Any model id, e.g. gpt-4o"
            data-testid="tokenizer-model"
            className="font-mono"
            onChange={(model) => set({ model })}
          />
        </div>
        <label className="flex min-w-48 flex-col gap-1 text-xs" htmlFor={`${id}-encoding`}>
          <span className="label">Encoding</span>
          <select
            id={`${id}-encoding`}
            className="input"
            value={override ?? ""}
            data-testid="tokenizer-encoding"
            onChange={(e) => set({ encodingOverride: isEncoding(e.target.value) ? e.target.value : null })}
          >
            <option value="">From the model ({choice.modelEncoding ?? choice.encoding})</option>
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
      </div>
      <EncodingNote model={model} choice={choice} />
      <details className="text-xs">
        <summary className="cursor-pointer text-muted hover:text-fg">Which models use which encoding</summary>
        <table className="mt-2 w-full border-collapse text-left" data-testid="encoding-table">
          <thead className="text-muted">
            <tr>
              <th className="py-1 pr-3 font-medium">Encoding</th>
              <th className="py-1 pr-3 font-medium">Vocabulary</th>
              <th className="py-1 font-medium">Models in the catalogue (* = and its snapshots)</th>
            </tr>
          </thead>
          <tbody>
            {table.map((row) => (
              <tr key={row.encoding} className="border-border border-t align-top">
                <td className="py-1 pr-3 font-mono">{row.encoding}</td>
                <td className="py-1 pr-3">{ENCODING_INFO[row.encoding].vocabulary}</td>
                <td className="py-1 font-mono">{row.models.join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-muted">
          The map is the model catalogue (<code>lib/models/catalogue.ts</code>: one entry per model family).
          Admins can correct it under Settings → Models &amp; sharing.
        </p>
      </details>
    </div>
  );
}

function EncodingNote({ model, choice }: EncodingPickerProps) {
  const e = (x: Encoding) => <code className="font-mono">{x}</code>;
  let body: ReactNode;
  let tone = "text-muted";
  switch (choice.source) {
    case "override":
      body = (
        <>
          Encoding chosen by hand: {e(choice.encoding)}
          {choice.modelEncoding && choice.modelEncoding !== choice.encoding && (
            <> (the model uses {e(choice.modelEncoding)})</>
          )}
          .
        </>
      );
      break;
    case "model":
      body = (
        <>
          <span className="font-mono">{model?.model}</span> uses {e(choice.encoding)} (catalogue entry{" "}
          <span className="font-mono">{model?.matched}</span>) · {ENCODING_INFO[choice.encoding].usedBy}.
        </>
      );
      break;
    case "assumed":
      tone = "text-warning";
      body = (
        <>
          Unknown model “<span className="font-mono">{model?.model}</span>”: it is not in the model catalogue,
          so its encoding is assumed to be {e(choice.encoding)}, as for current OpenAI models, and it has no
          price. Choose the encoding above if you know it.
        </>
      );
      break;
    default:
      body = <>No model chosen: counting with {e(choice.encoding)}. Pick a model to see its cost.</>;
  }
  return (
    <p className={`text-xs ${tone}`} data-testid="encoding-note" data-source={choice.source}>
      {body}
    </p>
  );
}
