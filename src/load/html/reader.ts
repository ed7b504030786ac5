/**
 * Reads an HTML page, with htmlparser2's tokenizer and its rules for implied
 * end tags, into blocks: data tables (rowspan/colspan placed on the grid)
 * and the lines of text outside them, in document order.
 *
 * - A table holding other tables is a layout table: its own text becomes
 *   lines, and the tables inside it are read as tables in their own right.
 * - <br>, and the edges of <p>, <div>, <li> … are line breaks; other
 *   whitespace is collapsed as a browser collapses it; entities are decoded.
 * - Page chrome — <nav>, <header>, <footer>, <aside>, elements whose class,
 *   id or role names a menu, breadcrumb, header, footer or sidebar, and
 *   hidden elements — is not read, but its text is kept as named chrome.
 * - <script>, <style>, <template> and <noscript> hold no page text.
 */
import { Parser } from "htmlparser2";
import { placeCells, tidyLines, type Block, type SpannedCell } from "../blocks.js";

/** Text of the page that was not read as form content, with what it was. */
export interface Chrome {
  /** The element, as `<nav class="menu">`. */
  element: string;
  text: string;
}

/** What a page was read into. */
export interface HtmlContent {
  blocks: Block[];
  chrome: Chrome[];
}

const NO_TEXT = new Set(["script", "style", "template", "noscript", "svg", "math", "object", "iframe"]);
const CHROME_TAGS = new Set(["nav", "header", "footer", "aside"]);
/**
 * Parts of a class or id (split at "-" and "_") that name page chrome, and
 * parts that name content: `site-footer` is chrome, `article-header` (which
 * may hold the form's title) is not. dqwz is 当前位置, a breadcrumb.
 */
const CHROME_PARTS = new Set(["nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "header", "footer",
  "sidebar", "sidenav", "topbar", "toolbar", "banner", "copyright", "dqwz"]);
/** On a table cell, only parts that cannot name a form's own cells (a cell of class "header" may be the form's header row). */
const CELL_CHROME_PARTS = new Set(["nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "sidebar", "sidenav", "toolbar", "banner", "copyright"]);
const CONTENT_PARTS = new Set(["article", "content", "title", "main", "detail", "details", "text", "body", "form", "table", "doc", "news"]);

/** True when a class list or id has a token naming chrome and none naming content. */
function namesChrome(value: string | undefined, chromeParts: Set<string>): boolean {
  if (!value) return false;
  return value.toLowerCase().split(/\s+/).some((token) => {
    const parts = token.split(/[-_]+/);
    return parts.some((p) => chromeParts.has(p)) && !parts.some((p) => CONTENT_PARTS.has(p));
  });
}
const CHROME_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search"]);
const BLOCK = new Set([
  "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
  "blockquote", "pre", "form", "hr", "address", "figure", "figcaption", "center", "fieldset", "legend", "body", "html",
]);
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"]);

interface CellState {
  spans: { rowSpan: number; colSpan: number };
  /** Text so far, with "\n" for breaks. */
  text: string;
  /** Blocks of tables nested in the cell, and text between them, in order. */
  parts: (string | Block[])[];
}

interface TableState {
  index: number;
  rows: CellState[][];
  row: CellState[] | null;
  cell: CellState | null;
  caption: string | null;
  inCaption: boolean;
  nested: boolean;
}

function span(v: string | undefined, max: number, zeroOk: boolean): number {
  const n = v === undefined ? 1 : Number.parseInt(v, 10);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroOk)) return 1;
  return Math.min(n, max);
}

function isHidden(attribs: Record<string, string>): boolean {
  if ("hidden" in attribs) return true;
  const style = (attribs.style ?? "").toLowerCase().replace(/\s+/g, "");
  return style.includes("display:none") || style.includes("visibility:hidden");
}

function chromeName(name: string, attribs: Record<string, string>): string | null {
  const describe = () => `<${name}${attribs.id ? ` id="${attribs.id}"` : ""}${attribs.class ? ` class="${attribs.class}"` : ""}>`;
  if (name === "title") return "<title>";
  if (isHidden(attribs)) return `hidden ${describe()}`;
  if (TABLE_PARTS.has(name)) {
    // A layout table's menu column is chrome; a table's own classes (class="header") name its rows, not the page.
    const cell = name === "td" || name === "th";
    return cell && (namesChrome(attribs.class, CELL_CHROME_PARTS) || namesChrome(attribs.id, CELL_CHROME_PARTS)) ? describe() : null;
  }
  if (CHROME_TAGS.has(name)) return describe();
  if (attribs.role && CHROME_ROLES.has(attribs.role.toLowerCase())) return describe();
  if (namesChrome(attribs.class, CHROME_PARTS) || namesChrome(attribs.id, CHROME_PARTS)) return describe();
  return null;
}

/** Collapses HTML whitespace (not the "\n" the reader itself writes for breaks) to single spaces. */
function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f\u00a0]+/g, " ");
}

