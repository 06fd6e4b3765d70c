"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useAssistant, useExportAssistant } from "@/components/queries/use-assistants";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { comparePair } from "@/lib/assistants/diff";
import { plural } from "@/lib/format";
import { downloadExport } from "../download-export";
import { ComparePanel } from "./compare-panel";
import { VersionList } from "./version-list";

const num = (v: string | null) => {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Every version of one assistant, production, rollbacks and a compare of any two (`?a=3&b=5`). */
export function VersionsView({ id }: { id: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const detail = useAssistant(id);
  const exp = useExportAssistant();
  const [notice, setNotice] = useState<string | null>(null);
  const head = detail.data?.assistant;
  const versions = detail.data?.versions ?? [];
  const pair = useMemo(
    () =>
      comparePair(
        versions.map((v) => v.version),
        head?.productionVersion ?? null,
        { a: num(params.get("a")), b: num(params.get("b")) },
      ),
    [versions, head?.productionVersion, params],
  );
  const setPair = useCallback(
    (p: { a: number; b: number }) => window.history.replaceState(null, "", `${pathname}?a=${p.a}&b=${p.b}`),
    [pathname],
  );
  if (detail.isLoading) return <EmptyState title="Loading versions…" loading />;
  if (detail.error || !head)
    return (
      <Alert tone="danger" testId="versions-error">
        {detail.error?.status === 404
          ? "No assistant with this id, or it is not shared with you."
          : detail.error?.message}
      </Alert>
    );
  return (
    <div className="space-y-4" data-testid="versions">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="truncate font-semibold text-xl">{head.name || "Untitled"}</h1>
          <p className="text-muted text-sm">
            {plural(versions.length, "version")}; every save is one and never changes.{" "}
            {head.productionVersion === null
              ? "None is in production: calls by id get the latest."
              : `Calls by id get v${head.productionVersion} (production) unless they name a version.`}
          </p>
        </div>
        <Button
          pending={exp.isPending}
          onClick={() => exp.mutate(id, { onSuccess: downloadExport })}
          data-testid="versions-export"
        >
          Export
        </Button>
      </div>
      {!head.canEdit && (
        <Alert testId="versions-read-only">
          Only the owner ({head.owner.name || head.owner.email}) and admins can mark production or roll back.
          You can compare, export and duplicate.
        </Alert>
      )}
      {notice && (
        <Alert tone="success" testId="versions-notice">
          {notice}
        </Alert>
      )}
      {exp.error && <Alert tone="danger">{exp.error.message}</Alert>}
      <VersionList
        id={id}
        head={head}
        versions={versions}
        pair={pair}
        onCompare={setPair}
        onNotice={setNotice}
      />
      {pair ? (
        <ComparePanel
          id={id}
          versions={versions}
          production={head.productionVersion}
          pair={pair}
          onPair={setPair}
        />
      ) : (
        <p className="text-muted text-sm">Save a second version to compare two.</p>
      )}
    </div>
  );
}
