"use client";

import { useEffect, useRef } from "react";

export const SHORTCUTS: [string, string][] = [
  ["Ctrl/⌘ + Enter", "Run (all columns when comparing); asks first while a run is in progress"],
  ["Esc", "Stop the run; what arrived is kept"],
  ["?", "Show these shortcuts"],
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)));
}

/** Page-wide keys; Esc only stops a run when no dialog is open (a dialog takes Esc to close). */
export function useShortcuts(h: { run(): void; stop(): boolean; help(): void; running: boolean }) {
  const ref = useRef(h);
  ref.current = h;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        ref.current.run();
      } else if (e.key === "Escape" && ref.current.running && !document.querySelector("dialog[open]")) {
        e.preventDefault();
        ref.current.stop();
      } else if (e.key === "?" && !typing(e.target) && !document.querySelector("dialog[open]")) {
        e.preventDefault();
        ref.current.help();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
