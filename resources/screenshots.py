"""Screenshots of every main view, on a fictional demo caseload, at 1366×768.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshots.py followup  # one view
    xvfb-run -a .venv/bin/python resources/screenshots.py     # a real X server

Writes PNGs to docs/screenshots/. Nothing here touches a real caseload: the demo and
the locked and empty caseloads live in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
TODAY = date(2026, 11, 22)
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from sigdesk.clock import Clock  # noqa: E402
from sigdesk.context import AppContext  # noqa: E402
from sigdesk.settings import Settings  # noqa: E402
from sigdesk.ui.i18n import install_language  # noqa: E402
from sigdesk.ui.startup import Session  # noqa: E402


def wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        QApplication.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, name: str) -> None:
    settle()
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    # 4 bits a channel, no dithering: flat colours and text stay crisp, files stay small.
    image = image.convertToFormat(
        QImage.Format.Format_RGB444, Qt.ImageConversionFlag.AvoidDither
    ).convertToFormat(QImage.Format.Format_RGB888)
    target = OUT / f"{name}.png"
    image.save(str(target), "PNG", 9)
    print(
        f"{target.relative_to(ROOT)}  {image.width()}×{image.height()}  "
        f"{target.stat().st_size // 1024} KB"
    )


def demo_session(folder: Path) -> Session:
    ctx = AppContext(folder / "demo.sigdesk", Settings(), clock=Clock(TODAY), demo_dir=folder)
    session = Session(ctx)
    session.presenter.interactive = False
    session.start(demo_youths=25)
    window = session.window
    assert window is not None
    window.resize(QSize(1366, 768))
    wait(lambda: window.caseload.model.rowCount() > 0 and window.todo.model.rowCount() > 0)
    return session


def main_views(session: Session) -> None:
    window = session.window
    assert window is not None
    save(window, "01-caseload-and-todo")
    pane = window.caseload
    pane.warnings_only.setChecked(True)
    save(window, "02-only-warnings")
    pane.warnings_only.setChecked(False)
    pane.table.setCurrentIndex(pane.proxy.index(0, 0))  # the most urgent youth
    detail = window.detail
    wait(lambda: detail.overview.data is not None)
    save(window, "03-youth-overview")
    tabs = [
        (1, detail.network, "04-network-and-consent"),
        (2, detail.plan, "05-action-plan"),
        (3, detail.meetings, "06-meetings"),
        (4, detail.log, "07-log"),
    ]
    for index, tab, name in tabs:
        detail.tabs.setCurrentIndex(index)
        wait(lambda tab=tab: tab.data is not None)
        editor = None
        if tab is detail.plan and detail.plan.model.rowCount():
            area = detail.plan.model.index(0, 0)
            detail.plan.tree.setCurrentIndex(detail.plan.model.index(0, 0, area))
            settle(0.5)
            status = detail.plan.model.index(0, 1, area)
            detail.plan.tree.edit(status)  # the status picked in place
            settle(0.3)
            editor = detail.plan.tree.focusWidget()
        save(window, name)
        if editor is not None:
            detail.plan.tree.itemDelegate().closeEditor.emit(editor)
    detail.tabs.setCurrentIndex(3)
    dialog = detail.meetings.plan_meeting()
    assert dialog is not None
    save(dialog, "08-plan-meeting-dialog")
    dialog.dirty = False
    dialog.reject()
    dialog = window.new_youth()
    dialog.first_name.setText("Ebba")
    dialog.personnummer.setText("20100101-1235")
    dialog.personnummer.recheck()
    dialog.start_date.setText("2026-13-01")
    dialog.start_date.recheck()
    save(dialog, "09-new-youth-with-errors")
    dialog.dirty = False
    dialog.reject()
    settings = window.open_settings()
    wait(lambda: bool(settings.name.text()))
    save(settings, "10-settings")
    settings.reject()


def followup_view(session: Session) -> None:
    """Uppföljning: this year so far, the youths behind "Aktiva ungdomar" listed."""
    window = session.window
    assert window is not None
    view = window.open_followup()
    view.resize(QSize(1366, 768))
    wait(lambda: None not in (view.stats, view.charts, view.monthly))
    view.trace("active", "total")
    wait(lambda: view.youths.rowCount() > 0)
    save(view, "21-followup")
    view.close()


def _meeting_youth(window: object) -> int:
    """A demo youth with a planned meeting and open goals (the most urgent such one)."""
    rows = window.caseload.model.rows  # type: ignore[attr-defined]
    for row in rows:
        if row.deadline is not None and row.deadline.next_meeting is not None:
            return int(row.youth_id)
    raise LookupError("no demo youth with a planned meeting")


def meeting_views(session: Session, out: Path) -> Path:
    """Meeting mode from "Starta möte" to the minutes; returns the minutes file."""
    from sigdesk.ui import widgets

    widgets.ask = lambda *_args: True  # "move it to today?", "open it now?" → yes
    window = session.window
    assert window is not None
    window.open_youth(_meeting_youth(window), 3)
    tab = window.detail.meetings
    wait(lambda: tab.data is not None)
    started: list[object] = []
    tab.meeting_started.connect(started.append)
    tab.start_meeting()
    wait(lambda: bool(started))
    view = started[0]
    view.resize(QSize(1366, 768))  # type: ignore[attr-defined]
    view.show()  # type: ignore[attr-defined]
    att = view.attendance  # type: ignore[attr-defined]
    codes = ["narvarande", "narvarande", "forhinder", "narvarande", "franvarande"]
    for n, key in enumerate(att.groups):
        att.set_status(key, codes[n % len(codes)])
    view.pages[0].notes.setPlainText(  # type: ignore[attr-defined]
        "Alla hälsades välkomna. Syftet: följa upp planen inför jullovet."
    )
    save(view, "15-meeting-mode")  # type: ignore[arg-type]
    view.go_to(3)  # type: ignore[attr-defined]
    statuses = ["delvis_uppnatt", "pagar", "uppnatt", "pagar"]
    comments = ["Närvaron har ökat till 80 %", "Fortsätter", "Klart", "Skolan följer upp"]
    for n, (status, comment) in enumerate(view.followups.rows.values()):  # type: ignore[attr-defined]
        status.setCurrentIndex(status.findData(statuses[n % 4]))
        if n < len(view.followups.rows) - 1:  # type: ignore[attr-defined]
            comment.setText(comments[n % 4])
    save(view, "16-meeting-followup")  # type: ignore[arg-type]
    items = view.new_items  # type: ignore[attr-defined]
    items.what.setText("Boka tid hos skolsköterskan")
    items.actor.setCurrentIndex(min(2, items.actor.count() - 1))
    items.due.setText("2026-12-11")
    items.add_action()
    view.decisions.setPlainText("Skolan ordnar läxhjälp två dagar i veckan.")  # type: ignore[attr-defined]
    nxt = view.next_meeting  # type: ignore[attr-defined]
    proposed = nxt.day.text()
    nxt.day.setText("2027-01-12")
    view.go_to(7)  # type: ignore[attr-defined]
    view.finish()  # type: ignore[attr-defined]
    settle(1.0)
    save(view, "17-meeting-next-date-late")  # type: ignore[arg-type]
    nxt.day.setText(proposed)
    view.finish()  # type: ignore[attr-defined]
    wait(lambda: view.done)  # type: ignore[attr-defined]
    panel = view.finish_panel  # type: ignore[attr-defined]
    panel.plan.setChecked(True)
    save(view, "18-meeting-finish")  # type: ignore[arg-type]
    written: list[list[Path]] = []
    panel.files_written.connect(written.append)
    panel.exporter.choose_path = lambda p: out / p.name
    panel.exporter.open_url = lambda _p: None
    panel.save()
    wait(lambda: bool(written))
    save(view, "19-meeting-files-saved")  # type: ignore[arg-type]
    view.close()  # type: ignore[attr-defined]
    return next(p for p in written[0] if p.name.startswith("Minnesanteckningar"))


def document_pages(docx: Path, stem: str, folder: Path) -> None:
    """The minutes as the network gets them: PDF by LibreOffice, then PNG pages."""
    import shutil
    import subprocess

    if shutil.which("libreoffice") is None or shutil.which("pdftoppm") is None:
        print("libreoffice or pdftoppm missing: no document pages")
        return
    profile = f"-env:UserInstallation=file://{folder}/lo"
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            profile,
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        check=True,
        capture_output=True,
    )
    pdf = folder / (docx.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / "page")], check=True)
    for n, page in enumerate(sorted(folder.glob("page*.png")), start=1):
        target = OUT / f"{stem}-{n}.png"
        shutil.copyfile(page, target)
        print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")


def locked_view(folder: Path) -> None:
    from sigdesk.store.keystore import KdfParams
    from sigdesk.store.open import create_caseload

    path = folder / "last.sigdesk"
    cheap = KdfParams(memory_kib=8192, iterations=1, lanes=1)
    create_caseload(path, passphrase="korrekt häst batteri", use_keyring=False, kdf=cheap).close()
    session = Session(AppContext(path, Settings(), clock=Clock(TODAY), kdf=cheap))
    session.start()
    window = session.window
    assert window is not None
    window.resize(QSize(1366, 768))
    wait(lambda: window.pages.currentWidget() is window.unlock_panel)
    window.unlock_panel.passphrase.setText("fel fras")
    window.unlock_panel.button.click()
    wait(lambda: window.unlock_panel.button.isEnabled())
    save(window, "11-unlock-wrong-passphrase")
    window.unlock_panel.remember.setChecked(False)  # leave this machine's keyring alone
    window.unlock_panel.passphrase.setText("korrekt häst batteri")
    window.unlock_panel.button.click()
    wait(
        lambda: (
            window.pages.currentWidget() is window.workspace
            and window.todo.stack.currentWidget() is window.todo.empty
        )
    )
    save(window, "12-empty-caseload")
    window.close()
    session.stop()


def wizard_view(folder: Path) -> None:
    session = Session(
        AppContext(folder / "ny" / "caseload.sigdesk", Settings(), clock=Clock(TODAY))
    )
    session.start()
    wizard = session.wizard
    save(wizard, "13-wizard-welcome")
    wizard.next()
    wizard.profile.name.setText("Sam Exempelsson")
    wizard.profile.forvaltning.setText("Exempelstadens stadsdelsförvaltning")
    wizard.next()
    wizard.passphrase.fields.first.setText("åtta ord")
    save(wizard, "14-wizard-passphrase")
    wizard.reject()
    session.stop()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language("sv")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sigdesk-shots-") as tmp:
        os.environ["SIGDESK_CONFIG_DIR"] = tmp  # never the user's settings
        session = demo_session(Path(tmp) / "demo")
        if sys.argv[1:] == ["followup"]:  # this one picture only
            followup_view(session)
            session.stop()
            return 0
        main_views(session)
        followup_view(session)
        files = Path(tmp) / "files"
        files.mkdir()
        minutes = meeting_views(session, files)
        document_pages(minutes, "20-minutes-page", files)
        assert session.window is not None
        session.window.close()
        session.stop()
        locked_view(Path(tmp))
        wizard_view(Path(tmp))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
