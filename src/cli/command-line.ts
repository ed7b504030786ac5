import { outTarget, parseCommandLine, UsageError } from "./args.js";
import { openSink, withSink } from "./sink.js";
import { commandHelp } from "./help.js";
import type { CommandSpec } from "./spec.js";

/** Writes text to standard output and hears of its failure, as every output must. */
export async function print(text: string): Promise<void> {
  await withSink(await openSink(undefined), (s) => s.write(text));
}

/** A command's options, or null after printing its help. */
export async function commandLine(spec: CommandSpec, argv: string[]): Promise<{ values: Record<string, unknown>; positionals: string[]; out: string | undefined } | null> {
  const parsed = parseCommandLine(spec, argv);
  if (parsed.help) {
    await print(commandHelp(spec));
    return null;
  }
  const out = outTarget(parsed.values.out, spec.name);
  if (spec.inputs && parsed.positionals.length === 0) {
    throw new UsageError("no input given: name files, folders or globs, or - for standard input", spec.name);
  }
  if (!spec.inputs && parsed.positionals.length > 0) {
    throw new UsageError(`${spec.name} takes no arguments, but was given "${parsed.positionals[0]}"`, spec.name);
  }
  if (parsed.positionals.filter((p) => p === "-").length > 1) throw new UsageError("standard input (-) can be read only once", spec.name);
  return { values: parsed.values, positionals: parsed.positionals, out };
}

