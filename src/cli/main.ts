/*
 * The command's entry. It imports only what every run needs (the argument
 * tables, the help, the error classes); each command's code, and with it the
 * grammar, zod, decimal.js and the loaders, is imported when that command
 * runs, so `--version` and `--help` start in about the time of Node itself
 * (npm run bench:startup).
 */
import { InputError } from "../load/errors.js";
import { UsageError as LibraryUsageError } from "../model/usage-error.js";
import { UsageError } from "./args.js";
import { print } from "./command-line.js";
import { EXIT } from "./exit.js";
import { commandHelp, globalHelp } from "./help.js";
import { handleInterrupts } from "./interrupt.js";
import { OutputError } from "./output-error.js";
import { say } from "./sink.js";
import { COMMANDS } from "./spec.js";
import { StdoutClosed, stdoutClosed, watchStdout } from "./stdout.js";
import { VERSION } from "./version.js";

export { VERSION } from "./version.js";

/** Runs the command line; resolves to the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  watchStdout();
  const release = handleInterrupts();
  try {
    return await dispatch(argv);
  } catch (e) {
    return report(e);
  } finally {
    release();
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "parse":
      return await (await import("./parse-command.js")).runParse(rest);
    case "verify":
      return await (await import("./verify-command.js")).runVerify(rest);
    case "schema":
      return await (await import("./schema-command.js")).runSchema(rest);
    case "report":
      return await (await import("./report-command.js")).runReport(rest);
    case "--version":
    case "-v":
      await print(`jixiao ${VERSION}\n`);
      return EXIT.ok;
    case "--help":
    case "-h":
    case "help": {
      const spec = COMMANDS.find((c) => c.name === rest[0]);
      await print(spec ? commandHelp(spec) : globalHelp());
      return EXIT.ok;
    }
    case undefined:
      process.stderr.write(globalHelp());
      return EXIT.usage;
    default:
      throw new UsageError(`unknown command "${command}" (the commands are parse, verify, schema and report)`);
  }
}

/** The exit code for what a run threw, with its one line on stderr. */
function report(e: unknown): number {
  // The reader of our output has gone (`| head`): nothing more to say, and nothing went wrong.
  if (e instanceof StdoutClosed || stdoutClosed()) return EXIT.ok;
  if (e instanceof UsageError) {
    say(`jixiao: ${e.message}; try jixiao ${e.command ? `${e.command} ` : ""}--help`);
    return EXIT.usage;
  }
  if (e instanceof LibraryUsageError) {
    say(`jixiao: ${e.message}`);
    return EXIT.usage;
  }
  if (e instanceof OutputError) {
    say(`jixiao: ${e.message}`);
    return EXIT.unreadable;
  }
  if (e instanceof InputError) {
    say(`jixiao: ${e.describe()}`);
    return EXIT.unreadable;
  }
  const err = e as Error;
  say(`jixiao: internal error: ${err?.message ?? String(e)} (please report it with the input that caused it)`);
  if (process.env.JIXIAO_DEBUG) say(String(err?.stack));
  return EXIT.internal;
}
