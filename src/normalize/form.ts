import type { CellRef, RawForm } from "../../grammars/self-evaluation/index.js";
import type { Diagnostic } from "../model/document.js";
import type { Form } from "../model/form.js";
import { cleanLabel } from "../text/chars.js";
import { attachProvenance } from "../model/provenance-log.js";
import { FormContext } from "./context.js";
import { cleanFreeText } from "./free-text.js";
import { normalizeCriteria, normalizeProjectAttribute, normalizeSelfTotal, normalizeSourceFunding } from "./criteria.js";
import { fundingUnit, normalizeFunding, statedFundingUnit } from "./funding.js";
import { normalizeGoals } from "./goals.js";
import { normalizeIndicators } from "./indicators.js";
import { reportUnreadCells } from "./unread.js";
import { parseDecimal } from "./number.js";
import { GRADES, NOTES, TITLES, type Vocabulary } from "./vocabulary.js";

const first = (refs: CellRef[]) => refs[0];
const labelOf = (ref: CellRef | undefined) => (ref ? headerValue(ref) || null : null);

/**
 * A header field's value as printed; from a label cell that prints it after
 * a colon (主管部门（盖章）：某市教育局), the text after the colon.
 */
function headerValue(ref: CellRef): string {
  const text = cleanLabel(ref.cell.text);
  if (ref.token !== "DepartmentLabel" && ref.token !== "ImplementingUnitLabel") return text;
  const colon = text.search(/[:：]/);
  return colon < 0 ? "" : text.slice(colon + 1).trim();
}

/** The provenance path of each known note, made once. */
const NOTE_PATHS = new Map(NOTES.words.map((w) => [w, `notes.${w}`]));

