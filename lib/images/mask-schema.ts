import * as z from "zod/mini";
import type { MaskDoc, MaskOp } from "./mask";

/**
 * A MaskDoc read back from a draft or a share: every op checked against its kind, so a stored mask
 * that does not parse is set aside like any other draft field instead of reaching the rasteriser.
 */
const flatPoints = z.array(z.number()).check(z.maxLength(2_000_000));
const erase = z.optional(z.boolean());

export const maskOpSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stroke"), erase, size: z.number(), points: flatPoints }),
  z.object({ kind: z.literal("rect"), erase, x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  z.object({ kind: z.literal("lasso"), erase, points: flatPoints }),
  z.object({ kind: z.literal("fill") }),
  z.object({ kind: z.literal("clear") }),
  z.object({ kind: z.literal("invert") }),
  z.object({ kind: z.literal("bitmap"), runs: z.array(z.number()) }),
]);

export const maskDocSchema = z.object({
  width: z.number().check(z.int(), z.positive()),
  height: z.number().check(z.int(), z.positive()),
  ops: z.array(maskOpSchema),
  redo: z.array(maskOpSchema),
});

// Compile-time check that the schema and the model's types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _opsAgree: Same<z.infer<typeof maskOpSchema>, MaskOp> = true;
const _docAgrees: Same<z.infer<typeof maskDocSchema>, MaskDoc> = true;
void _opsAgree;
void _docAgrees;
