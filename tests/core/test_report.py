"""The Uppföljningsrapport read back: every table, the charts, no name anywhere, "<3"."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from sigdesk.caseload import ProfileData, save_profile
from sigdesk.catalogues import WorkerRole
from sigdesk.cli import run
from sigdesk.documents.render import TemplateError, builtin_template_dir
from sigdesk.documents.report import TEMPLATE, ReportRequest, export_report
from sigdesk.store.db import Caseload
from tests.core import stats_fixture
from tests.core.stats_fixture import F, T
from tests.core.test_render import convert_to_pdf, needs_libreoffice, pdf_text
from tests.core.test_stats_files import assert_anonymous

FORVALTNING = "Exempelstadens stadsdelsförvaltning"
TABLES = [
    "Ungdomar under perioden",
    "Avslutsorsaker",
    "Ålder vid start",
    "Nätverksmöten och femveckorsregeln",
    "Närvaro vid genomförda möten",
    "Delmål",
    "Uppföljning efter avslut",
]


@pytest.fixture
def built(caseload: Caseload) -> Iterator[Caseload]:
    with caseload.session_scope() as s:
        stats_fixture.build(s)
        profile = ProfileData("Hedda Grönvall", WorkerRole.COORDINATOR, FORVALTNING, "08-123 45")
        save_profile(s, profile)
    stats_fixture.SECRETS.extend(["Hedda", "Grönvall", "08-123 45"])
    yield caseload


def make(caseload: Caseload, out: Path, request: ReportRequest | None = None) -> Path:
    with caseload.session_scope() as s:
        return export_report(s, start=F, end=T, out=out, request=request or ReportRequest())


def table_texts(path: Path) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in docx.Document(str(path)).tables
    ]


def every_part(path: Path) -> bytes:
    """The .docx's raw bytes and every part inflated (the text is compressed inside)."""
    with zipfile.ZipFile(path) as z:
        return path.read_bytes() + b"".join(z.read(n) for n in z.namelist())


def test_the_report_holds_every_table_and_chart(built: Caseload, tmp_path: Path) -> None:
    out = make(built, tmp_path / "rapport.docx")
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Sammanfattning", *TABLES, "Metod och definitioner"]
    tables = table_texts(out)
    facts = dict((row[0], row[1]) for row in tables[0])
    assert facts["Förvaltning"] == FORVALTNING
    assert facts["Period"] == "2026-01-01 – 2026-06-30"
    first = tables[1]
    assert first[0] == [
        "Uppgift", "Totalt", "Flicka", "Pojke", "Annat", "Uppgift saknas", "SIG unga",
        "SIG unga vuxna",
    ]  # fmt: skip
    assert first[1] == ["Aktiva ungdomar", "10", "4", "4", "<3", "<3", "8", "<3"]
    assert first[3] == ["Avslutade", "<3", "<3", "0", "0", "0", "<3", "<3"]
    meetings = {row[0]: row[1:] for row in tables[4]}
    assert meetings["Intervall inom femveckorsregeln"][0] == "55 %"
    assert meetings["Medelintervall mellan möten (dagar)"][:2] == ["32,5", "40,0"]
    assert meetings["Möten per aktiv ungdom"][0] == "1,3"
    attendance = {row[0]: row[1] for row in tables[5][1:]}
    assert attendance == {"Ungdomen": "92 %", "Vårdnadshavare": "75 %", "Polis": "100 %",
                          "Skola": "50 %"}  # fmt: skip
    assert {row[0]: row[1] for row in tables[6][1:]} == {"Delmål uppnådda": "50 %"}
    with zipfile.ZipFile(out) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(media) == 3
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Femveckorsregeln: av de intervall" in text and '"<3"' in text
    header = document.sections[0].header.tables[0].rows[0].cells[0].text
    assert FORVALTNING in header


def test_no_name_personnummer_or_id_anywhere(built: Caseload, tmp_path: Path) -> None:
    out = make(built, tmp_path / "rapport.docx")
    data = every_part(out)
    assert_anonymous(data)
    assert b"Hedda" not in data


def test_small_counts_shown_when_the_setting_says_so(built: Caseload, tmp_path: Path) -> None:
    out = make(built, tmp_path / "rapport.docx", ReportRequest(hide_small=False))
    first = table_texts(out)[1]
    assert first[1] == ["Aktiva ungdomar", "10", "4", "4", "1", "1", "8", "2"]
    assert "<3" not in "".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_an_empty_period_and_a_custom_template(built: Caseload, tmp_path: Path) -> None:
    with built.session_scope() as s:
        out = export_report(
            s,
            start=stats_fixture.date(2019, 1, 1),
            end=stats_fixture.date(2019, 12, 31),
            out=tmp_path / "tom.docx",
            request=ReportRequest(),
        )
    tables = table_texts(out)
    assert tables[1][1] == ["Aktiva ungdomar", "0", "0", "0", "0", "0", "0", "0"]
    assert tables[4][2][1] == "–"  # meetings per active youth: nothing to divide
    custom = tmp_path / "mallar"
    custom.mkdir()
    shutil.copy(builtin_template_dir() / TEMPLATE, custom / TEMPLATE)
    out = make(built, tmp_path / "egen.docx", ReportRequest(template_dir=custom))
    assert len(table_texts(out)) == 8
    (custom / TEMPLATE).write_bytes(b"inte en mall")
    with pytest.raises(TemplateError) as caught:
        make(built, tmp_path / "trasig.docx", ReportRequest(template_dir=custom))
    assert TEMPLATE in caught.value.message and not (tmp_path / "trasig.docx").exists()


def test_cli_export_report(
    built: Caseload,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SIGDESK_CONFIG_DIR", str(tmp_path / "config"))
    path = str(built.path)
    built.close()
    out = tmp_path / "rapport.docx"
    period = ["--from", "2026-01-01", "--to", "2026-06-30"]
    assert run(["export", "report", path, *period, "--out", str(out)]) == 0
    assert "Skrev" in capsys.readouterr().out and out.exists()
    assert run(["export", "report", path, *period, "--out", str(out)]) == 2
    assert "finns redan" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        run(["export", "report", path, "--out", str(tmp_path / "x.docx")])
    assert exited.value.code == 2
    assert "saknas: --from, --to" in capsys.readouterr().err
    bad = ["--from", "2026-06-30", "--to", "2026-01-01"]
    assert run(["export", "report", path, *bad, "--out", str(tmp_path / "y.docx")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(SystemExit):
        run(["export", "plan", path, "--out", str(tmp_path / "z.docx")])
    assert "--youth" in capsys.readouterr().err


@needs_libreoffice
def test_libreoffice_converts_the_report(built: Caseload, tmp_path: Path) -> None:
    out = make(built, tmp_path / "rapport.docx")
    convert_to_pdf([out], tmp_path / "pdf", tmp_path / "lo-profile")
    pdf = tmp_path / "pdf" / "rapport.pdf"
    text = pdf_text(pdf)
    assert "Uppföljningsrapport" in text and "Sida 1 av" in text
    assert "{{" not in text and "{%" not in text
    assert FORVALTNING in text and "första halvåret 2026" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert 2 <= int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1]) <= 6
