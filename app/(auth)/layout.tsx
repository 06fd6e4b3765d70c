import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-accent font-bold text-accent-fg"
          >
            B
          </span>
          <span className="font-semibold text-base">Benchtop</span>
        </div>
        {children}
      </div>
    </main>
  );
}
