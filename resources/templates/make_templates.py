"""Write the five Word templates of sigdesk (SPEC §5) with python-docx.

    python resources/templates/make_templates.py [--out sigdesk/templates]

The templates hold docxtpl/Jinja tags whose names are the fields of the dataclasses in
`sigdesk/documents/context.py` (dates arrive as "2026-11-22", times as "14:00", None as "").
A designer changes the look here and re-runs the script; a city can instead copy a
generated .docx, edit it in Word (logo, letterhead) and point the setting at its folder.
Keep every tag inside one run when editing in Word (type it in one go, no formatting
changes inside the braces).

The output is byte-for-byte reproducible: fixed document dates and zip timestamps.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from docx.shared import Cm, Pt
from docx_kit import (
    LANDSCAPE_CM,
    MEETING_TIME,
    NEXT_MEETING,
    CellFill,
    CellSpec,
    _run,
    fact_table,
    grid_table,
    new_document,
    para,
    paragraphs,
    save,
    tag,
    title,
    vmerge_first,
)

# --- the five documents ------------------------------------------------------------------


def _h(doc: Any, text: str, level: int = 1) -> None:
    doc.add_paragraph(text, style=f"Heading {level}")


def _goal_cell(goal: str, condition: str, text: str, extra_fmt: dict[str, Any]) -> CellFill:
    """The goal cell: merged over the goal's action rows; a second line only when set."""

    def fill(cell: Any, size: float) -> None:
        vmerge_first(goal)(cell, size)
        for line, fmt in (
            (f"{{%p if loop.first and {condition} %}}", {}),
            (text, {"size": size, **extra_fmt}),
            ("{%p endif %}", {}),
        ):
            paragraph = cell.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            _run(paragraph, line, **fmt)

    return fill


def _followup_cell(cell: Any, size: float) -> None:
    """Uppföljning: on a goal's first row the goal's and each delmål's latest follow-up,
    then on every row the action's own."""
    lines: list[tuple[str, dict[str, Any]]] = [
        ("{%p if loop.first %}", {}),
        ("{%p for f in g.followups %}", {}),
        ("{{ f.level }}{% if f.text %} ”{{ f.text }}”{% endif %}: {{ f.status }}", {"bold": True}),
        ("{{ f.day }}{% if f.comment %} · {{ f.comment }}{% endif %}", {}),
        ("{%p endfor %}", {}),
        ("{%p endif %}", {}),
        ("{%p if a and (a.followup_status or a.followup_date) %}", {}),
        ("{{ a.followup_status }}", {"bold": True}),
        ("{{ a.followup_date }}", {"muted": True}),
        ("{%p endif %}", {}),
        ("{{ a.followup_comment if a else '' }}", {}),  # always there: a cell needs a paragraph
    ]
    for i, (text, fmt) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, text, **({"size": size, **fmt} if not text.startswith("{%p") else {}))


FOLLOWUP_CELL = _followup_cell
ACTION_LOOPS = ["{%tr for a in g.actions or [none] %}"]
#: The full plan's columns on a landscape page (25.7 cm): wide enough that a long Swedish
#: word ("fritidsaktiviteter", "Arbetsmarknad/jobbtorg") stays whole at 8.5 pt.
PLAN_WIDTHS = [3.4, 3.8, 3.5, 4.0, 4.1, 2.1, 4.8]


