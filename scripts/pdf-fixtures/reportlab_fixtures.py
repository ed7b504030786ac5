#!/usr/bin/python3
"""The reportlab half of the PDF fixtures (called by generate.ts).

    /usr/bin/python3 reportlab_fixtures.py FORM.json PAGE.png OUTDIR

Writes OUTDIR/nonembedded-font.pdf and OUTDIR/image-only.pdf.

nonembedded-font.pdf draws the form with reportlab's CID font STSong-Light,
which reportlab never embeds: the PDF names the font and its CMap
(UniGB-UCS2-H) and leaves the glyphs to the reader. A loader that has the
Adobe-GB1 CMaps maps the codes back to Unicode and reads a valid form; one
without them gets no text. That is the behaviour the fixture pins down.

image-only.pdf is one A4 page holding nothing but a raster image of a form
(a scan, as far as a loader can tell): no fonts, no text operators.

Run with /usr/bin/python3: Debian's python3-reportlab is not on pyenv's path.
"""
import io
import json
import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = "STSong-Light"


def dash(v):
    return "-" if v is None else v


def level1_label(ind):
    sub = ind.get("level1Subtotal")
    return ind["level1"] if sub is None else f"{ind['level1']}({sub}分)"


def form_story(form):
    """The form as a platypus story: title, year line, and one ruled table with
    the level cells merged (SPAN) over their rows, like the chromium styles."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")
    centre = ParagraphStyle("centre", parent=cell, alignment=1)
    title = ParagraphStyle("title", fontName=FONT, fontSize=16, leading=22, alignment=1)
    year = ParagraphStyle("year", fontName=FONT, fontSize=10, leading=14, alignment=1)

    def p(text, style=cell):
        # Paragraph takes mini-markup; the form's text is plain, so escape it.
        text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(text, style)

    rows, spans = [], []

    def add(cells, *row_spans):
        r = len(rows)
        rows.append(cells + [""] * (8 - len(cells)))
        for c0, c1, nrows in row_spans:
            spans.append(("SPAN", (c0, r), (c1, r + nrows - 1)))

    # Eight columns: level 1, level 2, name, target, actual, weight, score, deviation.
    add([p("项目名称", centre), "", p(form["projectName"])], (0, 1, 1), (2, 7, 1))
    add([p("主管部门", centre), "", p(form["department"]), "", p("实施单位", centre), "", p(form["implementingUnit"])],
        (0, 1, 1), (2, 3, 1), (4, 5, 1), (6, 7, 1))
    # The funding block: its label merged down column 0, row labels in column 1,
    # the six figures in columns 2-7.
    n = len(form["funding"])
    add([p(f"项目资金({form['fundingUnit']})", centre), p("")] +
        [p(h, centre) for h in ["年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"]],
        (0, 0, n + 1))
    for r in form["funding"]:
        label = r["label"] + ":" if r["kind"] == "total" else ("其中: " + r["label"] if r["kind"] == "fiscal" else r["label"])
        add(["", p(label)] + [p(dash(r[k])) for k in
                              ["initialBudget", "adjustedBudget", "executed", "weight", "rate", "score"]])
    add([p("年度总体目标", centre), p("预期目标", centre), "", "", p("实际完成情况", centre)], (0, 0, 2), (1, 3, 1), (4, 7, 1))
    add(["", p(form["goals"]["expected"]), "", "", p(form["goals"]["actual"])], (1, 3, 1), (4, 7, 1))
    add([p(h, centre) for h in ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]])
    inds = form["indicators"]
    i = 0
    while i < len(inds):
        j = i
        while j < len(inds) and level1_label(inds[j]) == level1_label(inds[i]):
            j += 1
        k = i
        while k < j:
            m = k
            while m < j and inds[m]["level2"] == inds[k]["level2"]:
                m += 1
            for x in range(k, m):
                ind = inds[x]
                add([p(level1_label(ind), centre) if x == i else "",
                     p(ind["level2"], centre) if x == k else "",
                     p(ind["name"]), p(ind["target"]["raw"]), p(ind["actual"]["raw"]),
                     p(dash(ind["weight"])), p(dash(ind["score"])), p(ind["deviation"] or "")],
                    *([(0, 0, j - i)] if x == i else []), *([(1, 1, m - k)] if x == k else []))
            k = m
        i = j
    if form["total"]["weight"] is not None or form["total"]["score"] is not None:
        add([p("总分", centre), "", "", "", "", p(dash(form["total"]["weight"])), p(dash(form["total"]["score"]))], (0, 4, 1))
    if form.get("grade") is not None:
        add([p("评分等级", centre), "", p(form["grade"])], (0, 1, 1), (2, 7, 1))

    widths = [x * mm for x in (14, 18, 36, 24, 24, 16, 16, 32)]
    table = Table(rows, colWidths=widths, repeatRows=0)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ] + spans))
    return [p(form["title"], title), p(f"({form['year']} 年度)" if form.get("year") else "", year), Spacer(1, 3 * mm), table]


def nonembedded(form, out):
    # invariant=1 keeps reportlab's dates and document id fixed, so re-runs match byte for byte.
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=form["projectName"], invariant=1)
    doc.build(form_story(form))


def image_only(png, out):
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    w, h = A4
    # Read the bytes ourselves: given a path, reportlab names the image after
    # the (temporary, random) file name and the PDF would differ on every run.
    with open(png, "rb") as fh:
        image = ImageReader(io.BytesIO(fh.read()))
    c.drawImage(image, 0, 0, width=w, height=h)
    c.showPage()
    c.save()


def main():
    form_path, png, out_dir = sys.argv[1:4]
    with open(form_path, encoding="utf-8") as fh:
        form = json.load(fh)
    nonembedded(form, f"{out_dir}/nonembedded-font.pdf")
    image_only(png, f"{out_dir}/image-only.pdf")


if __name__ == "__main__":
    main()
