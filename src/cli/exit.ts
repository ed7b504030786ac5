/**
 * The command's exit codes, with the words the help prints for each. The
 * README's table says the same (test/cli/exit-codes.test.ts holds them to it).
 */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 64, internal: 70, sigint: 130, sigterm: 143 } as const;

/** One line of the help's exit-code list per code, in order. */
export const EXIT_HELP: ReadonlyArray<readonly [code: number, meaning: string]> = [
  [EXIT.ok, "done; for verify, nothing at or above --fail-on"],
  [EXIT.findings, "verify found findings at or above --fail-on (default error)"],
  [EXIT.unreadable, "an input could not be read (the others are still processed), or the output could not be written"],
  [EXIT.usage, "wrong usage: unknown option or command, bad value, no input"],
  [EXIT.internal, "jixiao itself failed on an input (a bug: please report it); set JIXIAO_DEBUG=1 for the stack"],
  [EXIT.sigint, "interrupted (SIGINT, Ctrl-C); an unfinished --out file is removed"],
  [EXIT.sigterm, "terminated (SIGTERM); an unfinished --out file is removed"],
];
