import "server-only";
import type { ModelOverrides } from "@/lib/models/schema";
import type { SharingSettingsDto } from "@/lib/types";
import { getDb, type Queryable } from "./db";
import { forgetPrices } from "./pricing";

/**
 * Console-wide switches admins flip at runtime, kept as JSON in the `settings` table so every
 * instance sharing a database sees the same value. A missing row means the default.
 */
export async function getSetting<T>(key: string, fallback: T, q?: Queryable): Promise<T> {
  const db = q ?? (await getDb());
  const [row] = await db.query<{ value: T }>("select value from settings where key = $1", [key]);
  return row ? row.value : fallback;
}

export async function setSetting(key: string, value: unknown, q?: Queryable): Promise<void> {
  const db = q ?? (await getDb());
  await db.query(
    `insert into settings (key, value) values ($1, $2::jsonb)
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

const PUBLIC_SHARE_LINKS = "public_share_links";

/** Whether share links may be marked public and opened without signing in. Off unless an admin turns it on. */
export async function getPublicShareLinks(q?: Queryable): Promise<boolean> {
  return (await getSetting<unknown>(PUBLIC_SHARE_LINKS, false, q)) === true;
}

export async function setPublicShareLinks(enabled: boolean): Promise<void> {
  await setSetting(PUBLIC_SHARE_LINKS, enabled);
}

export async function getSharingSettings(): Promise<SharingSettingsDto> {
  return { publicShareLinks: await getPublicShareLinks() };
}

const MODEL_OVERRIDES = "model_overrides";

export async function getModelOverrides(): Promise<ModelOverrides> {
  return getSetting<ModelOverrides>(MODEL_OVERRIDES, {});
}

export async function setModelOverrides(overrides: ModelOverrides): Promise<void> {
  await setSetting(MODEL_OVERRIDES, overrides);
  // This instance sees its own change at once; others within the price cache's refresh.
  await forgetPrices();
}
