import { parseArgs } from "node:util";
import { closest } from "fastest-levenshtein";
import type { CommandSpec } from "./spec.js";

/** A command line that does not make sense; `command` names the help to point to. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Parsed command-line values: strings, flags, or lists for repeated options. */
export type ArgValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** The options of a command line, or the request for help. */
export type Parsed = { help: true } | { help: false; values: ArgValues; positionals: string[] };

/** True when -h or --help comes before a `--`: help wins over every other argument, valid or not. */
function asksForHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === "--") return false;
    if (a === "--help" || a === "-h") return true;
  }
  return false;
}

/** The nearest known option to an unknown one, as it would be typed. */
function nearest(spec: CommandSpec, unknown: string): string {
  const names = [...Object.keys(spec.options).map((n) => `--${n}`), "--help"];
  const shorts = Object.values(spec.options).flatMap((o) => (o.short ? [`-${o.short}`] : []));
  const bare = unknown.split("=")[0]!;
  return closest(bare, bare.startsWith("--") ? names : [...shorts, ...names]);
}

/** The command line of one command, checked against its spec; parseArgs' complaints become one-line UsageErrors. */
export function parseCommandLine(spec: CommandSpec, argv: string[]): Parsed {
  if (asksForHelp(argv)) return { help: true };
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, {
    type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}),
  }]));
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { help: false, values: r.values as ArgValues, positionals: r.positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? "";
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new UsageError(`unknown option ${quoted} for ${spec.name}; the nearest is ${nearest(spec, quoted)}`, spec.name);
    }
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const name = /--[\w-]+/.exec(err.message)?.[0] ?? quoted;
      const takesValue = spec.options[name.replace(/^--/, "")]?.type === "string";
      throw new UsageError(takesValue ? `option ${name} needs a value` : `option ${name} takes no value`, spec.name);
    }
    throw new UsageError(err.message.split("\n")[0]!, spec.name);
  }
}

/** One of a fixed set of words, or a UsageError naming the choices. */
export function choice<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} takes ${allowed.join(", ")}, not "${String(value)}"`);
}

/** The --out value: undefined (standard output), "-" (the same), or a path; an empty path is a UsageError. */
export function outTarget(value: unknown, command?: string): string | undefined {
  if (value === undefined || value === "-") return undefined;
  if (typeof value !== "string" || value === "") throw new UsageError("--out needs a file name (or - for standard output), not an empty string", command);
  return value;
}
