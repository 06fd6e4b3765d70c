"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ShareHeader } from "@/components/shares/share-header";
import { saveImage } from "@/lib/images/library-client";
import { type ImageShareSnapshot, imageShareSnapshotSchema } from "@/lib/images/schema";
import type { ShareDto } from "@/lib/types";
import { Fact, ImageFacts } from "./image-facts";

/** A shared image, read-only, with what made it; a signed-in viewer may keep a copy in their library. */
export function SharedImageView({ share, signedIn }: { share: ShareDto; signedIn: boolean }) {
  const router = useRouter();
  const snap = useMemo(() => {
    const r = imageShareSnapshotSchema.safeParse(share.snapshot);
    return r.success ? r.data : null;
  }, [share.snapshot]);
  const [error, setError] = useState<string | null>(null);
  if (!snap) return <p className="text-muted">This link holds something the image library cannot show.</p>;
  const keep = async () => {
    setError(null);
    try {
      const { dataUrlToBlob } = await import("@/lib/images/share-snapshot");
      const blob = dataUrlToBlob(snap.image.dataUrl);
      const saved = await saveImage({
        image: blob,
        meta: {
          role: "input",
          operation: "upload",
          prompt: snap.prompt,
          revisedPrompt: snap.revisedPrompt,
          model: snap.model,
          params: snap.params,
          name: share.title,
        },
      });
      router.push(`/images/library/${saved.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <article className="space-y-4" data-testid="shared-image">
      <ShareHeader
        share={share}
        signedIn={signedIn}
        onOpen={() => void keep()}
        openLabel="Save to my library"
        details={<span className="font-mono">{snap.model ?? "unknown model"}</span>}
      />
      {error && (
        <p role="alert" className="text-danger text-sm">
          {error}
        </p>
      )}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(18rem,2fr)]">
        {/* biome-ignore lint/performance/noImgElement: the image is inside the snapshot, as a data URL */}
        <img
          src={snap.image.dataUrl}
          alt={snap.prompt ?? share.title}
          width={snap.image.width}
          height={snap.image.height}
          className="h-auto max-h-[75vh] w-full rounded-md border border-border bg-surface-2 object-contain"
          data-testid="shared-image-img"
        />
        <ImageFacts image={factsOf(snap)} extra={<ScaledNote snap={snap} />} />
      </div>
    </article>
  );
}

const factsOf = (s: ImageShareSnapshot) => ({
  prompt: s.prompt,
  revisedPrompt: s.revisedPrompt,
  model: s.model,
  params: s.params,
  costUsd: s.costUsd,
  createdAt: s.createdAt,
  width: s.image.scaled?.width ?? s.image.width,
  height: s.image.scaled?.height ?? s.image.height,
});

function ScaledNote({ snap }: { snap: ImageShareSnapshot }) {
  if (!snap.image.scaled) return null;
  return (
    <Fact label="Shown">
      <span data-testid="shared-image-scaled">
        A {snap.image.width}×{snap.image.height} copy: share links hold at most 2 MB.
      </span>
    </Fact>
  );
}
