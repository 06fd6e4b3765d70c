/**
 * Shapes the console's own API returns, and the enum values and limits of what it accepts, shared
 * by route handlers and the browser. Zod-free so a client component can read a limit without
 * loading zod; the request schemas in lib/schemas.ts are built from these.
 */

export const USER_ROLES = ["admin", "member"] as const;
export type Role = (typeof USER_ROLES)[number];

/** What a preset or share holds; tokenizer presets come later. */
export const PRESET_KINDS = ["playground"] as const;
export type PresetKind = (typeof PRESET_KINDS)[number];
export const SHARE_KINDS = ["playground", "tokenizer", "image", "assistant"] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** Lengths in characters. */
export const LIMITS = {
  email: 320,
  userName: 100,
  passwordMin: 12,
  passwordMax: 256,
  tokenName: 100,
  presetName: 80,
  shareTitle: 200,
} as const;

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
}

export interface TokenDto {
  id: string;
  name: string;
  displayPrefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface UpstreamInfo {
  baseUrl: string;
  host: string;
  keyConfigured: boolean;
  keyMasked: string | null;
  orgId: string | null;
  projectId: string | null;
  adminKeyConfigured: boolean;
}

export interface ConnectionCheck {
  ok: boolean;
  status: number | null;
  latencyMs: number;
  modelCount?: number;
  sampleModels?: string[];
  requestId?: string | null;
  diagnosis?: { title: string; detail: string; code: string };
}

export interface PresetDto<S = unknown> {
  id: string;
  name: string;
  kind: PresetKind;
  state: S;
  createdAt: string;
  updatedAt: string;
}

export interface ShareDto<S = unknown> {
  id: string;
  kind: ShareKind;
  title: string;
  createdAt: string;
  revokedAt: string | null;
  public: boolean;
  views: number;
  /** The page that shows it: `/s/<id>`. */
  url: string;
  /** Only on `GET /api/shares/<id>`; lists leave it out. */
  snapshot?: S;
}

export interface SharingSettingsDto {
  publicShareLinks: boolean;
}
