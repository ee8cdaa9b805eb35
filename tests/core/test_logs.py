"""Logs hold no personal data (SPEC §7, RELIABILITY 3): the filter, the files, a whole session."""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sigdesk import logs
from sigdesk.logs import DYNAMIC_MESSAGE, REDACTED, RedactingFilter, Safe

ROOT = Path(__file__).resolve().parents[2]
PASS = "logg lösenfras 7"
NAME = "Åsa Öberg-Lindqvist"
PNR = "200501019806"


# --- the filter, in process ----------------------------------------------------------------


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger whose one handler has the filter, as setup_logging's handlers do."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("sigdesk.test_logs")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    yield logger, out
    logger.removeHandler(handler)
    logger.propagate = True


def test_string_arguments_are_redacted_numbers_pass(captured: tuple[logging.Logger, io.StringIO]):
    logger, out = captured
    logger.info("youth %s (%s) id %d, %.1f s, ok=%s, none=%s", NAME, PNR, 42, 1.25, True, None)
    assert (
        out.getvalue() == f"INFO youth {REDACTED} ({REDACTED}) id 42, 1.2 s, ok=True, none=None\n"
    )


def test_safe_text_and_exception_names_pass(captured: tuple[logging.Logger, io.StringIO]):
    logger, out = captured
    logger.warning("sigdesk %s: %s, %s", Safe("0.1.0"), "NoKeyringError", "ValueError")
    logger.warning("not an exception: %s %s %s", "Anna", "AnnaError", "Empty")
    lines = out.getvalue().splitlines()
    assert lines[0] == "WARNING sigdesk 0.1.0: NoKeyringError, ValueError"
    assert lines[1] == f"WARNING not an exception: {REDACTED} {REDACTED} {REDACTED}"


def test_dynamic_messages_are_replaced(captured: tuple[logging.Logger, io.StringIO]):
    logger, out = captured
    logger.error(f"opened {NAME}")
    logger.error("opened " + PNR)
    logger.error("a fixed message")
    logger.error(ValueError(NAME))
    lines = out.getvalue().splitlines()
    assert lines[:2] == [f"ERROR {DYNAMIC_MESSAGE}"] * 2
    assert lines[2:] == ["ERROR a fixed message", "ERROR <ValueError>"]


def test_objects_mappings_and_bad_formats(captured: tuple[logging.Logger, io.StringIO]):
    logger, out = captured
    logger.info("path %s", Path("/home") / NAME)
    logger.info("%(who)s has %(n)d", {"who": NAME, "n": 3})
    logger.info("count %d", Path(NAME))  # would raise in logging; here the text just goes
    text = out.getvalue()
    assert NAME not in text
    assert text.splitlines() == [
        "INFO path <PosixPath>" if os.name == "posix" else "INFO path <WindowsPath>",
        f"INFO {REDACTED} has 3",
        "INFO count %d <1 arguments not logged>",
    ]


def _fail_with_data() -> None:
    try:
        {}[PNR]
    except KeyError as exc:
        raise RuntimeError(f"cannot save {NAME}") from exc


def test_exceptions_are_types_and_code_locations_only(captured: tuple[logging.Logger, io.StringIO]):
    logger, out = captured
    try:
        _fail_with_data()
    except RuntimeError:
        logger.exception("save failed")
    text = out.getvalue()
    assert NAME not in text and PNR not in text
    assert "builtins.KeyError" in text and "builtins.RuntimeError" in text
    assert "which led to:" in text
    assert re.search(r"tests/core/test_logs\.py:\d+ in _fail_with_data", text)


def test_crash_report_has_versions_and_frames_but_no_message() -> None:
    try:
        _fail_with_data()
    except RuntimeError as exc:
        report = logs.crash_report(type(exc), exc, exc.__traceback__)
    assert report.startswith("sigdesk ")
    assert "Error: builtins.RuntimeError" in report and "_fail_with_data" in report
    assert NAME not in report and PNR not in report
    assert str(Path.home()) not in report


# --- the files -----------------------------------------------------------------------------


@pytest.fixture
def root_logging() -> Iterator[None]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


def test_files_are_owner_only_lazy_and_rotate(tmp_path: Path, root_logging: None) -> None:
    folder = tmp_path / "log"
    path = logs.setup_logging(folder=folder, console=False)
    assert path == folder / logs.LOG_FILE_NAME
    assert not folder.exists(), "nothing is written until something is logged"
    logs.setup_logging(folder=folder, console=False)  # again: handlers replaced, not added
    logging.getLogger("sigdesk.test").warning("one line %s", NAME)
    assert path.read_text(encoding="utf-8").count("one line") == 1
    assert NAME not in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    small = logs._handler_class()(folder / "small.log", maxBytes=200, backupCount=2, delay=True)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "x" * 150, None, None)
    for _ in range(5):
        small.emit(record)
    small.close()
    rotated = sorted(p.name for p in folder.glob("small.log*"))
    assert rotated == ["small.log", "small.log.1", "small.log.2"]
    if os.name == "posix":
        assert all(stat.S_IMODE((folder / n).stat().st_mode) == 0o600 for n in rotated)


