"""The window's first unlock and list, done on the other core (Linux).

Importing keyring (with its backend's dependencies), cryptography and sqlcipher3, and
reading the caseload list, are a third of the start's CPU time; in one process they
queue for the interpreter's lock behind Qt's import. So on Linux the window's start
forks, before any thread exists, a child that runs the first unlock with the same code
(`keystore.KeyFile`, `open.read_list`) while the parent imports Qt and takes the
process lock:

1. the child asks the keyring and opens the key file's keyring slot, and writes the
   answer (the data key, or none) with the key file's bytes to the parent;
2. `take`, once the parent holds the caseload's lock, reads the key file again and
   uses the answer only when the bytes are the same;
3. `read_list` then tells the child to read the list (only now: the lock is held), and
   receives the rows.

A rotation left pending, a key file that changed, a keyring slot that does not open, a
child that failed in any way: that step then runs in-process, exactly as without this
module. A keyring that gives no key (missing, locked, declined, plain text, the fail
or null backend) is final: the passphrase is asked, and the keyring is not asked a
second time.

What crosses the pipes is the data key (32 bytes), the key file's bytes and the list's
rows: anonymous pipes between a process and its own child, never a file. The child
exits once it has answered, or when the parent closes its pipe. Elsewhere (Windows,
macOS, a process that already has threads) `start` returns None.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
import pickle
import signal
import sys
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sigdesk.config import key_file_path

if TYPE_CHECKING:
    from sigdesk.caseload_list import CaseloadRow

log = logging.getLogger(__name__)

#: What `read_list` returns when the child could not read: read in-process.
UNREAD: Any = object()


@dataclass
class EarlyUnlock:
    """The child process of one start: its keyring answer, then the list on request."""

    pid: int
    answers: int  # read end: the child's answers
    requests: int  # write end: the parent's go for the list
    _reader: Any = field(default=None, repr=False)
    _key: bytes | None = field(default=None, repr=False)

    def take(self, caseload: Path) -> bytes | None:
        """The data key when the child's answer holds for the key file on disk now.

        Raises PassphraseRequiredError when the keyring gave no key; None means: unlock
        in-process. Blocks until the child has answered (the keyring may be showing its
        own prompt). Once only: a later call returns None.
        """
        if self._reader is not None or self.answers < 0:
            return None
        self._reader = os.fdopen(self.answers, "rb")
        try:
            answer = json.loads(self._reader.readline() or b"null")
            same = key_file_path(caseload).read_bytes() == base64.b64decode(answer["key_file"])
        except (OSError, ValueError, TypeError, KeyError):
            self.discard()
            return None
        if not same:
            log.info("key file changed during the start: unlocking in-process")
            self.discard()
            return None
        from sigdesk.store.keystore import key_or_passphrase

        key = answer["key"]
        try:
            self._key = key_or_passphrase(None if key is None else bytes.fromhex(key))
        except Exception:
            self.discard()
            raise
        return self._key

    def read_list(self, key: bytes, *, today: date, warning_days: int) -> Any:
        """The child's `open.read_list` with the key `take` gave (so only after it, with
        the lock held); UNREAD when the child cannot give it. Once only."""
        if self._key is None or key != self._key or self._reader is None:
            self.discard()
            return UNREAD
        self._key = None
        try:
            request = {"today": today.isoformat(), "warning_days": warning_days}
            os.write(self.requests, json.dumps(request).encode("ascii") + b"\n")
            rows: list[CaseloadRow] | None = pickle.loads(self._reader.read())
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError):
            rows = UNREAD
        self.discard()
        return rows

    def discard(self) -> None:
        """End the child (at exit, or when its answer is not used); never waits on it."""
        self._key = None
        if self.requests >= 0:
            os.close(self.requests)  # the child, if waiting for a request, exits
            self.requests = -1
        if self._reader is not None:
            self._reader.close()
        elif self.answers >= 0:
            os.close(self.answers)
        self.answers = -1
        if self.pid > 0:
            # Not reaped yet, so the pid is still this child's: it may be waiting on the
            # keyring (a prompt nobody needs now); it holds no lock and writes nothing.
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0


def start(caseload: Path) -> EarlyUnlock | None:
    """Fork the child that unlocks `caseload` through the keyring, where that is safe."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return None
    if not key_file_path(caseload).is_file():
        return None
    answers_r, answers_w = os.pipe()
    requests_r, requests_w = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (answers_r, answers_w, requests_r, requests_w):
            os.close(fd)
        return None
    if pid == 0:  # pragma: no cover - the child (tested through what it answers)
        os.close(answers_r)
        os.close(requests_w)
        _child(caseload, answers_w, requests_r)
    os.close(answers_w)
    os.close(requests_r)
    return EarlyUnlock(pid, answers_r, requests_w)


def _child(caseload: Path, answers: int, requests: int) -> NoReturn:  # pragma: no cover
    """The child: the keyring half of `keystore.unlock`, then `open.read_list` on request."""
    try:
        logging.disable(logging.CRITICAL)  # the parent's log file is not the child's to write
        key = _keyring_answer(caseload, answers)
        if key is not None:
            with os.fdopen(requests, "rb") as incoming:
                request = json.loads(incoming.readline() or b"null")
            if request is not None:
                from sigdesk.store.open import read_list

                rows = read_list(
                    caseload,
                    key,
                    today=date.fromisoformat(request["today"]),
                    warning_days=int(request["warning_days"]),
                )
                _write(answers, pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # any failure: no answer, the parent does it itself
        pass
    finally:
        os._exit(0)


def _keyring_answer(caseload: Path, answers: int) -> bytes | None:  # pragma: no cover
    """Write the keyring's answer; the data key when there is one."""
    from sigdesk.store.keystore import KeyFile

    path = key_file_path(caseload)
    raw = path.read_bytes()
    key_file = KeyFile.parse(path, raw)
    if key_file.pending is not None:
        return None
    key = key_file.open_with_keyring()
    answer = {"key_file": base64.b64encode(raw).decode("ascii"), "key": key and key.hex()}
    _write(answers, json.dumps(answer).encode("ascii") + b"\n")
    return key


def _write(fd: int, data: bytes) -> None:  # pragma: no cover - runs in the child
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