def plan() -> Any:
    doc = new_document(
        title="Åtgärdsplan",
        footer="Åtgärdsplan – {{ youth_name }}",
        landscape=True,
        hyphenate=True,
    )
    title(doc, "Åtgärdsplan", "Sociala insatsgrupper (SIG)")
    fact_table(
        doc,
        [
            ("Ungdom", "{{ youth_name }}"),
            "{%tr if personnummer %}",
            ("Personnummer", "{{ personnummer }}"),
            "{%tr endif %}",
            ("Insats", "{{ track }}"),
            ("Startdatum", "{{ start_date or '–' }}"),
            ("Beslutsdatum", "{{ decision_date or '–' }}"),
            ("Samordnare/lots", "{{ letterhead.worker_name }}, {{ letterhead.worker_role }}"),
            ("Planens datum", "{{ letterhead.document_date }}"),
            ("Samtycke", "{{ consent_status or '–' }}"),
        ],
        width_cm=LANDSCAPE_CM,
    )
    _h(doc, "Nätverk")
    tag(doc, "{%p if network %}")
    grid_table(
        doc,
        ["Aktör", "Kontaktperson", "Organisation", "Telefon och e-post", "Omfattas av samtycke"],
        [4.4, 5.0, 5.8, 7.0, 3.5],
        ["{%tr for n in network %}"],
        [
            "{{ n.actor_type }}",
            "{{ n.contact_name }}",
            "{{ n.organisation }}",
            paragraphs(("{{ n.phone }}", {}), ("{{ n.email }}", {})),
            "{{ 'Ja' if n.covered_by_consent else 'Nej' }}",
        ],
    )
    tag(doc, "{%p else %}")
    para(doc, "Inga aktörer är registrerade i nätverket.", italic=True)
    tag(doc, "{%p endif %}")
    _h(doc, "Övergripande mål")
    para(doc, "{{ overall_goal or '–' }}")
    _h(doc, "Mål och åtgärder per livsområde")
    tag(doc, "{%p for area in life_areas %}")
    _h(doc, "{{ area.label }}", 2)
    grid_table(
        doc,
        ["Nuläge", "Mål", "Delmål", "Åtgärd/insats", "Ansvarig", "Klart senast", "Uppföljning"],
        PLAN_WIDTHS,
        ["{%tr for g in area.goals %}", *ACTION_LOOPS],
        [
            vmerge_first("{{ g.nulage }}"),
            _goal_cell(
                "{{ g.goal }}", "g.own_words", "Med egna ord: ”{{ g.own_words }}”", {"italic": True}
            ),
            vmerge_first("{{ g.sub_goals }}"),
            "{{ a.what if a else '' }}",
            "{{ a.responsible if a else '' }}",
            "{{ a.due if a else '' }}",
            FOLLOWUP_CELL,
        ],
        size=8.5,
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not life_areas %}")
    para(doc, "Inga mål är registrerade ännu.", italic=True)
    tag(doc, "{%p endif %}")
    _h(doc, "Uppföljning")
    para(doc, "Planen följs upp vid varje nätverksmöte, minst var femte vecka.")
    paragraph = para(doc, "Nästa uppföljningsmöte: ", bold=True)
    _run(paragraph, NEXT_MEETING)
    _signatures(doc)
    return doc


def _signatures(doc: Any) -> None:
    _h(doc, "Underskrifter")
    para(doc, "Vi har tagit del av åtgärdsplanen och är överens om den.")
    tag(doc, "{%p if signatures %}")
    table = grid_table(
        doc,
        ["Namn", "Roll", "Underskrift", "Datum"],
        [6.5, 5.0, 10.2, 4.0],
        ["{%tr for s in signatures %}"],
        ["{{ s.name }}", "{{ s.role }}", "", ""],
        size=10,
    )
    row = table.rows[2]  # header, loop tag, the signer's row
    row.height = Cm(1.2)
    tag(doc, "{%p endif %}")


def plan_short() -> Any:
    doc = new_document(
        title="Åtgärdsplan (kort)",
        footer="Åtgärdsplan, kort version – {{ youth_name }}",
        hyphenate=True,
    )
    title(doc, "Åtgärdsplan – kort version", "Sociala insatsgrupper (SIG)")
    fact_table(
        doc,
        [
            ("Ungdom", "{{ youth_name }}"),
            ("Insats", "{{ track }}"),
            ("Samordnare/lots", "{{ letterhead.worker_name }}, {{ letterhead.worker_role }}"),
            ("Planens datum", "{{ letterhead.document_date }}"),
        ],
    )
    _h(doc, "Mål och åtgärder")
    tag(doc, "{%p if goals %}")
    grid_table(
        doc,
        ["Mål", "Åtgärd", "Ansvarig", "När", "Uppföljning"],
        [3.7, 3.7, 3.3, 2.3, 4.0],
        ["{%tr for g in goals %}", *ACTION_LOOPS],
        [
            _goal_cell(
                "{{ g.goal }}", "g.life_area", "{{ g.life_area }}", {"muted": True, "size": 8}
            ),
            "{{ a.what if a else '' }}",
            "{{ a.responsible if a else '' }}",
            "{{ a.due if a else '' }}",
            FOLLOWUP_CELL,
        ],
    )
    tag(doc, "{%p else %}")
    para(doc, "Inga mål är registrerade ännu.", italic=True)
    tag(doc, "{%p endif %}")
    _h(doc, "Nästa möte")
    para(doc, NEXT_MEETING)
    return doc


def _meeting_facts(doc: Any, youth: str, *extra: tuple[str, str]) -> None:
    fact_table(
        doc,
        [
            ("Ungdom", youth),
            ("Datum", "{{ meeting_weekday }} {{ meeting_date }}"),
            ("Tid", MEETING_TIME),
            ("Plats", "{{ place }}"),
            *extra,
        ],
    )


