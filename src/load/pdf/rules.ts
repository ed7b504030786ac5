/**
 * Ruling lines of a page from its pdf.js operator list.
 *
 * Producers draw table borders in two ways: stroked line segments or
 * rectangles (Word, Excel, most report tools), or thin filled rectangles
 * (Chromium/Skia draws every cell border as a 1-unit-wide fill). Both become
 * horizontal and vertical rules in page user space. The current transformation
 * matrix is tracked through save/restore, `cm` and form XObjects, because
 * Skia wraps the whole page in a flipped, scaled matrix.
 */
import type { PdfJs } from "./engine.js";
import { apply, IDENTITY, multiply, type Matrix, type Rules } from "./geometry.js";

/** A filled rectangle thinner than this (user-space units) is a drawn line. */
const MAX_RULE_THICKNESS = 3;
/** Shorter segments are glyph parts, underlines or noise, not table borders. */
const MIN_RULE_LENGTH = 4;
/** Tolerance for "axis-aligned". */
const SKEW = 0.5;

// DrawOPS of pdf.js 5.x path buffers (src/shared/util.js): not exported.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

type OperatorList = { fnArray: number[]; argsArray: unknown[] };

/** Paint operators that classify a constructed path. */
interface PaintOps {
  stroke: Set<number>;
  fill: Set<number>;
}

function paintOps(OPS: PdfJs["OPS"]): PaintOps {
  return {
    stroke: new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]),
    fill: new Set([OPS.fill, OPS.eoFill]),
  };
}

/**
 * Extracts the page's ruling lines. Curves, clips (`endPath`) and large fills
 * (backgrounds, shading) are ignored.
 */
export function extractRules(ops: OperatorList, OPS: PdfJs["OPS"]): Rules {
  const paint = paintOps(OPS);
  const rules: Rules = { h: [], v: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case OPS.transform:
        ctm = multiply(argsArray[i] as Matrix, ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm);
        const m = (argsArray[i] as [Matrix | null])[0];
        if (m) ctm = multiply(m, ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case OPS.constructPath: {
        const [op, data] = argsArray[i] as [number, [Float32Array | null], unknown];
        const path = data[0];
        if (!path) break;
        if (paint.stroke.has(op)) addStroked(path, ctm, rules);
        else if (paint.fill.has(op)) addFilled(path, ctm, rules);
        break;
      }
    }
  }
  return rules;
}

/** Splits a pdf.js path buffer into polylines; a subpath holding a curve is dropped. */
function subpaths(path: Float32Array, ctm: Matrix): { pts: number[]; closed: boolean }[] {
  const out: { pts: number[]; closed: boolean }[] = [];
  let cur: { pts: number[]; closed: boolean; curved: boolean } | null = null;
  const flush = () => {
    if (cur && !cur.curved && cur.pts.length >= 4) out.push({ pts: cur.pts, closed: cur.closed });
    cur = null;
  };
  for (let k = 0; k < path.length; ) {
    const op = path[k++];
    if (op === MOVE_TO) {
      flush();
      const [x, y] = apply(ctm, path[k]!, path[k + 1]!);
      cur = { pts: [x, y], closed: false, curved: false };
      k += 2;
    } else if (op === LINE_TO) {
      const [x, y] = apply(ctm, path[k]!, path[k + 1]!);
      cur ??= { pts: [], closed: false, curved: false };
      cur.pts.push(x, y);
      k += 2;
    } else if (op === CURVE_TO) {
      if (cur) cur.curved = true;
      k += 6;
    } else if (op === QUAD_TO) {
      if (cur) cur.curved = true;
      k += 4;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
      flush();
    } else {
      break; // unknown opcode: stop rather than misread coordinates
    }
  }
  flush();
  return out;
}

function addSegment(x0: number, y0: number, x1: number, y1: number, rules: Rules): void {
  if (Math.abs(y1 - y0) <= SKEW && Math.abs(x1 - x0) >= MIN_RULE_LENGTH) {
    rules.h.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
  } else if (Math.abs(x1 - x0) <= SKEW && Math.abs(y1 - y0) >= MIN_RULE_LENGTH) {
    rules.v.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  }
}

/** Stroked paths: every axis-aligned edge is a rule (a stroked rectangle gives four). */
export function addStroked(path: Float32Array, ctm: Matrix, rules: Rules): void {
  for (const { pts, closed } of subpaths(path, ctm)) {
    const n = pts.length / 2;
    for (let j = 0; j + 1 < n; j++) addSegment(pts[2 * j]!, pts[2 * j + 1]!, pts[2 * j + 2]!, pts[2 * j + 3]!, rules);
    if (closed && n > 2) addSegment(pts[2 * n - 2]!, pts[2 * n - 1]!, pts[0]!, pts[1]!, rules);
  }
}

/** Filled paths: a thin axis-aligned rectangle is a rule along its long axis. */
export function addFilled(path: Float32Array, ctm: Matrix, rules: Rules): void {
  for (const { pts } of subpaths(path, ctm)) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let j = 0; j < pts.length; j += 2) {
      x0 = Math.min(x0, pts[j]!); x1 = Math.max(x1, pts[j]!);
      y0 = Math.min(y0, pts[j + 1]!); y1 = Math.max(y1, pts[j + 1]!);
    }
    if (!isAxisAlignedRect(pts, x0, y0, x1, y1)) continue;
    const w = x1 - x0, h = y1 - y0;
    if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) rules.h.push({ y: (y0 + y1) / 2, x0, x1 });
    else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) rules.v.push({ x: (x0 + x1) / 2, y0, y1 });
  }
}

/** Every vertex sits on the bounding box's corners (within SKEW): a rectangle, not a polygon. */
function isAxisAlignedRect(pts: number[], x0: number, y0: number, x1: number, y1: number): boolean {
  if (pts.length < 6 || pts.length > 10) return false;
  for (let j = 0; j < pts.length; j += 2) {
    const x = pts[j]!, y = pts[j + 1]!;
    const onX = Math.abs(x - x0) <= SKEW || Math.abs(x - x1) <= SKEW;
    const onY = Math.abs(y - y0) <= SKEW || Math.abs(y - y1) <= SKEW;
    if (!onX || !onY) return false;
  }
  return true;
}
