/** The defaults of InputLimits (see limits.ts), apart from its zod schema so the command's help can show them without loading zod. */
export const LIMIT_DEFAULTS = {
  maxBytes: 200 * 1024 * 1024,
  maxLineLength: 1024 * 1024,
  maxRows: 5_000_000,
  maxForms: 100_000,
} as const;
