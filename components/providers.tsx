"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/errors";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not get better by asking again; network failures and 5xx get two more tries.
        retry: (count, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return count < 2;
        },
        refetchOnWindowFocus: false,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/** New per server render (no data shared between requests); one for the life of the browser tab. */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export interface ProvidersProps {
  children: ReactNode;
}

/**
 * Server data for the pages that read it (the console and share pages). The sign-in and setup
 * pages have none, so they do not load TanStack Query at all.
 */
export function Providers({ children }: ProvidersProps) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
