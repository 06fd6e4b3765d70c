import { formatCount, plural } from "@/lib/format";
import type { OrgFigures } from "@/lib/usage/org";

const cents = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * An organization's spend to the cent, as OpenAI's billing shows it ("$616.00"): a whole range's
 * difference, not a call's price, so tenths of a cent are noise here.
 */
export const usd = (micros: number | null) => {
  if (micros === null) return "—";
  const v = Math.abs(micros) / 1e6;
  return v > 0 && v < 0.005 ? "<$0.01" : `$${cents.format(v)}`;
};

/** A spend limit or alert: whole dollars as OpenAI's settings show them ("$120", "$99.50"). */
export const dollars = (micros: number) =>
  `$${(micros / 1e6).toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: micros % 1e6 ? 2 : 0 })}`;

/** The difference in one sentence: what reached the key without Benchtop, or that nothing did. */
export function differenceInWords(diff: OrgFigures): { tone: "warning" | "success" | "info"; text: string } {
  const cost = diff.costMicros !== null && diff.costMicros > 0 ? ` / ${usd(diff.costMicros)}` : "";
  if (diff.requests > 0 || (diff.costMicros ?? 0) > 0)
    return {
      tone: "warning",
      text: `${plural(Math.max(0, diff.requests), "request")}${cost} reached the key without passing through Benchtop (${formatCount(Math.max(0, diff.tokens))} tokens).`,
    };
  if (diff.requests < 0)
    return {
      tone: "info",
      text: `Benchtop recorded ${plural(-diff.requests, "more request", "more requests")} than the Usage API reports. Its figures arrive a few minutes late; recent calls may not be in yet.`,
    };
  return {
    tone: "success",
    text: "Everything the Usage API reports for this range passed through Benchtop.",
  };
}
