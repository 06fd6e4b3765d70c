"use client";

import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { Button } from "@/components/ui/button";
import { When } from "@/components/ui/when";
import type { ShareDto } from "@/lib/types";

export interface ShareHeaderProps {
  /** Its kind names the page it opens in: `/playground`, "Open in playground". */
  share: ShareDto;
  signedIn: boolean;
  /** What the snapshot holds, after the date: API and model, encoding and mode. */
  details: ReactNode;
  /** Copies the snapshot into the viewer's own draft; offered only when signed in. */
  onOpen(): void;
  /** The button's text when it is not "Open in <page>" (an image is saved to the library). */
  openLabel?: string;
}

/** The top of every share page: the logo home, what was shared and when, and "Open in …". */
export function ShareHeader({ share, signedIn, details, onOpen, openLabel }: ShareHeaderProps) {
  const page = share.kind === "image" ? "images" : share.kind === "assistant" ? "assistants" : share.kind;
  return (
    <>
      <a href={signedIn ? `/${page}` : "/sign-in"} className="inline-block rounded-md" aria-label="Benchtop">
        <Logo />
      </a>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-muted text-xs uppercase tracking-wide">Shared {share.kind} · read-only</p>
          <h1 className="font-semibold text-xl" data-testid="share-title">
            {share.title}
          </h1>
          <p className="text-muted text-xs">
            <When value={share.createdAt} /> · {details}
          </p>
        </div>
        {signedIn && (
          <Button variant="primary" onClick={onOpen} data-testid={`open-in-${page}`}>
            {openLabel ?? `Open in ${page}`}
          </Button>
        )}
      </header>
    </>
  );
}
