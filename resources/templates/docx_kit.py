"""Building blocks for the Word templates: page, letterhead, tables and tags (python-docx).

Used by make_templates.py beside it; see its docstring for how the templates are made.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Calibri"
INK = RGBColor(0x1F, 0x38, 0x64)  # headings: dark navy
MUTED = RGBColor(0x59, 0x59, 0x59)  # secondary text
HEAD_FILL = "DCE4EE"  # table header rows
LABEL_FILL = "F2F4F7"  # label column of fact tables
BORDER = "8C8C8C"
CONTENT_CM = 17.0  # A4 21.0 cm minus 2 × 2.0 cm margins
LANDSCAPE_CM = 25.7  # A4 across, 29.7 cm minus 2 × 2.0 cm margins
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

TCPR_SEQ = (
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
)
TBLPR_SEQ = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)
PPR_SEQ = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:spacing",
    "w:ind",
    "w:jc",
    "w:outlineLvl",
    "w:rPr",
)

# --- low-level XML helpers ---------------------------------------------------------------


def _child(parent: Any, tag: str, seq: Sequence[str], **attrs: str) -> Any:
    """Replace-or-insert `tag` under `parent` at its schema position (Word is strict)."""
    old = parent.find(qn(tag))
    if old is not None:
        parent.remove(old)
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    parent.insert_element_before(el, *seq[seq.index(tag) + 1 :])
    return el


def _borders(parent: Any, tag: str, seq: Sequence[str], sides: dict[str, str]) -> None:
    box = _child(parent, tag, seq)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side in sides:
            line = OxmlElement(f"w:{side}")
            size = sides[side]
            line.set(qn("w:val"), "nil" if size == "0" else "single")
            if size != "0":
                line.set(qn("w:sz"), size)
                line.set(qn("w:space"), "0")
                line.set(qn("w:color"), BORDER)
            box.append(line)


def _fonts(rpr: Any) -> None:
    """Name the font for every script and drop theme fonts (which would win over names)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{key}"), FONT)


# --- document, styles, header and footer -----------------------------------------------


def _styles(doc: Any) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "sv-SE")
    lang.set(qn("w:eastAsia"), "sv-SE")
    for name in ("Header", "Footer"):  # their Letter-sized tab stops would catch our tabs
        ppr = styles[name].element.get_or_add_pPr()
        for tabs in ppr.findall(qn("w:tabs")):
            ppr.remove(tabs)
    normal = styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    normal.paragraph_format.widow_control = True
    for name, size, before, after in (
        ("Title", 20, 0, 2),
        ("Subtitle", 11, 0, 10),
        ("Heading 1", 13, 14, 4),
        ("Heading 2", 11, 10, 3),
        ("Heading 3", 10, 8, 2),
    ):
        style = styles[name]
        _fonts(style.element.get_or_add_rPr())
        style.font.size = Pt(size)
        style.font.bold = name != "Subtitle"
        style.font.italic = False
        style.font.color.rgb = MUTED if name == "Subtitle" else INK
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.keep_with_next = True
        ppr = style.element.get_or_add_pPr()
        for tag in ("w:pBdr", "w:contextualSpacing"):
            for el in ppr.findall(qn(tag)):
                ppr.remove(el)
        for tag in ("w:spacing",):  # character spacing of Title
            for el in style.element.get_or_add_rPr().findall(qn(tag)):
                style.element.get_or_add_rPr().remove(el)


def _page(doc: Any, *, landscape: bool = False) -> Any:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.header_distance = Cm(3.4), Cm(1.0)
    section.bottom_margin, section.footer_distance = Cm(2.2), Cm(1.0)
    return section


def _run(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    muted: bool = False,
) -> Any:
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size:
        run.font.size = Pt(size)
    if muted:
        run.font.color.rgb = MUTED
    return run


