"""The first-run wizard: what sigdesk is, your details, a passphrase, where the file lives.

It creates the encrypted caseload (on the worker) and saves the profile in it; the
passphrase is never stored anywhere, and nothing can open the caseload without it or
this computer's keyring — the wizard says so plainly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sigdesk.errors import ValidationError
from sigdesk.ui.dialogs.passphrase import NewPassphraseFields
from sigdesk.ui.errors import describe
from sigdesk.ui.forms import EnumCombo, FieldMessage, email_field, phone_field
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sigdesk.context import AppContext
    from sigdesk.ui.ops import Ops


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to sigdesk"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _text(
                self.tr(
                    "sigdesk keeps your SIG caseload — youths, networks, consent, action plans and "
                    "network meetings — encrypted on this computer, and warns you before the "
                    "five-week meeting deadline."
                )
            )
        )
        notice = Banner("info")
        notice.show_text(
            self.tr(
                "sigdesk is your working tool. The official record is the journal system: "
                "file the documents you export from sigdesk there. Exported documents are "
                "not encrypted."
            )
        )
        layout.addWidget(notice)
        layout.addStretch(1)


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        from sigdesk.catalogues import WorkerRole

        super().__init__()
        self.setTitle(self.tr("Your details"))
        self.setSubTitle(
            self.tr("Printed on agendas, minutes and plans. You can change them later.")
        )
        self.name, self.forvaltning = QLineEdit(), QLineEdit()
        self.role = EnumCombo(WorkerRole)
        self.phone, self.email = phone_field(), email_field()
        self.name_message = FieldMessage()
        self.name.textChanged.connect(self._name_typed)
        for message in (self.name_message, self.phone.message, self.email.message):
            message.reserve_space()  # a message appearing does not push the fields down
        form = QFormLayout(self)
        form.addRow(self.tr("Name *"), self.name)
        form.addRow("", self.name_message)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Administration"), self.forvaltning)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow("", self.phone.message)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow("", self.email.message)

    def _name_typed(self, text: str) -> None:
        if text.strip():
            self.name_message.show_message("")

    def validatePage(self) -> bool:
        ok = True
        if not self.name.text().strip():
            self.name_message.show_message(self.tr("Enter your name."))
            ok = False
        else:
            self.name_message.show_message("")
        for field in (self.phone, self.email):
            ok = not field.recheck() and ok
        return ok


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("Four or more words you can remember, e.g. a short sentence."))
        self.fields = NewPassphraseFields()
        warning = Banner("warning")
        warning.show_text(
            self.tr(
                "Nothing can recover the caseload without this passphrase or this computer's "
                "keyring — not sigdesk, not IT support. Keep the passphrase somewhere safe."
            )
        )
        self.keyring = _text("")
        self.understood = QCheckBox(self.tr("I have kept the passphrase somewhere safe"))
        self.understood.toggled.connect(self.completeChanged)
        self.fields.changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(warning)
        layout.addWidget(self.keyring)
        layout.addWidget(self.understood)
        layout.addStretch(1)

    def initializePage(self) -> None:
        from sigdesk.store.keystore import keyring_problem

        problem = keyring_problem()
        if problem is None:
            self.keyring.setText(
                self.tr(
                    "This computer's keyring will unlock sigdesk when you log in; you type the "
                    "passphrase only when the keyring cannot."
                )
            )
        else:
            self.keyring.setText(
                self.tr(
                    "No safe keyring on this computer ({problem}): you will type the passphrase "
                    "each time sigdesk starts."
                ).format(problem=problem)
            )

    def isComplete(self) -> bool:
        return self.understood.isChecked() and bool(self.fields.value())

    def validatePage(self) -> bool:
        return self.fields.check()


class LocationPage(QWizardPage):
    def __init__(self, default: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Where the caseload lives"))
        self.path = QLineEdit(str(default))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.message = FieldMessage()
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _text(
                self.tr(
                    "The caseload is one encrypted file. A key file (same name, ending in .key) "
                    "is kept beside it: back up both, and keep them on this computer, not on a "
                    "shared drive."
                )
            )
        )
        layout.addLayout(line)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Caseload file"), self.path.text(), self.tr("Caseloads (*.sigdesk)")
        )
        if name:
            self.path.setText(name if name.endswith(".sigdesk") else name + ".sigdesk")

    def chosen(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def validatePage(self) -> bool:
        from sigdesk.config import key_file_path

        path = self.chosen()
        if not self.path.text().strip():
            self.message.show_message(self.tr("Choose where to keep the caseload."))
            return False
        if path.exists() or key_file_path(path).exists():
            self.message.show_message(
                self.tr(
                    "A file is already there; sigdesk never creates a caseload over it. "
                    "Choose another name."
                )
            )
            return False
        self.message.show_message("")
        return True


class CreatePage(QWizardPage):
    """Makes the caseload on the worker when Finish is pressed; errors stay on the page."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Create the caseload"))
        self.summary = _text("")
        self.status = Banner("info")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.created = False
        self.creating = False

    def initializePage(self) -> None:
        w = self.owner
        button = w.buttonText(QWizard.WizardButton.FinishButton).replace("&", "")
        self.summary.setText(
            self.tr(
                "sigdesk will create an encrypted caseload at\n{path}\nfor {name}. "
                "Press {button} to create it."
            ).format(path=w.location.chosen(), name=w.profile.name.text().strip(), button=button)
        )

    def validatePage(self) -> bool:
        if self.created:
            return True
        if not self.creating:
            self.creating = True
            self.status.show_text(self.tr("Creating the caseload…"), "info")
            self.owner.set_buttons_enabled(False)
            self.owner.create()
        return False

    def creation_done(self, error: BaseException | None) -> None:
        self.creating = False
        self.owner.set_buttons_enabled(True)
        if error is None:
            self.created = True
            self.owner.accept()
            return
        if isinstance(error, ValidationError):
            text = f"{error.field}: {error.field_message}"
        elif hasattr(error, "message"):
            title, body = describe(error)  # type: ignore[arg-type]
            text = f"{title}\n\n{body}"
        else:
            self.owner.ops.presenter.present(error)
            text = self.tr("The caseload could not be created.")
        self.status.show_text(text, "danger")


