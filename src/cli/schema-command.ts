import { z } from "zod";
import { Document } from "../model/document.js";
import { commandLine } from "./command-line.js";
import { EXIT } from "./exit.js";
import { openSink, withSink } from "./sink.js";
import { SCHEMA } from "./spec.js";

/** `jixiao schema`: resolves to the exit code. */
export async function runSchema(argv: string[]): Promise<number> {
  const cl = await commandLine(SCHEMA, argv);
  if (!cl) return EXIT.ok;
  const schema = z.toJSONSchema(Document, { target: "draft-2020-12" });
  const text = JSON.stringify({ $id: "https://jixiao.dev/schema/document.json", title: "jixiao Document", ...schema }, null, 2) + "\n";
  await withSink(await openSink(cl.out), (s) => s.write(text));
  return EXIT.ok;
}
