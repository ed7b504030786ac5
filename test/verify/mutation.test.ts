/**
 * Mutation test: every arithmetic corruption of a clean seed form must raise an
 * error, and clean or freshly generated consistent forms must raise none.
 *
 * What counts as an arithmetic corruption: a change to a figure that a rule
 * recomputes (a score, a weight, an amount, a rate, the total, the grade), a
 * dropped row that carries points or money, or two swapped digits in such a
 * figure. Changes are at least 0.02: domain.md accepts a printed figure that
 * is either the truncated or the half-up rendering of its exact value, and
 * sums of rounded figures get an envelope of (n + 1) × 0.005, so a 0.01 change
 * to a rounded figure can be a legitimate rounding and is not a corruption.
 * Targets and actuals are judgements, not arithmetic, and are not mutated.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Form } from "../../src/model/index.js";
import { D } from "../../src/verify/decimal.js";
import { verify } from "../../src/verify/index.js";
import { clone, seedForms } from "./seed.js";

type Kind = "score" | "weight" | "amount" | "rate" | "total" | "grade" | "drop-row" | "swap-digits";
type Path = (string | number)[];

interface Mutant {
  kind: Kind;
  what: string;
  form: Form;
}

function getIn(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], obj);
}

function setIn<T>(obj: T, path: Path, value: unknown): T {
  const copy = clone(obj);
  const parent = getIn(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

/** The figures of a form that rules recompute, grouped by corruption kind. */
function fields(form: Form): Record<"score" | "weight" | "amount" | "rate" | "total", Path[]> {
  const present = (paths: Path[]) => paths.filter((p) => getIn(form, p) !== null);
  const ti = form.funding.findIndex((r) => r.kind === "total");
  return {
    score: present([...form.indicators.map((_, i): Path => ["indicators", i, "score"]), ["funding", ti, "score"]]),
    weight: present([...form.indicators.map((_, i): Path => ["indicators", i, "weight"]), ["funding", ti, "weight"], ["total", "weight"]]),
    amount: present(form.funding.flatMap((_, r): Path[] => [["funding", r, "initialBudget"], ["funding", r, "adjustedBudget"], ["funding", r, "executed"]])),
    rate: present(form.funding.map((_, r): Path => ["funding", r, "rate"])),
    total: present([["total", "score"]]),
  };
}

/** A change of at least 0.02 and at most 20.00, either way. */
const delta = fc.tuple(fc.integer({ min: 2, max: 2000 }), fc.boolean()).map(([h, neg]) => new D(h).div(100).times(neg ? -1 : 1));

function changed(kind: Kind, paths: Path[], nonNegative: boolean, form: Form): fc.Arbitrary<Mutant> {
  return fc.tuple(fc.constantFrom(...paths), delta).map(([path, d]) => {
    const old = new D(getIn(form, path) as string);
    let value = old.plus(d);
    if (nonNegative && value.isNeg()) value = old.plus(d.abs());
    return { kind, what: `${path.join(".")}: ${old.toFixed(2)} → ${value.toFixed(2)}`, form: setIn(form, path, value.toFixed(2)) };
  });
}

function gradeChanged(form: Form): fc.Arbitrary<Mutant> {
  return fc.constantFrom(...["优", "良", "中", "差"].filter((g) => g !== form.grade))
    .map((g) => ({ kind: "grade" as const, what: `grade: ${form.grade} → ${g}`, form: setIn(form, ["grade"], g) }));
}

/** Dropping an indicator with points, or a funding sub-row with money; a row of zeros changes no sum. */
function rowDropped(form: Form): fc.Arbitrary<Mutant> {
  const options: { what: string; drop: (f: Form) => void }[] = [];
  form.indicators.forEach((ind, i) => {
    if (ind.weight !== null && !new D(ind.weight).isZero()) options.push({ what: `drop indicator ${ind.name}`, drop: (f) => void f.indicators.splice(i, 1) });
  });
  form.funding.forEach((row, r) => {
    const money = [row.initialBudget, row.adjustedBudget, row.executed].some((v) => v !== null && !new D(v).isZero());
    if (row.kind !== "total" && money) options.push({ what: `drop funding row ${row.label}`, drop: (f) => void f.funding.splice(r, 1) });
  });
  return fc.constantFrom(...options).map((o) => {
    const f = clone(form);
    o.drop(f);
    return { kind: "drop-row" as const, what: o.what, form: f };
  });
}

