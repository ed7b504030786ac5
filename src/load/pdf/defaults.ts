/** The PDF loader's default bounds, apart from its zod schema so the command's help can show them without loading zod. */
export const PDF_DEFAULTS = {
  maxPages: 500,
  timeoutMs: 60_000,
  maxBytes: 200 * 1024 * 1024,
  maxMemoryBytes: 1024 * 1024 * 1024,
} as const;
