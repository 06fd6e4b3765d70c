"use client";

import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import type { ChatItem } from "@/lib/assistants/chat-stream";
import { ItemFrame, list, str, useItemActions } from "./item-context";

export interface ContainerFile {
  containerId: string;
  fileId: string;
  filename: string;
}

const enc = encodeURIComponent;

/**
 * Code interpreter: the code (highlighted as the playground's code view), its logs and images, and
 * the files the turn's messages cite from its container, downloadable through the proxy.
 */
export function CodeInterpreterItem({ item, files }: { item: ChatItem; files: ContainerFile[] }) {
  const actions = useItemActions();
  const outputs = list(item.outputs);
  const logs = outputs.filter((o) => o.type === "logs").map((o) => str(o.logs));
  const images = outputs.filter((o) => o.type === "image" && str(o.url).startsWith("data:"));
  return (
    <ItemFrame type="code_interpreter_call" label="Code interpreter" status={item.status}>
      {str(item.code) && <CodeBlock code={str(item.code)} lang="python" title="Python" />}
      {logs.length > 0 && (
        <pre
          className="max-h-48 overflow-auto rounded-md bg-surface-2 px-2 py-1 font-mono text-xs"
          data-testid="code-logs"
        >
          {logs.join("\n")}
        </pre>
      )}
      {images.map((o) => (
        // biome-ignore lint/performance/noImgElement: the image is inline (data URL)
        <img
          key={str(o.url)}
          src={str(o.url)}
          alt="Code interpreter output"
          className="max-h-80 rounded-md"
        />
      ))}
      {files.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {files.map((f) => (
            <li key={f.fileId}>
              {actions ? (
                <Button
                  size="sm"
                  data-testid="code-file-download"
                  onClick={() =>
                    actions.download(
                      `/api/v1/containers/${enc(f.containerId)}/files/${enc(f.fileId)}/content`,
                      f.filename,
                    )
                  }
                >
                  Download {f.filename}
                </Button>
              ) : (
                <span className="font-mono text-xs">{f.filename}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </ItemFrame>
  );
}

/** The container files a turn's messages cite, by container. */
export function containerFiles(items: ChatItem[]): ContainerFile[] {
  const out: ContainerFile[] = [];
  for (const m of items) {
    if (m.type !== "message") continue;
    for (const p of list(m.content))
      for (const a of list(p.annotations))
        if (a.type === "container_file_citation" && !out.some((f) => f.fileId === str(a.file_id)))
          out.push({
            containerId: str(a.container_id),
            fileId: str(a.file_id),
            filename: str(a.filename) || str(a.file_id),
          });
  }
  return out;
}
