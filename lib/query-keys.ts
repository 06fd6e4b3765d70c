/** One factory for TanStack Query keys, so invalidation can never miss a spelling. */
export const queryKeys = {
  me: ["me"] as const,
  tokens: ["tokens"] as const,
  users: ["users"] as const,
  upstream: ["upstream"] as const,
  models: ["models"] as const,
};