def test_console_gets_no_crash_report(
    tmp_path: Path, root_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.setup_logging(folder=tmp_path)
    try:
        _fail_with_data()
    except RuntimeError as exc:
        logs.log_crash(type(exc), exc, exc.__traceback__)
    logging.getLogger("sigdesk.test").warning("shown on stderr")
    assert capsys.readouterr().err.splitlines() == ["WARNING sigdesk.test: shown on stderr"]
    assert "builtins.RuntimeError" in (tmp_path / logs.LOG_FILE_NAME).read_text(encoding="utf-8")


# --- a whole session in real processes -------------------------------------------------------


def _environ(home: Path, passphrase: str | None) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "SIGDESK_PASSPHRASE"}
    environ |= {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LOCALAPPDATA": str(home / "local"),
        "APPDATA": str(home / "roaming"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONPATH": str(ROOT),
    }
    if passphrase is not None:
        environ["SIGDESK_PASSPHRASE"] = passphrase
    return environ


def _python(home: Path, *args: str, passphrase: str | None = PASS) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=_environ(home, passphrase),
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


#: Run in a subprocess: log personal data every way a careless change could, then crash.
_CRASH = """
import logging, sys
from sigdesk import overview
path, name, pnr = sys.argv[1:4]

def boom(*args, **kwargs):
    log = logging.getLogger("sigdesk.overview")
    log.warning(f"youth {name}")
    log.warning("youth %s %s", name, pnr)
    try:
        {}[pnr]
    except KeyError:
        log.exception("lookup failed")
    raise RuntimeError(f"{name} {pnr} could not be read")

overview.deadline_overview = boom
from sigdesk.__main__ import main
sys.exit(main(["deadlines", path]))
"""


def _private_texts(path: Path) -> tuple[set[str], set[str]]:
    """(names, personnummer in every written form) of the demo caseload."""
    from sigdesk.models import Youth
    from sigdesk.store.open import open_caseload

    caseload = open_caseload(path, passphrase=PASS)
    try:
        with caseload.session_scope() as session:
            youths = session.scalars(select(Youth)).all()
            names = {y.first_name for y in youths} | {y.last_name for y in youths}
            names |= {f"{y.first_name} {y.last_name}" for y in youths}
            names |= {g.name for y in youths for g in y.guardians}
            numbers = {y.personnummer for y in youths if y.personnummer}
    finally:
        caseload.close()
    forms = {n[2:8] + "-" + n[8:] for n in numbers} | {n[:8] + "-" + n[8:] for n in numbers}
    return {n for n in names if n}, numbers | forms


def test_a_demo_session_logs_no_personal_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    caseload = tmp_path / "demo.sigdesk"
    cmd = ("-m", "sigdesk")
    steps = [
        _python(home, *cmd, "demo-data", str(caseload), "--youths", "8", "--seed", "4"),
        _python(home, *cmd, "check", str(caseload)),
        _python(home, *cmd, "deadlines", str(caseload)),
        _python(home, *cmd, "deadlines", str(caseload), "--json"),
        _python(home, *cmd, "export", "plan", str(caseload), "--youth", "1", "--out",
                str(tmp_path / "plan.docx"), "--personnummer"),
    ]  # fmt: skip
    for step in steps:
        assert step.returncode == 0, step.stderr
    wrong = _python(home, *cmd, "check", str(caseload), passphrase="fel lösenfras 99")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr

    names, numbers = _private_texts(caseload)
    assert len(names) > 8 and len(numbers) > 8
    name, pnr = sorted(n for n in names if " " in n)[0], sorted(numbers)[0]
    crash = _python(home, "-c", _CRASH, str(caseload), name, pnr)
    assert crash.returncode == 1
    err = crash.stderr.strip().splitlines()
    assert err[-1].startswith("sigdesk: oväntat fel (RuntimeError); en felrapport"), err
    assert "most recent call last" not in crash.stderr and "builtins.RuntimeError" not in err
    assert name not in crash.stderr and pnr not in crash.stderr

    folder = Path(_python(home, "-c", "from sigdesk.logs import log_dir; print(log_dir())").stdout)
    folder = Path(str(folder).strip())
    assert home in folder.parents, "platformdirs must point into the temporary home"
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files, "the crash must have been logged"
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    assert "CRITICAL sigdesk.crash" in text and "builtins.RuntimeError" in text
    assert "builtins.KeyError" in text and DYNAMIC_MESSAGE in text

    secrets = names | numbers | {PASS, "fel lösenfras 99"}
    for path in files:
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
        raw = path.read_bytes()
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            text = raw.decode(encoding, errors="replace")
            hits = [s for s in secrets if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
            assert not hits, f"{path.name} ({encoding}) holds {len(hits)} of the demo's secrets"
