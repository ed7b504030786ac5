import { readFileSync } from "node:fs";
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import { parseBytes, parseText, UsageError, verify, verifyForms, formVerifier } from "../../src/core.js";
import { parseFile } from "../../src/index.js";
import { fixture } from "../helpers.js";

const SEED = readFileSync(fixture("seed/seed.txt"));

/** The error `f` throws or rejects with. */
async function thrown(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

/** A UsageError with a one-line message naming `argument`. */
async function expectUsage(f: () => unknown, code: string, argument: string | RegExp, message: RegExp): Promise<UsageError> {
  const e = await thrown(f);
  expect(e).toBeInstanceOf(UsageError);
  const u = e as UsageError;
  expect(u.name).toBe("UsageError");
  expect(u.code).toBe(code);
  if (typeof argument === "string") expect(u.argument).toBe(argument);
  else expect(u.argument).toMatch(argument);
  expect(u.message).not.toContain("\n");
  expect(u.message).toMatch(message);
  return u;
}

describe("the library's argument checks", () => {
  it.each([
    [null, /parseText: input must be a string, Uint8Array, Buffer or ArrayBuffer, not null/],
    [123, /not a number \(123\)/],
    [{}, /not an object/],
  ])("parseText(%o) throws a UsageError naming the input", async (input, message) => {
    await expectUsage(() => parseText(input as never), "usage.input", "input", message);
  });

  it("parseBytes(\"s\") throws a UsageError that points to parseText", async () => {
    await expectUsage(() => parseBytes("s" as never), "usage.input", "input", /parseBytes: input must be a Uint8Array, Buffer or ArrayBuffer, not a string \("s"\); parseText reads a string/);
  });

  it("bytes may be an ArrayBuffer or a Node Buffer, with the same result as a Uint8Array", async () => {
    const u8 = new Uint8Array(SEED);
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
    const fromU8 = await parseBytes(u8, { source: "s" });
    const fromAb = await parseBytes(ab, { source: "s" });
    const fromBuf = await parseBytes(Buffer.from(u8), { source: "s" });
    const textFromAb = await parseText(ab, { source: "s" });
    expect(fromU8.forms).toHaveLength(7);
    expect(JSON.stringify(fromAb)).toBe(JSON.stringify(fromU8));
    expect(JSON.stringify(fromBuf)).toBe(JSON.stringify(fromU8));
    expect(JSON.stringify(textFromAb)).toBe(JSON.stringify(fromU8));
  });

  it("a Buffer that is a slice of a larger pool is read from its own bytes only", async () => {
    const pool = Buffer.concat([Buffer.from("garbage\0\0\0"), SEED, Buffer.from("\0\0trailing")]);
    const slice = pool.subarray(10, 10 + SEED.length);
    expect((await parseBytes(slice)).forms).toHaveLength(7);
  });

  it("verify({}) and verify(null) throw a UsageError naming the form", async () => {
    await expectUsage(() => verify(null as never), "usage.form", "form", /verify: form must be a Form .*not null/);
    const e = await expectUsage(() => verify({} as never), "usage.form", /^form\./, /^verify: form\.\w+: /);
    expect(e.cause).toBeInstanceOf(ZodError);
    await expectUsage(() => verifyForms([{}] as never), "usage.form", /^forms\[0\]\./, /^verifyForms: forms\[0\]\./);
    await expectUsage(() => verifyForms(null as never), "usage.form", "forms", /not null/);
  });

  it("verify still checks a real form", async () => {
    const doc = await parseText(SEED, { verify: false });
    expect(verify(doc.forms[5]!).findings.some((f) => f.rule === "total.sum")).toBe(true);
  });

  it.each([
    [{ verify: 5 }, "options.verify", /options\.verify must be false or verifier options .*not a number \(5\)/],
    [{ verify: { rounding: "foo" } }, "options.verify.rounding", /options\.verify\.rounding: /],
    [{ pdf: { maxPages: -1 } }, "options.pdf.maxPages", /options\.pdf\.maxPages: /],
    [{ source: 7 }, "options.source", /options\.source: /],
    [{ sha256: "x" }, "options.sha256", /options\.sha256: must be a function/],
  ])("parse options %o throw one UsageError whose cause is the ZodError", async (options, argument, message) => {
    for (const [fn, call] of [
      ["parseText", () => parseText(SEED, options as never)],
      ["parseBytes", () => parseBytes(SEED, options as never)],
      ["parseFile", () => parseFile(fixture("seed/seed.txt"), options as never)],
    ] as const) {
      const e = await expectUsage(call, "usage.options", argument, new RegExp(`^${fn}: ${message.source}`));
      if (argument !== "options.verify") expect(e.cause).toBeInstanceOf(ZodError);
    }
  });

  it("parse options that are not an object, and parseFile without a path, are UsageErrors", async () => {
    await expectUsage(() => parseText("x", 5 as never), "usage.options", "options", /parseText: options must be an object, not a number \(5\)/);
    await expectUsage(() => parseFile("" as never), "usage.input", "path", /parseFile: path must be a file name, not an empty string/);
    await expectUsage(() => parseFile(7 as never), "usage.input", "path", /not a number \(7\)/);
  });

  it("verifier options: rounding \"foo\" and bad grade bands throw a UsageError, cause ZodError", async () => {
    const doc = await parseText(SEED, { verify: false });
    const form = doc.forms[0]!;
    const e = await expectUsage(() => verify(form, { rounding: "foo" } as never), "usage.options", "options.rounding", /^verify: options\.rounding: /);
    expect(e.cause).toBeInstanceOf(ZodError);
    await expectUsage(() => verify(form, 5 as never), "usage.options", "options", /not a number \(5\)/);
    await expectUsage(() => formVerifier({ gradeBands: [{ grade: "优", min: "ninety" }] }), "usage.options", "options.gradeBands.0.min", /^formVerifier: /);
  });
});
