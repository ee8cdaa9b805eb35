"""Shared fixtures: real encrypted caseloads, real keyring backends made for tests."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

# Before any QApplication: without it, and without DISPLAY, Qt aborts the test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from keyring.backend import KeyringBackend

sys.path.insert(0, str(Path(__file__).parent.parent))

from sigdesk.store import keystore
from sigdesk.store.db import Caseload
from sigdesk.store.open import create_caseload, open_caseload
from tests.keyrings import MemoryKeyring

PASSPHRASE = "korrekt häst batteri"
#: Cheap Argon2id for tests; the shipped default is checked on its own (RELIABILITY 4).
TEST_KDF = keystore.KdfParams(memory_kib=8192, iterations=1, lanes=1)
TODAY = date(2026, 11, 22)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def use_keyring() -> Iterator[object]:
    """Install any backend for the test; restores the previous one afterwards."""
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def _template_caseload(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MemoryKeyring]:
    """One empty caseload made per test session; tests get copies (fast, and real)."""
    folder = tmp_path_factory.mktemp("template")
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        create_caseload(folder / "mall.sigdesk", passphrase=PASSPHRASE, kdf=TEST_KDF).close()
    finally:
        keyring.set_keyring(previous)
    return folder / "mall.sigdesk", backend


@pytest.fixture
def caseload_path(
    _template_caseload: tuple[Path, MemoryKeyring], tmp_path: Path, memory_keyring: MemoryKeyring
) -> Path:
    """A fresh copy of an empty caseload and its key file; the keyring holds its key."""
    template, backend = _template_caseload
    memory_keyring.store.update(backend.store)
    target = tmp_path / "arenden.sigdesk"
    shutil.copyfile(template, target)
    shutil.copyfile(keystore.key_file_path(template), keystore.key_file_path(target))
    os.chmod(target, 0o600)
    os.chmod(keystore.key_file_path(target), 0o600)
    return target


@pytest.fixture
def caseload(caseload_path: Path) -> Iterator[Caseload]:
    opened = open_caseload(caseload_path)
    yield opened
    opened.close()
