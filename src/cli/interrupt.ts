import { rmSync } from "node:fs";
import { EXIT } from "./exit.js";

/** Temporary files of unfinished outputs, each with the target it is for. */
const unfinished = new Map<string, string>();

/** Notes a temporary file to remove if the run is interrupted. */
export function trackTemp(tmp: string, target: string): void {
  unfinished.set(tmp, target);
}

/** Forgets a temporary file: renamed into place, or removed. */
export function untrackTemp(tmp: string): void {
  unfinished.delete(tmp);
}

const CODES = { SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm } as const;

/**
 * On SIGINT or SIGTERM: removes every unfinished output, says so, and exits
 * 130 or 143 as a shell expects. Synchronous, because the process ends in it.
 */
function onSignal(signal: keyof typeof CODES): void {
  for (const [tmp, target] of unfinished) {
    try {
      rmSync(tmp, { force: true });
      process.stderr.write(`jixiao: interrupted by ${signal}; removed the unfinished output for ${target}\n`);
    } catch (e) {
      process.stderr.write(`jixiao: interrupted by ${signal}; could not remove ${tmp} (${(e as NodeJS.ErrnoException).code ?? "error"})\n`);
    }
  }
  if (unfinished.size === 0) process.stderr.write(`jixiao: interrupted by ${signal}\n`);
  unfinished.clear();
  process.exit(CODES[signal]);
}

/** Installs the handlers for one run; the returned function removes them. */
export function handleInterrupts(): () => void {
  const handlers = (["SIGINT", "SIGTERM"] as const).map((s) => [s, () => onSignal(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  return () => {
    for (const [s, h] of handlers) process.off(s, h);
  };
}
