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
  history: ["history"] as const,
  /** Filters as one string (the URL's search part), so each search pages on its own. */
  historyList: (filters: string) => ["history", "list", filters] as const,
  historyRun: (id: string) => ["history", "run", id] as const,
  historySettings: ["history-settings"] as const,
  /** The image library: lists, one image, its lineage; deleting or sharing refreshes all of them. */
  images: ["images"] as const,
  imageList: (filters: string) => ["images", "list", filters] as const,
  image: (id: string) => ["images", "one", id] as const,
  imageLineage: (id: string) => ["images", "lineage", id] as const,
  imageSettings: ["image-settings"] as const,
  files: ["files"] as const,
  /** `purpose` "" lists every file; the files page and the vector stores' pickers share that one. */
  fileList: (purpose: string) => ["files", purpose] as const,
  filePreview: (fileId: string) => ["files", fileId, "preview"] as const,
  /** Who owns what, and the team's rule; changing the rule refreshes every list under it. */
  owners: ["owners"] as const,
  ownerList: (kind: import("./ownership").OwnedKind, ids: string) => ["owners", kind, ids] as const,
  ownershipSettings: ["owners", "settings"] as const,
  vectorStores: ["vector-stores"] as const,
  /** The playground's picker: fetched without polling, apart from the vector stores page's list. */
  vectorStorePicker: ["vector-stores", "picker"] as const,
  vectorStoreFiles: (storeId: string) => ["vector-stores", storeId, "files"] as const,
  vectorStoreFileContent: (storeId: string, fileId: string) =>
    ["vector-stores", storeId, "content", fileId] as const,
  /** The image studio's "From library" picker (the gallery's own lists live beside it under "images"). */
  imagePicker: ["images", "picker"] as const,
  /** Assistants: lists (filters as one string), one assistant (and a version), its conversations. */
  assistants: ["assistants"] as const,
  assistantList: (filters: string) => ["assistants", "list", filters] as const,
  assistant: (id: string, version?: number) => ["assistants", "one", id, version ?? "latest"] as const,
  assistantVersion: (id: string, version: number) => ["assistants", "version", id, version] as const,
  assistantConversations: (id: string) => ["assistants", "conversations", id] as const,
  assistantTurns: (conversationId: string) => ["assistants", "turns", conversationId] as const,
  /**
   * Fine-tuning, all read through /api/v1: job lists (filters as one string), one job, its events
   * (every page, oldest first, grown live), checkpoints, and a result file's text.
   */
  fineTuning: ["fine-tuning"] as const,
  /** Every job list, whatever its filters (a prefix of fineTuningJobs). */
  fineTuningJobsAll: ["fine-tuning", "jobs"] as const,
  fineTuningJobs: (filters: string) => ["fine-tuning", "jobs", filters] as const,
  fineTuningJob: (id: string) => ["fine-tuning", "job", id] as const,
  fineTuningEvents: (id: string) => ["fine-tuning", "events", id] as const,
  fineTuningCheckpoints: (id: string) => ["fine-tuning", "checkpoints", id] as const,
  fineTuningResult: (fileId: string) => ["fine-tuning", "result", fileId] as const,
  /** Usage reports (the query as one string), the org's own figures beside them, and prices. */
  usage: ["usage"] as const,
  usageReport: (query: string) => ["usage", "report", query] as const,
  usageOrg: (query: string) => ["usage", "org", query] as const,
  prices: (models: string) => ["usage", "prices", models] as const,
  /** Rate limits seen and 429s; the caller's headroom; notices; the admin's budgets. */
  limits: ["limits"] as const,
  limitsReport: ["limits", "report"] as const,
  /** The playground gauge's lighter read (rate limits only), under limitsReport so both refresh together. */
  rateLimits: ["limits", "report", "rate-limits"] as const,
  headroom: ["limits", "headroom"] as const,
  notices: ["limits", "notices"] as const,
  budgets: ["limits", "budgets"] as const,
};
