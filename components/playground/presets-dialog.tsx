"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { usePrompt } from "@/components/ui/prompt-dialog";
import { Tooltip } from "@/components/ui/tooltip";
import { When } from "@/components/ui/when";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { describeProblem, readPresetState, restoreSetup } from "@/lib/playground/snapshot";
import type { Setup } from "@/lib/playground/types";
import { queryKeys } from "@/lib/query-keys";
import { LIMITS, type PresetDto } from "@/lib/types";
import { usePlayground } from "./store";

/** Saved setups, per user, in the database: save, load, update with the current setup, rename, delete. */
export function PresetsDialog({ onClose }: { onClose(): void }) {
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const list = useQuery({
    queryKey: queryKeys.presetList("playground"),
    queryFn: ({ signal }) => apiFetch<{ data: PresetDto[] }>("/api/presets?kind=playground", { signal }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: queryKeys.presets });
  const current = () => ({ setup: usePlayground.getState().setup });
  const save = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch("/api/presets", { body: { name, kind: "playground", state: current() } }),
    onSuccess: () => {
      setName("");
      void refresh();
    },
  });
  const overwrite = useMutation<unknown, ApiError, string>({
    mutationFn: (id) => apiFetch(`/api/presets/${id}`, { method: "PATCH", body: { state: current() } }),
    onSuccess: refresh,
  });
  const rename = useMutation<unknown, ApiError, { id: string; name: string }>({
    mutationFn: ({ id, name: n }) => apiFetch(`/api/presets/${id}`, { method: "PATCH", body: { name: n } }),
    onSuccess: refresh,
  });
  const remove = useMutation<unknown, ApiError, string>({
    mutationFn: (id) => apiFetch(`/api/presets/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const [ask, promptDialog] = usePrompt();
  const load = async (p: PresetDto) => {
    const r = readPresetState(p.state);
    if (!r.ok) {
      setLoadError(
        `The preset “${p.name}” cannot be loaded: ${describeProblem(r)}. It was saved by another version of Benchtop; delete it or save it again.`,
      );
      return;
    }
    // As New does: typed work is only replaced when the user says so.
    const ok =
      !hasWork(usePlayground.getState().setup) ||
      (await confirm({
        title: `Load “${p.name}”?`,
        description: "It replaces your current draft. Save the draft as a preset first to keep it.",
        confirmLabel: "Replace draft",
      }));
    if (!ok) return;
    usePlayground.getState().replaceSetup(restoreSetup(r.value.setup));
    onClose();
  };
  const error =
    save.error ??
    overwrite.error ??
    rename.error ??
    remove.error ??
    list.error ??
    (loadError ? { message: loadError } : null);
  return (
    <Dialog
      title="Presets"
      description="Saved to your account: model, parameters, instructions, messages, tools and schema."
      onClose={onClose}
      size="md"
    >
      {confirmDialog}
      {promptDialog}
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <label htmlFor="preset-name" className="sr-only">
          Preset name
        </label>
        <input
          id="preset-name"
          className="input h-8 min-w-0 flex-1"
          placeholder="Name for the current setup"
          value={name}
          maxLength={LIMITS.presetName}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" variant="primary" disabled={!name.trim() || save.isPending}>
          Save
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-danger text-xs">
          {error.message}
        </p>
      )}
      <ul
        className="max-h-80 divide-y divide-border overflow-y-auto rounded-md border border-border"
        data-testid="preset-list"
      >
        {list.data?.data.length === 0 && <li className="p-3 text-muted text-sm">No presets yet.</li>}
        {list.data?.data.map((p) => (
          <li
            key={p.id}
            className="flex flex-wrap items-center gap-x-2 gap-y-1 px-3 py-2 text-sm"
            data-testid="preset"
          >
            {/* The name keeps at least 12rem: on a phone the buttons wrap below it. */}
            <div className="min-w-0 flex-1 basis-48">
              <div className="truncate" title={p.name}>
                {p.name}
              </div>
              <When value={p.updatedAt} className="text-muted text-xs" />
            </div>
            <div className="flex gap-1">
              <Button variant="primary" size="sm" onClick={() => load(p)}>
                Load
              </Button>
              <Tooltip content="Replace this preset with the current setup">
                <Button size="sm" onClick={() => overwrite.mutate(p.id)}>
                  Update
                </Button>
              </Tooltip>
              <Button
                variant="ghost"
                size="sm"
                onClick={async () => {
                  const n = await ask({
                    title: "Rename preset",
                    label: "Name",
                    initialValue: p.name,
                    maxLength: LIMITS.presetName,
                    confirmLabel: "Rename",
                  });
                  if (n) rename.mutate({ id: p.id, name: n });
                }}
              >
                Rename
              </Button>
              <Button
                variant="ghost"
                size="sm"
                className="text-danger"
                aria-label={`Delete preset ${p.name}`}
                onClick={async () => {
                  const ok = await confirm({
                    title: `Delete the preset “${p.name}”?`,
                    confirmLabel: "Delete",
                    danger: true,
                  });
                  if (ok) remove.mutate(p.id);
                }}
              >
                Delete
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

/** Anything typed that loading a preset would replace. */
function hasWork(setup: Setup): boolean {
  return (
    setup.instructions.trim() !== "" ||
    setup.prompt.trim() !== "" ||
    setup.messages.some((m) => m.content.trim() !== "" || m.images.length > 0)
  );
}
