"use client";

/** CONTRACT STUB (issue 12): the `mask` part builds the compare slider behind this signature. */
export interface BeforeAfterProps {
  /** Object or same-origin URLs of two images of the same size. */
  before: string;
  after: string;
  className?: string;
}

export function BeforeAfter({ after, className }: BeforeAfterProps) {
  // biome-ignore lint/performance/noImgElement: stub
  return <img src={after} alt="" className={className} data-testid="before-after" />;
}
