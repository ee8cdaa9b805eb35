"""Pictures of the Word documents for the README, through the real export path.

    .venv/bin/python resources/document_pages.py [--youth 3] [--all-pages DIR]

Builds the demo caseload (25 fictional youths, seed 1, as `sigdesk --demo`) on
2026-11-22 in a temporary folder, exports every document of one youth with
`documents.builders.export`, and the Uppföljningsrapport of a district (six demo
caseloads' figures for the year to 2026-10-31, merged as `sigdesk stats merge` does),
turns each into PDF with LibreOffice and writes page 1 as docs/documents/<kind>.png
(`--all-pages DIR` also keeps every page there, to look at).
Needs `libreoffice` and `pdftoppm` (poppler) on the PATH.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "documents"
TODAY = date(2026, 11, 22)
#: The report's period: the twelve whole months before TODAY.
REPORT_PERIOD = (date(2025, 11, 1), date(2026, 10, 31))
sys.path.insert(0, str(ROOT))


def export_all(folder: Path, youth: int) -> list[tuple[str, Path]]:
    from sigdesk import demo
    from sigdesk.documents.builders import ExportRequest, export
    from sigdesk.documents.render import DocumentKind
    from sigdesk.store.keystore import KdfParams
    from sigdesk.store.open import create_caseload

    cheap = KdfParams(memory_kib=8192, iterations=1, lanes=1)
    caseload = create_caseload(
        folder / "demo.sigdesk", passphrase="korrekt häst batteri", use_keyring=False, kdf=cheap
    )
    written = []
    try:
        with caseload.session_scope() as session:
            demo.build(session, youths=25, seed=1, today=TODAY)
        for kind in DocumentKind:
            out = folder / f"{kind.value}.docx"
            with caseload.session_scope() as session:
                result = export(session, ExportRequest(kind, youth, out), today=TODAY)
            if result.withheld:
                print(f"{kind.value}: {result.notice()}")
            written.append((kind.value, out))
    finally:
        caseload.close()
    return written


def district_report(folder: Path, workers: int = 6) -> Path:
    """The Uppföljningsrapport of a district: `workers` demo caseloads (seeds 1…), each
    one's figures as its JSON file would hold them, merged as `sigdesk stats merge` does,
    with the charts' months merged the same way."""
    from sigdesk import demo
    from sigdesk.documents.render import write_document
    from sigdesk.documents.report import ReportRequest, report_bytes
    from sigdesk.stats import monthly_stats, period_stats
    from sigdesk.stats.files import merge, parse_json, to_json
    from sigdesk.store.keystore import KdfParams
    from sigdesk.store.open import create_caseload

    cheap = KdfParams(memory_kib=8192, iterations=1, lanes=1)
    start, end = REPORT_PERIOD
    files, months = [], []
    for seed in range(1, workers + 1):
        caseload = create_caseload(
            folder / f"worker-{seed}.sigdesk", passphrase="korrekt häst batteri",
            use_keyring=False, kdf=cheap,
        )  # fmt: skip
        try:
            with caseload.session_scope() as session:
                demo.build(session, youths=25, seed=seed, today=TODAY)
            with caseload.session_scope() as session:
                stats = period_stats(session, start=start, end=end)
                months.append(monthly_stats(session, start=start, end=end))
        finally:
            caseload.close()
        files.append(parse_json(to_json(stats), Path(f"worker-{seed}.json")))
    district = merge(files)
    monthly = [merge(list(month)) for month in zip(*months, strict=True)]
    request = ReportRequest(forvaltning="Exempelstadens stadsdelsförvaltning", sources=workers)
    data = report_bytes(district, request=request, monthly=monthly, made_on=TODAY)
    return write_document(data, folder / "report.docx")


def pages(docx: Path, folder: Path) -> list[Path]:
    """The document as PNG pages (LibreOffice → PDF → pdftoppm at 80 dpi)."""
    profile = f"-env:UserInstallation=file://{folder}/lo"
    subprocess.run(
        ["libreoffice", "--headless", profile, "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(docx)],
        check=True,
        capture_output=True,
    )
    pdf = folder / (docx.stem + ".pdf")
    prefix = folder / f"{docx.stem}-page"
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(prefix)], check=True)
    return sorted(folder.glob(f"{docx.stem}-page*.png"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--youth", type=int, default=3)
    parser.add_argument("--all-pages", type=Path, default=None, metavar="DIR")
    args = parser.parse_args(argv)
    if shutil.which("libreoffice") is None or shutil.which("pdftoppm") is None:
        print("libreoffice or pdftoppm missing")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        documents = [*export_all(folder, args.youth), ("report", district_report(folder))]
        for stem, docx in documents:
            shown = pages(docx, folder)
            shutil.copyfile(shown[0], OUT / f"{stem}.png")
            print(f"docs/documents/{stem}.png ({len(shown)} pages)")
            if args.all_pages is not None:
                args.all_pages.mkdir(parents=True, exist_ok=True)
                for page in shown:
                    shutil.copyfile(page, args.all_pages / page.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