class FirstRunWizard(QWizard):
    """Accepted once the caseload exists, is open in `ctx`, and holds the profile."""

    def __init__(self, ctx: AppContext, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.ops = ctx, ops
        self.setWindowTitle(self.tr("sigdesk — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # Named here, not by Qt's own translation, so the last page's text names it as it reads.
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.resize(680, 520)
        self.welcome = WelcomePage()
        self.profile = ProfilePage()
        self.passphrase = PassphrasePage()
        self.location = LocationPage(ctx.caseload_path)
        self.finish = CreatePage(self)
        for page in (self.welcome, self.profile, self.passphrase, self.location, self.finish):
            self.addPage(page)

    def set_buttons_enabled(self, enabled: bool) -> None:
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(enabled)

    def create(self) -> None:
        """Create the caseload and save the profile, on the worker."""
        from sigdesk.caseload import ProfileData

        profile = ProfileData(
            self.profile.name.text(),
            self.profile.role.value(),
            self.profile.forvaltning.text(),
            self.profile.phone.text(),
            self.profile.email.text(),
        )
        passphrase, path = self.passphrase.fields.value(), self.location.chosen()

        def create(ctx: AppContext) -> None:
            from sigdesk.caseload import save_profile

            ctx.move_to(path)  # its process lock first: no other window may make it too
            ctx.create(passphrase=passphrase)
            with ctx.session_scope() as session:
                save_profile(session, profile)

        self.ops.call(
            create,
            lambda _: self.finish.creation_done(None),
            failed=self.finish.creation_done,
            owner=self,
        )

    def reject(self) -> None:
        if self.finish.creating:
            return
        super().reject()
