/** The report page's stylesheet, inlined: the file opens with no network. */
export const REPORT_CSS = `
:root { --error: #c62828; --warning: #ef8f00; --notice: #1565c0; --ok: #2e7d32; --line: #d0d4da; font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", system-ui, sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 16px; color: #1d2430; background: #fafbfc; }
h1 { font-size: 22px; margin: 4px 0; } h2 { font-size: 19px; } h3 { font-size: 16px; margin: 18px 0 6px; }
.summary { color: #444; margin-bottom: 12px; } .bad { color: var(--error); }
.controls { display: flex; gap: 8px; margin: 8px 0; } .controls input { flex: 1; padding: 4px 6px; }
.vt-head, .vt-row { display: grid; grid-template-columns: 2.2fr .5fr 3fr 2.2fr 1fr .9fr .8fr .6fr .6fr .7fr .6fr; gap: 4px; align-items: center; padding: 0 6px; }
.vt-head { font-weight: 600; background: #eef1f5; border: 1px solid var(--line); height: 30px; }
.vt-head span { cursor: pointer; user-select: none; } .vt-head span[data-dir="1"]::after { content: " ▲"; } .vt-head span[data-dir="-1"]::after { content: " ▼"; }
.vt-body { position: relative; height: 420px; overflow-y: auto; border: 1px solid var(--line); border-top: 0; background: #fff; }
.vt-row { position: absolute; left: 0; right: 0; height: 28px; border-bottom: 1px solid #eef0f3; cursor: pointer; }
.vt-row:hover { background: #f3f6fb; } .vt-row span { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.dot-error { fill: var(--error); } .dot-warning { fill: var(--warning); } .dot-notice { fill: var(--notice); } .dot-none { fill: var(--ok); }
svg.chart { background: #fff; border: 1px solid var(--line); } svg.chart circle { cursor: pointer; stroke: #fff; stroke-width: 1; }
svg.chart circle:hover { stroke: #000; } svg.chart text { font-size: 11px; fill: #555; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-notice { color: var(--notice); }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; margin-right: 6px; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.notice { background: var(--notice); }
.finding { border: 1px solid var(--line); background: #fff; border-radius: 4px; padding: 8px; margin: 8px 0; }
.finding.target, tr.target { outline: 3px solid #7e57c2; }
.finding .rule { font-family: monospace; color: #555; } .finding .detail { color: #555; font-size: 13px; margin: 4px 0; }
figure.pic { display: flex; gap: 12px; align-items: flex-start; margin: 6px 0 0; }
.view { flex: 0 1 auto; max-width: 70%; max-height: 360px; overflow: auto; }
.frame { position: relative; max-width: 100%; border: 1px solid var(--line); min-height: 40px; min-width: 80px; }
.frame img { display: block; max-width: 100%; height: auto; }
.frame svg { position: absolute; left: 0; top: 0; width: 100%; height: 100%; pointer-events: none; }
.frame rect { fill: none; stroke-width: 3; } .frame rect.error { stroke: var(--error); } .frame rect.warning { stroke: var(--warning); } .frame rect.notice { stroke: var(--notice); }
figcaption { flex: 1; font-size: 14px; }
pre.excerpt { background: #f6f8fa; border: 1px solid var(--line); padding: 6px; overflow-x: auto; font-size: 12px; margin: 6px 0 0; }
pre.excerpt .mark { background: #fff3c4; display: inline-block; min-width: 100%; } pre.excerpt .cell { outline: 2px solid var(--error); }
pre.excerpt .ln { color: #999; display: inline-block; width: 4em; }
table.form { border-collapse: collapse; width: 100%; background: #fff; margin-bottom: 8px; font-size: 13px; }
table.form td, table.form th { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; }
table.form th { background: #eef1f5; font-weight: 600; text-align: left; }
tr.has-error td:first-child { box-shadow: inset 4px 0 var(--error); } tr.has-warning td:first-child { box-shadow: inset 4px 0 var(--warning); } tr.has-notice td:first-child { box-shadow: inset 4px 0 var(--notice); }
a { color: #1a56b0; } .hidden { display: none; }
`;
