"""The key file and its two slots: RELIABILITY rows 3–9."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sigdesk.caseload import YouthData, add_youth
from sigdesk.config import key_file_path
from sigdesk.errors import (
    CaseloadExistsError,
    KeyFileDamagedError,
    KeyFileMissingError,
    KeyringWrongKeyError,
    PassphraseRequiredError,
    ValidationError,
    WrongPassphraseError,
)
from sigdesk.models import Youth
from sigdesk.store import keystore
from sigdesk.store.open import create_caseload, open_caseload
from tests.conftest import PASSPHRASE, TEST_KDF, TODAY, sha256
from tests.keyrings import MemoryKeyring, PlaintextKeyring, unusable_keyrings


def _files(path: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in path.parent.iterdir() if p.is_file()}


def test_default_kdf_is_argon2id_with_at_least_64_mib() -> None:
    """RELIABILITY 4: the shipped cost (the unlock time is measured in benchmarks/)."""
    assert keystore.DEFAULT_KDF.memory_kib >= 64 * 1024
    assert keystore.DEFAULT_KDF.iterations >= 1


def test_key_file_records_kdf_and_never_the_key(caseload_path: Path) -> None:
    data_key = keystore.unlock(caseload_path, passphrase=PASSPHRASE)
    raw = key_file_path(caseload_path).read_bytes()
    doc = json.loads(raw)
    assert doc["slots"]["passphrase"]["kdf"] == "argon2id"
    assert data_key not in raw and data_key.hex().encode() not in raw
    assert data_key.hex().upper().encode() not in raw


def test_files_are_owner_only(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    """RELIABILITY 5: caseload, key file, WAL files and backups are 0600."""
    path = tmp_path / "ny.sigdesk"
    caseload = create_caseload(path, passphrase=PASSPHRASE, kdf=TEST_KDF)
    with caseload.session_scope() as s:
        add_youth(s, YouthData("Test", "Testsson"), today=TODAY)
    from sigdesk.store.db import backup_copy

    backup = backup_copy(path, caseload.engine, label="test")
    for p in tmp_path.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
    assert backup.exists()
    caseload.close()


def test_keyring_unlock_without_prompt(caseload_path: Path) -> None:
    caseload = open_caseload(caseload_path)
    caseload.close()


@unusable_keyrings
def test_unusable_keyring_asks_for_passphrase(
    caseload_path: Path,
    use_keyring,
    backend,  # type: ignore[no-untyped-def]
) -> None:
    """RELIABILITY 6 and 7: never "first run", never a new key; files unchanged."""
    if isinstance(backend, PlaintextKeyring):
        # A plain-text keyring that even holds the right secret is not used.
        backend.store.update(MemoryKeyring().store)
    before = _files(caseload_path)
    use_keyring(backend)
    with pytest.raises(PassphraseRequiredError):
        open_caseload(caseload_path)
    assert _files(caseload_path) == before
    caseload = open_caseload(caseload_path, passphrase=PASSPHRASE)
    caseload.close()


def test_plaintext_keyring_is_refused_for_storing(tmp_path: Path, use_keyring) -> None:  # type: ignore[no-untyped-def]
    backend = use_keyring(PlaintextKeyring())
    create_caseload(tmp_path / "a.sigdesk", passphrase=PASSPHRASE, kdf=TEST_KDF).close()
    assert backend.store == {}
    assert "keyring" not in json.loads(key_file_path(tmp_path / "a.sigdesk").read_text())["slots"]


def test_wrong_key_in_keyring(caseload_path: Path, memory_keyring: MemoryKeyring) -> None:
    """RELIABILITY 8: a key that does not fit is named, the passphrase still opens."""
    before = _files(caseload_path)
    for key in list(memory_keyring.store):
        memory_keyring.store[key] = "00" * 32
    with pytest.raises(KeyringWrongKeyError) as info:
        open_caseload(caseload_path)
    assert "lösenfras" in info.value.one_line()
    assert _files(caseload_path) == before
    open_caseload(caseload_path, passphrase=PASSPHRASE).close()


def test_keyring_entry_deleted_then_passphrase_reads_every_row(
    caseload_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """RELIABILITY 9."""
    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:
        for i in range(20):
            add_youth(s, YouthData(f"Namn{i}", "Testsson"), today=TODAY)
    caseload.close()
    memory_keyring.store.clear()
    with pytest.raises(PassphraseRequiredError):
        open_caseload(caseload_path)
    caseload = open_caseload(caseload_path, passphrase=PASSPHRASE)
    with caseload.session_scope() as s:
        names = s.scalars(select(Youth.first_name).order_by(Youth.id)).all()
    assert names == [f"Namn{i}" for i in range(20)]
    caseload.close()


def test_wrong_passphrase(caseload_path: Path) -> None:
    before = _files(caseload_path)
    with pytest.raises(WrongPassphraseError):
        open_caseload(caseload_path, passphrase="fel lösenfras")
    assert _files(caseload_path) == before


def test_change_passphrase_rewraps_without_touching_the_database(caseload_path: Path) -> None:
    db_before = sha256(caseload_path)
    keystore.change_passphrase(caseload_path, old=PASSPHRASE, new="ny lösenfras 2026", kdf=TEST_KDF)
    assert sha256(caseload_path) == db_before
    with pytest.raises(WrongPassphraseError):
        keystore.unlock(caseload_path, passphrase=PASSPHRASE)
    open_caseload(caseload_path, passphrase="ny lösenfras 2026").close()
    open_caseload(caseload_path).close()  # the keyring slot still works
    assert stat.S_IMODE(key_file_path(caseload_path).stat().st_mode) == 0o600


def test_change_passphrase_needs_the_old_one(caseload_path: Path) -> None:
    key_before = sha256(key_file_path(caseload_path))
    with pytest.raises(WrongPassphraseError):
        keystore.change_passphrase(caseload_path, old="inte den", new="ny lösenfras 2026")
    with pytest.raises(ValidationError):
        keystore.change_passphrase(caseload_path, old=PASSPHRASE, new="kort")
    assert sha256(key_file_path(caseload_path)) == key_before


def test_key_file_missing(caseload_path: Path) -> None:
    before = sha256(caseload_path)
    key_file_path(caseload_path).unlink()
    with pytest.raises(KeyFileMissingError):
        open_caseload(caseload_path, passphrase=PASSPHRASE)
    assert sha256(caseload_path) == before


@pytest.mark.parametrize("content", [b"", b"{", b"\xff\xfe", b'{"format": 99}', b"[]"])
def test_key_file_damaged(caseload_path: Path, content: bytes) -> None:
    key_file_path(caseload_path).write_bytes(content)
    with pytest.raises(KeyFileDamagedError):
        open_caseload(caseload_path, passphrase=PASSPHRASE)


def test_never_creates_over_an_existing_caseload(caseload_path: Path) -> None:
    before = _files(caseload_path)
    with pytest.raises(CaseloadExistsError):
        create_caseload(caseload_path, passphrase=PASSPHRASE, kdf=TEST_KDF)
    assert _files(caseload_path) == before
    # the key file alone is also enough to refuse
    other = caseload_path.with_name("annan.sigdesk")
    key_file_path(other).write_text("{}")
    with pytest.raises(CaseloadExistsError):
        create_caseload(other, passphrase=PASSPHRASE, kdf=TEST_KDF)
    assert not other.exists()


def test_secrets_never_in_logs_or_errors(
    tmp_path: Path, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    """RELIABILITY 3: key and passphrase appear in no log record and no error text."""
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "hemlig.sigdesk"
    create_caseload(path, passphrase=PASSPHRASE, kdf=TEST_KDF).close()
    key = keystore.unlock(path, passphrase=PASSPHRASE)
    messages = []
    for wrong in ("fel1 lösenfras", PASSPHRASE + "x"):
        with pytest.raises(WrongPassphraseError) as info:
            keystore.unlock(path, passphrase=wrong)
        messages.append(info.value.one_line() + repr(info.value))
    memory_keyring.store.clear()
    with pytest.raises(PassphraseRequiredError) as info2:
        open_caseload(path)
    messages.append(info2.value.one_line())
    text = caplog.text + "".join(messages)
    for secret in (PASSPHRASE, key.hex(), key.hex().upper()):
        assert secret not in text
    with open_caseload(path, passphrase=PASSPHRASE).session_scope() as s:
        assert s.scalar(select(func.count(Youth.id))) == 0


def test_keyring_slot_added_after_a_passphrase_unlock_then_forgotten(
    caseload_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """A new laptop: the passphrase opens, the key goes into this keyring, later removed."""
    memory_keyring.store.clear()
    with pytest.raises(PassphraseRequiredError):
        keystore.unlock(caseload_path)
    data_key = keystore.unlock(caseload_path, passphrase=PASSPHRASE)
    db_before = sha256(caseload_path)
    keystore.store_in_keyring(caseload_path, data_key)
    assert keystore.unlock(caseload_path) == data_key
    keystore.forget_keyring(caseload_path)
    assert memory_keyring.store == {}
    with pytest.raises(PassphraseRequiredError):
        keystore.unlock(caseload_path)
    assert keystore.unlock(caseload_path, passphrase=PASSPHRASE) == data_key
    assert sha256(caseload_path) == db_before
