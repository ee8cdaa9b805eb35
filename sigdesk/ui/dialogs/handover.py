"""The handover's two dialogs: the six words shown once, and the preview before an import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sigdesk.handover import HandoverExport, HandoverPreview


class PassphraseShownDialog(QDialog):
    """The six words, once, large, with the warning; nothing else can show them again."""

    def __init__(self, sent: HandoverExport, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handover passphrase"))
        self.setMinimumWidth(640)
        names = ", ".join(sent.names)
        intro = QLabel(
            self.tr("The handover file {file} is written ({names}).").format(
                file=sent.path.name, names=names
            )
        )
        intro.setWordWrap(True)
        words = sent.passphrase.split()
        half = (len(words) + 1) // 2
        # Two lines of three, with room between the words: read aloud or copied by hand.
        self.words = QLabel("\n".join("   ".join(part) for part in (words[:half], words[half:])))
        font = QFont(self.words.font())
        font.setPointSize(max(20, font.pointSize() * 2))
        font.setBold(True)
        self.words.setFont(font)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setWordWrap(True)
        self.words.setAccessibleName(self.tr("One-time passphrase"))
        warning = Banner("warning")
        warning.show_text(
            self.tr(
                "Write the six words down now: they are shown only this once. Give them to the "
                "receiver another way than the file (by phone or in person, not in the same "
                "e-mail). Anyone with both the file and the words can read everything in it."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.words)
        layout.addSpacing(12)
        layout.addWidget(warning)
        if sent.drafts_left_out:
            left = QLabel(
                self.tr(
                    "{n} unfinished meeting draft(s) stay here: finish those meetings first "
                    "if their notes should go along."
                ).format(n=sent.drafts_left_out)
            )
            left.setWordWrap(True)
            layout.addWidget(left)
        buttons = QDialogButtonBox()
        done = buttons.addButton(
            self.tr("I have written the words down"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        done.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def done(self, result: int) -> None:
        self.words.clear()  # no widget keeps the words once the dialog is closed
        super().done(result)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class PreviewDialog(QDialog):
    """What the file holds and what importing it would do; Import or Cancel."""

    def __init__(self, shown: HandoverPreview, parent: QWidget) -> None:
        super().__init__(parent)
        from sigdesk.ui.i18n import fmt_date

        self.setWindowTitle(self.tr("Receive a handover"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Handover file made {date}.").format(date=fmt_date(shown.created.date()))
            )
        )
        layout.addWidget(_heading(self.tr("Youths ({n})").format(n=len(shown.youths))))
        self.youths = QListWidget()
        for youth in shown.youths:
            age = self.tr(", {age} years").format(age=youth.age) if youth.age is not None else ""
            text = f"{youth.name}{age} — {youth.status.label}"
            if youth.already_here:
                text += " — " + self.tr("already in your caseload ({name}): not imported").format(
                    name=youth.already_here
                )
            self.youths.addItem(text)
        layout.addWidget(self.youths, 1)
        layout.addWidget(_heading(self.tr("Actors ({n})").format(n=len(shown.actors))))
        self.actors = QListWidget()
        for actor in shown.actors:
            where = self.tr("in your address book") if actor.matched else self.tr("added to it")
            self.actors.addItem(f"{actor.label} — {where}")
        layout.addWidget(self.actors, 1)
        self.note = Banner("warning")
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("&Import"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if shown.received_before is not None:
            self.note.show_text(
                self.tr("This handover was already received on {date}: nothing to import.").format(
                    date=fmt_date(shown.received_before.astimezone().date())
                )
            )
            self.import_button.setEnabled(False)
        elif shown.importable == 0:
            self.note.show_text(self.tr("Every youth in the file is already in your caseload."))
            self.import_button.setEnabled(False)
        else:
            self.import_button.setDefault(True)
