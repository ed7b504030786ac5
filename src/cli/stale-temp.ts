import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/** The temporary name of an output: its pid lets a later run tell an abandoned file from one still being written. */
export function tempName(target: string): string {
  return `.jixiao-tmp-${process.pid}-${Date.now()}-${target}`;
}

const TEMP = /^\.jixiao-tmp-(\d+)-\d+-/;

/** True while a process with this id runs (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files that runs killed outright (kill -9, a crash)
 * left in `dir`: those whose process is gone. Returns their names. A file of
 * a live process, or of this one, is left alone.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || alive(pid)) continue;
    await rm(join(dir, name), { force: true }).then(() => removed.push(name), () => undefined);
  }
  return removed;
}
