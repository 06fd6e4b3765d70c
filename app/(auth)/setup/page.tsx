import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { isSetupOpen } from "@/lib/server/auth/setup";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await isSetupOpen())) redirect("/sign-in");
  return <SetupForm />;
}
