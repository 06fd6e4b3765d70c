import type { Metadata } from "next";
import { AssistantsView } from "@/components/assistants/list/assistants-view";
import { ASSISTANT_LIMITS } from "@/lib/assistants/schema";
import { requireUser } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Assistants" };
export const dynamic = "force-dynamic";

export default async function AssistantsPage() {
  const user = await requireUser();
  return <AssistantsView meId={user.id} restoreDays={ASSISTANT_LIMITS.restoreDays} />;
}
