"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { type HostBodyLimit, PURPOSES, type Purpose } from "@/lib/files/limits";
import { useUploads } from "./upload-store";

const EXPIRY: [string, number | null][] = [
  ["Never expires", null],
  ["Expires in 1 hour", 3600],
  ["Expires in 1 day", 86_400],
  ["Expires in 7 days", 604_800],
  ["Expires in 30 days", 2_592_000],
];

/** Purpose and expiry for the next uploads, a picker, and drop-anywhere on the page. */
export function UploadBar({ onDone, hostBodyLimit }: { onDone(): void; hostBodyLimit: HostBodyLimit }) {
  const [purpose, setPurpose] = useState<Purpose>("user_data");
  const [expiry, setExpiry] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const add = (files: File[]) =>
    files.length && useUploads.getState().add(files, purpose, expiry, hostBodyLimit, onDone);
  const addRef = useRef(add);
  addRef.current = add;
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes("Files");
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (!depth) setDragging(false);
    };
    const over = (e: DragEvent) => hasFiles(e) && e.preventDefault();
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      addRef.current([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, []);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-0.5">
        <label htmlFor="upload-purpose" className="text-muted text-xs">
          Purpose
        </label>
        <select
          id="upload-purpose"
          className="input h-8 w-auto"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value as Purpose)}
          data-testid="upload-purpose"
        >
          {PURPOSES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor="upload-expiry" className="text-muted text-xs">
          Expiry
        </label>
        <select
          id="upload-expiry"
          className="input h-8 w-auto"
          value={String(expiry)}
          onChange={(e) => setExpiry(e.target.value === "null" ? null : Number(e.target.value))}
          data-testid="upload-expiry"
        >
          {EXPIRY.map(([label, v]) => (
            <option key={label} value={String(v)}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Button variant="primary" onClick={() => input.current?.click()} data-testid="upload-button">
        Upload files
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="upload-input"
        onChange={(e) => {
          add([...(e.target.files ?? [])]);
          e.target.value = "";
        }}
      />
      {dragging && (
        <div className="pointer-events-none fixed inset-0 z-50 grid place-items-center bg-accent/10 outline-4 outline-accent outline-dashed -outline-offset-8">
          <p className="rounded-lg bg-surface px-4 py-2 font-medium shadow-lg">Drop to upload as {purpose}</p>
        </div>
      )}
    </div>
  );
}
