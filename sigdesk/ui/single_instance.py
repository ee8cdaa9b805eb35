"""A second start on the same caseload brings the first window forward (SPEC §7).

The process holding the caseload's lock (sigdesk/store/lock.py) listens on a local
socket (QLocalServer: a Unix socket, a named pipe on Windows) whose name is a hash of
the user and the caseload's resolved path, never the path or a name. A second start
finds the lock taken, asks the first over that socket to come forward and exits; if
nobody answers, it says that the caseload is open in another window.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

REQUEST = b"sigdesk focus\n"
ANSWER = b"ok\n"
WAIT_MS = 3000


def server_name(caseload: Path) -> str:
    """The socket name for a caseload: a hash, so no path or name shows in /tmp."""
    try:
        resolved = caseload.resolve()
    except OSError:
        resolved = caseload.absolute()
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{resolved}".encode("utf-8", "surrogateescape"))
    return f"sigdesk-{digest.hexdigest()[:32]}"


def bring_forward(window: QWidget) -> None:
    """Show, raise and activate a top-level window (restored if minimised)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class FocusServer(QObject):
    """Listens for a second start; `focus()` brings this process's window forward."""

    focus_requested = Signal()

    def __init__(self, caseload: Path, focus: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(caseload)
        self.focus = focus
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening. Only the holder of the caseload's lock calls this, so a
        socket left by a killed run can be removed first."""
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()) != REQUEST:
            socket.disconnectFromServer()
            return
        self.focus()
        self.focus_requested.emit()
        socket.write(ANSWER)
        socket.flush()
        socket.disconnectFromServer()


def ask_first_to_focus(caseload: Path, *, wait_ms: int = WAIT_MS) -> bool:
    """Ask the process holding `caseload` to bring its window forward; True if it did."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(caseload))
    if not socket.waitForConnected(wait_ms):
        return False
    socket.write(REQUEST)
    if not socket.waitForBytesWritten(wait_ms):
        return False
    answer = b""
    while len(answer) < len(ANSWER) and socket.waitForReadyRead(wait_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer == ANSWER


def tell_open_elsewhere(parent: QWidget | None = None) -> None:
    """The caseload is held by another process that did not come forward."""
    text = QCoreApplication.translate(
        "SingleInstance",
        "The caseload is open in another sigdesk window. Switch to that window, or "
        "close it and start sigdesk again.",
    )
    QMessageBox.information(parent, "sigdesk", text)


def second_start(caseload: Path, *, tell: Callable[[], None] = tell_open_elsewhere) -> int:
    """A start that found the caseload taken: focus the first window (exit 0) or say so."""
    if ask_first_to_focus(caseload):
        return 0
    app = QApplication.instance()
    if app is not None:
        tell()
    return 2
