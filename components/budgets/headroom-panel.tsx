"use client";

/** The signed-in person's budgets and limits with what is left (part "budgets-ui" owns this; stub). The Limits page mounts it. */
export function HeadroomPanel() {
  return null;
}
