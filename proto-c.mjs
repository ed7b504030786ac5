import { init } from "@embedpdf/pdfium";
import { readFileSync } from "node:fs";
const wasm = readFileSync("node_modules/@embedpdf/pdfium/dist/pdfium.wasm");
const m = await init({ wasmBinary: wasm });
m.PDFiumExt_Init();
const [file, pg, needle] = process.argv.slice(2);
const bytes = readFileSync(file);
const ptr = m.pdfium.wasmExports.malloc(bytes.length);
m.pdfium.HEAPU8.set(bytes, ptr);
const doc = m.FPDF_LoadMemDocument(ptr, bytes.length, "");
const page = m.FPDF_LoadPage(doc, +pg-1);
const tp = m.FPDFText_LoadPage(page);
const n = m.FPDFText_CountChars(tp);
const buf = m.pdfium.wasmExports.malloc(64);
let s=""; for (let i=0;i<n;i++) s+=String.fromCharCode(m.FPDFText_GetUnicode(tp,i));
let at = s.indexOf(needle);
for (let i=Math.max(0,at-3);i<at+needle.length+14;i++){
  m.FPDFText_GetCharOrigin(tp,i,buf,buf+8); const [ox,oy]=new Float64Array(m.pdfium.HEAPU8.buffer,buf,2);
  m.FPDFText_GetLooseCharBox(tp,i,buf+16); const f=new Float32Array(m.pdfium.HEAPU8.buffer,buf+16,4);
  const o=m.FPDFText_GetTextObject(tp,i);
  console.log(JSON.stringify(s[i]), m.FPDFText_IsGenerated(tp,i), ox.toFixed(2), oy.toFixed(2), "loose", Array.from(f).map(v=>v.toFixed(2)).join(","), "fs", m.FPDFText_GetFontSize(tp,i).toFixed(2), "obj", o);
}
