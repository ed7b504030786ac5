/**
 * A case's Calc sheet with its figures as numbers, the way a workbook that an
 * office typed or computed holds them: every number cell of the corpus sheet
 * (scripts/corpus/fods.ts writes them as text) becomes a float cell whose
 * number format prints exactly the case's text (its decimals, its thousands
 * separators), rates either as plain numbers (60.78) or as percentages
 * (0.6078 formatted 0.00%, printed 60.78%). Rates and the funding score store
 * more digits than they print, as a computed cell does (0.607843 printed
 * 60.78%): the printed text is the form's figure.
 *
 * The corpus sheet is rewritten, not redrawn, so the grid (spans, row order,
 * breaks) is exactly the one the other containers hold.
 */

/** How a rate cell is formatted: as a number, or as a percentage of its fraction. */
export type RateStyle = "plain" | "percent";

const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const NUM_CELL = /<table:table-cell table:style-name="num"/g;

/** The fraction a percentage cell stores: the decimal text divided by 100, as text (no float). */
function hundredth(int: string, frac: string): string {
  const all = int.padStart(3, "0") + frac;
  const cut = all.length - frac.length - 2;
  const whole = all.slice(0, cut).replace(/^0+(?=\d)/, "") || "0";
  return `${whole}.${all.slice(cut)}`;
}

/** The case's fods with its figures as number cells. */
export function numericFods(fods: string, rates: RateStyle): string {
  const styles = new Map<string, string>();
  const numStyle = fods.match(/<style:style style:name="num"[^]*?<\/style:style>/)?.[0];
  if (!numStyle) throw new Error("numericFods: the sheet has no num cell style");
  const body = fods.replace(/<table:table-row[^>]*>[^]*?<\/table:table-row>/g, (row) => {
    // A funding row holds six number cells: the fifth is its rate, the sixth its score.
    const funding = (row.match(NUM_CELL) ?? []).length === 6;
    let k = -1;
    return row.replace(NUM_CELL, (m) => `${m} data-k="${++k}"`).replace(
      /<table:table-cell table:style-name="num" data-k="(\d)"((?: table:number-[a-z-]+="\d+")*)( office:value-type="string"><text:p>([^<]*)<\/text:p><\/table:table-cell>|>)/g,
      (_whole, kText: string, spans: string, rest: string, text: string | undefined) => {
        const plain = `<table:table-cell table:style-name="num"${spans}${rest}`;
        const m = text === undefined ? null : NUMBER.exec(text);
        if (!m) return plain;
        const kk = Number(kText);
        const isRate = funding && kk === 4;
        const computed = funding && (kk === 4 || kk === 5);
        const int = m[1]!.replace(/,/g, "");
        const frac = m[2] ?? "";
        const grouped = m[1]!.includes(",");
        const percent = isRate && rates === "percent";
        const name = `${percent ? "P" : "N"}${frac.length}${grouped ? "g" : ""}`;
        styles.set(name, dataStyle(name, frac.length, grouped, percent));
        let value = percent ? hundredth(int, frac) : frac ? `${int}.${frac}` : int;
        // More digits than print, below the last printed one and never rounding it up.
        if (computed) value += value.includes(".") ? "43" : ".43";
        const type = percent ? "percentage" : "float";
        return `<table:table-cell table:style-name="c${name}"${spans} office:value-type="${type}" office:value="${value}"><text:p>${text}${percent ? "%" : ""}</text:p></table:table-cell>`;
      },
    );
  });
  const cellStyles = [...styles.keys()].map((n) => numStyle.replace('style:name="num"', `style:name="c${n}" style:data-style-name="${n}"`));
  // The corpus sheet declares no number: namespace, which the data styles need.
  const declared = body.includes("xmlns:number=") ? body : body.replace("<office:document ", `<office:document xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" `);
  return declared.replace("</office:automatic-styles>", `${[...styles.values(), ...cellStyles].join("\n")}\n</office:automatic-styles>`);
}

function dataStyle(name: string, decimals: number, grouped: boolean, percent: boolean): string {
  const num = `<number:number number:decimal-places="${decimals}" number:min-decimal-places="${decimals}" number:min-integer-digits="1"${grouped ? ' number:grouping="true"' : ""}/>`;
  return percent
    ? `<number:percentage-style style:name="${name}">${num}<number:text>%</number:text></number:percentage-style>`
    : `<number:number-style style:name="${name}">${num}</number:number-style>`;
}
