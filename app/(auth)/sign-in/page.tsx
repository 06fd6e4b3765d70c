import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser, safeNext } from "@/lib/server/auth/page";
import { isSetupOpen } from "@/lib/server/auth/setup";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  if (await isSetupOpen()) redirect("/setup");
  if (await getCurrentUser()) redirect(next);
  return <SignInForm next={next} />;
}
