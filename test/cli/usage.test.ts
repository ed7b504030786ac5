import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "./run.js";
import { fixture } from "../helpers.js";

const SEED = fixture("seed/seed.txt");


afterEach(() => vi.restoreAllMocks());

/** A usage error: exit 64, nothing on stdout, one line on stderr. */
async function usage(argv: string[], message: RegExp): Promise<void> {
  const r = await run(...argv);
  expect(r.code).toBe(64);
  expect(r.out).toBe("");
  expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  expect(r.err).toMatch(message);
}

describe("per-command help", () => {
  it.each([
    [["parse", "--help"], "jixiao parse —", "jixiao parse fixtures/seed/seed.txt --format csv --out seed.csv"],
    [["parse", "-h"], "jixiao parse —", "--no-verify"],
    [["verify", "--help"], "jixiao verify —", "jixiao verify fixtures/seed/seed.txt --lang en"],
    [["verify", SEED, "--help"], "jixiao verify —", "--fail-on"],
    [["verify", SEED, "--bogus", "--help"], "jixiao verify —", "--grades"],
    [["schema", "--help"], "jixiao schema —", "jixiao schema --out jixiao.schema.json"],
    [["help", "verify"], "jixiao verify —", "--disable"],
  ])("%j prints that command's help with examples, exit 0", async (argv, head, line) => {
    const r = await run(...argv);
    expect(r.code).toBe(0);
    expect(r.out.startsWith(head)).toBe(true);
    expect(r.out).toContain("Examples:");
    expect(r.out).toContain(line);
    expect(r.err).toBe("");
    // verify SEED --help must not have run verify: no report.
    expect(r.out).not.toContain("机关服务");
    // schema --help is help, not the schema.
    expect(r.out).not.toContain("$schema");
  });

  it("the help lists --color, --no-color and exit codes 70, 130 and 143", async () => {
    const verify = (await run("verify", "--help")).out;
    expect(verify).toMatch(/--color\s+colour/);
    expect(verify).toMatch(/--no-color\s+never colour/);
    for (const help of [verify, (await run("--help")).out, (await run("parse", "--help")).out]) {
      expect(help).toMatch(/^\s+70 {2}jixiao itself failed/m);
      expect(help).toMatch(/^\s+130 {2}interrupted/m);
      expect(help).toMatch(/^\s+143 {2}terminated/m);
    }
  });

  it("-- ends the options: a later --help is a file name", async () => {
    const r = await run("parse", "--format", "jsonl", "--", "--help");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--help: no such file");
  });
});

describe("usage errors: exit 64, one line, the reason", () => {
  it("an unknown option is named, with the nearest known one", async () => {
    await usage(["parse", SEED, "--fomat", "csv"], /^jixiao: unknown option --fomat for parse; the nearest is --format; try jixiao parse --help$/m);
    await usage(["verify", SEED, "--colour"], /unknown option --colour for verify; the nearest is --color/);
    await usage(["verify", SEED, "--fail-of", "warning"], /the nearest is --fail-on/);
    await usage(["schema", "--output", "x"], /unknown option --output for schema; the nearest is --out/);
    await usage(["parse", SEED, "--format"], /option --format needs a value/);
    await usage(["parse", SEED, "--pretty=yes"], /option --pretty takes no value/);
  });

  it("parse and verify with no input write nothing to stdout before the error", async () => {
    await usage(["parse"], /no input given/);
    await usage(["parse", "--format", "json"], /no input given/);
    await usage(["verify", "--lang", "en"], /no input given/);
  });

  it("--grades out of order, or with a grade given twice", async () => {
    await usage(["verify", SEED, "--grades", "优:90,良:95"], /--grades: bands go from the highest minimum down, but 良:95 comes after 优:90/);
    await usage(["verify", SEED, "--grades", "优:90,优:80"], /--grades: grade 优 is given twice/);
    await usage(["verify", SEED, "--grades", "优:90,良:90"], /same minimum 90/);
    // A proper list still works.
    expect((await run("verify", SEED, "--grades", "优:90,良:80,中:60", "--fail-on", "never")).code).toBe(0);
  });

  it("--disable '' and --disable ,,, say nothing, and are refused", async () => {
    await usage(["verify", SEED, "--disable", ""], /--disable "" names no rule/);
    await usage(["verify", SEED, "--disable", ",,,"], /--disable ",,," names no rule/);
    await usage(["verify", SEED, "--disable", "funding.rate,,indicators"], /empty entry/);
    expect((await run("verify", SEED, "--disable", "funding.rate,indicators", "--fail-on", "never")).code).toBe(0);
  });

  it("schema takes no argument; --out '' is no file", async () => {
    await usage(["schema", "extra-arg"], /schema takes no arguments, but was given "extra-arg"/);
    await usage(["parse", SEED, "--out", ""], /--out needs a file name .*try jixiao parse --help/);
    await usage(["parse", SEED, "--out="], /--out needs a file name/);
    await usage(["parse", "-", "-"], /standard input \(-\) can be read only once/);
  });

  it("an unknown command, and no command at all", async () => {
    await usage(["frobnicate"], /unknown command "frobnicate"/);
    const r = await run();
    expect(r.code).toBe(64);
    expect(r.out).toBe("");
    expect(r.err).toContain("jixiao parse");
  });
});

describe("the folder scan", () => {
  it("reads only the README's input extensions, in any case, and never the --out file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-scan-"));
    const seed = readFileSync(SEED);
    writeFileSync(join(dir, "a.txt"), seed);
    writeFileSync(join(dir, "B.TSV"), seed);
    writeFileSync(join(dir, "old.csv"), "file,form\r\n");
    writeFileSync(join(dir, "notes.text"), "not an input");
    writeFileSync(join(dir, "out.txt"), "a previous run's output, not a form");
    const r = await run("parse", dir, "--format", "jsonl", "--no-verify", "--out", join(dir, "out.txt"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const docs = readFileSync(join(dir, "out.txt"), "utf8").trim().split("\n").map((l) => JSON.parse(l).source.path);
    expect(docs).toEqual([join(dir, "B.TSV"), join(dir, "a.txt")]);
    // Run again: the output left in the folder is not read back.
    expect((await run("parse", dir, "--format", "jsonl", "--out", join(dir, "out.txt"))).code).toBe(0);
  });
});