def kallelse() -> Any:
    doc = new_document(title="Kallelse", footer="Kallelse till nätverksmöte")
    title(doc, "Kallelse till nätverksmöte", "Sociala insatsgrupper (SIG)")
    para(doc, "Du kallas till nätverksmöte för {{ youth_first_name }}.", size=11)
    _meeting_facts(doc, "{{ youth_first_name }}")
    _h(doc, "Syfte")
    para(doc, "{{ purpose or '–' }}")
    _h(doc, "Kallade")
    tag(doc, "{%p if participants %}")
    grid_table(
        doc,
        ["Namn", "Organisation eller roll"],
        [7.0, 10.0],
        ["{%tr for p in participants %}"],
        ["{{ p.name }}", "{{ p.organisation }}"],
        size=10,
    )
    tag(doc, "{%p endif %}")
    _h(doc, "Dagordning i korthet")
    tag(doc, "{%p for line in agenda_outline %}")
    paragraph = para(doc, "{{ loop.index }}. {{ line }}")
    paragraph.paragraph_format.left_indent = Cm(0.5)
    paragraph.paragraph_format.space_after = Pt(1)
    tag(doc, "{%p endfor %}")
    _h(doc, "Förhinder")
    para(
        doc,
        "Meddela förhinder så snart som möjligt till {{ letterhead.worker_name }}"
        "{% if letterhead.worker_phone %}, tel. {{ letterhead.worker_phone }}{% endif %}"
        "{% if letterhead.worker_email %}, {{ letterhead.worker_email }}{% endif %}.",
    )
    para(
        doc,
        "Uppgifter om ungdomen delas mellan aktörerna bara i den mån ungdomen och/eller "
        "vårdnadshavarna har lämnat samtycke till det.",
        size=9,
        muted=True,
    )
    para(doc, "Välkomna!", bold=True)
    return doc


AGENDA_ITEMS = (
    ("1. Välkommen, närvaro, syfte", "{{ purpose }}"),
    (
        "2. Samtycke: ändringar, nya aktörer?",
        "Gäller samtycket? Behöver någon aktör läggas till eller tas bort?",
    ),
    (
        "3. Vad har gått bra sedan sist",
        "Ungdomen, vårdnadshavarna och aktörerna berättar om det som har fungerat.",
    ),
    ("4. Uppföljning per öppet mål/delmål (ansvarig rapporterar)", None),
    (
        "5. Nya eller ändrade mål och åtgärder",
        "Vad behöver läggas till eller ändras i åtgärdsplanen? Ungdomens egna ord tas med.",
    ),
    ("6. Övrigt", "OTHER"),
    ("7. Sammanfattning: vem gör vad till när", "Läses upp innan mötet avslutas."),
    ("8. Nästa möte", "Datum, tid och plats. Nästa möte hålls inom fem veckor."),
)


def agenda() -> Any:
    doc = new_document(title="Dagordning", footer="Dagordning, nätverksmöte")
    title(doc, "Dagordning", "Nätverksmöte – sociala insatsgrupper (SIG)")
    _meeting_facts(
        doc,
        "{{ youth_first_name }}",
        ("Ordförande", "{{ chair or '–' }}"),
        ("Antecknare", "{{ note_taker or '–' }}"),
    )
    for heading, text in AGENDA_ITEMS:
        _h(doc, heading, 2)
        if text is None:
            tag(doc, "{%p if followups %}")
            grid_table(
                doc,
                ["Nivå", "Mål, delmål eller åtgärd", "Rapporterar"],
                [2.2, 9.6, 5.2],
                ["{%tr for f in followups %}"],
                ["{{ f.level }}", "{{ f.text }}", "{{ f.reporter }}"],
            )
            tag(doc, "{%p else %}")
            para(doc, "Inga öppna mål eller delmål att följa upp.", italic=True)
            tag(doc, "{%p endif %}")
        elif text == "OTHER":
            tag(doc, "{%p for o in other_items %}")
            para(doc, "{{ o }}", style="List Bullet")
            tag(doc, "{%p endfor %}")
        elif text:
            para(doc, text, muted="{{" not in text)  # explanations grey, case data black
    return doc


