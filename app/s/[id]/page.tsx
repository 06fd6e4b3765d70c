import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SharedAssistantView } from "@/components/assistants/chat/shared-assistant-view";
import { SharedImageView } from "@/components/images/library/shared-image-view";
import { SharedView } from "@/components/playground/shared-view";
import { SharedTokenizerView } from "@/components/tokenizer/shared-tokenizer-view";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/errors";
import { getCurrentUser } from "@/lib/server/auth/page";
import { getShare } from "@/lib/server/shares";

export const metadata: Metadata = {
  title: "Shared run",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

/** A share link: read-only for signed-in teammates, and for anyone when it is public and an admin allows that. */
export default async function SharePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  try {
    const share = await getShare(id, user);
    return (
      <main className="mx-auto max-w-5xl px-4 py-6">
        {share.kind === "tokenizer" ? (
          <SharedTokenizerView share={share} signedIn={Boolean(user)} />
        ) : share.kind === "assistant" ? (
          <SharedAssistantView share={share} signedIn={Boolean(user)} />
        ) : share.kind === "image" ? (
          <SharedImageView share={share} signedIn={Boolean(user)} />
        ) : (
          <SharedView share={share} signedIn={Boolean(user)} />
        )}
      </main>
    );
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 401) redirect(`/sign-in?next=${encodeURIComponent(`/s/${id}`)}`);
    return (
      <main className="mx-auto max-w-lg px-4 py-16 text-center" data-testid="share-unavailable">
        <h1 className="font-semibold text-lg">
          {e.status === 410
            ? "Link revoked"
            : e.code === "share_unreadable"
              ? "This share cannot be shown"
              : "Link not found"}
        </h1>
        <p className="mt-2 text-muted text-sm">{e.message}</p>
        <Button className="mt-6" render={<Link href="/playground" />}>
          Go to the playground
        </Button>
      </main>
    );
  }
}
