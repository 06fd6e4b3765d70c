import "server-only";
import { getDb } from "./db";

export interface Uploader {
  userId: string;
  name: string;
  email: string;
}

/**
 * Who uploaded each file, from the ledger: the proxy records the id of a file a call created
 * (`POST /files`, or completing an Upload). Files made outside Benchtop have no entry.
 */
export async function uploadersOf(fileIds: string[]): Promise<Record<string, Uploader>> {
  const ids = [...new Set(fileIds)].slice(0, 1000);
  if (!ids.length) return {};
  const db = await getDb();
  const rows = await db.query<{ file_id: string; user_id: string; name: string; email: string }>(
    `select distinct on (l.file_id) l.file_id, u.id as user_id, u.name, u.email
       from ledger l join users u on u.id = l.user_id
      where l.file_id = any($1::text[])
      order by l.file_id, l.at`,
    [ids],
  );
  return Object.fromEntries(
    rows.map((r) => [r.file_id, { userId: r.user_id, name: r.name, email: r.email }]),
  );
}
