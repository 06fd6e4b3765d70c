"use client";

/** The Usage page (part "usage-ui" owns this; stub). */
export function UsageView({ isAdmin }: { isAdmin: boolean; meId: string }) {
  return (
    <div className="space-y-4">
      <h1 className="font-semibold text-xl">Usage</h1>
      <p className="text-muted text-sm">Usage for {isAdmin ? "everyone" : "you"}.</p>
    </div>
  );
}
