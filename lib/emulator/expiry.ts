import type { EmulatorState } from "./state";

/**
 * Applies the emulator clock: expired files disappear and pending uploads past their hour expire.
 */
export function sweepExpired(state: EmulatorState): void {
  for (const [id, f] of state.files) {
    if (typeof f.object.expires_at === "number" && f.object.expires_at <= state.clock) {
      state.files.delete(id);
    }
  }
  for (const u of state.uploads.values()) {
    if (u.object.status === "pending" && u.object.expires_at <= state.clock) u.object.status = "expired";
  }
}
