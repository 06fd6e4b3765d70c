import { z } from "zod";

/** Request bodies of the console's own API, shared by forms and route handlers. */

/** The one rule for a new user's email: the API, the setup page and the CLI all use it. */
export const emailSchema = z.email("Enter a valid email address.");

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(320),
  password: z.string().min(1, "Enter your password.").max(256),
});

export const setupSchema = z.object({
  code: z.string().trim().min(1, "Enter the setup code from the server log."),
  email: emailSchema,
  name: z.string().trim().max(100).optional().default(""),
  password: z.string().min(12, "Use at least 12 characters.").max(256),
});

export const roleSchema = z.enum(["admin", "member"]);

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(100).optional().default(""),
  role: roleSchema.default("member"),
  password: z.string().min(12, "Use at least 12 characters.").max(256),
});

export const updateUserSchema = z
  .object({
    name: z.string().trim().max(100).optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(12, "Use at least 12 characters.").max(256).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change.");

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  expires_at: z.iso
    .datetime({ offset: true, error: "expires_at must be an ISO 8601 date-time or null" })
    .nullable()
    .optional(),
});

export const presetKindSchema = z.enum(["playground"]);
export const shareKindSchema = z.enum(["playground", "tokenizer"]);

/** Presets and snapshots are JSON objects; their size is capped by the server after parsing. */
const jsonObjectSchema = z.record(z.string(), z.unknown());

export const presetNameSchema = z
  .string()
  .trim()
  .min(1, "Give the preset a name.")
  .max(80, "Preset names are at most 80 characters.");

export const createPresetSchema = z.object({
  name: presetNameSchema,
  kind: presetKindSchema.default("playground"),
  state: jsonObjectSchema,
});

export const updatePresetSchema = z
  .object({ name: presetNameSchema.optional(), state: jsonObjectSchema.optional() })
  .refine((v) => v.name !== undefined || v.state !== undefined, "Nothing to change.");

export const createShareSchema = z.object({
  kind: shareKindSchema,
  title: z.string().trim().max(200, "Titles are at most 200 characters.").default(""),
  snapshot: jsonObjectSchema,
  public: z.boolean().default(false),
});

export const sharingSettingsSchema = z.object({
  public_share_links: z.boolean(),
});

const positiveInt = z.number().int().positive();
const price = z.number().nonnegative();

/** Admin corrections to the model catalogue: see `ModelOverride` in lib/models/catalogue.ts. */
export const modelOverridesSchema = z
  .record(
    z.string().trim().min(1, "Model ids cannot be empty.").max(200),
    z
      .object({
        label: z.string().max(120).optional(),
        contextWindow: positiveInt.optional(),
        maxOutput: positiveInt.optional(),
        pricing: z
          .object({ input: price, output: price, cachedInput: price.optional() })
          .strict()
          .nullable()
          .optional(),
        capabilities: z
          .object({
            apis: z.array(z.enum(["responses", "chat", "completions", "embeddings"])).optional(),
            tools: z.boolean().optional(),
            vision: z.boolean().optional(),
            reasoning: z.boolean().optional(),
            structuredOutputs: z.boolean().optional(),
            logprobs: z.boolean().optional(),
            sampling: z.boolean().optional(),
          })
          .strict()
          .optional(),
        encoding: z
          .enum(["o200k_base", "cl100k_base", "p50k_base", "p50k_edit", "r50k_base", "o200k_harmony"])
          .optional(),
      })
      .strict(),
  )
  .refine((v) => Object.keys(v).length <= 500, "At most 500 overrides.");
