"""Writing files safely: a temporary name in the target folder, fsync, rename, owner-only."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

OWNER_ONLY = 0o600


def atomic_write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` so that the file is either the old one or the whole new one.

    The temporary file is created owner-only in the same folder (a rename across
    file systems would not be atomic) and removed if anything fails.
    """
    if not overwrite and path.exists():
        raise FileExistsError(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, OWNER_ONLY)
        if overwrite:
            os.replace(tmp_name, path)
        else:
            _place_new(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)


def _place_new(tmp_name: str, path: Path) -> None:
    """Move the finished temporary file to `path`, which must not exist.

    link() refuses atomically if the target appeared meanwhile. File systems without
    hard links (FAT/exFAT sticks, some SMB shares) get check-then-rename instead: a
    tiny race, but never a half-written file.
    """
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp_name, path)
        return
    os.unlink(tmp_name)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_owner_only(path: Path) -> None:
    """chmod 0600 where the platform supports it (POSIX); Windows ACLs are per-user already."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, OWNER_ONLY)
