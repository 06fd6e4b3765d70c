"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy";
import { Spinner } from "@/components/ui/spinner";
import { formatBytes } from "@/lib/format";
import { checkInputFile, inputRuleText, NO_INPUT } from "@/lib/images/rules";
import type { ImageSpec } from "@/lib/models/schema";
import { CHECKER } from "./checker";
import { type LoadedInput, useEditInputs } from "./inputs-store";

const StoredPicker = lazyComponent(() => import("./stored-picker").then((m) => m.StoredPicker));

export interface EditInputsProps {
  spec: ImageSpec;
  /** Rule violations of the inputs as they stand (count, size, shape), quoted. */
  problems: string[];
}

/**
 * The edit's input images: upload, paste, drop, or pick from the library or Files, up to the model's
 * count. Each file's format is checked against the model's rule as it arrives; a refused file is
 * named with the rule, never sent.
 */
export function EditInputs({ spec, problems }: EditInputsProps) {
  const { items, addFiles, remove, move } = useEditInputs();
  const [refused, setRefused] = useState<string[]>([]);
  const [picker, setPicker] = useState<"library" | "file" | null>(null);
  const [over, setOver] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const take = (files: File[]) => {
    const bad = files.map((f) => checkInputFile(spec, f)).filter((e): e is string => e !== null);
    setRefused(bad);
    const ok = files.filter((f) => checkInputFile(spec, f) === null);
    if (ok.length)
      void addFiles(
        ok,
        ok.map((f) => f.name || "pasted.png"),
      );
  };
  const takeRef = useRef(take);
  takeRef.current = take;

  // A pasted image (from a screenshot tool, another tab) becomes an input; pasted text is left alone.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith("image/"));
      if (!files.length) return;
      e.preventDefault();
      takeRef.current(files);
    };
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, []);

  return (
    <section
      aria-label="Input images"
      className={`flex flex-col gap-2 rounded-lg border border-dashed p-2 ${over ? "border-accent bg-accent-soft" : "border-border"}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take([...e.dataTransfer.files]);
      }}
      data-testid="edit-inputs"
    >
      <div className="flex items-baseline justify-between gap-2">
        <span className="label">Images</span>
        <span className="text-[11px] text-muted" data-testid="input-rule">
          {inputRuleText(spec)}
        </span>
      </div>
      {items.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {items.map((item, i) => (
            <InputChip
              key={item.key}
              item={item}
              first={i === 0}
              onRemove={() => remove(item.key)}
              onFirst={i > 0 ? () => move(item.key, 0) : undefined}
            />
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => fileRef.current?.click()}>
          Upload…
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setPicker("library")}>
          From library
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setPicker("file")}>
          From Files
        </Button>
        <span className="text-[11px] text-muted">or paste, or drop here</span>
        <input
          ref={fileRef}
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp"
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          data-testid="image-input-file"
          onChange={(e) => {
            take([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
      </div>
      {[...refused, ...problems].map((p) => (
        <p
          key={p}
          className={`text-[12px] ${p === NO_INPUT ? "text-muted" : "text-danger"}`}
          data-testid="input-error"
        >
          {p}
        </p>
      ))}
      {picker && <StoredPicker source={picker} onClose={() => setPicker(null)} />}
    </section>
  );
}

function InputChip({
  item,
  first,
  onRemove,
  onFirst,
}: {
  item: LoadedInput;
  first: boolean;
  onRemove(): void;
  onFirst?: () => void;
}) {
  const img = item.image;
  return (
    <li
      className="flex w-40 flex-col gap-1 rounded-md border border-border bg-surface-2 p-1 text-[11px]"
      data-testid="edit-input"
    >
      <div className={`relative flex h-24 items-center justify-center overflow-hidden rounded ${CHECKER}`}>
        {img ? (
          // biome-ignore lint/performance/noImgElement: a local object URL, not an optimisable asset
          <img src={img.url} alt={item.name} className="max-h-full max-w-full object-contain" />
        ) : item.status === "loading" ? (
          <Spinner label="Loading" />
        ) : null}
        {first && (
          <span className="absolute top-1 left-1 rounded bg-accent px-1 text-[10px] text-accent-fg">
            first · mask
          </span>
        )}
      </div>
      <span className="truncate" title={item.name}>
        {item.name}
      </span>
      {img && (
        <span className="text-muted">
          {img.width}x{img.height} · {formatBytes(img.blob.size)}
        </span>
      )}
      {item.error && <span className="text-danger">{item.error}</span>}
      {item.saveError && (
        <span className="text-warning" data-testid="input-save-error">
          {item.saveError}
        </span>
      )}
      <span className="flex gap-2">
        {onFirst && (
          <button type="button" className="text-accent hover:underline" onClick={onFirst}>
            Make first
          </button>
        )}
        <button
          type="button"
          className="text-muted hover:text-danger"
          onClick={onRemove}
          aria-label={`Remove ${item.name}`}
        >
          Remove
        </button>
      </span>
    </li>
  );
}
