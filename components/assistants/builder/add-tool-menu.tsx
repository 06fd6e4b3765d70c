"use client";

import { Button } from "@/components/ui/button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import { TOOL_LABELS } from "@/lib/assistants/builder";
import type { AssistantToolType } from "@/lib/assistants/schema";

const TYPES = Object.keys(TOOL_LABELS) as AssistantToolType[];

/** "+ Add tool": every type, those the model does not take on Responses marked with why. */
export function AddToolMenu({
  disabled,
  refusal,
  onAdd,
}: {
  disabled: boolean;
  refusal(type: AssistantToolType): string | null;
  onAdd(type: AssistantToolType): void;
}) {
  return (
    <Menu>
      <MenuTrigger data-testid="assistant-add-tool" disabled={disabled} render={<Button size="sm" />}>
        + Add tool <ChevronDownIcon size={14} />
      </MenuTrigger>
      <MenuContent align="end">
        {TYPES.map((type) => (
          <MenuItem key={type} onClick={() => onAdd(type)} title={refusal(type) ?? undefined}>
            {TOOL_LABELS[type]}
            {refusal(type) && <span className="text-[11px] text-warning">not taken by this model</span>}
          </MenuItem>
        ))}
      </MenuContent>
    </Menu>
  );
}
