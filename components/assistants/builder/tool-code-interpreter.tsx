"use client";

import { useFiles } from "@/components/queries/use-files";
import { fieldId } from "@/lib/assistants/builder";
import { ASSISTANT_LIMITS, CONTAINER_MEMORY } from "@/lib/assistants/schema";
import { Choice, INPUT, ListInput, Row } from "./fields";
import type { ToolEditorProps } from "./tool-types";

/** Code interpreter: a new container per conversation (with files and a memory limit), or an existing one. */
export function CodeInterpreterToolEditor({ tool, path, onChange }: ToolEditorProps<"code_interpreter">) {
  const c = tool.container;
  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap gap-4 text-xs">
        <legend className="label mb-1">Container</legend>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            checked={c.type === "auto"}
            onChange={() => onChange({ ...tool, container: { type: "auto", fileIds: [] } })}
          />
          New per conversation (auto)
        </label>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            checked={c.type === "id"}
            onChange={() => onChange({ ...tool, container: { type: "id", id: "" } })}
          />
          Existing container
        </label>
      </fieldset>
      {c.type === "id" ? (
        <Row path={`${path}.container`} label="Container id">
          {(id) => (
            <input
              id={id}
              className={`${INPUT} font-mono text-xs`}
              placeholder="cntr_…"
              value={c.id}
              onChange={(e) => onChange({ ...tool, container: { ...c, id: e.target.value } })}
            />
          )}
        </Row>
      ) : (
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
          <FilePicker
            path={`${path}.container.fileIds`}
            value={c.fileIds}
            onChange={(fileIds) => onChange({ ...tool, container: { ...c, fileIds } })}
          />
          <Choice
            path={`${path}.container.memoryLimit`}
            label="Memory limit"
            unset="default (1g)"
            options={CONTAINER_MEMORY}
            value={c.memoryLimit}
            onChange={(memoryLimit) => onChange({ ...tool, container: { ...c, memoryLimit } })}
          />
        </div>
      )}
    </div>
  );
}

/** Files of any purpose to copy into the container; ids can be typed when the list is unavailable. */
function FilePicker({
  path,
  value,
  onChange,
}: {
  path: string;
  value: string[];
  onChange(ids: string[]): void;
}) {
  const { files, isError, isSuccess } = useFiles("");
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <fieldset className="min-w-0 space-y-1 text-xs" id={fieldId(path)} data-testid="container-file-picker">
      <legend className="label">
        Files ({value.length}/{ASSISTANT_LIMITS.codeInterpreterFiles})
      </legend>
      <div className="max-h-40 space-y-0.5 overflow-y-auto">
        {files.map((f) => (
          <label key={f.id} className="flex min-w-0 items-center gap-2">
            <input
              type="checkbox"
              checked={value.includes(f.id)}
              onChange={(e) => toggle(f.id, e.target.checked)}
            />
            <span className="truncate">{f.filename}</span>
            <span className="shrink-0 text-muted">{f.purpose}</span>
          </label>
        ))}
      </div>
      {isSuccess && files.length === 0 && <p className="text-muted">No files uploaded yet.</p>}
      {isError && <p className="text-muted">Could not list files; type their ids.</p>}
      <ListInput label="File ids" placeholder="file-…, file-…" value={value} onChange={onChange} />
    </fieldset>
  );
}
