import { describe, expect, it, vi } from "vitest";
import { SEED_TEXT } from "../helpers.js";

// The run-time schema check must catch a form the normaliser got wrong: here
// one indicator's weight is corrupted on its way out of the normaliser.
vi.mock("../../src/normalize/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/normalize/index.js")>();
  return {
    ...real,
    normalizeForm: (...args: Parameters<typeof real.normalizeForm>) => {
      const out = real.normalizeForm(...args);
      if (args[1] === 2) out.form.indicators[1]!.weight = "5.0x";
      return out;
    },
  };
});

const { parseText } = await import("../../src/parse.js");

describe("the run-time schema check", () => {
  it("rejects a form that breaks the schema, naming the value", async () => {
    const err = await parseText(SEED_TEXT, { verify: false }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "ZodError" });
    expect((err as { issues: Array<{ path: unknown[] }> }).issues[0]!.path).toEqual(["indicators", 1, "weight"]);
  });
});
