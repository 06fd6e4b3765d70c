/**
 * One factory for TanStack Query keys, so invalidation can never miss a spelling. Each key starts
 * with its area, so invalidating a key also drops any more specific query added under it later.
 */
export const queryKeys = {
  me: ["me"] as const,
  tokens: ["tokens"] as const,
  users: ["users"] as const,
  /** Under `users`, so refreshing the user list after a disable refreshes these too. */
  userTokens: (userId: string) => ["users", userId, "tokens"] as const,
  userShares: (userId: string) => ["users", userId, "shares"] as const,
  upstream: ["upstream"] as const,
  models: ["models"] as const,
  presets: ["presets"] as const,
  presetList: (kind: import("./types").PresetKind) => ["presets", kind] as const,
  shares: ["shares"] as const,
  share: (id: string) => ["shares", id] as const,
  sharingSettings: ["sharing-settings"] as const,
  modelOverrides: ["model-overrides"] as const,
};