/** Every swap of two adjacent, different digits (the decimal point skipped) in a recomputed figure. */
function digitsSwapped(form: Form): fc.Arbitrary<Mutant> {
  const all = Object.values(fields(form)).flat();
  const swaps: { path: Path; from: string; to: string }[] = [];
  for (const path of all) {
    const s = getIn(form, path) as string;
    const pos = [...s].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
    for (let k = 0; k + 1 < pos.length; k++) {
      const [a, b] = [pos[k]!, pos[k + 1]!];
      if (s[a] === s[b]) continue;
      const chars = [...s];
      [chars[a], chars[b]] = [chars[b]!, chars[a]!];
      swaps.push({ path, from: s, to: chars.join("") });
    }
  }
  return fc.constantFrom(...swaps).map((s) => ({ kind: "swap-digits" as const, what: `${s.path.join(".")}: ${s.from} → ${s.to}`, form: setIn(form, s.path, s.to) }));
}

function mutants(form: Form): fc.Arbitrary<Mutant> {
  const f = fields(form);
  return fc.oneof(
    changed("score", f.score, false, form),
    changed("weight", f.weight, false, form),
    changed("amount", f.amount, true, form),
    changed("rate", f.rate, true, form),
    changed("total", f.total, false, form),
    gradeChanged(form),
    rowDropped(form),
    digitsSwapped(form),
  );
}

/** 未来公园展厅运营项目 with its missing row put back: 物业管理工作完成及时性, 4 points, met. */
function repairedPark(park: Form): Form {
  const f = clone(park);
  const template = f.indicators[7]!; // 物业管理需求响应及时性, the same kind of 时效 row
  f.indicators.splice(8, 0, { ...clone(template), name: "物业管理工作完成及时性" });
  return f;
}

const seed = seedForms();
const clean: Form[] = [...seed.filter((f) => f.projectName !== "未来公园展厅运营项目"), repairedPark(seed[5]!)];
const errorsOf = (f: Form, i: number) => verify(f, undefined, i).findings.filter((x) => x.severity === "error");

const tally = new Map<Kind, { caught: number; total: number }>();
const escaped: string[] = [];

describe("mutation test", () => {
  it("starts from clean forms: no error on any of them (the repaired park included)", () => {
    expect(clean).toHaveLength(7);
    clean.forEach((f, i) => expect(errorsOf(f, i), f.projectName ?? "").toEqual([]));
  });

  clean.forEach((form, i) => {
    it(`flags every corruption of ${form.projectName} with an error`, () => {
      fc.assert(
        fc.property(mutants(form), (m) => {
          const t = tally.get(m.kind) ?? { caught: 0, total: 0 };
          t.total++;
          const caught = errorsOf(m.form, i).length > 0;
          if (caught) t.caught++;
          else escaped.push(`${form.projectName}: ${m.what}`);
          tally.set(m.kind, t);
          return caught;
        }),
        { numRuns: 300, seed: 20231 + i },
      );
    });
  });

  afterAll(() => {
    const rows = [...tally.entries()].sort().map(([k, t]) => `  ${k.padEnd(12)} ${t.caught}/${t.total}`);
    const caught = [...tally.values()].reduce((a, t) => a + t.caught, 0);
    const total = [...tally.values()].reduce((a, t) => a + t.total, 0);
    console.log(`mutation test: ${caught}/${total} corruptions caught\n${rows.join("\n")}${escaped.length ? `\nescaped:\n  ${escaped.join("\n  ")}` : ""}`);
  });
});

/**
 * The other half of the claim: forms generated consistent by construction
 * (random budgets, rates and scores rounded one way or the other, totals and
 * grades derived from them) never raise an error.
 */
