// A worker cannot load TypeScript by itself: tsx compiles the worker's body.
import { tsImport } from "tsx/esm/api";

await tsImport("./read-in-worker.ts", import.meta.url);
