"use client";

import {
  COMPLEXITIES,
  IMAGE_N_MAX,
  type ImageMode,
  type ImageParams,
  requestSplit,
  streams,
} from "@/lib/images/params";
import { formatName } from "@/lib/images/rules";
import type { ImageSpec } from "@/lib/models/schema";
import { Choice, Num } from "./form-fields";
import { SizeField } from "./size-field";

export interface ParamsFormProps {
  spec: ImageSpec;
  mode: ImageMode;
  params: ImageParams;
  onChange(patch: Partial<ImageParams>): void;
}

/** `partial_images` values the API takes. */
const PARTIALS = [0, 1, 2, 3];

/** Every field comes from the model's `image` spec: a field it lacks is not shown and not sent. */
export function ParamsForm({ spec, mode, params: p, onChange }: ParamsFormProps) {
  const gif = spec.gif && p.outputFormat === "gif";
  const streaming = streams(p, spec, mode);
  const requests = requestSplit(p.n, spec, streaming).length;
  const full = mode !== "variations";
  return (
    <fieldset className="grid grid-cols-2 gap-x-3 gap-y-3" data-testid="image-params">
      <legend className="sr-only">Parameters</legend>
      <SizeField spec={spec} params={p} onChange={onChange} />
      <Num
        label="Images (n)"
        testId="param-n"
        value={p.n}
        min={1}
        max={IMAGE_N_MAX}
        onChange={(n) => onChange({ n })}
        hint={
          requests > 1
            ? `${requests} parallel requests${streaming ? " (one per streamed image)" : ` (the model takes ${spec.maxN} at a time)`}`
            : undefined
        }
      />
      {full && spec.qualities.length > 1 && (
        <Choice
          label="Quality"
          testId="param-quality"
          value={p.quality}
          options={spec.qualities}
          onChange={(quality) => onChange({ quality })}
        />
      )}
      {full && spec.backgrounds.length > 0 && (
        <Choice
          label="Background"
          testId="param-background"
          value={p.background}
          options={spec.backgrounds}
          onChange={(background) => onChange({ background })}
        />
      )}
      {full && spec.formats.length > 0 && (
        <Choice
          label="Output format"
          testId="param-format"
          value={p.outputFormat}
          options={spec.formats}
          names={formatName}
          onChange={(outputFormat) => onChange({ outputFormat })}
        />
      )}
      {full && spec.compression && (p.outputFormat === "jpeg" || p.outputFormat === "webp") && (
        <Num
          label="Compression (0–100)"
          testId="param-compression"
          value={p.compression}
          min={0}
          max={100}
          onChange={(compression) => onChange({ compression })}
        />
      )}
      {full && spec.styles.length > 0 && mode === "generate" && (
        <Choice
          label="Style"
          testId="param-style"
          value={p.style}
          options={spec.styles}
          onChange={(style) => onChange({ style })}
        />
      )}
      {full && spec.moderation && (
        <Choice
          label="Moderation"
          testId="param-moderation"
          value={p.moderation}
          options={["auto", "low"]}
          onChange={(v) => onChange({ moderation: v as ImageParams["moderation"] })}
        />
      )}
      {full && spec.inputFidelity && mode === "edit" && (
        <Choice
          label="Input fidelity"
          testId="param-fidelity"
          value={p.inputFidelity}
          options={["low", "high"]}
          onChange={(v) => onChange({ inputFidelity: v as ImageParams["inputFidelity"] })}
        />
      )}
      {full && spec.complexity && (
        <Choice
          label="Complexity"
          testId="param-complexity"
          value={p.complexity}
          options={COMPLEXITIES}
          onChange={(complexity) => onChange({ complexity })}
        />
      )}
      {full && gif && spec.gif && (
        <>
          <Num
            label="Frames"
            testId="param-frames"
            value={p.frameCount}
            min={spec.gif.frameCount.min}
            max={spec.gif.frameCount.max}
            onChange={(frameCount) => onChange({ frameCount })}
          />
          <Num
            label="Frame duration (ms)"
            testId="param-frame-ms"
            value={p.frameDurationMs}
            min={spec.gif.frameDurationMs.min}
            onChange={(frameDurationMs) => onChange({ frameDurationMs })}
          />
        </>
      )}
      {full && spec.stream && (
        <div className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={p.stream && !gif}
              disabled={Boolean(gif)}
              data-testid="param-stream"
              onChange={(e) => onChange({ stream: e.target.checked })}
            />
            Stream partial images
          </label>
          {p.stream && !gif && spec.partialImages > 0 && (
            <label className="flex items-center gap-2 text-sm">
              Partials
              <select
                className="input h-7 w-16 px-1"
                value={Math.min(p.partialImages, spec.partialImages)}
                data-testid="param-partials"
                onChange={(e) => onChange({ partialImages: Number(e.target.value) })}
              >
                {PARTIALS.filter((n) => n <= spec.partialImages).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          )}
          {gif && <span className="text-[11px] text-muted">GIF output does not stream.</span>}
        </div>
      )}
    </fieldset>
  );
}
