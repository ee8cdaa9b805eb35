"""Where sigdesk may write a file it was asked to write (SPEC §7, RELIABILITY 25).

Every output path — `calendar --out`, `export --out`, backups, statistics, handover,
the window's save dialogs — goes through `check_output_path` before anything is
written:

- a caseload or one of its companions (key file, `-wal`, `-shm`, `-journal`, lock
  file) is refused always, even with `--force` or a yes: `ProtectedFileError`;
- an existing file is refused unless the caller passes `overwrite=True` (the CLI's
  `--force`, the window's own "Replace the file?" yes): `OutputExistsError`;
- a missing folder or a folder in the file's place gets its own message.

A caseload is recognised by name (`*.sigdesk` and its companions), by a key file
beside it (so a caseload under any name is found), and by the paths the caller
names in `protect` (the open caseload), compared after resolving links.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from sigdesk.config import CASELOAD_SUFFIX, KEY_FILE_SUFFIX, key_file_path
from sigdesk.errors import SigdeskError
from sigdesk.store.lock import LOCK_SUFFIX

#: Files SQLite and sigdesk keep beside a caseload `NAME`: `NAME` + each of these.
COMPANION_SUFFIXES = (KEY_FILE_SUFFIX, "-wal", "-shm", "-journal", LOCK_SUFFIX)


class ProtectedFileError(SigdeskError):
    """The output path is a caseload or one of its files: never written, even with --force."""


class OutputExistsError(SigdeskError):
    """The output file exists and the caller did not say to replace it."""


def caseload_files(caseload: Path) -> list[Path]:
    """The caseload and every file that belongs to it."""
    return [caseload] + [caseload.with_name(caseload.name + s) for s in COMPANION_SUFFIXES]


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())


def is_caseload_file(path: Path, *, protect: Iterable[Path] = ()) -> bool:
    """Whether `path` is (or would overwrite) a caseload, its key file or another companion."""
    for caseload in protect:
        if any(_same(path, member) for member in caseload_files(caseload)):
            return True
    name = path.name
    if name.endswith(CASELOAD_SUFFIX) or key_file_path(path).exists():
        return True
    for suffix in COMPANION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = path.with_name(name[: -len(suffix)])
            if base.name.endswith(CASELOAD_SUFFIX) or key_file_path(base).exists():
                return True
    # A link pointing at a caseload file is refused as the file itself.
    real = path.resolve()
    return real != path.absolute() and is_caseload_file(real)


def check_output_path(out: Path, *, overwrite: bool = False, protect: Iterable[Path] = ()) -> Path:
    """Refuse `out` unless sigdesk may write it; returns `out` unchanged.

    `overwrite` is the user's explicit yes (`--force`, or the window's question);
    `protect` names caseloads in use (the open one) besides those found by name.
    Raises ProtectedFileError, OutputExistsError or SigdeskError (folder problems),
    each with a one-line Swedish message; nothing on disk is touched.
    """
    out = Path(out)
    if is_caseload_file(out, protect=protect):
        raise ProtectedFileError(
            f"{out} är en ärendefil eller hör till en (nyckel-, logg- eller låsfil); "
            "sigdesk skriver aldrig över den.",
            hint="Välj ett annat filnamn.",
        )
    if out.is_dir():
        raise SigdeskError(f"Det finns en mapp med det namnet: {out}")
    if not out.parent.is_dir():
        raise SigdeskError(f"Mappen finns inte: {out.parent}")
    if not overwrite and (out.exists() or out.is_symlink()):
        raise OutputExistsError(f"Filen finns redan: {out}")
    return out
