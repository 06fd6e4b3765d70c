"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { defaultValues } from "@/lib/assistants/chat-request";
import { getAssistant, getVersion } from "@/lib/assistants/client";
import { queryKeys } from "@/lib/query-keys";

/** `production` (the default; latest when none is marked), `latest`, or a version number. */
export type VersionChoice = "production" | "latest" | `${number}`;

const VAR_PREFIX = "var.";

/**
 * The chat's setup, kept in the URL so a reload or a copied link keeps it: the version
 * (`?version=`), the conversation (`?c=`) and the variables (`?var.<name>=`, only where they differ
 * from the default). The assistant and the chosen version's config come from the console's routes.
 */
export function useChatSetup(assistantId: string) {
  const router = useRouter();
  const path = usePathname();
  const params = useSearchParams();
  const choice = (params.get("version") ?? "production") as VersionChoice;
  const conversationId = params.get("c");
  const detail = useQuery({
    queryKey: queryKeys.assistant(assistantId),
    queryFn: () => getAssistant(assistantId),
  });
  const head = detail.data?.assistant;
  const version = !head
    ? null
    : choice === "latest"
      ? head.latestVersion
      : choice === "production"
        ? (head.productionVersion ?? head.latestVersion)
        : Number(choice);
  const own = detail.data?.version.version === version ? detail.data?.version : undefined;
  const picked = useQuery({
    queryKey: queryKeys.assistantVersion(assistantId, version ?? 0),
    queryFn: () => getVersion(assistantId, version ?? 0),
    enabled: version !== null && !own,
  });
  const config = (own ?? picked.data)?.config ?? null;
  // Typed values live here and are mirrored into the URL: an input driven by the URL alone lags
  // behind fast typing, and a send right after typing would read the old value.
  const [typed, setTyped] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const [k, v] of params) if (k.startsWith(VAR_PREFIX)) out[k.slice(VAR_PREFIX.length)] = v;
    return out;
  });
  const values = useMemo(() => ({ ...defaultValues(config?.variables ?? []), ...typed }), [config, typed]);
  const replace = useCallback(
    (change: (sp: URLSearchParams) => void) => {
      const sp = new URLSearchParams(window.location.search);
      change(sp);
      const qs = sp.toString();
      router.replace(`${path}${qs ? `?${qs}` : ""}`, { scroll: false });
    },
    [router, path],
  );
  const setVariable = (name: string, value: string) => {
    setTyped((t) => ({ ...t, [name]: value }));
    replace((sp) => {
      const def = config?.variables.find((v) => v.name === name)?.default ?? "";
      if (value === def) sp.delete(VAR_PREFIX + name);
      else sp.set(VAR_PREFIX + name, value);
    });
  };
  const setChoice = (c: VersionChoice) =>
    replace((sp) => (c === "production" ? sp.delete("version") : sp.set("version", c)));
  const setConversation = (id: string | null) => replace((sp) => (id ? sp.set("c", id) : sp.delete("c")));
  return {
    detail,
    versionQuery: picked,
    choice,
    version,
    config,
    values,
    conversationId,
    setVariable,
    setChoice,
    setConversation,
  };
}
