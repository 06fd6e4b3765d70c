"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { plural } from "@/lib/format";
import type { HistorySettingsDto } from "@/lib/history/schema";
import { queryKeys } from "@/lib/query-keys";

/** How long playground runs stay in each user's history; 0 turns it off and deletes what is stored. */
export function HistoryCard({ isAdmin }: { isAdmin: boolean }) {
  const qc = useQueryClient();
  const q = useQuery<HistorySettingsDto, ApiError>({
    queryKey: queryKeys.historySettings,
    queryFn: ({ signal }) => apiFetch("/api/history/settings", { signal }),
  });
  const [days, setDays] = useState("");
  const [confirmOff, setConfirmOff] = useState(false);
  useEffect(() => {
    if (q.data?.retentionDays) setDays(String(q.data.retentionDays));
  }, [q.data]);
  const save = useMutation<HistorySettingsDto, ApiError, number>({
    mutationFn: (d) => apiFetch("/api/history/settings", { method: "PUT", body: { retention_days: d } }),
    onSuccess: (d) => {
      qc.setQueryData(queryKeys.historySettings, d);
      void qc.invalidateQueries({ queryKey: queryKeys.history });
      setConfirmOff(false);
    },
  });
  const current = q.data?.retentionDays;
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= 3650;
  return (
    <Card
      title="Run history"
      description="Each person's playground runs (setup, request, output, metrics) are kept on this server for them alone; admins cannot read other people's history."
    >
      <p className="mb-2 text-sm" data-testid="history-retention-state">
        {current === undefined
          ? "…"
          : current === 0
            ? "History is off: runs are not stored."
            : `Runs are kept for ${plural(current, "day")}, then deleted.`}
      </p>
      {isAdmin ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs">
            <span className="text-muted">Keep runs for (days)</span>
            <input
              type="number"
              min={1}
              max={3650}
              className="input h-8 w-28"
              value={days}
              onChange={(e) => setDays(e.target.value)}
              data-testid="history-retention-days"
            />
          </label>
          <Button
            variant="primary"
            disabled={!valid || save.isPending}
            onClick={() => save.mutate(n)}
            data-testid="history-retention-save"
          >
            {current === 0 ? "Turn on" : "Save"}
          </Button>
          {current !== 0 && (
            <Button variant="danger" onClick={() => setConfirmOff(true)} data-testid="history-off">
              Turn history off
            </Button>
          )}
        </div>
      ) : (
        <p className="text-muted text-xs">Only admins can change this.</p>
      )}
      {save.error && <p className="mt-1 text-danger text-xs">{save.error.message}</p>}
      {confirmOff && (
        <Dialog title="Turn history off?" onClose={() => setConfirmOff(false)} size="sm">
          <p className="text-sm">
            Runs stop being stored, and every run already in anyone's history is deleted now. This cannot be
            undone.
          </p>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setConfirmOff(false)}>Keep history</Button>
            <Button
              variant="danger"
              pending={save.isPending}
              onClick={() => save.mutate(0)}
              data-testid="history-off-confirm"
            >
              Turn off and delete
            </Button>
          </div>
        </Dialog>
      )}
    </Card>
  );
}