describe("no false alarms on consistent forms", () => {
  const hundredths = (min: number, max: number) => fc.integer({ min, max }).map((n) => new D(n).div(100));
  const consistentForm = fc.record({
    mode: fc.constantFrom<"truncate" | "half-up">("truncate", "half-up"),
    fiscal: hundredths(1, 500_000_00),
    carryover: hundredths(0, 50_000_00),
    spentPct: fc.integer({ min: 0, max: 12000 }),
    initialDelta: hundredths(-10_000_00, 10_000_00),
    rows: fc.array(fc.record({
      weight: fc.integer({ min: 1, max: 30 }),
      percent: fc.integer({ min: 0, max: 100 }),
      // Some rows miss a ≥ target and score by the proportional formula, printed rounded.
      proportional: fc.boolean(),
      target: fc.integer({ min: 1, max: 1000 }),
      permille: fc.integer({ min: 0, max: 999 }),
    }), { minLength: 1, maxLength: 15 }),
  }).map(({ mode, fiscal, carryover, spentPct, initialDelta, rows }) => {
    const round = (x: InstanceType<typeof D>) => x.toDecimalPlaces(2, mode === "truncate" ? D.ROUND_DOWN : D.ROUND_HALF_UP);
    const row = (kind: Form["funding"][number]["kind"], label: string, budget: InstanceType<typeof D>, initial: InstanceType<typeof D>) => {
      const executed = round(budget.times(spentPct).div(10000));
      const rate = budget.isZero() ? new D(0) : round(executed.div(budget).times(100));
      return { kind, label, initialBudget: initial.toFixed(2), adjustedBudget: budget.toFixed(2), executed: executed.toFixed(2), weight: null as string | null, rate: rate.toFixed(2), score: null as string | null, exact: budget.isZero() ? new D(0) : executed.div(budget).times(100) };
    };
    const fiscalRow = row("fiscal", "当年财政拨款", fiscal, D.max(fiscal.plus(initialDelta), 0));
    const carryRow = row("carryover", "上年结转资金", carryover, carryover);
    const totalBudget = fiscal.plus(carryover);
    const totalExecuted = new D(fiscalRow.executed).plus(carryRow.executed);
    const totalRate = totalExecuted.div(totalBudget).times(100);
    const execExact = D.min(totalRate, 100).div(10);
    const execScore = round(execExact);
    const total = {
      kind: "total" as const, label: "年度资金总额",
      initialBudget: new D(fiscalRow.initialBudget).plus(carryRow.initialBudget).toFixed(2),
      adjustedBudget: totalBudget.toFixed(2), executed: totalExecuted.toFixed(2),
      weight: "10.00", rate: round(totalRate).toFixed(2), score: execScore.toFixed(2),
    };
    // Weights: scale the random integers so they add up to exactly 90.
    const raw = rows.map((r) => r.weight);
    const rawSum = raw.reduce((a, b) => a + b, 0);
    const weights = raw.map((w) => new D(w).times(90).div(rawSum).toDecimalPlaces(2, D.ROUND_DOWN));
    weights[0] = weights[0]!.plus(new D(90).minus(weights.reduce((a, b) => a.plus(b), new D(0))));
    // The office adds up the exact scores and rounds the total once, as a spreadsheet would.
    let exactSum = execExact;
    const indicators = weights.map((w, k) => {
      const r = rows[k]!;
      const base = { level1: "产出指标", level1Subtotal: null, level2: "数量指标", name: `指标${k}`, weight: w.toFixed(2), deviation: "原因" };
      if (r.proportional) {
        const actual = new D(r.target).times(r.permille).div(1000).floor();
        const exact = actual.div(r.target).times(w);
        exactSum = exactSum.plus(exact);
        return { ...base, target: { raw: `≥${r.target}(次)`, op: ">=" as const, value: String(r.target), unit: "次", qualitative: null },
          actual: { raw: `${actual.toFixed(2)}(次)`, op: null, value: actual.toFixed(2), unit: "次", qualitative: null }, score: round(exact).toFixed(2) };
      }
      const score = w.times(r.percent).div(100).toDecimalPlaces(2, D.ROUND_DOWN);
      exactSum = exactSum.plus(score);
      return { ...base, target: { raw: "全年正常运营", op: null, value: null, unit: null, qualitative: "全年正常运营" },
        actual: { raw: "效果明显", op: null, value: null, unit: null, qualitative: "效果明显" }, score: score.toFixed(2) };
    });
    const totalScore = round(exactSum);
    const grade = totalScore.gte(90) ? "优" : totalScore.gte(80) ? "良" : totalScore.gte(60) ? "中" : "差";
    const strip = ({ exact: _exact, ...r }: typeof fiscalRow) => r;
    const form: Form = {
      formType: "project", template: "national", title: "财政项目支出绩效自评表", year: 2023, projectName: "生成的表", department: null, implementingUnit: null,
      fundingUnit: "万元", funding: [total, strip(fiscalRow), strip(carryRow)], goals: { expected: null, actual: null },
      indicators, total: { weight: "100.00", score: totalScore.toFixed(2) }, grade, notes: {}, complete: true, provenance: {},
    };
    return form;
  });

  it("raises no error on 1000 generated consistent forms", () => {
    let runs = 0;
    fc.assert(fc.property(consistentForm, (form) => {
      runs++;
      const errors = verify(form).findings.filter((f) => f.severity === "error");
      return errors.length === 0;
    }), { numRuns: 1000, seed: 42 });
    expect(runs).toBe(1000);
  });
});
