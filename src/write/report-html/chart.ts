/**
 * The spent-against-score chart as SVG markup: the same drawing the report's
 * page script makes (axes in steps of 10, the "spent little, scored high" zone
 * below 90 % spent and above 90 points, worst finding drawn last), for pages
 * that build their own view of the forms, such as the offline app.
 */
import type { Severity } from "../../model/index.js";
import type { ReportLabels } from "./labels.js";

/** One dot: a form's 执行率 and 总分 as printed (decimal strings), and its worst finding. */
export interface ChartPoint {
  id: number;
  project: string | null;
  spent: string | null;
  score: string | null;
  worst: Severity | null;
}

const W = 760, H = 360, P = 42;
const RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

/** The chart's SVG; forms without a spent % or a score are counted in `missing`, not drawn. */
export function spentScoreChart(points: readonly ChartPoint[], L: Pick<ReportLabels, "chart" | "chartX" | "chartY" | "chartZone">): { svg: string; missing: number } {
  const pts = points.filter((f) => f.spent !== null && f.score !== null);
  let maxX = 100, maxY = 100;
  for (const f of pts) { maxX = Math.max(maxX, Number(f.spent)); maxY = Math.max(maxY, Number(f.score)); }
  maxX = Math.ceil(maxX / 10) * 10; maxY = Math.ceil(maxY / 10) * 10;
  // Pixel positions only: the values themselves stay decimal strings.
  const x = (v: number | string) => P + (W - 2 * P) * Number(v) / maxX;
  const y = (v: number | string) => H - P - (H - 2 * P) * Number(v) / maxY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(L.chart)}">`,
    `<rect x="${P}" y="${y(maxY)}" width="${x(90) - P}" height="${y(90) - y(maxY)}" fill="#fdecea"/>`,
    `<text x="${P + 4}" y="${y(maxY) + 14}">${esc(L.chartZone)}</text>`,
  ];
  for (let t = 0; t <= maxX; t += 10) out.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${H - P}" y2="${H - P + 4}" stroke="#999"/><text x="${x(t) - 8}" y="${H - P + 16}">${t}</text>`);
  for (let u = 0; u <= maxY; u += 10) out.push(`<line x1="${P - 4}" x2="${W - P}" y1="${y(u)}" y2="${y(u)}" stroke="#eee"/><text x="6" y="${y(u) + 4}">${u}</text>`);
  out.push(
    `<line x1="${P}" x2="${W - P}" y1="${H - P}" y2="${H - P}" stroke="#666"/><line x1="${P}" x2="${P}" y1="${P / 2}" y2="${H - P}" stroke="#666"/>`,
    `<text x="${W / 2}" y="${H - 6}">${esc(L.chartX)}</text><text x="6" y="14">${esc(L.chartY)}</text>`,
  );
  const rank = (s: Severity | null) => (s ? RANK[s] : 0);
  for (const f of [...pts].sort((a, b) => rank(a.worst) - rank(b.worst))) {
    out.push(`<circle cx="${x(f.spent!).toFixed(1)}" cy="${y(f.score!).toFixed(1)}" r="5" class="dot-${f.worst ?? "none"}" data-form="${f.id}">`
      + `<title>${esc(`${f.project ?? ""} · ${f.spent}% · ${f.score}`)}</title></circle>`);
  }
  out.push("</svg>");
  return { svg: out.join(""), missing: points.length - pts.length };
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
