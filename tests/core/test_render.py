"""Word documents: every field printed, nothing hostile breaks them, files written safely.

Real templates, real files, read back with python-docx and (when installed) LibreOffice.
All people, places and personnummer are fictional (serial 98xx is a test range).
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
import zipfile
from datetime import date, time
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from sigdesk.documents import context as dc
from sigdesk.documents.render import (
    DocumentKind,
    TemplateError,
    builtin_template_dir,
    clean_text,
    render,
    template_context,
    write_document,
)
from sigdesk.errors import SigdeskError

PNR = "20080101-9802"


@pytest.fixture
def only_when_selected(request: pytest.FixtureRequest) -> None:
    """Slow tests run only when asked for with `-m slow` (CI runs plain `pytest`)."""
    expression = request.config.getoption("markexpr") or ""
    if "slow" not in expression or "not slow" in expression:
        pytest.skip("slow: run with -m slow")


# --- realistic fictional contexts ---------------------------------------------------------


def letterhead() -> dc.Letterhead:
    return dc.Letterhead(
        forvaltning="Hägersten-Älvsjö stadsdelsförvaltning",
        worker_name="Maria Åkesson",
        worker_role="Samordnare",
        worker_phone="070-1740 605",
        worker_email="maria.akesson@exempel.se",
        document_date=date(2026, 11, 22),
    )


NEXT = dc.NextMeeting(
    day=date(2026, 12, 17), start=time(14, 0), place="Västbergaskolan, rum 12", weekday="torsdag"
)


def plan_doc(personnummer: str | None = PNR) -> dc.PlanDoc:
    school = dc.LifeAreaSection(
        "Skola/sysselsättning",
        [
            dc.GoalRow(
                nulage="Hög frånvaro under hösten, ca 40 % av lektionerna.",
                goal="Elias går i skolan varje dag.",
                own_words="Jag vill klara matten och komma in på el-programmet.",
                sub_goals="Närvaro minst 80 % till jullovet\nGodkänt i matematik till våren",
                actions=[
                    dc.ActionRow(
                        "Mentorssamtal varje måndag",
                        "Västbergaskolan (Sara Ek)",
                        date(2026, 12, 18),
                        "Delvis uppnått",
                        date(2026, 11, 20),
                        "Tre av fyra samtal genomförda.",
                    ),
                    dc.ActionRow(
                        "Väckning och skjuts första veckan",
                        "Vårdnadshavare (Anna Lindqvist)",
                        date(2026, 11, 30),
                        "Pågår",
                        date(2026, 11, 20),
                        "",
                    ),
                ],
            ),
            dc.GoalRow("Saknar sommarjobb.", "Sommarjobb 2027.", "", "Söka via jobbtorget", []),
        ],
    )
    crime = dc.LifeAreaSection(
        "Kriminalitet",
        [
            dc.GoalRow(
                nulage="Misstänkt för snatteri i augusti.",
                goal="Inga nya brott.",
                own_words="",
                sub_goals="",
                actions=[
                    dc.ActionRow(
                        "Samtal om kamratrelationer",
                        "Polisen Söderort (Johan Berg)",
                        date(2027, 1, 15),
                        "",
                        None,
                        "",
                    )
                ],
            ),
        ],
    )
    return dc.PlanDoc(
        letterhead=letterhead(),
        youth_name="Elias Lindqvist",
        personnummer=personnummer,
        track="SIG unga",
        start_date=date(2026, 9, 14),
        decision_date=date(2026, 9, 7),
        consent_status="Samtycke från Elias och vårdnadshavare, undertecknat 2026-09-01",
        network=[
            dc.NetworkRow(
                "Polis",
                "Johan Berg",
                "Polisen Söderort",
                "010-123 45 67",
                "johan.berg@exempel.se",
                True,
            ),
            dc.NetworkRow(
                "Skola", "Sara Ek", "Västbergaskolan", "070-1740 607", "sara.ek@exempel.se", True
            ),
            dc.NetworkRow("BUP", "Karin Holm", "BUP Liljeholmen", "070-1740 608", "", False),
        ],
        overall_goal="Elias ska ha en trygg skolgång och en meningsfull fritid utan brott.",
        life_areas=[school, crime],
        next_meeting=NEXT,
        signatures=[
            dc.SignatureLine("Ungdomen", "Elias Lindqvist"),
            dc.SignatureLine("Vårdnadshavare", "Anna Lindqvist"),
            dc.SignatureLine("Socialtjänsten", "Maria Åkesson"),
        ],
    )


def plan_short_doc() -> dc.PlanShortDoc:
    return dc.PlanShortDoc(
        letterhead=letterhead(),
        youth_name="Elias Lindqvist",
        track="SIG unga",
        goals=[
            dc.ShortGoal(
                "Skola/sysselsättning",
                "Elias går i skolan varje dag.",
                [
                    dc.ActionRow(
                        "Mentorssamtal varje måndag",
                        "Västbergaskolan (Sara Ek)",
                        date(2026, 12, 18),
                        "Pågår",
                        date(2026, 11, 20),
                        "Fungerar bra.",
                    ),
                ],
            ),
            dc.ShortGoal("Fritid", "Börja på boxning.", []),
        ],
        next_meeting=None,
    )


def invitation_doc() -> dc.InvitationDoc:
    return dc.InvitationDoc(
        letterhead=letterhead(),
        youth_first_name="Elias",
        meeting_date=date(2026, 12, 17),
        start_time=time(14, 0),
        end_time=time(15, 30),
        place="Västbergaskolan, rum 12",
        participants=[
            dc.Person("Elias Lindqvist", "Ungdomen"),
            dc.Person("Anna Lindqvist", "Vårdnadshavare"),
            dc.Person("Johan Berg", "Polisen Söderort"),
            dc.Person("Sara Ek", "Västbergaskolan"),
        ],
        purpose="Följa upp åtgärdsplanen och planera inför jullovet.",
        agenda_outline=[
            "Välkommen, närvaro, syfte",
            "Samtycke",
            "Vad har gått bra sedan sist",
            "Uppföljning av mål",
            "Nästa möte",
        ],
    )


def agenda_doc() -> dc.AgendaDoc:
    return dc.AgendaDoc(
        letterhead=letterhead(),
        youth_first_name="Elias",
        meeting_date=date(2026, 12, 17),
        start_time=time(14, 0),
        end_time=None,
        place="Västbergaskolan, rum 12",
        chair="Maria Åkesson",
        note_taker="Johan Berg",
        purpose="Följa upp åtgärdsplanen.",
        followups=[
            dc.AgendaFollowup("Mål", "Elias går i skolan varje dag.", "Västbergaskolan (Sara Ek)"),
            dc.AgendaFollowup("Delmål", "Närvaro minst 80 % till jullovet", "Sara Ek"),
            dc.AgendaFollowup("Åtgärd", "Samtal om kamratrelationer", "Polisen Söderort"),
        ],
    )


def minutes_doc() -> dc.MinutesDoc:
    return dc.MinutesDoc(
        letterhead=letterhead(),
        youth_name="Elias Lindqvist",
        meeting_date=date(2026, 11, 20),
        start_time=time(9, 30),
        end_time=time(10, 45),
        place="Polisstationen Globen",
        chair="Maria Åkesson",
        note_taker="Lisa Nyberg",
        attendance=[
            dc.AttendanceRow("Elias Lindqvist", "Ungdomen", "Närvarande"),
            dc.AttendanceRow("Johan Berg", "Polis, Polisen Söderort", "Närvarande"),
            dc.AttendanceRow("Karin Holm", "BUP, BUP Liljeholmen", "Förhinder"),
        ],
        notes=[
            dc.AgendaNote(1, "Välkommen, närvaro, syfte", "Alla hälsades välkomna."),
            dc.AgendaNote(
                3, "Vad har gått bra sedan sist", "Elias har varit i skolan\nfyra dagar av fem."
            ),
            dc.AgendaNote(6, "Övrigt", ""),
        ],
        followups=[
            dc.FollowupRow("Mentorssamtal varje måndag", "Delvis uppnått", "Tre av fyra samtal.")
        ],
        new_actions=[
            dc.NewActionRow("Prova boxning på Fryshuset", "Fältassistenterna", date(2027, 1, 31))
        ],
        decisions=["Nästa möte hålls på skolan.", "Elias får läxhjälp två dagar i veckan."],
        next_meeting=NEXT,
        distribution=[
            dc.Person("Johan Berg", "Polisen Söderort"),
            dc.Person("Sara Ek", "Västbergaskolan"),
        ],
    )


CONTEXTS = {
    DocumentKind.PLAN: plan_doc,
    DocumentKind.PLAN_SHORT: plan_short_doc,
    DocumentKind.INVITATION: invitation_doc,
    DocumentKind.AGENDA: agenda_doc,
    DocumentKind.MINUTES: minutes_doc,
}

# --- reading documents back ---------------------------------------------------------------


def _block_text(container: Any) -> list[str]:
    parts = [p.text for p in container.paragraphs]
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(_block_text(cell))
    return parts


def document_text(path_or_bytes: Path | bytes) -> str:
    """Every paragraph of the body, the tables, and the headers and footers."""
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    document = docx.Document(source)
    parts = _block_text(document)
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(_block_text(part))
    return "\n".join(parts)


def xml_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {n: archive.read(n) for n in archive.namelist() if n.endswith(".xml")}


def expected_strings(context: Any) -> list[str]:
    """What the document must show for each value of the context."""
    found: list[str] = []
    plain = template_context(context)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and value:
            found.append(visible(value))

    walk(plain)
    return found


def visible(text: str) -> str:
    """The text as printed: cleaned, and docxtpl turns "{_{" back into "{{"."""
    text = clean_text(text)
    for escaped, tag in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        text = text.replace(escaped, tag)
    return text


def render_to(tmp_path: Path, kind: DocumentKind, context: Any) -> Path:
    return write_document(render(kind, context), tmp_path / f"{kind}.docx")


# --- every value present, A4, repeating headers ------------------------------------------


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_value_is_printed(tmp_path: Path, kind: DocumentKind) -> None:
    context = CONTEXTS[kind]()
    path = render_to(tmp_path, kind, context)
    text = document_text(path)
    missing = [s for s in expected_strings(context) if s not in text]
    assert missing == []
    assert "{{" not in text and "{%" not in text and "{#" not in text
    assert "None" not in text
    for name, xml in xml_parts(path.read_bytes()).items():
        assert b"{{" not in xml and b"{%" not in xml, name
    assert_word_structure(path.read_bytes())


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_page_is_a4_with_page_numbers_and_repeating_headers(
    tmp_path: Path, kind: DocumentKind
) -> None:
    document = docx.Document(render_to(tmp_path, kind, CONTEXTS[kind]()))
    section = document.sections[0]
    # the full plan's seven columns lie across the page, the others stand upright
    wide, tall = (29.7, 21.0) if kind is DocumentKind.PLAN else (21.0, 29.7)
    assert abs(section.page_width - Cm(wide)) < Cm(0.05)
    assert abs(section.page_height - Cm(tall)) < Cm(0.05)
    footer_xml = etree.tostring(section.footer._element).decode()
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml and "Sida" in footer_xml
    assert document.tables, "every document has at least one table"
    for table in document.tables:
        first_row = table.rows[0]._tr
        assert first_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_plan_dates_times_and_labels_are_formatted(tmp_path: Path) -> None:
    text = document_text(render_to(tmp_path, DocumentKind.PLAN, plan_doc()))
    assert "2026-09-14" in text and "2026-12-17 kl. 14:00, Västbergaskolan, rum 12" in text
    assert "Ja" in text and "Nej" in text  # covered by consent
    assert "Sommarjobb 2027." in text  # a goal without actions still gets its row
    assert "Med egna ord: ”Jag vill klara matten" in text


def test_missing_next_meeting_and_empty_lists_read_well(tmp_path: Path) -> None:
    context = dataclasses.replace(
        minutes_doc(),
        next_meeting=None,
        followups=[],
        new_actions=[],
        decisions=[],
        distribution=[],
    )
    text = document_text(render_to(tmp_path, DocumentKind.MINUTES, context))
    assert "Inget planerat" in text
    assert "Ingen uppföljning antecknad." in text and "Inga beslut antecknade." in text
    assert "Ingen aktör omfattas av ett giltigt samtycke." in text


def test_goal_cells_are_merged_over_their_action_rows(tmp_path: Path) -> None:
    document = docx.Document(render_to(tmp_path, DocumentKind.PLAN, plan_doc()))
    school = next(t for t in document.tables if "Nuläge" in t.rows[0].cells[0].text)
    merges = [
        tc.tcPr.find(qn("w:vMerge")).get(qn("w:val"))
        for tc in school._tbl.iter(qn("w:tc"))
        if tc.tcPr is not None and tc.tcPr.find(qn("w:vMerge")) is not None
    ]
    # Two goals: the first spans two action rows, the second has one (empty) row.
    assert merges == ["restart"] * 3 + ["continue"] * 3 + ["restart"] * 3


# --- personnummer --------------------------------------------------------------------------


def test_personnummer_only_in_the_full_plan(tmp_path: Path) -> None:
    digits = PNR.replace("-", "")
    for kind, make in CONTEXTS.items():
        data = render(kind, make())
        text = document_text(data)
        raw = b"".join(xml_parts(data).values()).decode()
        if kind is DocumentKind.PLAN:
            assert PNR in text and "Personnummer" in text
        else:
            assert PNR not in raw and digits not in raw and "Personnummer" not in text
    data = render(DocumentKind.PLAN, plan_doc(personnummer=None))
    raw = b"".join(xml_parts(data).values()).decode()
    assert PNR not in raw and digits not in raw and "Personnummer" not in document_text(data)


def test_kallelse_names_the_youth_by_first_name_only() -> None:
    text = document_text(
        render(
            DocumentKind.INVITATION,
            dataclasses.replace(
                invitation_doc(), participants=[dc.Person("Anna Lindqvist", "Vårdnadshavare")]
            ),
        )
    )
    assert "Elias" in text and "Elias Lindqvist" not in text


# --- hostile text ------------------------------------------------------------------------

HOSTILE = "A&B <tag> \"citat\" 'x' \u200fمرحبا\u200e 😀 \x00\x01\x0b\ufffe\ud800 slut\r\nrad två"
HOSTILE_VISIBLE = ["A&B <tag> \"citat\" 'x' \u200fمرحبا\u200e 😀  slut\nrad två"]


def with_text(value: Any, make_text: Any) -> Any:
    """A copy of `value` with every string field replaced by make_text()."""
    if isinstance(value, str):
        return make_text()
    if isinstance(value, list):
        return [with_text(v, make_text) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: with_text(getattr(value, f.name), make_text) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value


def assert_word_structure(data: bytes) -> None:
    """What Word insists on and a text check would miss: XML it can parse, a paragraph
    in every cell, whole merges, the section last in the body."""
    for name, xml in xml_parts(data).items():
        root = etree.fromstring(xml)  # strict parser: raises on anything XML cannot hold
        for cell in root.iter(qn("w:tc")):
            assert cell.find(qn("w:p")) is not None or cell.find(qn("w:tbl")) is not None, name
        for merge in root.iter(qn("w:vMerge")):
            assert merge.get(qn("w:val")) in (None, "restart", "continue"), name
        if name == "word/document.xml":
            assert root.find(qn("w:body"))[-1].tag == qn("w:sectPr")


def assert_valid_document(data: bytes, context: Any) -> None:
    assert_word_structure(data)
    text = document_text(data)
    missing = [s for s in expected_strings(context) if s not in text]
    assert missing == []


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_hostile_text_in_every_field(tmp_path: Path, kind: DocumentKind) -> None:
    context = with_text(CONTEXTS[kind](), lambda: HOSTILE)
    path = render_to(tmp_path, kind, context)
    data = path.read_bytes()
    assert_valid_document(data, context)
    text = document_text(data)
    assert HOSTILE_VISIBLE[0] in text
    assert "\x00" not in text and "\ufffe" not in text


def megabyte(line_length: int) -> str:
    line = ("Långt stycke med åäö & <b> 😀 " * 20)[: line_length - 1] + "\n"
    return (line * (1_000_000 // line_length + 1))[:1_000_000]


def test_a_megabyte_in_the_long_fields_of_the_minutes() -> None:
    big = megabyte(200)
    base = minutes_doc()
    context = dataclasses.replace(
        base,
        notes=[dc.AgendaNote(3, "Vad har gått bra sedan sist", big)],
        decisions=[big],
        place=HOSTILE + big,
    )
    assert_valid_document(render(DocumentKind.MINUTES, context), context)


@pytest.mark.slow
@pytest.mark.usefixtures("only_when_selected")
@pytest.mark.parametrize("kind", list(DocumentKind))
def test_a_megabyte_in_every_field(kind: DocumentKind) -> None:
    context = with_text(CONTEXTS[kind](), lambda: megabyte(200))
    assert_valid_document(render(kind, context), context)


NASTY = [
    "&",
    "<",
    ">",
    '"',
    "'",
    "\u200f",
    "\u202e",
    "😀",
    "\x00",
    "\x01",
    "\x0b",
    "\x1f",
    "\x7f",
    "\x85",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
    "\r",
    "\n",
    "\t",
    "{{",
    "{%",
    "}}",
    "%}",
    "{_{",
    "]]>",
    "&amp;",
    "\U0001fffe",
    "ß",
    "Å",
]
hostile_text = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=40),
    st.lists(st.sampled_from([*NASTY, "abc ", "Åsa ", " "]), max_size=12).map("".join),
)


def _hostile_case(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(list(DocumentKind)))
    context = with_text(CONTEXTS[kind](), lambda: data.draw(hostile_text))
    assert_valid_document(render(kind, context), context)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_property_hostile_text_never_breaks_a_document(data: st.DataObject) -> None:
    _hostile_case(data)


@pytest.mark.slow
@pytest.mark.usefixtures("only_when_selected")
@settings(max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_property_hostile_text_5000_cases(data: st.DataObject) -> None:
    _hostile_case(data)


def test_clean_text_keeps_what_xml_can_hold() -> None:
    assert clean_text("a\x00b\x08c\td\ne\rf\r\ng\ufffe\uffff\ud800\x85h") == "abc\td\ne\nf\ngh"
    assert clean_text("Åsa 😀 \u200f") == "Åsa 😀 \u200f"


# --- LibreOffice ---------------------------------------------------------------------------

needs_libreoffice = pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are not installed",
)


def convert_to_pdf(paths: list[Path], outdir: Path, profile: Path) -> None:
    """One LibreOffice call for all files (start-up is most of its ~2 s a file)."""
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@needs_libreoffice
def test_libreoffice_converts_every_document(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    realistic = [render_to(docs, kind, make()) for kind, make in CONTEXTS.items()]
    hostile = [
        write_document(
            render(kind, with_text(make(), lambda: HOSTILE)), docs / f"hostile-{kind}.docx"
        )
        for kind, make in CONTEXTS.items()
    ]
    convert_to_pdf(realistic + hostile, tmp_path / "pdf", tmp_path / "lo-profile")
    texts = {p.stem: pdf_text(tmp_path / "pdf" / f"{p.stem}.pdf") for p in realistic + hostile}
    for kind in DocumentKind:
        text = texts[str(kind)]
        assert "Hägersten-Älvsjö stadsdelsförvaltning" in text
        assert "Sida 1 av" in text
        assert "{{" not in text and "{%" not in text
        assert "Elias" in text
        assert "slut" in texts[f"hostile-{kind}"] and "A&B <tag>" in texts[f"hostile-{kind}"]
    assert PNR in texts["plan"] and "Västbergaskolan" in texts["plan"]
    assert "2026-12-17" in texts["kallelse"] and "14:00–15:30" in texts["kallelse"]
    assert "Polisstationen Globen" in texts["minutes"]
    assert "Närvaro minst 80 %" in texts["agenda"]
    for kind in DocumentKind:
        if kind is not DocumentKind.PLAN:
            assert PNR not in texts[str(kind)]


# --- writing files -------------------------------------------------------------------------


def test_write_creates_exactly_one_file(tmp_path: Path) -> None:
    (tmp_path / "annan.txt").write_text("orörd")
    out = write_document(render(DocumentKind.AGENDA, agenda_doc()), tmp_path / "dagordning.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annan.txt", "dagordning.docx"]
    assert out == tmp_path / "dagordning.docx" and zipfile.is_zipfile(out)
    assert (tmp_path / "annan.txt").read_text() == "orörd"


def test_existing_file_is_kept_unless_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"det gamla")
    with pytest.raises(SigdeskError, match="Filen finns redan") as caught:
        write_document(b"nytt", out)
    assert "\n" not in caught.value.one_line()
    assert out.read_bytes() == b"det gamla"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]
    write_document(b"nytt", out, overwrite=True)
    assert out.read_bytes() == b"nytt"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SigdeskError, match="Mappen finns inte"):
        write_document(b"x", tmp_path / "saknas" / "plan.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root ignores file modes; POSIX modes only"
)
def test_read_only_folder_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "låst"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SigdeskError, match="kan inte skrivas"):
            write_document(b"x", folder / "plan.docx")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_output_path_that_is_a_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "plan.docx").mkdir()
    with pytest.raises(SigdeskError):
        write_document(b"x", tmp_path / "plan.docx", overwrite=True)


# --- custom templates ------------------------------------------------------------------------


def _custom_template(folder: Path, name: str, *lines: str) -> Path:
    folder.mkdir(exist_ok=True)
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = folder / name
    document.save(str(path))
    return path


def test_custom_template_is_used_when_present(tmp_path: Path) -> None:
    _custom_template(
        tmp_path / "mallar",
        "kallelse.docx",
        "Stadsdelens egen kallelse för {{ youth_first_name }} {{ place }}",
    )
    text = document_text(
        render(DocumentKind.INVITATION, invitation_doc(), template_dir=tmp_path / "mallar")
    )
    assert "Stadsdelens egen kallelse för Elias Västbergaskolan, rum 12" in text
    # A folder without the file falls back to the built-in template.
    text = document_text(
        render(DocumentKind.AGENDA, agenda_doc(), template_dir=tmp_path / "mallar")
    )
    assert "Dagordning" in text


def test_unknown_field_in_custom_template_names_file_and_field(tmp_path: Path) -> None:
    path = _custom_template(tmp_path / "mallar", "kallelse.docx", "Hej {{ unknown_field }}")
    with pytest.raises(TemplateError) as caught:
        render(DocumentKind.INVITATION, invitation_doc(), template_dir=tmp_path / "mallar")
    error = caught.value
    assert error.template_path == path and error.field == "unknown_field"
    line = error.one_line()
    assert str(path) in line and "okänt fält 'unknown_field'" in line
    assert "inbyggda mallen" in line and "\n" not in line
    assert isinstance(error, SigdeskError)


def test_unknown_attribute_in_custom_template_names_the_field(tmp_path: Path) -> None:
    _custom_template(tmp_path / "mallar", "minnesanteckningar.docx", "{{ letterhead.fax_number }}")
    with pytest.raises(TemplateError, match="okänt fält 'fax_number'"):
        render(DocumentKind.MINUTES, minutes_doc(), template_dir=tmp_path / "mallar")


@pytest.mark.parametrize("content", [b"inte en zip-fil", b"PK\x03\x04trasig", b""])
def test_custom_template_that_is_not_a_docx(tmp_path: Path, content: bytes) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "atgardsplan.docx").write_bytes(content)
    with pytest.raises(TemplateError, match=r"atgardsplan\.docx") as caught:
        render(DocumentKind.PLAN, plan_doc(), template_dir=folder)
    assert caught.value.template_path == folder / "atgardsplan.docx"


def test_zip_that_is_not_a_word_file(tmp_path: Path) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    with zipfile.ZipFile(folder / "dagordning.docx", "w") as archive:
        archive.writestr("hej.txt", "inte word")
    with pytest.raises(TemplateError, match="inte en giltig Word-mall"):
        render(DocumentKind.AGENDA, agenda_doc(), template_dir=folder)


def test_bad_jinja_in_custom_template(tmp_path: Path) -> None:
    _custom_template(tmp_path / "mallar", "dagordning.docx", "{% if chair %}utan slut")
    with pytest.raises(TemplateError, match="malltagg"):
        render(DocumentKind.AGENDA, agenda_doc(), template_dir=tmp_path / "mallar")


def test_wrong_context_type_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        render(DocumentKind.PLAN, minutes_doc())


def test_builtin_templates_exist_and_kinds_match_the_command_line() -> None:
    assert [k.value for k in DocumentKind] == [
        "plan",
        "plan-short",
        "kallelse",
        "agenda",
        "minutes",
    ]
    for kind in DocumentKind:
        assert (builtin_template_dir() / kind.template_name).is_file()


def test_no_context_field_hides_behind_a_mapping_method() -> None:
    """Jinja finds dict methods before keys: `x.items` would be the method."""
    methods = set(dir(dict))
    for cls in (getattr(dc, n) for n in dir(dc)):
        if dataclasses.is_dataclass(cls):
            assert not {f.name for f in dataclasses.fields(cls)} & methods, cls


def test_context_dates_and_none_become_text() -> None:
    plain = template_context(plan_short_doc())
    assert plain["letterhead"]["document_date"] == "2026-11-22"
    assert plain["next_meeting"] == ""
    assert plain["goals"][0]["actions"][0]["due"] == "2026-12-18"
    assert template_context(NEXT) == {
        "day": "2026-12-17",
        "start": "14:00",
        "place": "Västbergaskolan, rum 12",
        "weekday": "torsdag",
    }
