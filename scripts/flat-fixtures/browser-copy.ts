/**
 * What a browser's select-all-copy of a random form's HTML page gives: the
 * case's HTML (scripts/corpus/html.ts) opened in real Chromium
 * (playwright-core driving /usr/bin/chromium, as scripts/corpus/render.ts
 * prints), everything selected, and `getSelection().toString()`, the text
 * Chromium puts on the clipboard (tabs between a row's cells). Used by
 * soak.ts (--kind browser, browser-spaces).
 */
import { chromium } from "playwright-core";
import { caseHtml } from "../corpus/html.js";
import type { CorpusCase } from "../corpus/case.js";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Each case's browser copy, in the order given. */
export async function browserCopies(cases: readonly CorpusCase[]): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  try {
    const page = await browser.newPage();
    const out: string[] = [];
    for (const c of cases) {
      await page.setContent(caseHtml(c.forms, c.rendering), { waitUntil: "load" });
      out.push(await page.evaluate(() => {
        const sel = window.getSelection()!;
        sel.selectAllChildren(document.body);
        return sel.toString();
      }));
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** The copy pasted where tabs do not survive: each tab a space. */
export function withoutTabs(text: string): string {
  return text.replace(/\t/g, " ");
}
