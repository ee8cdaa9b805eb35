"""Arkiv → Överlämna… and Ta emot överlämning… (SPEC §7, handover).

Sending: the youths selected in the caseload list are written to one encrypted file on
the worker (the Argon2id derivation too); the six words are then shown once, large,
with the warning to give them to the receiver another way than the file; last, the
sender is asked to close the youths as handed over, or to delete them. Receiving: a
file, the six words, a preview (youths with their age, which are already here, and the
actors, found in the address book or added), then the import in one transaction and a
message saying what came in.

Both actions are in the Arkiv menu, so the lock disables them with every other action
that needs the caseload; the dialogs are the window's children, so the lock closes them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction

from sigdesk.changes import ChangeKind, Changes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.context import AppContext
    from sigdesk.handover import HandoverExport, HandoverPreview, ImportResult, ReceivedHandover
    from sigdesk.ui.main_window import MainWindow
    from sigdesk.ui.ops import Ops

HANDOVER_FILTER = "*.sigdesk-handover"


class HandoverActions(QObject):
    """The two menu actions and what they run; `window` parents every dialog."""

    message = Signal(str)

    def __init__(self, window: MainWindow, ops: Ops) -> None:
        super().__init__(window)
        self.window, self.ops = window, ops
        self.send_action = QAction(self.tr("&Hand over…"), window)
        self.send_action.triggered.connect(self.send)
        self.receive_action = QAction(self.tr("Receive a &handover…"), window)
        self.receive_action.triggered.connect(self.receive)
        #: The last results (tests read them).
        self.last_export: HandoverExport | None = None
        self.last_import: ImportResult | None = None

    @property
    def ctx(self) -> AppContext:
        return self.ops.ctx

    def forget(self) -> None:
        """At the lock: the last results (names, the words) are dropped."""
        self.last_export = None
        self.last_import = None

    # --- sending --------------------------------------------------------------------

    def send(self) -> None:
        from sigdesk.ui.save_folder import remember_export_folder, start_path
        from sigdesk.ui.save_target import ask_save_path, confirm_outputs

        ids = self.window.caseload.selected_youth_ids()
        if not ids:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self.window,
                self.tr("Hand over"),
                self.tr(
                    "Select the youths to hand over in the caseload list first "
                    "(Ctrl+click or Shift+click selects several)."
                ),
            )
            return
        suggested = f"overlamning-{self.ctx.clock.today()}.sigdesk-handover"
        path = ask_save_path(
            self.window,
            self.tr("Hand over {n} youth(s)").format(n=len(ids)),
            start_path(self.ctx.settings, suggested),
            self.tr("Handover files ({pattern})").format(pattern=HANDOVER_FILTER),
        )
        if path is None:
            return
        overwrite = confirm_outputs(self.window, self.ops, [path])
        if overwrite is None:
            return
        remember_export_folder(self.ctx.settings, path)
        self.send_to(path, ids, overwrite=overwrite)

    def send_to(self, path: Path, youth_ids: list[int], *, overwrite: bool = False) -> None:
        """Write the file on the worker; then the words, then the question about closing."""

        def work(ctx: AppContext) -> HandoverExport:
            from sigdesk.handover import export_handover
            from sigdesk.store.keystore import DEFAULT_KDF

            with ctx.session_scope() as session:
                return export_handover(
                    session,
                    youth_ids=youth_ids,
                    out=path,
                    overwrite=overwrite,
                    protect=[ctx.caseload_path],
                    kdf=ctx.kdf or DEFAULT_KDF,
                )

        self.message.emit(self.tr("Writing the handover file…"))
        self.ops.call(work, self._sent, owner=self.window)

    def _sent(self, sent: HandoverExport) -> None:
        self.last_export = sent
        self.message.emit(self.tr("Handover file written: {path}").format(path=sent.path))
        self.ops.changed.emit(Changes(frozenset({ChangeKind.EVENTS}), frozenset(sent.youth_ids)))
        from sigdesk.ui.dialogs.handover import PassphraseShownDialog

        dialog = PassphraseShownDialog(sent, self.window)
        dialog.finished.connect(lambda _r: self._ask_close(sent))
        dialog.open()

    def _ask_close(self, sent: HandoverExport) -> None:
        if self.ops.locked:  # the lock closed the words: no question while locked
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("After the handover"))
        box.setText(
            self.tr(
                'Close the SIG of the {n} youth(s) as "Handed over to another worker", dated '
                "today (their planned meetings are cancelled)? Or delete them from this "
                "caseload?"
            ).format(n=len(sent.youth_ids))
        )
        close = box.addButton(self.tr("&Close as handed over"), QMessageBox.ButtonRole.AcceptRole)
        delete = box.addButton(self.tr("&Delete them…"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Keep them as they are"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(close)

        def answered(_result: int) -> None:
            if box.clickedButton() is close:
                self.close_youths(list(sent.youth_ids))
            elif box.clickedButton() is delete:
                self.delete_youths(list(sent.youth_ids))

        box.finished.connect(answered)
        box.open()

    def close_youths(self, youth_ids: list[int]) -> None:
        from sigdesk.handover import close_handed_over

        today = self.ctx.clock.today()
        outcome: list[Any] = []

        def work(session: Session) -> Changes:
            result = close_handed_over(session, youth_ids=youth_ids, today=today)
            outcome.append(result)
            return result.changes

        def done(_changes: Changes) -> None:
            closed = len(outcome[0].closed)
            self.message.emit(self.tr("{n} youth(s) closed as handed over.").format(n=closed))

        self.ops.write(work, done, owner=self.window)

    def delete_youths(self, youth_ids: list[int]) -> None:
        """Delete the handed-over youths securely (as gallring does), after a yes."""
        from sigdesk.ui import widgets

        question = self.tr(
            "Delete the {n} youth(s) and everything about them from this caseload? This "
            "cannot be undone; the colleague has them in the handover file. Older backups "
            "still hold them until they rotate out."
        ).format(n=len(youth_ids))
        if not widgets.ask(self.window, self.tr("After the handover"), question):
            return

        def work(ctx: AppContext) -> Any:
            from sigdesk.handover import delete_handed_over

            with ctx.session_scope():
                pass  # finishes an open the list started
            assert ctx.caseload is not None
            return delete_handed_over(ctx.caseload, youth_ids=youth_ids)

        def done(result: Any) -> None:
            self.message.emit(
                self.tr("{n} youth(s) deleted from this caseload.").format(n=result.deleted)
            )
            kinds = frozenset({ChangeKind.YOUTH, ChangeKind.MEETING, ChangeKind.EVENTS})
            self.ops.changed.emit(Changes(kinds, frozenset(youth_ids)))

        self.window.detail.show_youth(None)
        self.message.emit(self.tr("Deleting…"))
        self.ops.call(work, done, owner=self.window)

    # --- receiving ------------------------------------------------------------------

    def receive(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from sigdesk.ui.save_folder import export_folder

        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Receive a handover"),
            str(export_folder(self.ctx.settings)),
            self.tr("Handover files ({pattern})").format(pattern=HANDOVER_FILTER),
        )
        if name:
            self.ask_passphrase(Path(name))

    def ask_passphrase(self, path: Path, error: str = "", typed: str = "") -> None:
        prompt = self.tr("The six words you got from the sender for {file}:").format(file=path.name)
        if error:
            prompt = f"{error}\n\n{prompt}"
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        words, ok = QInputDialog.getText(
            self.window, self.tr("Receive a handover"), prompt, QLineEdit.EchoMode.Normal, typed
        )
        if ok and words.strip():
            self.open_file(path, words)

    def open_file(self, path: Path, words: str) -> None:
        """Decrypt (the KDF) and preview on the worker."""
        today = self.ctx.clock.today()

        def work(ctx: AppContext) -> tuple[ReceivedHandover, HandoverPreview]:
            from sigdesk.handover import open_handover, preview

            received = open_handover(path, passphrase=words)
            with ctx.session_scope() as session:
                return received, preview(session, received, today=today)

        def failed(exc: BaseException) -> None:
            from sigdesk.handover import HandoverPassphraseError

            if isinstance(exc, HandoverPassphraseError) and self.ops.presenter.interactive:
                self.ask_passphrase(path, exc.one_line(), words)
            else:
                self.ops.presenter.present(exc)

        self.message.emit(self.tr("Opening the handover file…"))
        self.ops.call(work, self._preview, failed=failed, owner=self.window)

    def _preview(self, opened: tuple[ReceivedHandover, HandoverPreview]) -> None:
        received, shown = opened
        from sigdesk.ui.dialogs.handover import PreviewDialog

        dialog = PreviewDialog(shown, self.window)
        dialog.accepted.connect(lambda: self.import_now(received))
        dialog.open()

    def import_now(
        self, received: ReceivedHandover, done: Callable[[], None] | None = None
    ) -> None:
        from sigdesk.handover import import_handover

        today = self.ctx.clock.today()
        outcome: list[ImportResult] = []

        def work(session: Session) -> Changes:
            result = import_handover(session, received, today=today)
            outcome.append(result)
            return result.changes

        def imported(_changes: Changes) -> None:
            self.last_import = outcome[0]
            self._tell_imported(outcome[0])
            if done is not None:
                done()

        self.ops.write(work, imported, owner=self.window)

    def _tell_imported(self, result: ImportResult) -> None:
        text = self.tr("Received {n} youth(s): {names}.").format(
            n=len(result.imported), names=", ".join(result.imported)
        )
        for name, here in result.left_out:
            text += "\n" + self.tr(
                "{name} is already in your caseload as {here}: not imported."
            ).format(name=name, here=here)
        text += "\n" + self.tr(
            "Actors: {added} added to the address book, {matched} already in it."
        ).format(added=result.actors_added, matched=result.actors_matched)
        self.message.emit(text.replace("\n", " "))
        if self.ops.presenter.interactive:  # not modal-blocking: the list refreshes behind it
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Receive a handover"),
                text,
                parent=self.window,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()


def install_handover_actions(window: MainWindow) -> HandoverActions:
    actions = HandoverActions(window, window.ops)
    actions.message.connect(window.show_message)
    window.locked.connect(actions.forget)
    return actions
