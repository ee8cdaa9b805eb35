"""Atomic writes: the whole new file or the old one, owner-only, nothing left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sigdesk.store.fileutil import atomic_write_bytes


def test_new_file_is_owner_only_and_alone(tmp_path: Path) -> None:
    atomic_write_bytes(tmp_path / "a.bin", b"hej", overwrite=False)
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]
    assert stat.S_IMODE((tmp_path / "a.bin").stat().st_mode) == 0o600


def test_existing_file_is_kept_unless_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    target.write_bytes(b"gammal")
    with pytest.raises(FileExistsError):
        atomic_write_bytes(target, b"ny", overwrite=False)
    assert target.read_bytes() == b"gammal"
    atomic_write_bytes(target, b"ny")
    assert target.read_bytes() == b"ny"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_without_hard_links_it_still_never_clobbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FAT stick or SMB share: link() is not supported there."""

    def no_links(src: str, dst: str) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    atomic_write_bytes(tmp_path / "b.bin", b"data", overwrite=False)
    assert (tmp_path / "b.bin").read_bytes() == b"data"
    with pytest.raises(FileExistsError):
        atomic_write_bytes(tmp_path / "b.bin", b"annat", overwrite=False)
    assert (tmp_path / "b.bin").read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["b.bin"]


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        atomic_write_bytes(tmp_path / "saknas" / "c.bin", b"x")
    assert list(tmp_path.iterdir()) == []
