import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import fg from "fast-glob";
import { INPUT_EXTENSIONS } from "./spec.js";

/** The files of a command line: each argument a file, a folder (searched for inputs) or a glob. */
export interface ExpandedInput {
  /** Files to read, in a stable order; `-` stands for standard input. */
  files: string[];
  /** Arguments that matched nothing: reported as missing inputs. */
  missing: string[];
}

/** The argument that reads standard input. */
export const STDIN = "-";

/**
 * Expands files, folders and globs, keeping the order given and dropping
 * repeats. A folder is searched for the input extensions only (any case), and
 * never yields `exclude`, the run's own output file.
 */
export async function expandInputs(args: string[], options: { exclude?: string } = {}): Promise<ExpandedInput> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const excluded = options.exclude === undefined ? null : resolve(options.exclude);
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  const pattern = `**/*.{${INPUT_EXTENSIONS.join(",")}}`;
  for (const arg of args) {
    if (arg === STDIN) {
      add(arg);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      const found = await fg(pattern, { cwd: arg, onlyFiles: true, dot: false, caseSensitiveMatch: false });
      const base = arg.replace(/\/+$/, "");
      found.sort().map((f) => `${base}/${f}`).filter((f) => resolve(f) !== excluded).forEach(add);
    } else if (info) {
      // A file, or what reads like one: /dev/stdin, a FIFO, a device.
      add(arg);
    } else if (fg.isDynamicPattern(arg)) {
      const found = await fg(arg, { onlyFiles: true, dot: false });
      if (found.length === 0) missing.push(arg);
      found.sort().forEach(add);
    } else {
      missing.push(arg);
    }
  }
  return { files, missing };
}