/** Turns one recognised form into the model, with provenance and diagnostics. */
export function normalizeForm(raw: RawForm, formIndex: number): { form: Form; diagnostics: Diagnostic[] } {
  const ctx = new FormContext(formIndex, mostValues(raw));
  const project = first(raw.projectName);
  const department = first(raw.department);
  const unit = first(raw.implementingUnit);
  ctx.at("title", raw.title);
  ctx.at("year", raw.year);
  ctx.at("projectName", project);
  ctx.at("department", department);
  ctx.at("implementingUnit", unit);

  const year = raw.year ? firstYear(raw.year.cell.text) : raw.title ? firstYear(raw.title.cell.text) : null;
  // The 总分 row's cells that are numbers: the first two are the total
  // weight and score, a lone one the score.
  let numbers = 0;
  let firstRef: CellRef | undefined;
  let secondRef: CellRef | undefined;
  let firstValue: string | null = null;
  let secondValue: string | null = null;
  if (raw.total) {
    for (const v of raw.total.values) {
      const d = parseDecimal(v.cell.text);
      if (d === undefined) continue;
      if (++numbers === 1) {
        firstRef = v;
        firstValue = d;
      } else if (numbers === 2) {
        secondRef = v;
        secondValue = d;
      }
    }
  }
  const totalWeightRef = numbers >= 2 ? firstRef : undefined;
  const totalScoreRef = numbers >= 2 ? secondRef : firstRef;
  ctx.at("total.weight", totalWeightRef);
  ctx.at("total.score", totalScoreRef);
  const gradeRef = raw.grade?.values[0];
  ctx.at("grade", gradeRef);

  const notes: Record<string, string> = {};
  for (const n of raw.notes) {
    const key = NOTES.cleaned(n.label.cell.text) ?? cleanLabel(n.label.cell.text);
    notes[key] = cleanFreeText(n.values.length === 1 ? n.values[0]!.cell.text : n.values.map((v) => v.cell.text).join("\n"));
    const path = NOTE_PATHS.get(key) ?? `notes.${key}`;
    ctx.at(path, n.label);
    ctx.pieces(path, n.values);
  }

  // 项目负责人 and 联系电话 in cells of their own among the header fields
  // (Shandong) name the project's lead; elsewhere a sign-off is a note.
  const leadRow = raw.signOff.some((n) => n.inHeader && signOffKey(n.label.cell.text) === "项目负责人");
  let projectLeader: string | undefined;
  let projectLeaderPhone: string | undefined;
  for (const n of raw.signOff) {
    const { key, value } = signOffEntry(n.label.cell.text, n.values.map((v) => v.cell.text));
    const field = leadRow && n.inHeader ? (key === "项目负责人" ? "projectLeader" : key === "联系电话" ? "projectLeaderPhone" : null) : null;
    if (field === "projectLeader") projectLeader = value;
    else if (field === "projectLeaderPhone") projectLeaderPhone = value;
    const path = field ?? `notes.${key}`;
    if (!field) notes[key] = value;
    ctx.at(path, n.label);
    ctx.pieces(path, n.values);
  }
  const reportNumber = raw.reportNumber ? labelledText(raw.reportNumber.label.cell.text, raw.reportNumber.values.map((v) => v.cell.text)) : undefined;
  if (raw.reportNumber) {
    ctx.at("reportNumber", raw.reportNumber.label);
    ctx.pieces("reportNumber", raw.reportNumber.values);
  }
  const summary = raw.goals?.summary;
  const implementationSummary = summary ? cleanFreeText(summary.values.map((v) => v.cell.text).join("\n")) : undefined;
  if (summary) {
    ctx.at("implementationSummary", summary.label);
    ctx.pieces("implementationSummary", summary.values);
  }
  const specialFund = raw.specialFund ? yesNo(raw.specialFund.values, ctx) : undefined;
  if (specialFund !== undefined) ctx.at("specialFund", raw.specialFund!.values[0]);
  if (raw.amountUnit) ctx.at("fundingUnit", raw.amountUnit.values[0]);
  // 万元 is what nearly every template prints, but a form that does not say so has its amounts' scale guessed: said.
  const fundingBlock = raw.funding ?? raw.sourceFunding;
  if (fundingBlock && !statedFundingUnit(raw)) {
    ctx.warn("funding.unit-assumed", "no label states the unit of the funding amounts (项目资金（万元）, 单位：元): read as 万元", fundingBlock.label, "info");
  }
  const fundingPoints = raw.funding ? pointsOf(raw.funding.label.cell.text) : undefined;
  if (fundingPoints !== undefined) ctx.at("fundingPoints", raw.funding!.label);
  const indicatorLabel = raw.indicators?.label;
  const indicatorPoints = indicatorLabel ? pointsOf(indicatorLabel.cell.text) : undefined;
  if (indicatorPoints !== undefined) ctx.at("indicatorPoints", indicatorLabel);

  const isCriteria = raw.template === "criteria";
  const criteria = isCriteria ? normalizeCriteria(raw, ctx) : undefined;
  const projectAttribute = normalizeProjectAttribute(raw, ctx);
  const selfEvaluationTotal = normalizeSelfTotal(raw, ctx);
  const fundingBySource = normalizeSourceFunding(raw, ctx);
  // The 总分 row of a criteria table prints 分值, 自评分 and 复核分: the third number is the 复核分 total.
  const review = isCriteria && raw.total ? totalReview(raw.total.values) : undefined;
  if (review) ctx.at("total.review", review.ref);

  // provenance comes last, made from the log when first read (see ProvenanceLog).
  const form: Form = attachProvenance({
    formType: raw.formType,
    template: raw.template,
    title: raw.title ? knownOrClean(raw.title.cell.text, TITLES) : "",
    year,
    projectName: labelOf(project),
    department: labelOf(department),
    implementingUnit: labelOf(unit),
    ...(reportNumber !== undefined ? { reportNumber } : {}),
    ...(projectLeader !== undefined ? { projectLeader } : {}),
    ...(projectLeaderPhone !== undefined ? { projectLeaderPhone } : {}),
    ...(specialFund !== undefined ? { specialFund } : {}),
    ...(projectAttribute !== undefined ? { projectAttribute } : {}),
    ...(selfEvaluationTotal !== undefined ? { selfEvaluationTotal } : {}),
    fundingUnit: fundingUnit(raw),
    funding: normalizeFunding(raw, ctx),
    ...(fundingPoints !== undefined ? { fundingPoints } : {}),
    ...(indicatorPoints !== undefined ? { indicatorPoints } : {}),
    ...(implementationSummary !== undefined ? { implementationSummary } : {}),
    ...(fundingBySource !== undefined ? { fundingBySource } : {}),
    goals: normalizeGoals(raw, ctx),
    indicators: normalizeIndicators(raw, ctx),
    ...(criteria ? { criteria: criteria.criteria } : {}),
    ...(criteria && criteria.subtotals.length ? { criteriaSubtotals: criteria.subtotals } : {}),
    total: {
      weight: numbers >= 2 ? firstValue : null,
      score: numbers >= 2 ? secondValue : firstValue,
      ...(isCriteria ? { review: review?.value ?? null } : {}),
    },
    grade: gradeRef ? knownOrClean(gradeRef.cell.text, GRADES) || null : null,
    notes,
    complete: raw.total !== null,
  }, ctx.provenance);

  for (const row of raw.unplaced) {
    const first = row.cells[0];
    const where = first ? `line ${first.cell.line ?? "?"}, cell ${first.cell.col}` : `line ${row.line ?? "?"}`;
    ctx.warn("grammar.unplaced-row", `a row jixiao cannot place in the funding block, starting "${first ? cleanLabel(first.cell.text) : ""}" (${where}): its values are not read`, first, "warning", row.cells);
  }
  for (const refs of raw.superseded) {
    if (refs.length === 0) continue;
    const texts = refs.map((r) => `"${cleanLabel(r.cell.text)}"`).join(", ");
    ctx.warn("form.repeated-row", `a row of the form printed twice: ${texts} (line ${refs[0]!.cell.line ?? "?"}) is not read, the other one is`, refs[0], "warning", refs);
  }
  if (!raw.title) ctx.warn("form.no-title", "a form without its title row: it starts at 项目名称", project, "info");
  if (!form.complete) {
    const where = raw.lastLine !== undefined ? ` after line ${raw.lastLine}` : "";
    ctx.warn("form.incomplete", `form ${formIndex + 1} (${form.projectName ?? "no project name"}) is cut off${where}: no 总分 row; what was read is kept`, null, "error");
    const d = ctx.diagnostics[ctx.diagnostics.length - 1]!;
    if (raw.lastLine !== undefined) d.line = raw.lastLine;
  }
  if (raw.total && numbers < 2) ctx.warn("total.short", "the 总分 row does not hold both the total weight and the total score", raw.total.label);
  reportUnreadCells(raw, ctx);
  return { form, diagnostics: ctx.diagnostics };
}

