/** Shapes the console's own API returns, shared by route handlers and the browser. */
export type Role = "admin" | "member";

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

/** What a preset or share holds; tokenizer shares come later. */
export type PresetKind = "playground";
export type ShareKind = "playground" | "tokenizer";

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
