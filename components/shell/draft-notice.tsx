"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { discardSetAside, readSetAside, type SetAside } from "@/lib/draft-storage";
import { findDraftChannel } from "@/lib/draft-sync";

export interface DraftNoticeProps {
  /** The draft's localStorage key. */
  storageKey: string;
  /** "playground", "tokenizer": used in the text and the file name. */
  label: string;
}

/**
 * Says that a stored draft could not be read and was set aside, with a download and a discard; and
 * that another tab changed the draft while this one did too, with the choice of which to keep.
 */
export function DraftNotice(props: DraftNoticeProps) {
  return (
    <>
      <ConflictNotice {...props} />
      <SetAsideNotice {...props} />
    </>
  );
}

const none = () => () => {};

function ConflictNotice({ storageKey, label }: DraftNoticeProps) {
  const channel = findDraftChannel(storageKey);
  const conflict = useSyncExternalStore(
    channel ? (l) => channel.subscribe(l) : none,
    () => channel?.conflict() ?? null,
    () => null,
  );
  if (!channel || !conflict) return null;
  return (
    <div
      role="alert"
      data-testid="draft-conflict"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-sm"
    >
      <p className="min-w-0 flex-1 basis-64">
        <span className="font-medium text-warning">The {label} draft was also changed in another tab.</span>
        <span className="text-fg/80">
          {" "}
          Keep this tab's version or take the other tab's; the other tab follows your choice.
        </span>
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" onClick={() => channel.keepMine()} data-testid="keep-mine">
          Keep this tab's
        </Button>
        <Button size="sm" onClick={() => channel.takeTheirs()} data-testid="take-theirs">
          Take the other tab's
        </Button>
      </div>
    </div>
  );
}

function SetAsideNotice({ storageKey, label }: DraftNoticeProps) {
  const [entry, setEntry] = useState<SetAside | null>(null);
  useEffect(() => setEntry(readSetAside(storageKey)), [storageKey]);
  if (!entry) return null;
  const download = () => {
    const url = URL.createObjectURL(new Blob([entry.raw], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `benchtop-${label}-draft-${(entry.at || new Date().toISOString()).slice(0, 19).replaceAll(":", "-")}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div
      role="status"
      data-testid="draft-set-aside"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-sm"
    >
      <p className="min-w-0 flex-1 basis-64">
        <span className="font-medium text-warning">Your saved {label} draft could not be read</span>
        <span className="text-fg/80">
          {" "}
          ({entry.reason || "unknown problem"}), so the {label} started from a clean draft. The old draft is
          kept in this browser until you discard it.
        </span>
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={download}>
          Download old draft
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            discardSetAside(storageKey);
            setEntry(null);
          }}
        >
          Discard
        </Button>
      </div>
    </div>
  );
}
