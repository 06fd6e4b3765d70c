/** A checkerboard behind images, so transparent pixels read as transparent in both themes. */
export const CHECKER =
  "bg-[repeating-conic-gradient(var(--border)_0_25%,transparent_0_50%)] bg-[length:16px_16px]";
