"use client";

import { useRouter } from "next/navigation";
import { useDuplicateAssistant, usePatchAssistant, useRollBack } from "@/components/queries/use-assistants";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { When } from "@/components/ui/when";
import { comparePair } from "@/lib/assistants/diff";
import type { AssistantSummary, AssistantVersionSummary } from "@/lib/assistants/schema";

export interface VersionListProps {
  id: string;
  head: AssistantSummary;
  versions: AssistantVersionSummary[];
  pair: { a: number; b: number } | null;
  onCompare(p: { a: number; b: number }): void;
  onNotice(text: string): void;
}

const READ_ONLY = "Only the owner and admins can change this assistant";

/** Newest first; each version with its note, author, model and lineage, and what can be done with it. */
export function VersionList({ id, head, versions, pair, onCompare, onNotice }: VersionListProps) {
  const router = useRouter();
  const [confirm, confirmDialog] = useConfirm();
  const patch = usePatchAssistant();
  const rollBack = useRollBack();
  const duplicate = useDuplicateAssistant();
  const error = patch.error ?? rollBack.error ?? duplicate.error;
  const sorted = [...versions].sort((x, y) => y.version - x.version);
  const all = sorted.map((v) => v.version);
  const latest = head.latestVersion;
  const edit = head.canEdit;
  const marking = patch.isPending ? patch.variables?.productionVersion : undefined;

  async function onRollBack(v: number) {
    const ok = await confirm({
      title: `Roll back to v${v}?`,
      description: `This saves v${latest + 1} with v${v}'s content; no version is changed or lost. Production stays ${head.productionVersion === null ? "unset" : `v${head.productionVersion}`}.`,
      confirmLabel: "Roll back",
    });
    if (ok)
      rollBack.mutate(
        { id, version: v },
        {
          onSuccess: (d) => {
            onNotice(`Saved v${d.version.version} from v${v}.`);
            onCompare({ a: v, b: d.version.version });
          },
        },
      );
  }

  return (
    <section className="card divide-y divide-border" aria-label="Versions">
      {confirmDialog}
      {error && (
        <div className="p-3">
          <Alert tone="danger">{error.message}</Alert>
        </div>
      )}
      {sorted.map((v) => {
        const production = head.productionVersion === v.version;
        const compared = pair && (pair.a === v.version || pair.b === v.version);
        return (
          <div
            key={v.version}
            data-testid="version-row"
            data-version={v.version}
            className={`flex flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3 ${compared ? "bg-accent-soft/40" : ""}`}
          >
            <div className="min-w-0 flex-1 basis-64">
              <div className="flex flex-wrap items-center gap-1.5">
                <span className="font-semibold tabular-nums">v{v.version}</span>
                {production && (
                  <span data-testid="version-production">
                    <Badge tone="success">production</Badge>
                  </span>
                )}
                {v.version === latest && <Badge>latest</Badge>}
                {v.basedOn !== null && <Badge tone="accent">from v{v.basedOn}</Badge>}
                <span className="font-mono text-muted text-xs">{v.model}</span>
              </div>
              <p className={`mt-0.5 text-sm ${v.note ? "" : "text-muted italic"}`}>{v.note || "No note"}</p>
              <p className="text-muted text-xs">
                {v.author ? v.author.name || v.author.email : "unknown author"} · <When value={v.createdAt} />
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-1.5">
              <Button
                size="sm"
                onClick={() => {
                  const p =
                    v.version === latest
                      ? comparePair(all, head.productionVersion)
                      : { a: v.version, b: latest };
                  if (p) onCompare(p);
                }}
                disabled={all.length < 2}
              >
                Compare
              </Button>
              <Button
                size="sm"
                disabled={!edit}
                title={edit ? undefined : READ_ONLY}
                pending={marking !== undefined && marking === (production ? null : v.version)}
                onClick={() => patch.mutate({ id, productionVersion: production ? null : v.version })}
              >
                {production ? "Unmark production" : "Mark production"}
              </Button>
              {v.version !== latest && (
                <Button
                  size="sm"
                  disabled={!edit}
                  title={edit ? undefined : READ_ONLY}
                  onClick={() => void onRollBack(v.version)}
                >
                  Roll back to this version
                </Button>
              )}
              <Button
                size="sm"
                pending={duplicate.isPending && duplicate.variables?.version === v.version}
                onClick={() =>
                  duplicate.mutate(
                    { id, version: v.version },
                    { onSuccess: (d) => router.push(`/assistants/${encodeURIComponent(d.assistant.id)}`) },
                  )
                }
              >
                Duplicate
              </Button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