def minutes() -> Any:
    doc = new_document(title="Minnesanteckningar", footer="Minnesanteckningar – {{ youth_name }}")
    title(doc, "Minnesanteckningar", "Nätverksmöte – sociala insatsgrupper (SIG)")
    _meeting_facts(
        doc,
        "{{ youth_name }}",
        ("Ordförande", "{{ chair or '–' }}"),
        ("Antecknare", "{{ note_taker or '–' }}"),
    )
    _h(doc, "Närvaro")
    _table_or(
        doc,
        "attendance",
        ["Namn", "Roll och organisation", "Närvaro"],
        [5.5, 8.0, 3.5],
        "r",
        ["{{ r.name }}", "{{ r.role }}", "{{ r.status }}"],
        "Ingen närvaro antecknad.",
    )
    _h(doc, "Anteckningar")
    tag(doc, "{%p for n in notes %}")
    _h(doc, "{{ n.number }}. {{ n.heading }}", 2)
    para(doc, "{{ n.text or '–' }}")
    tag(doc, "{%p endfor %}")
    _h(doc, "Uppföljning av åtgärdsplanen")
    _table_or(
        doc,
        "followups",
        ["Mål, delmål eller åtgärd", "Status", "Kommentar"],
        [7.0, 3.0, 7.0],
        "f",
        ["{{ f.what }}", "{{ f.status }}", "{{ f.comment }}"],
        "Ingen uppföljning antecknad.",
    )
    _h(doc, "Nya åtgärder")
    _table_or(
        doc,
        "new_actions",
        ["Åtgärd", "Ansvarig", "Klart senast"],
        [8.5, 5.5, 3.0],
        "a",
        ["{{ a.what }}", "{{ a.responsible }}", "{{ a.due }}"],
        "Inga nya åtgärder.",
    )
    _h(doc, "Beslut")
    _bullets(doc, "d in decisions", "{{ d }}", "Inga beslut antecknade.")
    _h(doc, "Nästa möte")
    para(doc, NEXT_MEETING)
    _h(doc, "Sändlista")
    para(
        doc, "Minnesanteckningarna skickas bara till aktörer som omfattas av ett giltigt samtycke:"
    )
    _bullets(
        doc,
        "r in distribution",
        "{{ r.name }}{% if r.name and r.organisation %}, {% endif %}{{ r.organisation }}",
        "Ingen aktör omfattas av ett giltigt samtycke.",
    )
    return doc


def _table_or(
    doc: Any,
    seq: str,
    headings: list[str],
    widths: list[float],
    var: str,
    cells: list[CellSpec],
    empty: str,
) -> None:
    tag(doc, f"{{%p if {seq} %}}")
    grid_table(doc, headings, widths, [f"{{%tr for {var} in {seq} %}}"], cells)
    tag(doc, "{%p else %}")
    para(doc, empty, italic=True)
    tag(doc, "{%p endif %}")


def _bullets(doc: Any, loop: str, text: str, empty: str) -> None:
    tag(doc, f"{{%p for {loop} %}}")
    para(doc, text, style="List Bullet")
    tag(doc, "{%p else %}")
    para(doc, empty, italic=True)
    tag(doc, "{%p endfor %}")


def _number(text: str) -> CellFill:
    """A figure's cell: right-aligned, so digits line up down the column."""

    def fill(cell: Any, size: float) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(cell.paragraphs[0], text, size=size)

    return fill


def report() -> Any:
    """The Uppföljningsrapport (SPEC §6): anonymised figures of a period, tables and charts."""
    doc = new_document(
        title="Uppföljningsrapport",
        footer="Uppföljningsrapport SIG – {{ period }}",
        hyphenate=True,
        anonymous=True,
    )
    title(doc, "Uppföljningsrapport", "Sociala insatsgrupper (SIG) – {{ period }}")
    fact_table(
        doc,
        [
            ("Förvaltning", "{{ forvaltning }}"),
            ("Period", "{{ start }} – {{ end }}"),
            ("Underlag", "{{ source }}"),
            ("Framtagen", "{{ made_on }}"),
        ],
    )
    _h(doc, "Sammanfattning")
    _bullets(doc, "s in summary", "{{ s }}", "Inga ärenden under perioden.")
    tag(doc, "{%p for t in tables %}")
    _h(doc, "{{ t.title }}")
    note = para(doc, "{{ t.note }}", italic=True, size=9)
    note.paragraph_format.keep_with_next = True
    grid_table(
        doc,
        ["Uppgift", *(f"{{{{ headings[{i}] }}}}" for i in range(7))],
        [4.4, *([1.8] * 7)],
        ["{%tr for l in t.lines %}"],
        ["{{ l.label }}", *(_number(f"{{{{ l.cells[{i}] }}}}") for i in range(7))],
        size=8.5,
    )
    tag(doc, "{%p if t.chart %}")
    chart = para(doc, "{{ charts[t.chart] }}")
    chart.paragraph_format.space_before = Pt(8)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    _h(doc, "Metod och definitioner")
    _bullets(doc, "m in method", "{{ m }}", "")
    tag(doc, "{%p if small_counts %}")
    para(doc, "{{ small_counts }}", italic=True, size=9)
    tag(doc, "{%p endif %}")
    return doc


LAYOUTS: dict[str, Callable[[], Any]] = {
    "atgardsplan.docx": plan,
    "atgardsplan_kort.docx": plan_short,
    "kallelse.docx": kallelse,
    "dagordning.docx": agenda,
    "minnesanteckningar.docx": minutes,
    "uppfoljningsrapport.docx": report,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(__file__).resolve().parents[1] / "sigdesk" / "templates"
    parser.add_argument("--out", type=Path, default=default, help=f"folder (default {default})")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for filename, build in LAYOUTS.items():
        save(build(), args.out / filename)
        print(args.out / filename)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
