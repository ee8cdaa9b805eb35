"""Logging to the user's log folder with no personal data in it (SPEC §7, RELIABILITY 3).

The rule: a log record holds a fixed message from the code and type names, never text a
user typed or a caseload holds. `RedactingFilter`, on every handler `setup_logging`
installs, enforces it instead of trusting each call site:

- the message must be a string constant of the code that logs it (it is looked up in the
  constants of the calling frames); an f-string or a `str(exc)` is replaced;
- string arguments become `<text>` unless wrapped in `Safe(...)` by the caller, or equal to
  the name of an exception class (`type(exc).__name__`); numbers, booleans and `None` pass;
  any other object becomes `<TypeName>`;
- an exception is written as its type names and code locations (file:line function), never
  its message and never local values (`safe_traceback`).

No Qt here: the command line and the GUI share it (the GUI's crash dialog is ui/crash.py).
"""

from __future__ import annotations

import enum
import logging
import os
import re
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

APP_NAME = "sigdesk"
LOG_FILE_NAME = "sigdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
REDACTED = "<text>"
DYNAMIC_MESSAGE = "<message not logged: not a constant of the code>"
_CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"
_FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"

log = logging.getLogger(__name__)
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class Safe(str):
    """A string the code vouches for (a version, a command name): logged as it is.

    Never wrap user input, case data, paths or an exception's message in it.
    """

    __slots__ = ()


# --- where the log lives -------------------------------------------------------------------


def log_dir() -> Path:
    """The platform's user log folder, e.g. ~/.local/state/sigdesk/log on Linux."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def _make_private_dir(folder: Path) -> None:
    from sigdesk.store.fileutil import make_private_dir

    make_private_dir(folder)  # 0700 for every folder made, whatever the umask


def _handler_class() -> type[RotatingFileHandler]:
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        """Rotating log files readable by the owner only; a logging failure is silent."""

        def _open(self) -> Any:
            path = Path(self.baseFilename)
            _make_private_dir(path.parent)
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOINHERIT", 0)
            fd = os.open(path, flags, 0o600)
            if os.name == "posix":
                os.fchmod(fd, 0o600)  # an older file made with another umask
            return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

        def handleError(self, record: logging.LogRecord) -> None:
            """A full disk or a locked file must never disturb the app or print a traceback."""

    return PrivateRotatingFileHandler


class _LazyFileHandler(logging.Handler):
    """Opens the rotating file (and imports logging.handlers) at the first record only.

    A run that logs nothing, the usual case, touches no disk and pays no import.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._inner: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._inner is None:
            try:
                inner = _handler_class()(
                    self.path,
                    maxBytes=MAX_BYTES,
                    backupCount=BACKUP_COUNT,
                    encoding="utf-8",
                    delay=True,
                )
            except OSError:
                return
            inner.setFormatter(logging.Formatter(_FILE_FORMAT))
            self._inner = inner
        self._inner.handle(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """Logging never disturbs the app."""

    def close(self) -> None:
        if self._inner is not None:
            self._inner.close()
        super().close()


def _home_known() -> bool:
    """platformdirs needs a home folder; a service account may have none."""
    try:
        Path.home()
    except (RuntimeError, KeyError):
        return False
    return True


# --- redaction -----------------------------------------------------------------------------

_exception_names: set[str] = set()


def _refresh_exception_names() -> None:
    todo: list[type[BaseException]] = [BaseException]
    while todo:
        cls = todo.pop()
        _exception_names.add(cls.__name__)
        try:
            todo.extend(cls.__subclasses__())
        except TypeError:  # `type.__subclasses__` needs an instance
            continue


_EXCEPTION_SUFFIX = re.compile(r"[A-Z]\w*(Error|Exception|Warning|Exit|Interrupt|Iteration)")


def is_exception_name(text: str) -> bool:
    """True when `text` is the name of a loaded exception class (e.g. `NoKeyringError`).

    Only names that look like one (…Error, …Warning, …) count, so that no word a user
    typed passes because some library happens to name an exception after it.
    """
    if not _EXCEPTION_SUFFIX.fullmatch(text):
        return False
    if text not in _exception_names:
        _refresh_exception_names()
    return text in _exception_names


def redact_value(value: object) -> object:
    """The form of one log argument that may be written: numbers pass, text does not."""
    if isinstance(value, Safe):
        return str(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if is_exception_name(value) else REDACTED
    if isinstance(value, type):
        return value.__qualname__
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return f"<{type(value).__name__}>"


def _is_code_constant(message: str, start: FrameType | None) -> bool:
    """True if `message` is a string constant of a function on the current stack."""
    frame = start
    while frame is not None:
        if message in frame.f_code.co_consts:
            return True
        frame = frame.f_back
    return False


_LIBRARY_ROOT = re.compile(r".*/(?:site-packages|_internal|lib/python\d+\.\d+|Lib)/")


def _short_path(filename: str) -> str:
    """A code location without the user's home folder in it."""
    name = filename.replace("\\", "/")
    package_root = str(Path(__file__).resolve().parents[1]).replace("\\", "/") + "/"
    if name.startswith(package_root):
        return name[len(package_root) :]
    short = _LIBRARY_ROOT.sub("", name)
    return short if short != name else name.rsplit("/", 1)[-1]


def safe_traceback(exc: BaseException, tb: TracebackType | None = None) -> list[str]:
    """Type names and code locations of an exception and its causes; no messages, no values."""
    import traceback

    chain: list[tuple[BaseException, TracebackType | None]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    current_tb = tb if tb is not None else exc.__traceback__
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, current_tb))
        nxt = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        current, current_tb = nxt, (nxt.__traceback__ if nxt is not None else None)
    lines: list[str] = []
    for index, (error, error_tb) in enumerate(reversed(chain)):
        if index:
            lines.append("which led to:")
        lines.append("Traceback (code locations only):")
        for frame in traceback.extract_tb(error_tb):
            lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
        lines.append(f"{type(error).__module__}.{type(error).__qualname__}")
    return lines


class RedactingFilter(logging.Filter):
    """Rewrites each record so that only code-written text and numbers reach a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "sigdesk_redacted", False):
            return True
        record.msg = self._message(record, sys._getframe(1))
        record.args = None
        if record.exc_info is not None and record.exc_info[1] is not None:
            record.exc_text = "\n".join(safe_traceback(record.exc_info[1], record.exc_info[2]))
        elif record.exc_text:
            record.exc_text = "(exception not logged)"
        record.exc_info = None
        record.stack_info = None
        record.sigdesk_redacted = True
        return True

    @staticmethod
    def _message(record: logging.LogRecord, caller: FrameType | None) -> str:
        msg = record.msg
        if isinstance(msg, Safe):
            template = str(msg)
        elif isinstance(msg, str):
            template = msg if _is_code_constant(msg, caller) else DYNAMIC_MESSAGE
        else:
            return str(redact_value(msg))
        args = record.args
        if not args:
            return template
        safe_args: tuple[object, ...] | dict[str, object]
        if isinstance(args, Mapping):
            safe_args = {str(k): redact_value(v) for k, v in args.items()}
        else:
            safe_args = tuple(redact_value(v) for v in args)
        try:
            return template % safe_args
        except (TypeError, ValueError, KeyError):  # e.g. "%d" of an object now "<Decimal>"
            return f"{template} <{len(args)} arguments not logged>"


CRASH_LOGGER = "sigdesk.crash"


def _not_crash_reports(record: logging.LogRecord) -> bool:
    return record.name != CRASH_LOGGER


# --- setting up, crash reports ----------------------------------------------------------

_OUR_HANDLER = "sigdesk_handler"
_state: dict[str, Path | None] = {"log_file": None}


def setup_logging(
    *, folder: Path | None = None, file_level: int = logging.INFO, console: bool = True
) -> Path | None:
    """Log WARNING+ to stderr and INFO+ to a rotating, owner-only file; returns its path.

    Nothing is written until something is logged. Safe to call again (handlers replaced).
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OUR_HANDLER, False)]:
        root.removeHandler(handler)
        handler.close()
    redact = RedactingFilter()
    if console and sys.stderr is not None:  # a windowed Windows build has no stderr
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter(_CONSOLE_FORMAT))
        stream.addFilter(redact)
        stream.addFilter(_not_crash_reports)  # stderr gets its own one line (__main__)
        setattr(stream, _OUR_HANDLER, True)
        root.addHandler(stream)
    path = (folder or log_dir()) if folder is not None or _home_known() else None
    if path is not None:
        path = path / LOG_FILE_NAME
        to_file = _LazyFileHandler(path)
        to_file.setLevel(file_level)
        to_file.addFilter(redact)
        setattr(to_file, _OUR_HANDLER, True)
        root.addHandler(to_file)
    root.setLevel(min(file_level, logging.WARNING))
    # Alembic's INFO lines ("Context impl SQLiteImpl", each revision) say nothing useful.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.captureWarnings(True)
    _state["log_file"] = path
    return path


