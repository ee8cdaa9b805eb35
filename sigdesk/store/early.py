"""The keyring's answer for the window's start, asked on the other core (Linux).

Importing keyring (with its backend's dependencies) and cryptography is about a fifth of
the start's CPU time, and in one process it queues for the interpreter's lock behind
Qt's import. So on Linux the window's start forks, before any thread exists, a child
that runs the keyring half of an unlock with the same code (`keystore.KeyFile`), writes
its answer to a pipe and exits; the parent meanwhile imports Qt and takes the process
lock.

The answer counts only for the key file the child read: once the parent holds the
caseload's lock, `take` reads the key file again and uses the answer only when the
bytes are the same. A rotation left pending, a key file that changed, a keyring slot
that does not open, a child that failed in any way: the unlock then runs in-process,
exactly as without this module. A keyring that gives no key (missing, locked, declined,
plain text, the fail or null backend) is final: the passphrase is asked, and the
keyring is not asked a second time.

What crosses the pipe is the data key (32 bytes) and the key file's bytes: an anonymous
pipe between a process and its own child, never a file. Elsewhere (Windows, macOS, a
process that already has threads) `start` returns None.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from sigdesk.config import key_file_path

log = logging.getLogger(__name__)


@dataclass
class EarlyKeyring:
    """A child process's keyring answer for one caseload; read once, by `take`."""

    pid: int
    fd: int
    _answer: dict[str, str | None] | None = field(default=None, repr=False)
    _done: bool = field(default=False, repr=False)

    def take(self, caseload: Path) -> bytes | None:
        """The data key when the child's answer holds for the key file on disk now.

        Raises PassphraseRequiredError when the keyring gave no key; None means: unlock
        in-process. Blocks until the child is done (the keyring may be showing its own
        prompt). Once only: a later call returns None.
        """
        answer = self._collect()
        self._answer = None
        if answer is None:
            return None
        try:
            same = key_file_path(caseload).read_bytes() == base64.b64decode(
                answer["key_file"] or ""
            )
        except (OSError, ValueError):
            return None
        if not same:
            log.info("key file changed during the start: unlocking in-process")
            return None
        from sigdesk.store.keystore import key_or_passphrase

        key = answer["key"]
        return key_or_passphrase(None if key is None else bytes.fromhex(key))

    def discard(self) -> None:
        """Wait for the child and drop its answer (the lock was not held, or at exit)."""
        self._collect()
        self._answer = None

    def _collect(self) -> dict[str, str | None] | None:
        if self._done:
            return self._answer
        self._done = True
        chunks = []
        try:
            while chunk := os.read(self.fd, 65536):
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(self.fd)
            with contextlib.suppress(ChildProcessError):  # reaped already
                os.waitpid(self.pid, 0)
        try:
            answer = json.loads(b"".join(chunks)) if chunks else None
        except ValueError:
            answer = None
        self._answer = answer if isinstance(answer, dict) else None
        return self._answer


def start(caseload: Path) -> EarlyKeyring | None:
    """Fork the child that asks the keyring for `caseload`'s key, where that is safe."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return None
    if not key_file_path(caseload).is_file():
        return None
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # pragma: no cover - the child (its answer is tested through `take`)
        os.close(read_fd)
        _answer(caseload, write_fd)
    os.close(write_fd)
    return EarlyKeyring(pid, read_fd)


def _answer(caseload: Path, fd: int) -> NoReturn:  # pragma: no cover - runs in the child
    """The child: the keyring half of `keystore.unlock`, written to `fd`; then exit."""
    message = b""
    try:
        logging.disable(logging.CRITICAL)  # the parent's log file is not the child's to write
        from sigdesk.store.keystore import KeyFile

        path = key_file_path(caseload)
        raw = path.read_bytes()
        key_file = KeyFile.parse(path, raw)
        if key_file.pending is None:
            key = key_file.open_with_keyring()
            message = json.dumps(
                {
                    "key_file": base64.b64encode(raw).decode("ascii"),
                    "key": None if key is None else key.hex(),
                }
            ).encode("ascii")
    except BaseException:  # any failure: no answer, the parent unlocks in-process
        message = b""
    finally:
        with contextlib.suppress(OSError):
            view = memoryview(message)
            while view:
                view = view[os.write(fd, view) :]
        os._exit(0)
