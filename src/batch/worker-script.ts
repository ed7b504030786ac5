import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * Starts a pool worker. From the compiled package it is dist's worker.js;
 * from the TypeScript sources (the tests, tsx scripts) it is worker.ts,
 * loaded through tsx, which a worker does not inherit from its parent.
 */
export function startWorker(workerData: unknown, resourceLimits: ResourceLimits): Worker {
  // What the parent was started with, less what a worker refuses (--input-type applies to -e code only).
  const execArgv = process.execArgv.filter((a) => !a.startsWith("--input-type"));
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(fromSource ? "./worker.ts" : "./worker.js", import.meta.url);
  if (!fromSource) return new Worker(url, { workerData, resourceLimits, execArgv });
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits, execArgv });
}
