/**
 * A form's own table view: its values laid out as the form prints them, one
 * row per funding line, indicator, goal, total and grade, each row keyed so
 * that a finding can link to it (see rowKey).
 */
import type { Form } from "../../model/index.js";

/** One row: its key (e.g. `indicators[3]`) and its cells. */
export interface TableRow {
  key: string;
  cells: (string | null)[];
}

/** One block of the form: header, funding, goals, indicators, total. */
export interface TableSection {
  /** Which block; the page labels it in the report's language. */
  block: "header" | "funding" | "goals" | "indicators" | "total";
  rows: TableRow[];
}

/** The form's values by block, in the form's order. */
export function formTable(form: Form): TableSection[] {
  return [
    {
      block: "header",
      rows: [
        { key: "projectName", cells: [form.projectName] },
        { key: "department", cells: [form.department] },
        { key: "implementingUnit", cells: [form.implementingUnit] },
        { key: "year", cells: [form.year === null ? null : String(form.year)] },
      ],
    },
    {
      block: "funding",
      rows: form.funding.map((r, i) => ({
        key: `funding[${i}]`,
        cells: [r.label, r.initialBudget, r.adjustedBudget, r.executed, r.weight, r.rate, r.score],
      })),
    },
    { block: "goals", rows: [{ key: "goals", cells: [form.goals.expected, form.goals.actual] }] },
    {
      block: "indicators",
      rows: form.indicators.map((x, i) => ({
        key: `indicators[${i}]`,
        cells: [x.level1, x.level2, x.name, x.target.raw, x.actual.raw, x.weight, x.score, x.deviation],
      })),
    },
    {
      block: "total",
      rows: [
        { key: "total", cells: [form.total.weight, form.total.score] },
        { key: "grade", cells: [form.grade] },
      ],
    },
  ];
}
