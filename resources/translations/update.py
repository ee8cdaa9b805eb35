"""Refresh the Swedish translation: extract, fill from sv_texts.py, compile the .qm.

    .venv/bin/python resources/translations/update.py

Runs pyside6-lupdate over sigdesk/ui, fills every message from `sv_texts.SV` (or
`BY_CONTEXT`), fails listing any English text that has no Swedish yet, and runs
pyside6-lrelease into sigdesk/ui/translations/ (shipped with the package).
Commit both sigdesk_sv.ts and sigdesk_sv.qm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "sigdesk_sv.ts"
QM = ROOT / "sigdesk" / "ui" / "translations" / "sigdesk_sv.qm"  # shipped in the package

sys.path.insert(0, str(HERE))
from sv_texts import BY_CONTEXT, SV  # noqa: E402


def tool(name: str) -> str:
    """pyside6-lupdate/-lrelease beside this Python, else on PATH, else in the PySide6 dir."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / name)


def extract() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "sigdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [
            tool("lupdate"),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            "sv_SE",
            "-ts",
            str(TS),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def fill() -> list[str]:
    """Write the Swedish into the .ts; returns the sources that have none."""
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            swedish = BY_CONTEXT.get((name, source), SV.get(source))
            translation = message.find("translation")
            assert translation is not None
            if swedish is None:
                missing.append(f"{name}: {source!r}")
                continue
            translation.text = swedish
            translation.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return missing


def compile_qm() -> None:
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)


def main() -> int:
    extract()
    missing = fill()
    if missing:
        print("No Swedish yet for:", *missing, sep="\n  ", file=sys.stderr)
        return 1
    compile_qm()
    print(f"{TS.name} and {QM.name} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
