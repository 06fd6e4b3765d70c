import type { Metadata } from "next";
import { VectorStoresView } from "@/components/vector-stores/vector-stores-view";
import { requireUser } from "@/lib/server/auth/page";
import { getConfig } from "@/lib/server/config";

export const metadata: Metadata = { title: "Vector stores" };
export const dynamic = "force-dynamic";

export default async function VectorStoresPage() {
  await requireUser();
  return <VectorStoresView hostBodyLimit={getConfig().requestBodyLimit} />;
}
