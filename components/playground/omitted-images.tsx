import { isRemoteImage, type OmittedImage } from "@/lib/playground/types";

export interface OmittedImageNoteProps {
  image: Pick<OmittedImage, "url" | "name">;
  /** In the viewer's own playground: put the image back among the message's images. */
  onAddBack?(): void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || "an unknown host";
  } catch {
    return "an unknown host";
  }
}

/**
 * An image a share did not keep inline: where it is, never loaded by itself (so a shared link
 * cannot be a tracking pixel). Opening it, or adding it back, is the viewer's choice.
 */
export function OmittedImageNote({ image, onAddBack }: OmittedImageNoteProps) {
  const host = hostOf(image.url);
  return (
    <p
      className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-border border-dashed px-2 py-1 text-muted text-xs"
      data-testid="image-not-loaded"
    >
      <span className="min-w-0 break-all">
        Image {image.name ? <span className="font-mono">{image.name}</span> : null} at{" "}
        <span className="font-mono">{host}</span> not loaded
      </span>
      {isRemoteImage(image.url) && (
        <a
          href={image.url}
          target="_blank"
          rel="noreferrer noopener"
          referrerPolicy="no-referrer"
          className="underline hover:text-fg"
          title={image.url}
        >
          Open
        </a>
      )}
      {onAddBack && (
        <button type="button" className="underline hover:text-fg" onClick={onAddBack}>
          Add back
        </button>
      )}
    </p>
  );
}
