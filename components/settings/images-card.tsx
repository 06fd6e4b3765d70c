"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useImageSettings } from "@/components/queries/use-images";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { plural } from "@/lib/format";
import type { ImageSettingsDto } from "@/lib/images/schema";
import { queryKeys } from "@/lib/query-keys";

/** How long the image library keeps images (0: for ever) and the largest image it stores. */
export function ImagesCard({ isAdmin }: { isAdmin: boolean }) {
  const qc = useQueryClient();
  const q = useImageSettings();
  const [days, setDays] = useState("");
  const [mb, setMb] = useState("");
  const [confirm, confirmDialog] = useConfirm();
  useEffect(() => {
    if (!q.data) return;
    setDays(String(q.data.retentionDays));
    setMb(String(q.data.maxImageMb));
  }, [q.data]);
  const save = useMutation<ImageSettingsDto, ApiError, ImageSettingsDto>({
    mutationFn: (s) =>
      apiFetch("/api/images/settings", {
        method: "PUT",
        body: { retention_days: s.retentionDays, max_image_mb: s.maxImageMb },
      }),
    onSuccess: (s) => {
      qc.setQueryData(queryKeys.imageSettings, s);
      void qc.invalidateQueries({ queryKey: queryKeys.images });
    },
  });
  const current = q.data;
  const d = Number(days);
  const m = Number(mb);
  const valid = Number.isInteger(d) && d >= 0 && d <= 3650 && Number.isFinite(m) && m >= 1 && m <= 200;
  const submit = async () => {
    const shorter = current && d > 0 && (current.retentionDays === 0 || d < current.retentionDays);
    if (
      shorter &&
      !(await confirm({
        title: `Keep images for ${plural(d, "day")}?`,
        description: `Every image older than ${plural(d, "day")}, anyone's, is deleted now, and images are deleted as they pass that age.`,
        confirmLabel: "Save and delete",
        danger: true,
      }))
    )
      return;
    save.mutate({ retentionDays: d, maxImageMb: m });
  };
  return (
    <Card
      title="Image library"
      description="Every image the image studio makes or uses is stored in the database with its prompt and lineage; private ones are their owner's alone."
    >
      {confirmDialog}
      <p className="mb-2 text-sm" data-testid="images-settings-state">
        {current === undefined
          ? "…"
          : `${current.retentionDays === 0 ? "Images are kept until their owner deletes them" : `Images are kept for ${plural(current.retentionDays, "day")}`}; each may be up to ${current.maxImageMb} MB.`}
      </p>
      {isAdmin ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs">
            <span className="text-muted">Keep images for (days, 0 = for ever)</span>
            <input
              type="number"
              min={0}
              max={3650}
              className="input h-8 w-28"
              value={days}
              onChange={(e) => setDays(e.target.value)}
              data-testid="images-retention-days"
            />
          </label>
          <label className="flex flex-col gap-1 text-xs">
            <span className="text-muted">Largest image (MB)</span>
            <input
              type="number"
              min={1}
              max={200}
              className="input h-8 w-24"
              value={mb}
              onChange={(e) => setMb(e.target.value)}
              data-testid="images-max-mb"
            />
          </label>
          <Button
            variant="primary"
            disabled={!valid}
            pending={save.isPending}
            onClick={() => void submit()}
            data-testid="images-settings-save"
          >
            Save
          </Button>
        </div>
      ) : (
        <p className="text-muted text-xs">Only admins can change this.</p>
      )}
      {save.error && <p className="mt-1 text-danger text-xs">{save.error.message}</p>}
    </Card>
  );
}
