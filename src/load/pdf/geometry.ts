/**
 * Plain geometry shared by the PDF modules. All coordinates are PDF user space
 * of the page: origin bottom-left, y grows upwards, units of 1/72 inch.
 */

/** An affine matrix [a, b, c, d, e, f] as in PDF and pdf.js. */
export type Matrix = [number, number, number, number, number, number];

/** [x0, y0, x1, y1] with x0 ≤ x1 and y0 ≤ y1. */
export type Box = [number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `inner` applied first, then `outer` (what the PDF `cm` operator does to the CTM). */
export function multiply(inner: Matrix | ArrayLike<number>, outer: Matrix): Matrix {
  const [a, b, c, d, e, f] = [inner[0]!, inner[1]!, inner[2]!, inner[3]!, inner[4]!, inner[5]!];
  return [
    a * outer[0] + b * outer[2],
    a * outer[1] + b * outer[3],
    c * outer[0] + d * outer[2],
    c * outer[1] + d * outer[3],
    e * outer[0] + f * outer[2] + outer[4],
    e * outer[1] + f * outer[3] + outer[5],
  ];
}

/** Applies a matrix to a point. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A horizontal ruling line: at height y from x0 to x1. */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

/** A vertical ruling line: at x from y0 to y1. */
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

/** Ruling lines of one page. */
export interface Rules {
  h: HRule[];
  v: VRule[];
}

/** Rounds a coordinate for output: 2 decimals is far below a glyph's size. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
