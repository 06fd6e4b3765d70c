"use client";

import { createContext, type ReactNode, useContext } from "react";

/**
 * What an item may do beyond showing itself: answer a function call or an MCP approval, download
 * a file through the proxy. A share renders the same items without it (read-only).
 */
export interface ItemActions {
  /** call_ids and approval request ids still waiting for the person. */
  pending: Set<string>;
  /** A saved mock output by function name. */
  mockFor(name: string): string | undefined;
  submitOutput(callId: string, output: string): void;
  answerApproval(requestId: string, approve: boolean): void;
  download(path: string, filename: string): void;
}

const Ctx = createContext<ItemActions | null>(null);

export function ItemActionsProvider({ value, children }: { value: ItemActions; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** null in a share: nothing can be answered or downloaded there. */
export function useItemActions(): ItemActions | null {
  return useContext(Ctx);
}

/** The frame every item shares: a label line and its body. */
export function ItemFrame({
  type,
  label,
  status,
  children,
}: {
  type: string;
  label: ReactNode;
  status?: unknown;
  children?: ReactNode;
}) {
  return (
    <div
      data-testid="chat-item"
      data-item-type={type}
      className="min-w-0 rounded-lg border border-border bg-surface px-3 py-2 text-sm"
    >
      <div className="flex flex-wrap items-center gap-2 text-muted text-xs">
        <span className="font-medium text-fg">{label}</span>
        {typeof status === "string" && status !== "completed" && <span>{status.replace(/_/g, " ")}</span>}
      </div>
      {children && <div className="mt-1.5 space-y-2">{children}</div>}
    </div>
  );
}

export const str = (v: unknown): string => (typeof v === "string" ? v : "");
export const list = <T = Record<string, unknown>>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** JSON text shown indented when it parses, as it came when it does not. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
