import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/load/errors.js";
import { parseText } from "../../../src/parse.js";
import { fixture } from "../../helpers.js";

/** Cut-off and damaged flattened text: what can be read is read, and nothing throws but an InputError. */
describe("flattened text, damaged", () => {
  const text = readFileSync(fixture("flat/narrow.viewer.txt"), "utf8");
  const pieces = text.split(/(\s+)/);
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const cases = [
    ...Array.from({ length: 15 }, () => text.slice(0, Math.floor(rnd() * text.length))),
    ...Array.from({ length: 15 }, () => pieces.filter(() => rnd() > 0.05).join("")),
  ];
  it("30 cut-off or word-dropped copies parse, or fail as bad input", async () => {
    for (const s of cases) {
      try {
        const doc = await parseText(s, { source: "damaged.txt" });
        expect(doc.forms.length).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
      }
    }
  });
});
