import "server-only";
import { randomInt } from "node:crypto";
import { ApiError, errors } from "@/lib/errors";
import { getDb } from "../db";
import { safeEqual } from "./crypto";
import { countUsers, createUser, type User } from "./users";

/**
 * A fresh deployment without CONSOLE_ADMIN_EMAIL is claimed through /setup with a code that only
 * someone who can read the server log has. The code lives in the database so every instance prints
 * the same one, and it stops working once any user exists.
 */
const KEY = "setup_code";
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function newCode(): string {
  let s = "";
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** The code while setup is open (no users yet), created on first call; null once someone has set up. */
export async function getSetupCode(): Promise<string | null> {
  if ((await countUsers()) > 0) return null;
  const db = await getDb();
  await db.query("insert into settings (key, value) values ($1, $2) on conflict (key) do nothing", [
    KEY,
    JSON.stringify(newCode()),
  ]);
  const [row] = await db.query<{ value: string }>("select value from settings where key = $1", [KEY]);
  return row?.value ?? null;
}

export async function isSetupOpen(): Promise<boolean> {
  return (await countUsers()) === 0;
}

export async function completeSetup(input: {
  code: string;
  email: string;
  password: string;
  name?: string;
}): Promise<User> {
  const expected = await getSetupCode();
  if (!expected) {
    throw new ApiError({
      type: "conflict_error",
      code: "setup_done",
      message: "This console is already set up. Sign in instead.",
    });
  }
  const given = input.code.trim().toUpperCase().replace(/\s+/g, "");
  if (!safeEqual(given, expected)) {
    throw errors.badRequest(
      "That setup code is not right. Copy it from the server log (the line starting with “Benchtop setup code”).",
      "code",
      "invalid_setup_code",
    );
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Serialise with any concurrent setup: only the first claim wins.
    await tx.query("select pg_advisory_xact_lock(7413226)");
    const [row] = await tx.query<{ n: number }>("select count(*)::int as n from users");
    if (row?.n) {
      throw new ApiError({
        type: "conflict_error",
        code: "setup_done",
        message: "This console is already set up. Sign in instead.",
      });
    }
    const user = await createUser(
      { email: input.email, password: input.password, name: input.name, role: "admin" },
      tx,
    );
    await tx.query("delete from settings where key = $1", [KEY]);
    return user;
  });
}
