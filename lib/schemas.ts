import { z } from "zod";
import { OWNERSHIP_POLICIES } from "./ownership";
import { LIMITS, PRESET_KINDS, SHARE_KINDS, USER_ROLES } from "./types";

/** Request bodies of the console's own API, shared by forms and route handlers. */

/** The one rule for a new user's email: the API, the setup page and the CLI all use it. */
export const emailSchema = z.email("Enter a valid email address.");

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(LIMITS.email),
  password: z.string().min(1, "Enter your password.").max(LIMITS.passwordMax),
});

const userNameSchema = z.string().trim().max(LIMITS.userName);
const passwordSchema = z
  .string()
  .min(LIMITS.passwordMin, `Use at least ${LIMITS.passwordMin} characters.`)
  .max(LIMITS.passwordMax);

export const setupSchema = z.object({
  code: z.string().trim().min(1, "Enter the setup code from the server log."),
  email: emailSchema,
  name: userNameSchema.optional().default(""),
  password: passwordSchema,
});

export const roleSchema = z.enum(USER_ROLES);

export const createUserSchema = z.object({
  email: emailSchema,
  name: userNameSchema.optional().default(""),
  role: roleSchema.default("member"),
  password: passwordSchema,
});

export const updateUserSchema = z
  .object({
    name: userNameSchema.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change.");

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(LIMITS.tokenName),
  expires_at: z.iso
    .datetime({ offset: true, error: "expires_at must be an ISO 8601 date-time or null" })
    .nullable()
    .optional(),
});

export const presetKindSchema = z.enum(PRESET_KINDS, {
  error: `Unknown preset kind. Use one of: ${PRESET_KINDS.join(", ")}.`,
});
export const shareKindSchema = z.enum(SHARE_KINDS, {
  error: `Unknown share kind. Use one of: ${SHARE_KINDS.join(", ")}.`,
});

/** Presets and snapshots are JSON objects; their size is capped by the server after parsing. */
const jsonObjectSchema = z.record(z.string(), z.unknown());

export const presetNameSchema = z
  .string()
  .trim()
  .min(1, "Give the preset a name.")
  .max(LIMITS.presetName, `Preset names are at most ${LIMITS.presetName} characters.`);

export const createPresetSchema = z.object({
  name: presetNameSchema,
  kind: presetKindSchema.default("playground"),
  state: jsonObjectSchema,
});

export const updatePresetSchema = z
  .object({ name: presetNameSchema.optional(), state: jsonObjectSchema.optional() })
  .refine((v) => v.name !== undefined || v.state !== undefined, "Nothing to change.");

export const shareTitleSchema = z
  .string()
  .trim()
  .max(LIMITS.shareTitle, `Titles are at most ${LIMITS.shareTitle} characters.`);

export const createShareSchema = z.object({
  kind: shareKindSchema,
  title: shareTitleSchema.default(""),
  snapshot: jsonObjectSchema,
  public: z.boolean().default(false),
});

export const sharingSettingsSchema = z.object({
  public_share_links: z.boolean(),
});

export const ownershipSettingsSchema = z.object({
  policy: z.enum(OWNERSHIP_POLICIES),
});
