import type { EmulatorState } from "./state";
import { detachEverywhere, expiresAt } from "./vector-store-model";

/**
 * Applies the emulator clock: expired files disappear (and leave their vector stores), pending uploads
 * past their hour expire, and vector stores past expires_at become expired for good.
 */
export function sweepExpired(state: EmulatorState): void {
  for (const [id, f] of state.files) {
    if (typeof f.object.expires_at === "number" && f.object.expires_at <= state.clock) {
      state.files.delete(id);
      detachEverywhere(state, id);
    }
  }
  for (const u of state.uploads.values()) {
    if (u.object.status === "pending" && u.object.expires_at <= state.clock) u.object.status = "expired";
  }
  for (const vs of state.vectorStores.values()) {
    const at = expiresAt(vs);
    if (at !== null && at <= state.clock) vs.expired = true;
  }
}
