import { exportFilename } from "@/lib/assistants/list-filters";
import type { AssistantExport } from "@/lib/assistants/schema";
import { saveBlob } from "@/lib/images/download";

/** Saves an export as `<name>.assistant.json` (list and versions pages). */
export function downloadExport(exp: AssistantExport): void {
  const blob = new Blob([`${JSON.stringify(exp, null, 2)}\n`], { type: "application/json" });
  saveBlob(blob, exportFilename(exp.assistant.name));
}
