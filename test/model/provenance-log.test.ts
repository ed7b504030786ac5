import { describe, expect, it } from "vitest";
import { attachProvenance, ProvenanceLog, provenanceAt } from "../../src/model/provenance-log.js";
import { parseText } from "../../src/parse.js";
import { SEED_TEXT } from "../helpers.js";

const isLazy = (form: object) => Object.getOwnPropertyDescriptor(form, "provenance")?.get !== undefined;

function sampleLog(): ProvenanceLog {
  const log = new ProvenanceLog();
  log.record("title", 1, 0, 1, undefined);
  log.record("indicators[0].score", 12, 7, 2, undefined);
  log.record("grade", undefined, 3, 2, [10, 20, 30.5, 40]);
  log.record("title", 2, 1, 1, undefined); // a later entry for the same path wins, in the first one's place
  return log;
}

describe("ProvenanceLog", () => {
  it("makes the record every Form carries, in the four shapes provenance has", () => {
    expect(sampleLog().toRecord()).toStrictEqual({
      title: { line: 2, cell: 1, page: 1 },
      "indicators[0].score": { line: 12, cell: 7, page: 2 },
      grade: { cell: 3, page: 2, bbox: [10, 20, 30.5, 40] },
    });
    expect(Object.keys(sampleLog().toRecord())).toEqual(["title", "indicators[0].score", "grade"]);
  });

  it("finds one entry, the last recorded for its path", () => {
    const log = sampleLog();
    expect(log.find("title")).toStrictEqual({ line: 2, cell: 1, page: 1 });
    expect(log.find("grade")).toStrictEqual({ cell: 3, page: 2, bbox: [10, 20, 30.5, 40] });
    expect(log.find("total.score")).toBeUndefined();
  });

  it("makes room for as many entries as come, past its first capacity", () => {
    const log = new ProvenanceLog(4);
    for (let i = 0; i < 500; i++) log.record(`indicators[${i}].score`, i + 1, i % 7, 1 + (i >> 8), undefined);
    log.pack();
    const record = log.toRecord();
    expect(Object.keys(record)).toHaveLength(500);
    expect(record["indicators[0].score"]).toStrictEqual({ line: 1, cell: 0, page: 1 });
    expect(record["indicators[499].score"]).toStrictEqual({ line: 500, cell: 2, page: 2 });
    expect(log.find("indicators[300].score")).toStrictEqual({ line: 301, cell: 6, page: 2 });
  });

  it("refuses entries once packed", () => {
    const log = sampleLog();
    log.pack();
    expect(log.find("indicators[0].score")).toStrictEqual({ line: 12, cell: 7, page: 2 });
    expect(() => log.record("year", 1, 1, 1, undefined)).toThrow(/packed/);
  });
});

describe("a form's provenance", () => {
  it("is an enumerable property after the form's others, made once when first read", () => {
    const form = attachProvenance({ title: "t", complete: true }, sampleLog());
    expect(Object.keys(form)).toEqual(["title", "complete", "provenance"]);
    expect(isLazy(form)).toBe(true);
    const record = form.provenance;
    expect(isLazy(form)).toBe(false);
    expect(form.provenance).toBe(record);
    expect(record.title).toStrictEqual({ line: 2, cell: 1, page: 1 });
  });

  it("reads like a plain property: JSON, spread, structuredClone, assignment", () => {
    const plain = { title: "t", complete: true, provenance: sampleLog().toRecord() };
    const lazy = () => attachProvenance({ title: "t", complete: true }, sampleLog());
    expect(JSON.stringify(lazy())).toBe(JSON.stringify(plain));
    expect({ ...lazy() }).toStrictEqual(plain);
    expect(structuredClone(lazy())).toStrictEqual(plain);
    const form = lazy();
    form.provenance = { year: { line: 9, cell: 9, page: 9 } };
    expect(form.provenance).toStrictEqual({ year: { line: 9, cell: 9, page: 9 } });
    expect(Object.keys(form)).toEqual(["title", "complete", "provenance"]);
  });

  it("answers provenanceAt for every path of the seed without making the record, and the same as the record", async () => {
    const doc = await parseText(SEED_TEXT, { source: "seed" });
    for (const form of doc.forms) {
      expect(isLazy(form)).toBe(true); // parsing and verifying did not make it
      const answers = new Map<string, unknown>();
      const paths = ["title", "projectName", "funding[0].executed", "indicators[0].target", "indicators[5].score", "total.score", "grade", "nowhere"];
      for (const p of paths) answers.set(p, provenanceAt(form, p));
      expect(isLazy(form)).toBe(true);
      for (const p of paths) expect(answers.get(p)).toStrictEqual(form.provenance[p]);
      expect(provenanceAt(form, "projectName")).toBe(form.provenance.projectName);
    }
    // seed.txt line 7: 项目名称, an empty cell, then 机关服务 in cell 2.
    expect(doc.forms[0]!.provenance.projectName).toStrictEqual({ line: 7, cell: 2, page: 1 });
  });
});
