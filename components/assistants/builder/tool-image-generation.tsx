"use client";

import { useModels } from "@/components/queries/use-models";
import { catalogueIds } from "@/lib/models/picker-groups";
import { IMAGE_BACKGROUNDS, IMAGE_FORMATS, IMAGE_QUALITIES } from "@/lib/openai-facts";
import { Choice, INPUT, Row } from "./fields";
import type { ToolEditorProps } from "./tool-types";

/** Image generation: the options the chosen image model takes, from the catalogue's image spec. */
export function ImageGenerationToolEditor({ tool, path, onChange }: ToolEditorProps<"image_generation">) {
  const { resolve } = useModels();
  const set = (patch: Partial<typeof tool>) => onChange({ ...tool, ...patch });
  const imageModels = catalogueIds("image").filter((id) => resolve(id).image?.formats.length);
  const spec = tool.model ? resolve(tool.model).image : null;
  const sizes = spec?.sizes ?? ["auto", "1024x1024", "1024x1536", "1536x1024"];
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Row path={`${path}.model`} label="Image model">
        {(id) => (
          <>
            <input
              id={id}
              list={`${id}-models`}
              className={`${INPUT} font-mono text-xs`}
              placeholder="default (gpt-image-1)"
              value={tool.model ?? ""}
              onChange={(e) => set({ model: e.target.value || undefined })}
            />
            <datalist id={`${id}-models`}>
              {imageModels.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </>
        )}
      </Row>
      <Choice
        path={`${path}.size`}
        label="Size"
        unset="default"
        options={sizes}
        value={tool.size}
        onChange={(size) => set({ size })}
      />
      <Choice
        path={`${path}.quality`}
        label="Quality"
        unset="default"
        options={spec?.qualities ?? IMAGE_QUALITIES.filter((q) => q !== "standard" && q !== "hd")}
        value={tool.quality}
        onChange={(quality) => set({ quality })}
      />
      <Choice
        path={`${path}.background`}
        label="Background"
        unset="default"
        options={spec?.backgrounds ?? IMAGE_BACKGROUNDS}
        disabledReason={spec && !spec.backgrounds.length ? `${tool.model} takes no background.` : null}
        value={tool.background}
        onChange={(background) => set({ background })}
      />
      <Choice
        path={`${path}.outputFormat`}
        label="Format"
        unset="default (png)"
        options={
          spec?.formats.length ? spec.formats : IMAGE_FORMATS.filter((f) => f !== "gif" && f !== "svg")
        }
        value={tool.outputFormat}
        onChange={(outputFormat) => set({ outputFormat })}
      />
    </div>
  );
}
