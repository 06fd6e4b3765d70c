import type { ReactNode } from "react";
import { When } from "@/components/ui/when";
import { formatBytes, formatUsd } from "@/lib/format";
import type { StoredImage } from "@/lib/images/schema";

export type ImageFactsInput = Pick<
  StoredImage,
  "prompt" | "revisedPrompt" | "model" | "params" | "costUsd" | "createdAt" | "width" | "height"
> &
  Partial<Pick<StoredImage, "usage" | "ownerEmail" | "bytes" | "format">>;

/** What made an image and what it cost: the gallery's image page and an image share link show the same. */
export function ImageFacts({ image, extra }: { image: ImageFactsInput; extra?: ReactNode }) {
  const params = Object.entries(image.params ?? {});
  const usage = image.usage ? Object.entries(image.usage).filter(([, v]) => typeof v !== "object") : [];
  return (
    <dl
      className="grid grid-cols-[auto_minmax(0,1fr)] content-start gap-x-4 gap-y-2 self-start text-sm"
      data-testid="image-facts"
    >
      {image.prompt && (
        <Fact label="Prompt">
          <p className="whitespace-pre-wrap break-words" data-testid="image-prompt-text">
            {image.prompt}
          </p>
        </Fact>
      )}
      {image.revisedPrompt && (
        <Fact label="Revised prompt">
          <p className="whitespace-pre-wrap break-words text-muted">{image.revisedPrompt}</p>
        </Fact>
      )}
      <Fact label="Model">
        <span className="font-mono" data-testid="image-model">
          {image.model ?? "—"}
        </span>
      </Fact>
      <Fact label="Size">
        {image.width}×{image.height}
        {image.format ? ` · ${image.format.toUpperCase()}` : ""}
        {image.bytes ? ` · ${formatBytes(image.bytes)}` : ""}
      </Fact>
      {params.length > 0 && (
        <Fact label="Parameters">
          <ul className="flex flex-wrap gap-1.5" data-testid="image-params">
            {params.map(([k, v]) => (
              <li key={k} className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs">
                {k}: {typeof v === "string" ? v : JSON.stringify(v)}
              </li>
            ))}
          </ul>
        </Fact>
      )}
      {usage.length > 0 && (
        <Fact label="Usage">
          <span className="font-mono text-xs">{usage.map(([k, v]) => `${k} ${String(v)}`).join(" · ")}</span>
        </Fact>
      )}
      <Fact label="Cost">{image.costUsd === null ? "—" : formatUsd(image.costUsd)}</Fact>
      {image.ownerEmail !== undefined && <Fact label="Made by">{image.ownerEmail ?? "a deleted user"}</Fact>}
      <Fact label="Created">
        <When value={image.createdAt} />
      </Fact>
      {extra}
    </dl>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}
