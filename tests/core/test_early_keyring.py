"""The keyring's answer asked in a child process at the window's start (store/early.py).

Each test forks a real child (it inherits the test's keyring backend, as the window's
child inherits the OS keyring's configuration) and reads its answer back through
`open.unlock`, the path the window's first unlock takes.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from keyring.backends import fail, null

from sigdesk.config import key_file_path
from sigdesk.errors import KeyringWrongKeyError, PassphraseRequiredError
from sigdesk.store import early, keystore
from sigdesk.store.open import unlock
from tests.conftest import PASSPHRASE, TEST_KDF, sha256
from tests.keyrings import LockedKeyring, MemoryKeyring, PlaintextKeyring

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def fork(path: Path) -> early.EarlyKeyring:
    assert threading.active_count() == 1, "a test left a thread running: fork is unsafe"
    answer = early.start(path)
    assert answer is not None
    return answer


def child_is_reaped(answer: early.EarlyKeyring) -> bool:
    try:
        os.waitpid(answer.pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_childs_key_is_the_keyrings_key(caseload_path: Path) -> None:
    expected = keystore.unlock(caseload_path)
    answer = fork(caseload_path)
    assert unlock(caseload_path, early=answer) == expected
    assert child_is_reaped(answer)
    assert answer.take(caseload_path) is None  # once only


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), LockedKeyring(), PlaintextKeyring()],
    ids=["fail", "null", "locked", "plaintext"],
)
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
    os.waitpid(answer.pid, 0)  # the child has answered for the key file as it was
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
