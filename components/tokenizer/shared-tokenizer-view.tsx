"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { ShareHeader } from "@/components/shares/share-header";
import { useChatTokenEstimate } from "@/components/tokens/use-token-count";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatCount } from "@/lib/format";
import { resolveModel } from "@/lib/models/catalogue";
import { readTokenizerSnapshot, type TokenizerSnapshot } from "@/lib/tokenizer/snapshot";
import type { ShareDto } from "@/lib/types";
import { useTokenizer } from "./store";
import { TokenStats } from "./token-stats";
import { TokenView } from "./token-view";
import { useTokenization } from "./use-tokenization";

/** A frozen tokenizer state, read-only; "Open in tokenizer" copies it into the viewer's own draft. */
export function SharedTokenizerView({ share, signedIn }: { share: ShareDto; signedIn: boolean }) {
  const router = useRouter();
  const snap = useMemo(() => readTokenizerSnapshot(share.snapshot), [share.snapshot]);
  const [confirm, confirmDialog] = useConfirm();
  if (!snap) return <p className="text-muted">This link holds something the tokenizer cannot show.</p>;
  const open = async () => {
    const draft = useTokenizer.getState();
    const hasDraft =
      draft.text.trim() !== "" || draft.messages.some((m) => m.content.trim() && m.role === "user");
    const replace = {
      title: "Replace your tokenizer draft?",
      description: "Your current tokenizer text and messages are replaced with this shared one.",
      confirmLabel: "Replace",
    };
    if (hasDraft && !(await confirm(replace))) return;
    useTokenizer.getState().loadSnapshot(snap);
    router.push("/tokenizer");
  };
  return (
    <article className="space-y-4" data-testid="shared-tokenizer">
      {confirmDialog}
      <ShareHeader
        share={share}
        signedIn={signedIn}
        onOpen={open}
        details={
          <>
            {snap.mode === "chat" ? "Chat" : "Text"} ·{" "}
            <span className="font-mono" data-testid="shared-encoding">
              {snap.encoding}
            </span>
            {snap.encodingOverride ? " (chosen by hand)" : ""}
            {snap.allowSpecial ? " · special tokens allowed" : ""}
            {snap.model && (
              <>
                {" "}
                · <span className="font-mono">{snap.model}</span>
              </>
            )}
          </>
        }
      />
      {snap.mode === "text" ? <SharedText snap={snap} /> : <SharedChat snap={snap} />}
    </article>
  );
}

function SharedText({ snap }: { snap: TokenizerSnapshot }) {
  const text = snap.text ?? "";
  const { result, pending, error } = useTokenization(
    text,
    snap.encoding,
    snap.allowSpecial,
    Number.POSITIVE_INFINITY,
  );
  const model = snap.model ? resolveModel(snap.model) : null;
  return (
    <div className="space-y-3">
      <TokenStats
        tokens={result?.ids.length ?? null}
        chars={result?.chars ?? null}
        words={result?.words ?? null}
        model={model}
        pending={pending}
      />
      {error && <p className="text-danger text-sm">{error}</p>}
      {result && <TokenView result={result} view="text" maxHeight="max-h-[70vh]" />}
    </div>
  );
}

function SharedChat({ snap }: { snap: TokenizerSnapshot }) {
  const messages = snap.messages ?? [];
  const estimate = useChatTokenEstimate(messages, snap.tools || undefined, snap.encoding);
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="chat-estimate" data-count={estimate.count ?? ""}>
        ≈ {estimate.count === null ? "…" : formatCount(estimate.count)} prompt tokens{" "}
        <span className="text-muted text-xs">(an estimate, with the chat format&apos;s overhead)</span>
      </p>
      <ol className="space-y-2" aria-label="Messages">
        {messages.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list
          <li key={i} className="rounded-lg border border-border bg-surface p-3" data-testid="shared-message">
            <p className="mb-1 font-medium text-muted text-xs uppercase tracking-wide">
              {m.role}
              {estimate.estimate?.messages[i] !== undefined && ` · ≈ ${estimate.estimate.messages[i]} tokens`}
            </p>
            <p className="whitespace-pre-wrap text-sm">{m.content}</p>
          </li>
        ))}
      </ol>
      {snap.tools && (
        <details className="rounded-lg border border-border bg-surface p-3 text-sm">
          <summary className="cursor-pointer font-medium">Tools</summary>
          <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all font-mono text-xs">
            {snap.tools}
          </pre>
        </details>
      )}
    </div>
  );
}
