"""RELIABILITY 10 and 2: `sigdesk check` names the damaged pages of a flipped file, every
error is an honest one, and nothing is written; a module that is not SQLCipher 4 is refused.

The drill flips one byte at a time in the first, a middle or the last page of a demo
caseload (20 flips here; `pytest -m slow` runs 200 and prints the figures;
`python -m benchmarks.drill_flips` prints them too).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from sigdesk import cli
from sigdesk.demo import build
from sigdesk.errors import CipherVersionError, DamagedCaseloadError, SigdeskError
from sigdesk.store import dbfile, keystore
from sigdesk.store.check import check_file, pages_named
from sigdesk.store.db import open_caseload as open_with_key
from sigdesk.store.open import create_caseload, open_caseload
from tests.conftest import PASSPHRASE, TEST_KDF, TODAY, sha256
from tests.keyrings import MemoryKeyring

REGIONS = ("first", "middle", "last")


def make_demo(folder: Path) -> tuple[Path, bytes]:
    """A caseload of 25 fictional youths and its data key (the keyring is not used)."""
    path = folder / "demo.sigdesk"
    caseload = create_caseload(path, passphrase=PASSPHRASE, use_keyring=False, kdf=TEST_KDF)
    with caseload.session_scope() as session:
        build(session, youths=25, seed=10, today=TODAY)
    caseload.close()
    return path, keystore.unlock(path, passphrase=PASSPHRASE)


def _flip(original: bytes, target: Path, rng: random.Random, region: str) -> int:
    """Write `original` to `target` with one byte changed; returns the page (from 1)."""
    pages = len(original) // dbfile.PAGE_SIZE
    page = {"first": 1, "middle": pages // 2 + 1, "last": pages}[region]
    offset = (page - 1) * dbfile.PAGE_SIZE + rng.randrange(dbfile.PAGE_SIZE)
    data = bytearray(original)
    data[offset] ^= rng.randrange(1, 256)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    target.write_bytes(bytes(data))
    return page


def _run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.run(argv)  # an unexpected exception propagates: the drill counts it
    return code, capsys.readouterr().err


def flip_drill(
    demo: Path, key: bytes, work: Path, *, flips: int, seed: int, capsys: pytest.CaptureFixture[str]
) -> Counter[str]:
    """Run `flips` flips; the figures as a Counter (see RELIABILITY 10)."""
    original = demo.read_bytes()
    shutil.copyfile(keystore.key_file_path(demo), keystore.key_file_path(work))
    key_file = sha256(keystore.key_file_path(work))
    rng = random.Random(seed)
    figures: Counter[str] = Counter()
    for n in range(flips):
        page = _flip(original, work, rng, REGIONS[n % 3])
        flipped = sha256(work)
        figures["flips"] += 1
        try:
            open_with_key(work, key).close()
        except DamagedCaseloadError as exc:
            figures["detected at open"] += 1
            figures["named at open"] += _names(exc.one_line(), page)
        except SigdeskError:
            figures["detected at open"] += 1
        except Exception:
            figures["oväntat fel"] += 1
        for argv in (["deadlines", str(work)], ["check", str(work)]):
            try:
                code, err = _run_cli(argv, capsys)
            except Exception:
                figures["oväntat fel"] += 1
                continue
            figures[f"{argv[0]} exit {code}"] += 1
            if argv[0] == "check" and code == 1 and _names(err, page):
                figures["named by check"] += 1
            if code and ("oväntat" in err or "säkerhetskopia" not in err):
                figures["dishonest message"] += 1
        figures["files modified"] += sha256(work) != flipped
        figures["files modified"] += sha256(keystore.key_file_path(work)) != key_file
    return figures


def _names(message: str, page: int) -> bool:
    """The line names `page` (a damaged salt names no page: check says every page)."""
    return page in pages_named([message.replace("sidorna", "page").replace("sida", "page")]) or (
        page == 1 and "ingen av de" in message
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    return make_demo(tmp_path_factory.mktemp("flips"))


def _drill(demo: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str], flips: int) -> Counter[str]:  # fmt: skip
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    figures = flip_drill(*demo, tmp_path / "skadad.sigdesk", flips=flips, seed=10, capsys=capsys)
    with capsys.disabled():
        print("\nRELIABILITY 10:", dict(sorted(figures.items())))
    assert figures["named by check"] == flips
    assert figures["check exit 1"] == flips
    assert figures["oväntat fel"] == 0 and figures["dishonest message"] == 0
    assert figures["files modified"] == 0
    return figures


def test_twenty_flips_are_named_by_check(
    demo: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _drill(demo, tmp_path, monkeypatch, capsys, flips=20)


@pytest.mark.slow
def test_two_hundred_flips_are_named_by_check(
    demo: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _drill(demo, tmp_path, monkeypatch, capsys, flips=200)


def test_check_of_a_good_file(demo: tuple[Path, bytes]) -> None:
    path, key = demo
    before = sha256(path)
    report = check_file(path, key)
    assert report.ok and report.damaged_pages == [] and report.youths == 25
    assert report.schema_version == dbfile.SCHEMA_HEAD
    assert sha256(path) == before


def test_a_middle_page_is_named(demo: tuple[Path, bytes], tmp_path: Path) -> None:
    path, key = demo
    work = tmp_path / "skadad.sigdesk"
    page = _flip(path.read_bytes(), work, random.Random(3), "middle")
    report = check_file(work, key)
    assert not report.ok and report.damaged_pages == [page]
    line = report.summary(work)
    assert f"sida {page} av {report.pages}" in line and "Återställ en säkerhetskopia" in line


def test_a_damaged_salt_or_another_key_is_said_so(demo: tuple[Path, bytes]) -> None:
    path, _ = demo
    report = check_file(path, bytes(32))
    assert report.no_page_fits and "nyckelfilen hör till en annan" in report.summary(path)


# --- RELIABILITY 2: cipher_version on every open ---------------------------------------------


def test_cipher_version_is_sqlcipher_4() -> None:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    assert dbfile.check_cipher_version(conn).startswith("4.")
    plain = sqlite3.connect(":memory:")
    with pytest.raises(CipherVersionError, match="SQLite utan kryptering"):
        dbfile.check_cipher_version(plain)


def test_a_plain_sqlite_module_is_refused_on_open(
    caseload_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sha256(caseload_path)
    monkeypatch.setattr(dbfile, "sqlcipher3", sqlite3)
    with pytest.raises(CipherVersionError) as caught:
        open_caseload(caseload_path)
    assert "inte SQLCipher 4" in caught.value.one_line()
    assert "Fel nyckel" not in caught.value.one_line()
    assert sha256(caseload_path) == before


def test_reading_a_damaged_page_is_a_damage_error(demo: tuple[Path, bytes], tmp_path: Path) -> None:
    """Past the open, a read of a damaged page says "skadad" and offers a backup."""
    from sqlalchemy import text

    from sigdesk.errors import DamagedCaseloadError

    path, key = demo
    work = tmp_path / "skadad.sigdesk"
    _flip(path.read_bytes(), work, random.Random(5), "last")
    caseload = open_with_key(work, key)
    try:
        with pytest.raises(DamagedCaseloadError) as caught, caseload.session_scope() as session:
            names = session.scalars(text("SELECT name FROM sqlite_master WHERE type='table'"))
            for name in list(names):
                session.execute(text(f'SELECT * FROM "{name}"')).all()
    finally:
        caseload.close()
    assert "sigdesk check" in caught.value.one_line()
    assert "säkerhetskopia" in caught.value.one_line()


def test_open_tells_a_damaged_first_page_from_a_wrong_key(
    demo: tuple[Path, bytes], tmp_path: Path
) -> None:
    from sigdesk.errors import WrongKeyOrDamagedError

    path, key = demo
    work = tmp_path / "skadad.sigdesk"
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    work.write_bytes(bytes(data))
    before = sha256(work)
    with pytest.raises(DamagedCaseloadError) as caught:
        open_with_key(work, key)
    line = caught.value.one_line()
    assert "sida 1 kan inte läsas" in line and "nyckeln är rätt" in line
    assert "Återställ en säkerhetskopia" in line
    with pytest.raises(WrongKeyOrDamagedError) as wrong:
        open_with_key(path, bytes(32))
    assert type(wrong.value) is WrongKeyOrDamagedError
    assert sha256(work) == before