/** Reads a decoded page. Pure: no I/O. */
export function readHtml(html: string): HtmlContent {
  const blocks: Block[] = [];
  const chrome: Chrome[] = [];
  const tables: TableState[] = [];
  let tableCount = 0;
  let loose = "";
  // Open elements, each with what it switched on, to switch it off at its end tag.
  const stack: { name: string; noText: boolean; chrome: string | null }[] = [];
  let noText = 0;
  let chromeDepth = 0;
  let chromeText = "";
  let chromeElement = "";

  const top = () => tables[tables.length - 1];
  const flushLoose = () => {
    const t = tidyLines(loose);
    for (const line of t === "" ? [] : t.split("\n")) blocks.push({ kind: "line", text: line });
    loose = "";
  };
  const write = (s: string) => {
    if (noText > 0) return;
    if (chromeDepth > 0) {
      chromeText += s;
      return;
    }
    const t = top();
    if (t?.inCaption) t.caption = (t.caption ?? "") + s;
    else if (t?.cell) t.cell.text += s;
    else if (!t) loose += s;
    // text loose inside a table but outside its cells is what a browser
    // moves before the table ("foster parenting"): read it as a line before it
    else if (s.trim() !== "") blocks.push({ kind: "line", text: tidyLines(collapse(s)) });
  };
  const lineBreak = () => write("\n");

  const closeCell = (t: TableState) => {
    if (t.cell) {
      t.cell.parts.push(t.cell.text);
      t.cell.text = "";
      t.cell = null;
    }
  };
  const closeRow = (t: TableState) => {
    closeCell(t);
    if (t.row) t.rows.push(t.row);
    t.row = null;
  };

  const finishTable = (t: TableState): Block[] => {
    closeRow(t);
    const out: Block[] = [];
    const caption = tidyLines(t.caption ?? "");
    if (caption) for (const line of caption.split("\n")) out.push({ kind: "line", text: line });
    if (!t.nested) {
      const written: SpannedCell[][] = t.rows.map((r) =>
        r.map((c) => ({ text: tidyLines(c.parts.join("")), rowSpan: c.spans.rowSpan, colSpan: c.spans.colSpan })),
      );
      out.push({ kind: "table", table: t.index, cells: placeCells(written) });
      return out;
    }
    // A layout table: its own text is lines, its inner tables are tables.
    const placed = placeCells(t.rows.map((r) => r.map((c) => ({ text: "", rowSpan: c.spans.rowSpan, colSpan: c.spans.colSpan }))));
    let k = 0;
    t.rows.forEach((r) =>
      r.forEach((c) => {
        const at = placed[k++]!;
        for (const part of c.parts) {
          if (typeof part !== "string") {
            out.push(...part);
            continue;
          }
          const text = tidyLines(part);
          if (text) for (const line of text.split("\n")) out.push({ kind: "line", text: line, origin: { table: t.index, row: at.row, column: at.col } });
        }
      }),
    );
    return out;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const wasNoText = NO_TEXT.has(name);
        const isChrome = noText === 0 ? chromeName(name, attribs) : null;
        stack.push({ name, noText: wasNoText, chrome: isChrome });
        if (wasNoText) noText++;
        if (isChrome) {
          if (chromeDepth === 0) {
            chromeText = "";
            chromeElement = isChrome;
          }
          chromeDepth++;
        }
        if (noText > 0 || chromeDepth > 0) {
          if (name === "br" || BLOCK.has(name) || name === "td" || name === "th") write("\n");
          return;
        }
        const t = top();
        switch (name) {
          case "table": {
            if (!t) flushLoose();
            else {
              t.nested = true;
              if (t.cell) {
                t.cell.parts.push(t.cell.text);
                t.cell.text = "";
              }
            }
            tables.push({ index: tableCount++, rows: [], row: null, cell: null, caption: null, inCaption: false, nested: false });
            return;
          }
          case "caption":
            if (t) t.inCaption = true;
            return;
          case "tr":
            if (t) {
              closeRow(t);
              t.row = [];
            }
            return;
          case "td":
          case "th":
            if (t) {
              closeCell(t);
              if (!t.row) t.row = [];
              t.cell = { spans: { rowSpan: span(attribs.rowspan, 65534, true), colSpan: span(attribs.colspan, 1000, false) }, text: "", parts: [] };
              t.row.push(t.cell);
            }
            return;
          case "br":
            lineBreak();
            return;
          default:
            if (BLOCK.has(name)) lineBreak();
        }
      },
      ontext(data) {
        write(collapse(data));
      },
      onclosetag(name) {
        // htmlparser2 closes every element it opened, implied ends included, in order.
        let open = stack.pop();
        while (open && open.name !== name) open = stack.pop();
        if (!open) return;
        const wasInChrome = chromeDepth > 0;
        if (open.chrome) {
          chromeDepth--;
          if (chromeDepth === 0) {
            const text = tidyLines(chromeText).replace(/\n/g, " ");
            if (text) chrome.push({ element: chromeElement, text });
          }
        }
        if (open.noText) {
          noText--;
          return;
        }
        if (wasInChrome || noText > 0) {
          if (BLOCK.has(name)) write("\n");
          return;
        }
        const t = top();
        switch (name) {
          case "table": {
            if (!t) return;
            tables.pop();
            const out = finishTable(t);
            const parent = top();
            if (!parent) blocks.push(...out);
            else if (parent.cell) parent.cell.parts.push(out);
            else blocks.push(...out);
            return;
          }
          case "caption":
            if (t) t.inCaption = false;
            return;
          case "tr":
            if (t) closeRow(t);
            return;
          case "td":
          case "th":
            if (t) closeCell(t);
            return;
          default:
            if (BLOCK.has(name)) lineBreak();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  // Tables never closed (a page cut off) are read as far as they go.
  while (tables.length > 0) {
    const t = tables.pop()!;
    const out = finishTable(t);
    const parent = top();
    if (parent?.cell) parent.cell.parts.push(out);
    else blocks.push(...out);
  }
  flushLoose();
  return { blocks, chrome };
}
