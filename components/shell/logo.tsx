export interface LogoProps {
  size?: "sm" | "md";
}

export function Logo({ size = "sm" }: LogoProps) {
  return (
    <span className="flex items-center gap-2">
      <span
        aria-hidden
        className={`grid place-items-center rounded bg-accent font-bold text-accent-fg ${size === "md" ? "size-7 rounded-md" : "size-6 text-xs"}`}
      >
        B
      </span>
      <span className={`font-semibold ${size === "md" ? "text-base" : ""}`}>Benchtop</span>
    </span>
  );
}
