/**
 * How one corpus case is printed: renderer, face, paper, columns, page breaks
 * and the spelling choices (punctuation, null marks, thousands separators).
 * Drawn from the case's seed before its forms, so a seed fixes both; the
 * producer is not drawn (it is the seed's own or the one asked for), so a
 * seed's forms are the same whichever producer prints them.
 */
import type { Random } from "./random.js";

export const RENDERERS = ["chromium", "calc", "writer"] as const;
export type Renderer = (typeof RENDERERS)[number];

/** The faces of the axes; Noto is CFF, which Chromium embeds as Type 3 fonts. */
export const FONTS = ["Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "AR PL UMing CN", "AR PL UKai CN"] as const;
export type Font = (typeof FONTS)[number];

/** What prints where a value is null. The empty string is an empty cell. */
export const NULL_MARKS = ["-", "/", "—", ""] as const;
export type NullMark = (typeof NULL_MARKS)[number];

export interface Rendering {
  renderer: Renderer;
  font: Font;
  /** Font size in points. */
  fontSize: number;
  /** narrow: the level and label columns wrap their labels; wide: labels fit on a line. */
  labelColumns: "narrow" | "wide";
  landscape: boolean;
  /** flow: forms follow one another; page: every form starts a page. */
  formsPer: "flow" | "page";
  /** full: ，；：（）; ascii: , ; : ( ). Applies to labels and to the forms' text. */
  punctuation: "full" | "ascii";
  nullMark: NullMark;
  thousands: boolean;
  /**
   * The indicator header row repeats at the top of each later page: a <thead> in
   * Chromium; Calc's rows to repeat, in single-form cases only (a sheet has one such range).
   */
  repeatHeader: boolean;
  /** Running header and "- n -" footer on every page. */
  furniture: boolean;
  /** Forced page breaks: before grid row `row` (0-based, of the form's own rows) of form `form`, which is a `before` row. */
  breaks: Array<{ form: number; row: number; before: string }>;
  /**
   * Writer only: "none" prints the tables with no rules at all (a word-processor
   * table whose borders were turned off); absent, every cell is ruled.
   */
  tableRules?: "none";
}

/** Draws the rendering of a case; the page breaks are drawn later, once the forms' row counts are known. */
export function drawRendering(r: Random, renderer?: Renderer): Rendering {
  return {
    renderer: renderer ?? r.pick(RENDERERS),
    font: r.pick(FONTS),
    fontSize: r.pick([8, 9, 10, 10.5, 11]),
    labelColumns: r.pick(["narrow", "wide"] as const),
    landscape: r.chance(40),
    formsPer: r.pick(["flow", "page"] as const),
    punctuation: r.pick(["full", "ascii"] as const),
    nullMark: r.pick(NULL_MARKS),
    thousands: r.chance(50),
    repeatHeader: r.chance(50),
    furniture: r.chance(50),
    breaks: [],
  };
}
