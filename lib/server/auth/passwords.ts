import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { LIMITS } from "@/lib/types";

// argon2id with the library's defaults (OWASP's m=19 MiB, t=2, p=1).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Spends the same time as a real check, so response time does not reveal which emails exist. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash("benchtop-timing-equaliser");
  await verifyPassword(await dummy, password);
}

export function passwordProblem(password: string): string | null {
  if (password.length < LIMITS.passwordMin)
    return `Password must be at least ${LIMITS.passwordMin} characters.`;
  if (password.length > LIMITS.passwordMax)
    return `Password must be at most ${LIMITS.passwordMax} characters.`;
  return null;
}