/**
 * How many values at most a form has provenance for: the header fields,
 * totals and grade, the notes and their cells, the goals, each funding
 * row's label and values, eight per indicator row (more with 指标性质 and
 * 计量单位 columns), and the label pieces beside 总分. The log is made that big at once.
 */
export function mostValues(raw: RawForm): number {
  let n = 8 + 2 + raw.signOff.length;
  // 报表编号, 项目实施内容及过程概述 and the points of two block labels, with their cells.
  n += 4 + (raw.reportNumber?.values.length ?? 0) + (raw.goals?.summary?.values.length ?? 0);
  for (const note of raw.notes) n += 1 + note.values.length;
  if (raw.funding) for (const row of raw.funding.rows) n += 2 + row.values.length;
  if (raw.indicators) {
    // Eight per row, and the 指标性质 and 计量单位 cells a target is read from besides its own.
    let perRow = 8;
    for (const h of raw.indicators.headers) {
      let extra = 0;
      for (const c of h.cells) if (c.token === "NatureHeader" || c.token === "UnitHeader") extra++;
      perRow = Math.max(perRow, 8 + extra);
    }
    n += perRow * raw.indicators.rows.length;
  }
  // A criteria table's seven fields a row, 自评总分, 项目属性 and the funding by source.
  if (raw.criteria) n += 7 * raw.criteria.rows.length + 1;
  n += 2 + (raw.projectAttribute?.values.length ?? 0);
  if (raw.sourceFunding) for (const r of raw.sourceFunding.rows) n += r.cells.length;
  // The pieces of wrapped labels, printed beside 总分.
  if (raw.total) n += raw.total.before.length;
  return n;
}

/** The third number of a criteria table's 总分 row (分值 | 自评分 | 复核分): the 复核分 total. */
function totalReview(values: CellRef[]): { ref: CellRef; value: string } | undefined {
  let n = 0;
  for (const v of values) {
    const d = parseDecimal(v.cell.text);
    if (d === undefined || d === null) continue;
    if (++n === 3) return { ref: v, value: d };
  }
  return undefined;
}

/**
 * A sign-off label (填报人, 联系电话 …) and its value: the text after the
 * label's colon, when it prints one, and the cells after it, joined by a space.
 */
function signOffEntry(label: string, values: string[]): { key: string; value: string } {
  const text = cleanLabel(label);
  const colon = text.search(/[:：]/);
  const key = colon < 0 ? text : text.slice(0, colon).trim();
  return { key, value: labelledText(label, values) };
}

/** The label of a sign-off cell, without the value it may print after a colon. */
function signOffKey(label: string): string {
  const text = cleanLabel(label);
  const colon = text.search(/[:：]/);
  return colon < 0 ? text : text.slice(0, colon).trim();
}

/** The value of a label cell that may print it after a colon (报表编号：510000_0013zp), and of the cells after it, joined by a space. */
function labelledText(label: string, values: string[]): string {
  const text = cleanLabel(label);
  const colon = text.search(/[:：]/);
  const inline = colon < 0 ? "" : text.slice(colon + 1).trim();
  return [inline, ...values.map((v) => cleanFreeText(v))].filter((p) => p !== "").join(" ");
}

/**
 * 是否为专项资金 (Hebei): 是 true, 否 false. Any other word, or none, is said
 * so and read as absent, never guessed.
 */
function yesNo(values: CellRef[], ctx: FormContext): boolean | undefined {
  const text = values.map((v) => cleanLabel(v.cell.text)).join("");
  if (text === "是") return true;
  if (text === "否") return false;
  ctx.warn("form.special-fund-word", `是否为专项资金 "${text}" is neither 是 nor 否: not read`, values[0] ?? null, "warning", values);
  return undefined;
}

/** The points a block label prints, 10 for 预算执行情况(10分); undefined when it prints none. */
function pointsOf(label: string): string | undefined {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(label);
  return m ? m[1] : undefined;
}

/** cleanLabel(text), as the word of `known` it is when it is one (see Vocabulary). */
function knownOrClean(text: string, known: Vocabulary): string {
  return known.cleaned(text) ?? cleanLabel(text);
}

/** The first four digits in a row in text (as /(\d{4})/ finds them), as a number; null when there are none. */
function firstYear(text: string): number | null {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) run = 0;
    else if (++run === 4) return Number(text.slice(i - 3, i + 1));
  }
  return null;
}
