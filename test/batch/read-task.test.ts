/**
 * Bytes handed to readTask (standard input) are taken off the task, so that
 * the task, held until the read ends, does not keep a large input alive
 * while its forms are read (issue 12, item 4).
 */
import { describe, expect, it } from "vitest";
import type { FromWorker, Task } from "../../src/batch/protocol.js";
import { STREAM_FROM_BYTES } from "../../src/batch/read-streamed.js";
import { readTask } from "../../src/batch/read-task.js";
import { withoutProvenance } from "../../src/cli/provenance-output.js";
import { nodeSha256 } from "../../src/files.js";
import { parseBytes } from "../../src/parse.js";
import { SEED_TEXT } from "../helpers.js";

const setup = { known: [], limits: {}, timeoutMs: 60_000, maxMemoryBytes: 1024 ** 3, verify: {}, provenance: false };

async function read(task: Task): Promise<{ json: string; messages: FromWorker[] }> {
  const messages: FromWorker[] = [];
  await readTask(task, setup, new Set(), (m) => messages.push(m));
  const json = messages.flatMap((m) => (m.type === "part" || m.type === "done" ? [Buffer.from(m.json).toString("utf8")] : [])).join("");
  return { json, messages };
}

describe("readTask with bytes (standard input)", () => {
  it.each([
    ["a small input, read whole", 1],
    ["a large input, read form by form", 80],
  ])("%s: takes the bytes off the task and gives the library's Document", async (_, times) => {
    const bytes = new TextEncoder().encode(Array(times).fill(SEED_TEXT).join("\n"));
    expect(bytes.byteLength >= STREAM_FROM_BYTES).toBe(times > 1);
    const expected = JSON.stringify(withoutProvenance(await parseBytes(bytes.slice(), { source: "<stdin>", sha256: nodeSha256 })));
    const task: Task = { id: 0, path: "<stdin>", bytes };
    const { json, messages } = await read(task);
    expect(task.bytes).toBeUndefined();
    expect(messages.at(-1)?.type).toBe("done");
    expect(json).toBe(expected);
  });
});
