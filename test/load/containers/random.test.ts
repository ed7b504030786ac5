/**
 * Random corpus forms in every structured container, field for field, with a
 * failure budget of 0: fixtures/containers/random/ holds five seeds of the
 * container soak (scripts/containers-soak/fixtures.ts), each written by
 * LibreOffice or as HTML from its generating forms (<name>.json), and every
 * field of every form must come out as the generating form holds it, with no
 * warning but those the container explains (its hidden sheets, rows, columns).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../../../src/parse.js";
import type { CorpusCase } from "../../../scripts/corpus/case.js";
import { compareForms } from "../../../scripts/corpus/compare.js";
import { CONTAINERS } from "../../../scripts/containers-soak/make.js";
import { FIXTURE_SEEDS } from "../../../scripts/containers-soak/fixtures.seeds.js";

const DIR = join(import.meta.dirname, "../../../fixtures/containers/random");
const cases = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();

/** What each container's parse reports beside the forms, as its producer made it. */
const EXPECTED_KIND: Record<string, string> = { html: "html", xlsx: "xlsx", xls: "xls", ods: "ods", docx: "docx", odt: "odt" };

describe("random container fixtures", () => {
  it("hold the committed seeds, each in every container", () => {
    expect(cases.map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")).seed)).toEqual([...FIXTURE_SEEDS]);
    const files = new Set(readdirSync(DIR));
    for (const f of cases) for (const k of CONTAINERS) expect(files, `${f} in ${k}`).toContain(f.replace(/\.json$/, `.${k}`));
  });

  describe.each(cases)("%s", (json) => {
    const c = JSON.parse(readFileSync(join(DIR, json), "utf8")) as CorpusCase;
    it.each([...CONTAINERS])("%s: every field of every form as generated", async (container) => {
      const file = json.replace(/\.json$/, `.${container}`);
      const doc = await parseBytes(new Uint8Array(readFileSync(join(DIR, file))), { source: file, verify: false });
      expect(doc.source.kind).toBe(EXPECTED_KIND[container.split(".").pop()!]);
      const { fields, matched, differences } = compareForms(c.forms, doc.forms);
      expect(differences).toEqual([]);
      expect(matched).toBe(fields);
      expect(fields).toBeGreaterThan(80 * c.forms.length);
      // No warning but what the container explains: a form read exactly and a warning about it would be noise.
      const warnings = new Set(doc.diagnostics.filter((d) => d.severity !== "info").map((d) => d.code));
      expect([...warnings].sort()).toEqual(container.startsWith("book.") ? ["xlsx.hidden", "xlsx.hidden-sheet"] : []);
      if (container.startsWith("book.")) {
        // The draft copy and the drop-down lists, each hidden: reported, not read.
        expect(doc.diagnostics.filter((d) => d.code === "xlsx.hidden-sheet").map((d) => d.message.match(/^sheet "([^"]+)"/)?.[1])).toEqual(["草稿（勿用）", "下拉选项"]);
        expect(doc.diagnostics.filter((d) => d.code === "xlsx.hidden")).toHaveLength(c.forms.length);
      }
    });
  });
});
