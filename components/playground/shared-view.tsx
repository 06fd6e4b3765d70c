"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { ShareHeader } from "@/components/shares/share-header";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { resolveModel } from "@/lib/models/catalogue";
import { API_LABELS } from "@/lib/openai-facts";
import { buildRequest } from "@/lib/playground/request";
import {
  describeProblem,
  type PlaygroundSnapshot,
  readPlaygroundSnapshot,
  restoreSetup,
  withoutRemoteImages,
} from "@/lib/playground/snapshot";
import { isInlineImage, type Message } from "@/lib/playground/types";
import type { ShareDto } from "@/lib/types";
import { OmittedImageNote } from "./omitted-images";
import { ChoiceView } from "./run-output";
import { usePlayground } from "./store";

/**
 * A frozen playground run, read-only; "Open in playground" copies it into the viewer's own draft.
 * The server checked the snapshot; it is read through the same schema here too, and remote images
 * are never loaded (F12).
 */
export function SharedView({ share, signedIn }: { share: ShareDto; signedIn: boolean }) {
  const parsed = useMemo(() => readPlaygroundSnapshot(share.snapshot), [share.snapshot]);
  if (!parsed.ok)
    return (
      <div className="mx-auto max-w-lg py-10 text-center" data-testid="share-unavailable">
        <h1 className="font-semibold text-lg">This share cannot be shown</h1>
        <p className="mt-2 text-muted text-sm">
          Its snapshot does not match what this version of Benchtop can read ({describeProblem(parsed)}). Ask
          its owner to share again.
        </p>
      </div>
    );
  return <SharedRun share={share} snap={withoutRemoteImages(parsed.value)} signedIn={signedIn} />;
}

function SharedRun({
  share,
  snap,
  signedIn,
}: {
  share: ShareDto;
  snap: PlaygroundSnapshot;
  signedIn: boolean;
}) {
  const router = useRouter();
  const setup = snap.setup;
  const request = buildRequest(setup, resolveModel(setup.model));
  const [confirm, confirmDialog] = useConfirm();
  const open = async () => {
    const draft = usePlayground.getState().setup;
    const hasDraft = draft.messages.some((m) => m.content.trim()) || draft.instructions.trim();
    const replace = {
      title: "Replace your playground draft?",
      description: "Your current draft is replaced with this setup. Save it as a preset first to keep it.",
      confirmLabel: "Replace",
    };
    if (hasDraft && !(await confirm(replace))) return;
    openSnapshot(snap);
    router.push("/playground");
  };
  return (
    <article className="space-y-4" data-testid="shared-view">
      {confirmDialog}
      <ShareHeader
        share={share}
        signedIn={signedIn}
        onOpen={open}
        details={
          <>
            {API_LABELS[setup.api]} · <span className="font-mono">{setup.model}</span>
          </>
        }
      />
      {setup.instructions && (
        <section className="rounded-lg border border-border bg-surface p-3">
          <h2 className="label mb-1">{setup.api === "responses" ? "Instructions" : "System message"}</h2>
          <p className="whitespace-pre-wrap text-sm">{setup.instructions}</p>
        </section>
      )}
      {setup.api === "completions" ? (
        <pre className="whitespace-pre-wrap rounded-lg border border-border bg-surface p-3 font-mono text-sm">
          {setup.prompt}
        </pre>
      ) : (
        <ol className="space-y-2" aria-label="Messages">
          {setup.messages
            .filter(
              (m) => m.content.trim() || m.images.length || m.omittedImages?.length || m.toolCalls?.length,
            )
            .map((m) => (
              <SharedMessage key={m.id} m={m} />
            ))}
        </ol>
      )}
      {Object.entries(snap.outputs)
        .filter(([target]) => target !== "main" || (snap.outputs.main?.choices.length ?? 0) > 1)
        .map(([target, out]) => (
          <section key={target} className="rounded-lg border border-border bg-surface p-3">
            <h2 className="label mb-2">
              Output · <span className="font-mono">{out.model}</span>
            </h2>
            {out.choices.map((c) => (
              <ChoiceView key={c.index} choice={c} streaming={false} />
            ))}
            {out.error && <p className="text-danger text-sm">{out.error}</p>}
          </section>
        ))}
      <details className="rounded-lg border border-border bg-surface p-3 text-sm">
        <summary className="cursor-pointer font-medium">Request</summary>
        <pre
          className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all font-mono text-xs"
          data-testid="shared-request"
        >
          {request.text}
        </pre>
      </details>
    </article>
  );
}

function SharedMessage({ m }: { m: Message }) {
  return (
    <li
      className="rounded-lg border border-border bg-surface p-3"
      data-testid="shared-message"
      data-role={m.role}
    >
      <p className="mb-1 font-medium text-muted text-xs uppercase tracking-wide">{m.role}</p>
      {m.toolCalls?.map((c) => (
        <pre key={c.id} className="mb-1 whitespace-pre-wrap rounded bg-surface-2 px-2 py-1 font-mono text-xs">
          {c.name}({c.arguments})
        </pre>
      ))}
      <p className="whitespace-pre-wrap text-sm">{m.content}</p>
      {m.images.map((i) =>
        isInlineImage(i.url) ? (
          // biome-ignore lint/performance/noImgElement: user-provided images, inline data only
          <img key={i.id} src={i.url} alt={i.name ?? "Image input"} className="mt-2 max-h-48 rounded" />
        ) : (
          <OmittedImageNote key={i.id} image={i} />
        ),
      )}
      {m.omittedImages?.map((i, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: omitted images have no id; the list never reorders
        <OmittedImageNote key={n} image={i} />
      ))}
    </li>
  );
}

export function openSnapshot(snap: PlaygroundSnapshot): void {
  const s = usePlayground.getState();
  s.replaceSetup(restoreSetup(snap.setup));
  usePlayground.setState({
    compare: snap.compare && snap.columns.length > 0,
    columns: snap.columns.map((c) => ({ id: c.id, setup: restoreSetup(c.setup) })),
  });
}