def log_file() -> Path | None:
    """The file `setup_logging` writes to, if any."""
    return _state["log_file"]


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """A report that can be copied to IT support: versions and code locations, no data."""
    import platform

    from sigdesk import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    lines = [
        f"sigdesk {__version__} ({frozen})",
        f"Python {platform.python_version()} on {platform.platform(terse=True)}",
        f"Error: {exc_type.__module__}.{exc_type.__qualname__}",
        "",
        *safe_traceback(exc, tb),
    ]
    return "\n".join(lines)


def log_crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Write the crash report to the log (never the message); returns the report."""
    report = crash_report(exc_type, exc, tb)
    logging.getLogger(CRASH_LOGGER).critical("unexpected error\n%s", Safe(report))
    return report


def install_excepthook() -> None:
    """Unhandled exceptions (main thread and others) are logged as crash reports.

    The command line's one-line message is printed by `sigdesk.__main__`; this hook covers
    what escapes it (and threads). The GUI replaces it with its dialog (ui/crash.py).
    """

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log_crash(kind, exc, tb)
        if sys.stderr is not None:
            print(f"sigdesk: oväntat fel ({kind.__name__}){_where_hint()}", file=sys.stderr)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        log_crash(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def _where_hint() -> str:
    path = log_file()
    return f"; en felrapport utan ärendedata finns i {path}" if path is not None else ""


def unexpected_error_line(exc: BaseException) -> str:
    """The command line's one line for a bug: the type name and where the report is."""
    return f"sigdesk: oväntat fel ({type(exc).__name__}){_where_hint()}"