def _field(paragraph: Any, instruction: str, **fmt: Any) -> None:
    """A PAGE/NUMPAGES field: begin, instruction, separate, a placeholder result, end."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = _run(paragraph, "1" if kind == "result" else "", **fmt)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
            run._r.append(el)
        elif kind != "result":
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def _letterhead(section: Any, title: str, width_cm: float, *, anonymous: bool = False) -> None:
    """Förvaltning, worker and contact on the left; document title and date on the right.

    `anonymous` (the Uppföljningsrapport): the förvaltning and the method only, no person.
    """
    header = section.header
    table = header.add_table(rows=1, cols=2, width=Cm(width_cm))
    _table_frame(table, [width_cm - 6.0, 6.0], sides={"bottom": "6"})
    left, right = table.rows[0].cells
    if anonymous:
        _run(left.paragraphs[0], "{{ forvaltning }}", bold=True, size=10)
        _run(left.add_paragraph(), "Sociala insatsgrupper (SIG)", size=9)
        _run(right.paragraphs[0], title.upper(), bold=True, size=10)
        _run(right.add_paragraph(), "Datum: {{ made_on }}", size=9)
        _end_header(header, left, right)
        return
    _run(left.paragraphs[0], "{{ letterhead.forvaltning }}", bold=True, size=10)
    _run(left.add_paragraph(), "{{ letterhead.worker_name }}, {{ letterhead.worker_role }}", size=9)
    _run(
        left.add_paragraph(),
        "{% if letterhead.worker_phone %}Tel. {{ letterhead.worker_phone }}{% endif %}"
        "{% if letterhead.worker_phone and letterhead.worker_email %} · {% endif %}"
        "{{ letterhead.worker_email }}",
        size=9,
        muted=True,
    )
    _run(right.paragraphs[0], title.upper(), bold=True, size=10)
    _run(right.add_paragraph(), "Datum: {{ letterhead.document_date }}", size=9)
    _end_header(header, left, right)


def _end_header(header: Any, left: Any, right: Any) -> None:
    for paragraph in (*left.paragraphs, *right.paragraphs):
        paragraph.paragraph_format.space_after = Pt(0)
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    spacer = header.paragraphs[0]  # python-docx's empty paragraph, now after the table
    spacer.paragraph_format.space_after = Pt(0)
    spacer.paragraph_format.line_spacing = Pt(6)
    header._element.remove(spacer._p)
    header._element.append(spacer._p)


def _footer(section: Any, left_text: str, width_cm: float) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(width_cm), WD_TAB_ALIGNMENT.RIGHT)
    _borders(paragraph._p.get_or_add_pPr(), "w:pBdr", PPR_SEQ, {"top": "4"})
    fmt = {"size": 8, "muted": True}
    _run(paragraph, f"{left_text}\tSida ", **fmt)
    _field(paragraph, "PAGE", **fmt)
    _run(paragraph, " av ", **fmt)
    _field(paragraph, "NUMPAGES", **fmt)


def _hyphenate(doc: Any) -> None:
    """Automatic hyphenation (Swedish, the documents' language): a word too long for its
    table column is divided at a syllable with a hyphen, not cut at the cell's edge."""
    settings = doc.settings.element
    if settings.find(qn("w:autoHyphenation")) is None:
        el = OxmlElement("w:autoHyphenation")
        # CT_Settings keeps a schema order; after w:defaultTabStop is where Word puts it
        anchor = settings.find(qn("w:defaultTabStop"))
        if anchor is not None:
            anchor.addnext(el)
        else:
            settings.insert(0, el)


def new_document(
    *,
    title: str,
    footer: str,
    landscape: bool = False,
    hyphenate: bool = False,
    anonymous: bool = False,
) -> Any:
    """An A4 document with letterhead and footer; `landscape` for wide tables (the plan),
    `hyphenate` for narrow table columns."""
    doc = Document()
    if hyphenate:
        _hyphenate(doc)
    _styles(doc)
    section = _page(doc, landscape=landscape)
    width = LANDSCAPE_CM if landscape else CONTENT_CM
    _letterhead(section, title, width, anonymous=anonymous)
    _footer(section, footer, width)
    props = doc.core_properties
    props.title, props.subject, props.language = title, "Sociala insatsgrupper (SIG)", "sv-SE"
    props.author = props.last_modified_by = "sigdesk"
    props.comments = props.keywords = props.category = ""
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    body = doc.element.body
    for p in body.findall(qn("w:p")):  # the default template has no paragraphs, but be sure
        body.remove(p)
    _slim(doc)
    return doc


UNUSED_PARTS = ("/thumbnail", "/stylesWithEffects", "/customXml")


def _slim(doc: Any) -> None:
    """Drop what python-docx's default package carries and a letter does not need: its
    thumbnail (Explorer would preview it), the Word 2010 style copy, a bibliography part
    and ~140 table styles. Smaller parts also parse faster at every render."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype.endswith(UNUSED_PARTS):
                rels.pop(r_id)
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in (
            "TableNormal",
            "TableGrid",
        ):
            styles.remove(style)


# --- tables ------------------------------------------------------------------------------

ALL_SIDES = {k: "4" for k in ("top", "left", "bottom", "right", "insideH", "insideV")}


def _table_frame(
    table: Any, widths_cm: Sequence[float], *, sides: dict[str, str] | None = None
) -> None:
    """Fixed layout, exact column widths, thin grey borders, compact cell margins."""
    tbl_pr = table._tbl.tblPr
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _child(tbl_pr, "w:tblW", TBLPR_SEQ, w=str(int(sum(widths_cm) * 567)), type="dxa")
    _child(tbl_pr, "w:tblInd", TBLPR_SEQ, w="0", type="dxa")
    none = {k: "0" for k in ALL_SIDES}
    _borders(tbl_pr, "w:tblBorders", TBLPR_SEQ, {**none, **(sides or {})})
    margins = _child(tbl_pr, "w:tblCellMar", TBLPR_SEQ)
    for side, width in (("top", 28), ("left", 57), ("bottom", 28), ("right", 57)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(width))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(width * 567)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _shade(cell: Any, fill: str) -> None:
    _child(cell._tc.get_or_add_tcPr(), "w:shd", TCPR_SEQ, val="clear", color="auto", fill=fill)


def _mark_row(row: Any, *tags: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    for tag in tags:
        tr_pr.append(OxmlElement(tag))


def _add_row(table: Any, widths_cm: Sequence[float]) -> Any:
    row = table.add_row()
    for cell, width in zip(row.cells, widths_cm, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    return row


def _tag_row(table: Any, widths_cm: Sequence[float], tag: str) -> None:
    """A row holding only a `{%tr … %}` tag; docxtpl replaces the whole row with it."""
    _add_row(table, widths_cm).cells[0].paragraphs[0].add_run(tag)


CellFill = Callable[[Any, float], None]  # (cell, font size)
CellSpec = str | CellFill


def _fill(cell: Any, spec: CellSpec, size: float) -> None:
    if callable(spec):
        spec(cell, size)
    else:
        _run(cell.paragraphs[0], spec, size=size)


def grid_table(
    doc: Any,
    headings: Sequence[str],
    widths_cm: Sequence[float],
    loops: Sequence[str],
    cells: Sequence[CellSpec],
    *,
    size: float = 9,
) -> Any:
    """A bordered table: a repeating header row, then one row inside the `loops` tags."""
    table = doc.add_table(rows=1, cols=len(headings))
    _table_frame(table, widths_cm, sides=ALL_SIDES)
    header = table.rows[0]
    _mark_row(header, "w:cantSplit", "w:tblHeader")
    for cell, text in zip(header.cells, headings, strict=True):
        _shade(cell, HEAD_FILL)
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
        _run(cell.paragraphs[0], text, bold=True, size=size)
    for loop in loops:
        _tag_row(table, widths_cm, loop)
    row = _add_row(table, widths_cm)
    for cell, spec in zip(row.cells, cells, strict=True):
        _fill(cell, spec, size)
    # A row moves whole to the next page; one taller than a page still flows on
    # (ECMA-376 cantSplit), so long texts are never cut off.
    _mark_row(row, "w:cantSplit")
    for loop in reversed(loops):
        _tag_row(
            table, widths_cm, "{%tr endif %}" if loop.startswith("{%tr if") else "{%tr endfor %}"
        )
    return table


def fact_table(
    doc: Any, rows: Sequence[tuple[str, str] | str], *, width_cm: float = CONTENT_CM
) -> Any:
    """Label/value rows ("Ungdom | Elias Lindqvist"); a plain string is a `{%tr %}` tag row."""
    widths = [4.2, width_cm - 4.2]
    table = doc.add_table(rows=0, cols=2)
    for spec in rows:
        if isinstance(spec, str):
            _tag_row(table, widths, spec)
            continue
        label, value = spec
        row = _add_row(table, widths)
        _mark_row(row, "w:cantSplit")
        _shade(row.cells[0], LABEL_FILL)
        _run(row.cells[0].paragraphs[0], label, bold=True)
        _run(row.cells[1].paragraphs[0], value)
    _table_frame(table, widths, sides=ALL_SIDES)
    # A fact table is one block: its first row still gets tblHeader so a long value
    # (consent text) that pushes it across a page keeps the youth's name on top.
    _mark_row(table.rows[0], "w:tblHeader")
    return table


def vmerge_first(tag: str) -> CellFill:
    """A cell filled on the first action row of a goal and merged down over the rest."""

    def fill(cell: Any, size: float) -> None:
        tc_pr = cell._tc.get_or_add_tcPr()
        _child(
            tc_pr,
            "w:vMerge",
            TCPR_SEQ,
            val="{% if loop.first %}restart{% else %}continue{% endif %}",
        )
        _run(cell.paragraphs[0], "{% if loop.first %}" + tag + "{% endif %}", size=size)

    return fill


def paragraphs(*specs: tuple[str, dict[str, Any]]) -> CellFill:
    """A cell of several paragraphs, each (text, run format)."""

    def fill(cell: Any, size: float) -> None:
        for i, (text, fmt) in enumerate(specs):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            _run(paragraph, text, **{"size": size, **fmt})

    return fill


# --- text helpers --------------------------------------------------------------------------


def para(doc: Any, text: str = "", *, style: str | None = None, **fmt: Any) -> Any:
    paragraph = doc.add_paragraph(style=style)
    if text:
        _run(paragraph, text, **fmt)
    return paragraph


def tag(doc: Any, text: str) -> None:
    """A paragraph holding only a `{%p … %}` tag."""
    doc.add_paragraph().add_run(text)


def title(doc: Any, text: str, subtitle: str) -> None:
    doc.add_paragraph(text, style="Title")
    doc.add_paragraph(subtitle, style="Subtitle")


NEXT_MEETING = (
    "{% if next_meeting %}{% if next_meeting.weekday %}{{ next_meeting.weekday }} {% endif %}"
    "{{ next_meeting.day }} kl. {{ next_meeting.start }}"
    "{% if next_meeting.place %}, {{ next_meeting.place }}{% endif %}"
    "{% else %}Inget planerat{% endif %}"
)
MEETING_TIME = "{{ start_time }}{% if end_time %}–{{ end_time }}{% endif %}"


def save(doc: Any, path: Path) -> None:
    """Save with fixed zip timestamps so that re-running the script changes nothing."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    partial = path.with_name(f".{path.name}.tmp")
    partial.write_bytes(out.getvalue())
    partial.replace(path)  # a running sigdesk never reads half a template
