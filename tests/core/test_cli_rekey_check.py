"""`sigdesk rekey` and `sigdesk check` as IT support runs them: real processes, one line."""

from __future__ import annotations

from pathlib import Path

from sigdesk.config import key_file_path
from sigdesk.store.dbfile import PAGE_SIZE
from tests.conftest import sha256
from tests.core.test_cli import PASS, _one_line, demo_copy, demo_file, sigdesk

__all__ = ["demo_copy", "demo_file"]  # fixtures


def test_rekey_then_check(demo_copy: Path) -> None:
    before = sha256(demo_copy)
    result = sigdesk("rekey", str(demo_copy), passphrase=PASS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Datanyckeln är bytt") and not result.stderr
    assert sha256(demo_copy) != before
    check = sigdesk("check", str(demo_copy), passphrase=PASS)
    assert check.returncode == 0, check.stderr
    assert "12 ungdomar" in check.stdout


def test_rekey_refuses_without_the_right_passphrase(demo_copy: Path) -> None:
    files = sha256(demo_copy), sha256(key_file_path(demo_copy))
    wrong = sigdesk("rekey", str(demo_copy), passphrase="fel lösenfras 1")
    assert wrong.returncode == 2 and _one_line(wrong) == "sigdesk: Fel lösenfras."
    missing = sigdesk("rekey", str(demo_copy))
    assert missing.returncode == 2 and "lösenfrasen" in _one_line(missing)
    assert (sha256(demo_copy), sha256(key_file_path(demo_copy))) == files


def test_check_names_a_damaged_first_page(demo_copy: Path) -> None:
    data = bytearray(demo_copy.read_bytes())
    data[PAGE_SIZE // 2] ^= 0x20
    demo_copy.write_bytes(bytes(data))
    before = sha256(demo_copy)
    result = sigdesk("check", str(demo_copy), passphrase=PASS)
    assert result.returncode == 1
    line = _one_line(result)
    assert "sida 1 av" in line and "Återställ en säkerhetskopia" in line
    assert "oväntat" not in line
    assert sha256(demo_copy) == before
