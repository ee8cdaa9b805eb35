"""The window's first unlock and list read in a child process (store/early.py).

Each test forks a real child (it inherits the test's keyring backend, as the window's
child inherits the OS keyring's configuration) and reads its answers back through
`open.unlock` and `open.read_list`, the path the window's first open takes.
"""

from __future__ import annotations

import os
import select
import sys
import threading
import time
from pathlib import Path

import pytest

from sigdesk import caseload_list
from sigdesk.caseload import YouthData, add_youth
from sigdesk.catalogues import YouthStatus
from sigdesk.config import key_file_path
from sigdesk.errors import KeyringWrongKeyError, PassphraseRequiredError
from sigdesk.store import early, keystore
from sigdesk.store.open import open_caseload, read_list, unlock
from tests.conftest import PASSPHRASE, TEST_KDF, TODAY, sha256
from tests.keyrings import LockedKeyring, MemoryKeyring, unusable_keyrings

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def fork(path: Path) -> early.EarlyUnlock:
    assert threading.active_count() == 1, "a test left a thread running: fork is unsafe"
    child = early.start(path)
    assert child is not None
    return child


def reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_childs_key_and_list_are_the_caseloads(
    caseload_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = caseload_path
    caseload = open_caseload(path)
    with caseload.session_scope() as session:
        for name in ["Alva", "Bo", "Åsa"]:
            data = YouthData(name, "Ek", status=YouthStatus.ACTIVE, start_date=TODAY)
            add_youth(session, data, today=TODAY)
    caseload.close()
    key = keystore.unlock(path)
    expected = read_list(path, key, today=TODAY, warning_days=7)
    assert expected is not None and len(expected) == 3

    child = fork(path)
    pid = child.pid
    assert unlock(path, early=child) == key

    def not_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the list was read in this process, not the child")

    monkeypatch.setattr(caseload_list, "caseload_rows", not_here)  # here, not in the child
    assert read_list(path, key, today=TODAY, warning_days=7, early=child) == expected
    assert reaped(pid)
    assert child.take(path) is None  # once only
    assert child.read_list(key, today=TODAY, warning_days=7) is early.UNREAD


def test_the_list_is_read_only_after_the_key_was_taken(caseload_path: Path) -> None:
    """The go for the list comes after `take` (which runs once the lock is held): a
    request before it, or with another key, is read in-process instead."""
    key = keystore.unlock(caseload_path)
    child = fork(caseload_path)
    assert child.read_list(key, today=TODAY, warning_days=7) is early.UNREAD
    child = fork(caseload_path)
    assert child.take(caseload_path) == key
    assert child.read_list(b"\0" * 32, today=TODAY, warning_days=7) is early.UNREAD


def test_discard_ends_a_child_waiting_for_the_go_at_once(caseload_path: Path) -> None:
    child = fork(caseload_path)
    pid = child.pid
    assert child.take(caseload_path) is not None  # the child now waits for the go
    started = time.monotonic()
    child.discard()
    assert time.monotonic() - started < 5
    assert reaped(pid)


@unusable_keyrings
def test_a_keyring_without_a_key_asks_for_the_passphrase_never_a_new_caseload(
    caseload_path: Path,
    use_keyring,
    backend,  # type: ignore[no-untyped-def]
) -> None:
    """RELIABILITY 6–7 through the child: the passphrase is asked; nothing is written."""
    use_keyring(backend)
    before = sha256(caseload_path), sha256(key_file_path(caseload_path))
    answer = fork(caseload_path)
    with pytest.raises(PassphraseRequiredError):
        unlock(caseload_path, early=answer)
    assert (sha256(caseload_path), sha256(key_file_path(caseload_path))) == before
    assert unlock(caseload_path, passphrase=PASSPHRASE)


class CountingLockedKeyring(LockedKeyring):
    """A keyring whose unlock prompt the user declined; counts this process's asks."""

    asks = 0

    def get_password(self, service: str, username: str) -> str | None:
        type(self).asks += 1
        return super().get_password(service, username)


def test_a_declined_keyring_is_not_asked_a_second_time(
    caseload_path: Path,
    use_keyring,  # type: ignore[no-untyped-def]
) -> None:
    use_keyring(CountingLockedKeyring())
    answer = fork(caseload_path)  # the child asks (its own count, in its own memory)
    with pytest.raises(PassphraseRequiredError):
        unlock(caseload_path, early=answer)
    assert CountingLockedKeyring.asks == 0


def test_a_wrong_key_in_the_keyring_is_named_as_in_process(
    caseload_path: Path, memory_keyring: MemoryKeyring
) -> None:
    for entry in memory_keyring.store:
        memory_keyring.store[entry] = "00" * 32
    with pytest.raises(KeyringWrongKeyError):
        unlock(caseload_path, early=fork(caseload_path))


def test_a_key_file_changed_after_the_child_read_it_is_not_trusted(
    caseload_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """Another process changed the key file before this one held the lock: the child's
    answer is for the old bytes, so the unlock runs in-process (here: on a keyring that
    has since lost its entry, so the passphrase is asked)."""
    answer = fork(caseload_path)
    readable, _, _ = select.select([answer.answers], [], [], 30)
    assert readable  # the child has answered for the key file as it was
    keystore.change_passphrase(
        caseload_path, old=PASSPHRASE, new="en annan lösenfras", kdf=TEST_KDF
    )
    memory_keyring.store.clear()
    with pytest.raises(PassphraseRequiredError):
        unlock(caseload_path, early=answer)


def test_a_rotation_left_pending_is_settled_in_process(caseload_path: Path) -> None:
    key_file = keystore.load_key_file(caseload_path)
    key = key_file.open_with_keyring()
    assert key is not None
    passphrase_key = key_file.passphrase_wrapping_key(PASSPHRASE)
    keyring_key = key_file.keyring_wrapping_key()
    key_file.stage(os.urandom(32), passphrase_key=passphrase_key, keyring_key=keyring_key)
    key_file.save()
    answer = fork(caseload_path)
    assert answer.take(caseload_path) is None
    assert unlock(caseload_path) == key  # the database still has the old key: rolled back


def test_no_child_without_a_key_file_or_beside_a_thread(caseload_path: Path) -> None:
    assert early.start(caseload_path.with_name("saknas.sigdesk")) is None
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert early.start(caseload_path) is None
    finally:
        stop.set()
        thread.join()
