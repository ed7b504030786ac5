/**
 * A large file's JSON goes to the output as its worker sends it (issue 12):
 * the bytes written must be those of the whole Document, in input order, and
 * a file that fails after some of its JSON was written must leave none of it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { STREAM_FROM_BYTES } from "../../src/batch/read-streamed.js";
import { runBatch } from "../../src/batch/run-batch.js";
import { AtomicFileSink } from "../../src/cli/atomic-write.js";
import { documentWriter } from "../../src/cli/parse-output.js";
import { withoutProvenance } from "../../src/cli/provenance-output.js";
import { nodeSha256 } from "../../src/files.js";
import { parseBytes } from "../../src/parse.js";
import { SEED_TEXT } from "../helpers.js";
import { run } from "../cli/run.js";

/** The seed repeated, its first project renamed so that files differ: `times` × 7 forms. */
function seedText(times: number, tag: string): string {
  return Array(times).fill(SEED_TEXT.replace("机关服务", `机关服务${tag}`)).join("\n");
}

/** A folder of text files, named so that their order is the order given. */
function files(texts: string[]): { dir: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-streamed-"));
  const paths = texts.map((text, i) => {
    const path = join(dir, `f${i}.txt`);
    writeFileSync(path, text);
    return path;
  });
  return { dir, paths };
}

/** What the library's whole Document gives for each file, as `parse --format jsonl` writes it. */
async function expectedJsonl(paths: string[], provenance: boolean): Promise<string> {
  const writer = documentWriter("jsonl", false);
  let text = "";
  for (const path of paths) {
    const doc = await parseBytes(readFileSync(path), { source: path, sha256: nodeSha256 });
    text += writer.item(provenance ? doc : withoutProvenance(doc), 0);
  }
  return text;
}

// 80 seeds: 1.15 MB, past the size from which a file is read form by form; 560 forms.
const BIG = 80;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a large file's JSON written as it comes", () => {
  it("is handed on in pieces by runBatch, a small file whole; joined, the pieces are the Document's JSON", async () => {
    const { paths } = files([SEED_TEXT, seedText(BIG, "a")]);
    expect(Buffer.byteLength(seedText(BIG, "a"))).toBeGreaterThanOrEqual(STREAM_FROM_BYTES);
    const setup = { known: [], limits: {}, timeoutMs: 60_000, maxMemoryBytes: 1024 ** 3, verify: {}, provenance: true };
    const streamed: boolean[] = [];
    for await (const item of runBatch(paths.map((path) => ({ path })), { jobs: 1, setup })) {
      let json: Buffer;
      if ("pieces" in item) {
        const taken: Uint8Array[] = [];
        for await (const piece of item.pieces) taken.push(piece);
        expect(taken.length).toBeGreaterThan(1);
        expect((await item.pieces.end()).ok).toBe(true);
        json = Buffer.concat(taken);
      } else {
        if (!item.result.ok) return expect.fail(`${item.input.path} was not read`);
        json = Buffer.concat(item.result.json);
      }
      streamed.push("pieces" in item);
      const path = item.input.path;
      expect(json.toString("utf8")).toBe(JSON.stringify(await parseBytes(readFileSync(path), { source: path, sha256: nodeSha256 })));
    }
    expect(streamed).toEqual([false, true]);
  });

  it("writes, byte for byte, what the whole Document gives, in JSONL and in JSON, with or without provenance", async () => {
    const { dir, paths } = files([SEED_TEXT, seedText(BIG, "a"), seedText(2, "b")]);
    const jsonl = join(dir, "out.jsonl");
    const r = await run("parse", ...paths, "--format", "jsonl", "--out", jsonl, "-j", "1", "--quiet");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const expected = await expectedJsonl(paths, true);
    expect(readFileSync(jsonl, "utf8")).toBe(expected);

    const bare = join(dir, "out-none.jsonl");
    await run("parse", ...paths, "--format", "jsonl", "--provenance", "none", "--out", bare, "-j", "1", "--quiet");
    expect(readFileSync(bare, "utf8")).toBe(await expectedJsonl(paths, false));

    // JSON unindented: the large file's pieces go after the comma that follows the Document before it.
    const json = join(dir, "out.json");
    await run("parse", ...paths, "--format", "json", "--out", json, "-j", "1", "--quiet");
    expect(readFileSync(json, "utf8")).toBe("[" + expected.trim().split("\n").join(",") + "]\n");
  });

  it("gives standard output, which cannot be cut back and so gets each file whole, the same bytes", async () => {
    const { dir, paths } = files([seedText(BIG, "a"), SEED_TEXT]);
    const out = join(dir, "out.jsonl");
    await run("parse", ...paths, "--format", "jsonl", "--out", out, "-j", "1", "--quiet");
    const stdout = await run("parse", ...paths, "--format", "jsonl", "-j", "1", "--quiet");
    expect(stdout.out).toBe(readFileSync(out, "utf8"));
  });

  it("keeps input order with -j 2, a large file waiting behind a slower one before it", async () => {
    const { dir, paths } = files([seedText(BIG + 20, "a"), SEED_TEXT, seedText(BIG, "b"), seedText(2, "c"), seedText(BIG, "d")]);
    const out = join(dir, "out.jsonl");
    const r = await run("parse", ...paths, "--format", "jsonl", "--provenance", "none", "--no-verify", "--out", out, "-j", "2", "--quiet");
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { source: { path: string } }).source.path)).toEqual(paths);
    const expected = await Promise.all(paths.map(async (path) => JSON.stringify(withoutProvenance(await parseBytes(readFileSync(path), { source: path, sha256: nodeSha256, verify: false })))));
    expect(lines).toEqual(expected);
  });

  it("cuts a file that fails midway back out of the output: no partial Document stays, the files around it do", async () => {
    // --max-forms 100 stops the large file at its 101st form, after some 1.1 MB of its JSON was sent.
    const { dir, paths } = files([SEED_TEXT, seedText(BIG, "a"), seedText(2, "b")]);
    const rewind = vi.spyOn(AtomicFileSink.prototype, "rewind");
    const out = join(dir, "out.jsonl");
    const r = await run("parse", ...paths, "--format", "jsonl", "--out", out, "-j", "1", "--quiet", "--max-forms", "100");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${paths[1]}`);
    expect(r.err).toMatch(/more than 100 forms/);
    expect(r.err).toContain("input.too-large");
    // The output was cut back once, to where the large file's Document began.
    expect(rewind).toHaveBeenCalledTimes(1);
    expect(rewind.mock.calls[0]![0]).toBe(Buffer.byteLength(await expectedJsonl([paths[0]!], true)));
    expect(readFileSync(out, "utf8")).toBe(await expectedJsonl([paths[0]!, paths[2]!], true));
  });

  it("cuts it back out of a resumed JSONL too, whose earlier Documents stay", async () => {
    const { dir, paths } = files([SEED_TEXT, seedText(BIG, "a"), seedText(2, "b")]);
    const out = join(dir, "out.jsonl");
    const before = await expectedJsonl([paths[0]!], true);
    writeFileSync(out, before);
    const r = await run("parse", ...paths, "--format", "jsonl", "--out", out, "--resume", "-j", "1", "--quiet", "--max-forms", "100");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/f1\.txt.*more than 100 forms/);
    expect(readFileSync(out, "utf8")).toBe(before + await expectedJsonl([paths[2]!], true));
    // The large file is not in the output, so a resumed run reads it again.
    const again = await run("parse", ...paths, "--format", "jsonl", "--out", out, "--resume", "-j", "1", "--quiet");
    expect(again.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(before + await expectedJsonl([paths[2]!, paths[1]!], true));
  });
});
