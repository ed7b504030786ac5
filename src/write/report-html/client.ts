/**
 * The report page's script, inlined as text: vanilla JS with no library and
 * no network. It reads the report's data from a JSON script element, draws
 * the overview (a virtualised table and an SVG chart), and builds one form's
 * view at a time, creating page images only when they scroll into view.
 *
 * Kept free of backticks and dollar-brace so that it can live in this
 * template string unescaped.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("jx-data").textContent);
  var L = JSON.parse(document.getElementById("jx-labels").textContent);
  var SEV = ["error", "warning", "notice"];
  var ROW = 28;

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined) continue;
      if (k === "text") e.textContent = attrs[k]; else if (k === "cls") e.className = attrs[k]; else e.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c !== null && c !== undefined) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function svg(tag, attrs, kids) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (var k in attrs || {}) { if (k === "text") e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]); }
    (kids || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }
  function fill(s, o) { return s.replace(/\{(\w+)\}/g, function (_, k) { return String(o[k]); }); }
  function show(v) { return v === null || v === undefined || v === "" ? "–" : String(v); }

  // Decimal strings compared exactly (sorting must not go through floats' rounding).
  function cmpDec(a, b) {
    if (a === b) return 0;
    if (a === null) return 1; if (b === null) return -1;
    var na = a.charAt(0) === "-", nb = b.charAt(0) === "-";
    if (na !== nb) return na ? -1 : 1;
    var pa = (na ? a.slice(1) : a).split("."), pb = (nb ? b.slice(1) : b).split(".");
    var ia = pa[0].replace(/^0+(?=\d)/, ""), ib = pb[0].replace(/^0+(?=\d)/, "");
    var r = ia.length !== ib.length ? ia.length - ib.length : ia < ib ? -1 : ia > ib ? 1 : 0;
    if (r === 0) {
      var fa = pa[1] || "", fb = pb[1] || "", n = Math.max(fa.length, fb.length);
      while (fa.length < n) fa += "0"; while (fb.length < n) fb += "0";
      r = fa < fb ? -1 : fa > fb ? 1 : 0;
    }
    return na ? -r : r;
  }

  // ── summary ──
  var tot = { error: 0, warning: 0, notice: 0 };
  D.forms.forEach(function (f) { SEV.forEach(function (s) { tot[s] += f.counts[s]; }); });
  document.getElementById("jx-summary").textContent = fill(L.summary, { files: D.files.length, forms: D.forms.length, findings: tot.error + tot.warning + tot.notice, error: tot.error, warning: tot.warning, notice: tot.notice });
  var bad = D.files.filter(function (f) { return f.error; });
  var badBox = document.getElementById("jx-unreadable");
  bad.forEach(function (f) { badBox.appendChild(el("div", { cls: "bad", text: L.unreadable + ": " + f.path + " — " + f.error })); });

  // ── overview table, virtualised: only the rows in view exist ──
  var KEYS = ["file", "n", "project", "department", "budget", "spent", "score", "grade", "error", "warning", "notice"];
  var NUMERIC = { n: 1, budget: 1, spent: 1, score: 1, error: 1, warning: 1, notice: 1 };
  function value(f, k) { return k === "error" || k === "warning" || k === "notice" ? f.counts[k] : f[k]; }
  var head = document.getElementById("jx-head"), body = document.getElementById("jx-body"), spacer = el("div");
  body.appendChild(spacer);
  var sortKey = null, sortDir = 1, rows = D.forms.slice();
  KEYS.forEach(function (k, i) {
    var h = el("span", { "data-key": k, cls: NUMERIC[k] ? "num" : "", text: L.columns[i] });
    h.addEventListener("click", function () {
      sortDir = sortKey === k ? -sortDir : 1; sortKey = k;
      Array.prototype.forEach.call(head.children, function (c) { c.removeAttribute("data-dir"); });
      h.setAttribute("data-dir", String(sortDir));
      apply();
    });
    head.appendChild(h);
  });
  var filterBox = document.getElementById("jx-filter"), sevBox = document.getElementById("jx-sev");
  filterBox.addEventListener("input", apply); sevBox.addEventListener("change", apply);
  function apply() {
    var q = filterBox.value.trim().toLowerCase(), s = sevBox.value;
    rows = D.forms.filter(function (f) {
      if (s && !f.counts[s]) return false;
      if (!q) return true;
      var hay = [f.file, f.project, f.department].concat(f.findings.map(function (x) { return x.rule; })).join(" ").toLowerCase();
      return hay.indexOf(q) >= 0;
    });
    if (sortKey) {
      var k = sortKey;
      rows.sort(function (a, b) {
        var va = value(a, k), vb = value(b, k);
        var r = typeof va === "number" || typeof vb === "number" ? (va === null ? 1 : vb === null ? -1 : va - vb)
          : NUMERIC[k] ? cmpDec(va, vb) : String(show(va)).localeCompare(String(show(vb)), D.lang === "zh" ? "zh-CN" : "en");
        return r * sortDir || a.id - b.id;
      });
    }
    body.setAttribute("data-rows", String(rows.length));
    spacer.style.height = rows.length * ROW + "px";
    draw(true);
  }
  var drawn = {};
  function draw(reset) {
    if (reset) { Array.prototype.slice.call(body.querySelectorAll(".vt-row")).forEach(function (r) { r.remove(); }); drawn = {}; }
    var from = Math.max(0, Math.floor(body.scrollTop / ROW) - 5), to = Math.min(rows.length, Math.ceil((body.scrollTop + body.clientHeight) / ROW) + 5);
    Object.keys(drawn).forEach(function (i) { if (i < from || i >= to) { drawn[i].remove(); delete drawn[i]; } });
    for (var i = from; i < to; i++) {
      if (drawn[i]) continue;
      var f = rows[i];
      var r = el("div", { cls: "vt-row", "data-form": String(f.id), style: "top:" + i * ROW + "px" }, KEYS.map(function (k) {
        var v = value(f, k);
        return el("span", { cls: (NUMERIC[k] ? "num " : "") + (k in tot && v ? "sev-" + k : ""), title: show(v), text: k in tot && !v ? "" : show(v) });
      }));
      r.addEventListener("click", (function (id) { return function () { location.hash = "#form-" + id; }; })(f.id));
      body.appendChild(r); drawn[i] = r;
    }
  }
  body.addEventListener("scroll", function () { draw(false); });

  // ── the chart: spent % against total score, one dot per form ──
  (function chart() {
    var W = 760, H = 360, P = 42, box = document.getElementById("jx-chart");
    var pts = D.forms.filter(function (f) { return f.spent !== null && f.score !== null; });
    var maxX = 100, maxY = 100;
    pts.forEach(function (f) { maxX = Math.max(maxX, Number(f.spent)); maxY = Math.max(maxY, Number(f.score)); });
    maxX = Math.ceil(maxX / 10) * 10; maxY = Math.ceil(maxY / 10) * 10;
    // Pixel positions only: the values themselves stay decimal strings.
    function x(v) { return P + (W - 2 * P) * Number(v) / maxX; }
    function y(v) { return H - P - (H - 2 * P) * Number(v) / maxY; }
    var s = svg("svg", { "class": "chart", width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": L.chart });
    s.appendChild(svg("rect", { x: P, y: y(maxY), width: x(90) - P, height: y(90) - y(maxY), fill: "#fdecea" }));
    s.appendChild(svg("text", { x: P + 4, y: y(maxY) + 14, text: L.chartZone }));
    for (var t = 0; t <= maxX; t += 10) { s.appendChild(svg("line", { x1: x(t), x2: x(t), y1: H - P, y2: H - P + 4, stroke: "#999" })); s.appendChild(svg("text", { x: x(t) - 8, y: H - P + 16, text: String(t) })); }
    for (var u = 0; u <= maxY; u += 10) { s.appendChild(svg("line", { x1: P - 4, x2: W - P, y1: y(u), y2: y(u), stroke: "#eee" })); s.appendChild(svg("text", { x: 6, y: y(u) + 4, text: String(u) })); }
    s.appendChild(svg("line", { x1: P, x2: W - P, y1: H - P, y2: H - P, stroke: "#666" }));
    s.appendChild(svg("line", { x1: P, x2: P, y1: P / 2, y2: H - P, stroke: "#666" }));
    s.appendChild(svg("text", { x: W / 2, y: H - 6, text: L.chartX }));
    s.appendChild(svg("text", { x: 6, y: 14, text: L.chartY }));
    // Worst last, so that errors are drawn on top.
    pts.slice().sort(function (a, b) { return rank(b.worst) - rank(a.worst); }).forEach(function (f) {
      var c = svg("circle", { cx: x(f.spent).toFixed(1), cy: y(f.score).toFixed(1), r: 5, "class": "dot-" + (f.worst || "none"), "data-form": String(f.id) },
        [svg("title", { text: (f.project || "") + " · " + f.spent + "% · " + f.score })]);
      c.addEventListener("click", function () { location.hash = "#form-" + f.id; });
      s.appendChild(c);
    });
    box.appendChild(s);
    var missing = D.forms.length - pts.length;
    if (missing) box.appendChild(el("div", { text: fill(L.notPlotted, { n: missing }) }));
  })();
  function rank(s) { return s ? 3 - SEV.indexOf(s) : 0; }

  // ── one form ──
  var detail = document.getElementById("jx-detail");
  var seen = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) { load(e.target); seen.unobserve(e.target); } });
  }, { rootMargin: "300px" }) : null;
  function load(frame) {
    if (frame.querySelector("img")) return;
    var i = frame.getAttribute("data-image"), src = document.getElementById("jx-img-" + i);
    var img = el("img", { alt: "", decoding: "async", width: frame.getAttribute("data-width"), height: frame.getAttribute("data-height") });
    img.src = "data:" + src.getAttribute("data-mime") + ";base64," + src.textContent.trim();
    frame.insertBefore(img, frame.firstChild);
    // The picture is the form's whole table on the page: scroll its window to the outlined cell.
    var view = frame.parentNode, top = Number(frame.getAttribute("data-outline-top"));
    var centre = function () { view.scrollTop = Math.max(0, top * frame.clientWidth / Number(frame.getAttribute("data-width")) - view.clientHeight / 3); };
    if (img.complete) centre(); else img.addEventListener("load", centre);
  }
  function openForm(id, target) {
    var f = D.forms[id];
    detail.innerHTML = "";
    if (!f) return;
    detail.appendChild(el("p", {}, [el("a", { href: "#", text: "← " + L.back })]));
    detail.appendChild(el("h2", { id: "form-" + f.id, text: fill(L.form, { n: f.n }) + " · " + show(f.project) }));
    detail.appendChild(el("p", { text: L.file + ": " + f.file + " · " + L.rounding + ": " + show(f.rounding) + (f.complete ? "" : " · " + L.incomplete) }));
    if (!f.findings.length) detail.appendChild(el("p", { text: L.noFindings }));
    var byRow = {};
    SEV.forEach(function (s) {
      var xs = f.findings.map(function (x, j) { return [x, j]; }).filter(function (p) { return p[0].severity === s; });
      if (!xs.length) return;
      var sec = el("section", { "data-severity": s }, [el("h3", { cls: "sev-" + s, text: L.severity[s] + " (" + xs.length + ")" })]);
      xs.forEach(function (p) {
        var x = p[0], j = p[1];
        if (x.rowKey) (byRow[x.rowKey] = byRow[x.rowKey] || []).push([x, j]);
        sec.appendChild(findingCard(f, x, j));
      });
      detail.appendChild(sec);
    });
    detail.appendChild(formTable(f, byRow));
    if (seen) Array.prototype.forEach.call(detail.querySelectorAll(".frame[data-image]"), function (fr) { seen.observe(fr); });
    else Array.prototype.forEach.call(detail.querySelectorAll(".frame[data-image]"), load);
    // A finding about a whole block (path "indicators") links to the block's table.
    var t = target ? document.getElementById(target) || document.getElementById(target.replace(/^r-/, "t-")) : detail;
    if (t) { if (target) t.classList.add("target"); t.scrollIntoView(); }
  }
  function findingCard(f, x, j) {
    var parts = [];
    if (x.expected !== null) parts.push(L.expected + " " + x.expected);
    if (x.found !== null) parts.push(L.found + " " + x.found);
    if (x.difference !== null) parts.push(L.difference + " " + x.difference);
    var at = [x.path, x.row ? "(" + x.row + ")" : null, x.page ? fill(L.page, { n: x.page }) : null, x.line && f.kind.indexOf("text") === 0 ? fill(L.line, { n: x.line }) : null].filter(Boolean).join(" ");
    var card = el("div", { cls: "finding", id: "x-" + f.id + "-" + j, "data-rule": x.rule, "data-severity": x.severity, "data-path": x.path }, [
      el("div", {}, [el("span", { cls: "badge " + x.severity, text: L.severity[x.severity] }), el("span", { cls: "rule", text: x.rule })]),
      el("div", { cls: "message", text: x.message }),
      parts.length || at ? el("div", { cls: "detail", text: parts.concat(at ? [at] : []).join(" · ") }) : null,
      x.rowKey ? el("a", { href: "#form-" + f.id + ":r-" + f.id + "-" + x.rowKey, text: L.toRow + " →" }) : null,
    ]);
    if (x.picture) {
      var im = D.images[x.picture.image], o = x.picture.outline;
      var frame = el("div", { cls: "frame", "data-image": String(x.picture.image), "data-width": im.width, "data-height": im.height,
        "data-scale": String(im.scale), "data-crop": im.crop.join(","), "data-page": String(im.page), "data-outline-top": String(o[1]) });
      var ov = svg("svg", { viewBox: "0 0 " + im.width + " " + im.height, preserveAspectRatio: "none" },
        [svg("rect", { "class": x.severity, x: o[0], y: o[1], width: o[2], height: o[3], "data-bbox": (x.bbox || []).join(",") })]);
      frame.appendChild(ov);
      frame.style.aspectRatio = im.width + " / " + im.height;
      frame.style.width = im.width + "px";
      card.appendChild(el("figure", { cls: "pic" }, [el("div", { cls: "view" }, [frame]), el("figcaption", { cls: "sev-" + x.severity, text: x.message })]));
    } else if (x.excerpt) {
      var ex = x.excerpt, pre = el("pre", { cls: "excerpt" });
      ex.lines.forEach(function (line, k) {
        var n = ex.first + k, row = el("span", { cls: n === ex.mark ? "mark" : "" }, [el("span", { cls: "ln", text: String(n) })]);
        if (n === ex.mark && ex.cell !== null) {
          line.replace(/\f/g, "").split("\t").forEach(function (c, ci) { if (ci) row.appendChild(document.createTextNode("\t")); row.appendChild(el("span", { cls: ci === ex.cell ? "cell" : "", text: c })); });
        } else row.appendChild(document.createTextNode(line.replace(/\f/g, "")));
        pre.appendChild(row); pre.appendChild(document.createTextNode("\n"));
      });
      card.appendChild(pre);
    } else if (x.where) card.appendChild(el("div", { cls: "detail", text: x.where }));
    return card;
  }
  function formTable(f, byRow) {
    var wrap = el("section", { cls: "tables" });
    f.table.forEach(function (sec) {
      if (!sec.rows.length) return;
      wrap.appendChild(el("h3", { text: L.blocks[sec.block] }));
      var t = el("table", { cls: "form", "data-block": sec.block, id: "t-" + f.id + "-" + sec.block });
      var cols = sec.block === "funding" ? L.fundingCols : sec.block === "goals" ? L.goalsCols : sec.block === "indicators" ? L.indicatorCols : null;
      if (cols) t.appendChild(el("tr", {}, cols.map(function (c) { return el("th", { text: c }); }).concat([el("th", { text: "" })])));
      sec.rows.forEach(function (r) {
        var xs = byRow[r.key] || [], worst = SEV.filter(function (s) { return xs.some(function (p) { return p[0].severity === s; }); })[0];
        var cells = (cols ? [] : [el("th", { text: L.headerRows[r.key] || r.key })]).concat(r.cells.map(function (c) { return el("td", { text: show(c) }); }));
        cells.push(el("td", {}, xs.map(function (p) { return el("a", { href: "#form-" + f.id + ":x-" + f.id + "-" + p[1], cls: "sev-" + p[0].severity, text: p[0].rule + " " }); })));
        t.appendChild(el("tr", { id: "r-" + f.id + "-" + r.key, "data-key": r.key, cls: worst ? "has-" + worst : "" }, cells));
      });
      wrap.appendChild(t);
    });
    return wrap;
  }
  function route() {
    var m = /^#form-(\d+)(?::(.+))?$/.exec(decodeURIComponent(location.hash));
    if (m) openForm(Number(m[1]), m[2] || null); else { detail.innerHTML = ""; }
  }
  window.addEventListener("hashchange", route);
  apply();
  route();
  document.body.setAttribute("data-ready", "1");
})();
`;
