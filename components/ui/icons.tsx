/** The few icons the console needs, inline so nothing is fetched. */
export interface IconProps {
  className?: string;
  /** Pixels; 16 by default. */
  size?: number;
}

const base = {
  viewBox: "0 0 16 16",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.5,
  strokeLinecap: "round" as const,
  "aria-hidden": true,
};

export function MenuIcon({ className, size = 16 }: IconProps) {
  return (
    <svg {...base} width={size} height={size} className={className} role="presentation">
      <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />
    </svg>
  );
}

export function CloseIcon({ className, size = 16 }: IconProps) {
  return (
    <svg {...base} width={size} height={size} className={className} role="presentation">
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}

export function ChevronIcon({ className, size = 16 }: IconProps) {
  return (
    <svg {...base} width={size} height={size} className={className} role="presentation">
      <path d="M5 10l3-3 3 3" />
    </svg>
  );
}

export function ChevronDownIcon({ className, size = 16 }: IconProps) {
  return (
    <svg {...base} width={size} height={size} className={className} role="presentation">
      <path d="M5 6.5l3 3 3-3" />
    </svg>
  );
}
