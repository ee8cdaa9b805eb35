"""SPEC §9: export åtgärdsplan with 40 goals ≤ 300 ms, minutes ≤ 200 ms, and each
≤ 1.3 × python-docx writing the same document by hand, interleaved in each round.

Alone: .venv/bin/python -m benchmarks.bench_documents [--quick]
"""

from __future__ import annotations

import dataclasses
import io
import itertools
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from benchmarks.common import Fixtures, timed_ms
from benchmarks.harness import Samples, Spec
from sigdesk.documents import context as dc
from sigdesk.documents.render import DocumentKind, render, write_document
from tests.core import test_render as examples

AREAS = ["Kriminalitet", "Skola/sysselsättning", "Fritid", "Familj", "Kamrater", "Hälsa/mående"]
AREAS += ["Droger/missbruk", "Boende"]


def _goal(i: int) -> dc.GoalRow:
    action = dc.ActionRow(
        f"Åtgärd {i}: mentorssamtal varje vecka",
        "Västbergaskolan (Sara Ek)",
        date(2026, 12, 18),
        "Pågår",
        date(2026, 11, 20),
        "Tre av fyra samtal hölls.",
    )
    return dc.GoalRow(
        f"Nuläge {i}: frånvaro och oro i skolan under hösten.",
        f"Mål {i}: går i skolan varje dag.",
        "Jag vill klara matten.",
        "Närvaro 80 %\nGodkänt i matte",
        [action, dataclasses.replace(action, what=f"Åtgärd {i}: hembesök")],
    )


PLAN = dataclasses.replace(
    examples.plan_doc(),
    life_areas=[
        dc.LifeAreaSection(area, [_goal(k * 5 + i) for i in range(5)])
        for k, area in enumerate(AREAS)
    ],
)
MINUTES = examples.minutes_doc()


# --- the same documents written by hand with python-docx ------------------------------


def _page(title: str) -> Any:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    head = section.header.add_table(1, 2, Cm(17))
    head.cell(0, 0).text = "Exempelstadens stadsdelsförvaltning"
    head.cell(0, 1).text = title
    footer = section.footer.paragraphs[0]
    footer.add_run("Sida ")
    for kind in ("begin", "instr", "separate", "end"):
        element = OxmlElement("w:instrText" if kind == "instr" else "w:fldChar")
        if kind == "instr":
            element.text = " PAGE "
        else:
            element.set(qn("w:fldCharType"), kind)
        footer.add_run()._r.append(element)
    doc.add_paragraph(title, style="Title")
    return doc


def _grid(doc: Any, heads: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.text = text
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _save(doc: Any, out: Path) -> None:
    buffer = io.BytesIO()
    doc.save(buffer)
    write_document(buffer.getvalue(), out)


def plan_by_hand(ctx: dc.PlanDoc, out: Path) -> None:
    doc = _page("Åtgärdsplan")
    facts = [("Ungdom", ctx.youth_name), ("Insats", ctx.track), ("Samtycke", ctx.consent_status)]
    _grid(doc, ["", ""], facts)
    doc.add_heading("Nätverk", 1)
    _grid(
        doc,
        ["Aktör", "Kontaktperson", "Organisation", "Telefon och e-post", "Samtycke"],
        [
            (n.actor_type, n.contact_name, n.organisation, f"{n.phone}\n{n.email}", "Ja")
            for n in ctx.network
        ],
    )
    doc.add_heading("Övergripande mål", 1)
    doc.add_paragraph(ctx.overall_goal)
    heads = ["Nuläge", "Mål", "Delmål", "Åtgärd/insats", "Ansvarig", "Klart senast", "Uppföljning"]
    for area in ctx.life_areas:
        doc.add_heading(area.label, 2)
        rows = []
        for goal in area.goals:
            for i, a in enumerate(goal.actions):
                first = (goal.nulage, goal.goal, goal.sub_goals) if i == 0 else ("", "", "")
                follow = f"{a.followup_status} {a.followup_date}\n{a.followup_comment}"
                rows.append((*first, a.what, a.responsible, str(a.due), follow))
        _grid(doc, heads, rows)
    _grid(doc, ["Namn", "Roll", "Underskrift"], [(s.name, s.role, "") for s in ctx.signatures])
    _save(doc, out)


def minutes_by_hand(ctx: dc.MinutesDoc, out: Path) -> None:
    doc = _page("Minnesanteckningar")
    _grid(doc, ["", ""], [("Ungdom", ctx.youth_name), ("Plats", ctx.place)])
    doc.add_heading("Närvaro", 1)
    _grid(doc, ["Namn", "Roll", "Närvaro"], [(a.name, a.role, a.status) for a in ctx.attendance])
    for note in ctx.notes:
        doc.add_heading(f"{note.number}. {note.heading}", 2)
        doc.add_paragraph(note.text)
    doc.add_heading("Uppföljning", 1)
    _grid(
        doc, ["Vad", "Status", "Kommentar"], [(f.what, f.status, f.comment) for f in ctx.followups]
    )
    doc.add_heading("Nya åtgärder", 1)
    _grid(
        doc,
        ["Åtgärd", "Ansvarig", "Klart"],
        [(a.what, a.responsible, str(a.due)) for a in ctx.new_actions],
    )
    for line in ctx.decisions:
        doc.add_paragraph(line, style="List Bullet")
    for person in ctx.distribution:
        doc.add_paragraph(f"{person.name}, {person.organisation}", style="List Bullet")
    _save(doc, out)


class DocumentsPart:
    name = "documents"
    specs = (
        Spec("export åtgärdsplan, 40 goals", "plan", 300.0, floor="plan by hand"),
        Spec(
            "export åtgärdsplan ÷ python-docx by hand",
            "plan",
            1.3,
            floor="plan by hand",
            limit="ratio",
        ),
        Spec("export minnesanteckningar", "minutes", 200.0, floor="minutes by hand"),
        Spec(
            "export minnesanteckningar ÷ python-docx by hand",
            "minutes",
            1.3,
            floor="minutes by hand",
            limit="ratio",
        ),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        folder = fx.folder("documents")
        names = (folder / f"{n}.docx" for n in itertools.count())

        def templated(kind: DocumentKind, ctx: Any) -> Callable[[], object]:
            return lambda: write_document(render(kind, ctx), next(names))

        self.fns: dict[str, Callable[[], object]] = {
            "plan": templated(DocumentKind.PLAN, PLAN),
            "plan by hand": lambda: plan_by_hand(PLAN, next(names)),
            "minutes": templated(DocumentKind.MINUTES, MINUTES),
            "minutes by hand": lambda: minutes_by_hand(MINUTES, next(names)),
        }
        self.folder, self.repeat = folder, 1 if quick else 2
        for fn in self.fns.values():
            fn()

    def round(self, number: int) -> Samples:
        samples: dict[str, list[float]] = {key: [] for key in self.fns}
        for _ in range(self.repeat):
            for key, fn in self.fns.items():
                samples[key].append(timed_ms(fn))
        for written in self.folder.iterdir():
            written.unlink()
        return samples

    def close(self) -> None:
        pass


PART = DocumentsPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
