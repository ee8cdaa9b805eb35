"""Settings: the worker's profile (in the encrypted caseload) and the app's preferences
(in settings.json, which never holds personal data)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sigdesk import settings as s
from sigdesk.ui.dialogs.base import FormDialog, WriteFn
from sigdesk.ui.forms import EnumCombo, email_field, phone_field

if TYPE_CHECKING:
    from sigdesk.caseload import ProfileData
    from sigdesk.ui.ops import Ops


def _spin(setting: s.Setting, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(setting.minimum or 0, setting.maximum or 999)
    box.setSuffix(suffix)
    return box


class SettingsDialog(FormDialog):
    settings_saved = Signal()

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        from sigdesk.catalogues import WorkerRole

        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(660)
        self.settings = ops.ctx.settings
        self.name = QLineEdit()
        self.role = EnumCombo(WorkerRole)
        self.forvaltning = QLineEdit()
        self.phone, self.email = phone_field(), email_field()
        profile = QGroupBox(self.tr("My details (printed on documents)"))
        self.profile_form = QFormLayout(profile)
        self.form.addRow(profile)
        for label, widget, name in (
            (self.tr("Name *"), self.name, "Namn"),
            (self.tr("Role"), self.role, "Roll"),
            (self.tr("Administration"), self.forvaltning, "Förvaltning"),
            (self.tr("Phone"), self.phone, "Telefon"),
            (self.tr("E-mail"), self.email, "E-post"),
        ):
            self.add_row(label, widget, fields=[name], form=self.profile_form)
        self._app_settings()
        self._fill_settings()
        ops.query(_load_profile, self._fill_profile, owner=self)

    def _app_settings(self) -> None:
        group = QGroupBox(self.tr("sigdesk on this computer"))
        form = QFormLayout(group)
        self.form.addRow(group)
        days = self.tr(" days")
        self.interval = _spin(s.MEETING_INTERVAL_DAYS, days)
        self.warning = _spin(s.WARNING_DAYS, days)
        self.margin = _spin(s.PROPOSAL_MARGIN_DAYS, days)
        self.margin.setToolTip(
            self.tr(
                "Proposed meetings keep this many days before the deadline, so that a "
                "cancelled meeting can still be moved in time."
            )
        )
        self.gallring = _spin(s.GALLRING_MONTHS, self.tr(" months"))
        self.gallring.setToolTip(
            self.tr(
                "Closed youths whose closure is older than this are offered for secure "
                "deletion in To do."
            )
        )
        self.idle = _spin(s.IDLE_LOCK_MINUTES, self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.meeting_idle = _spin(s.MEETING_IDLE_LOCK_MINUTES, self.tr(" min"))
        self.meeting_idle.setSpecialValueText(self.tr("never"))
        self.templates = QLineEdit()
        self.templates.setPlaceholderText(self.tr("empty = the built-in templates"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.templates, 1)
        folder.addWidget(browse)
        folder_box = QWidget()
        folder_box.setLayout(folder)
        folder.setContentsMargins(0, 0, 0, 0)
        self.pnr_in_docs = QCheckBox(self.tr("Print the personnummer in the full action plan"))
        self.small_counts = QCheckBox(
            self.tr('Print counts of 1–2 as they are in the Uppföljningsrapport (otherwise "<3")')
        )
        self.small_counts.setToolTip(
            self.tr(
                'Off: the report\'s tables and charts show a count of 1 or 2 as "<3", so that '
                "no single youth can be recognised in a small group."
            )
        )
        self.language = QComboBox()
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        restart = QLabel(self.tr("A new language shows the next time sigdesk starts."))
        restart.setWordWrap(True)
        backups = self._backup_folder_row()
        for label, widget in (
            (self.tr("Default meeting interval"), self.interval),
            (self.tr("Warn this many days before"), self.warning),
            (self.tr("Proposals: margin before the deadline"), self.margin),
            (self.tr("Gallring after closure"), self.gallring),
            (self.tr("Lock after idle"), self.idle),
            (self.tr("Lock after idle in meeting mode"), self.meeting_idle),
            (self.tr("Template folder"), folder_box),
            (self.tr("Backup folder"), backups),
            ("", self.pnr_in_docs),
            ("", self.small_counts),
            (self.tr("Language"), self.language),
        ):
            self.add_row(label, widget, form=form)
        self._track(self.templates)
        self._track(self.backup_folder)
        form.addRow("", restart)
        if not self.ops.ctx.is_demo:
            change = QPushButton(self.tr("Change passphrase…"))
            change.clicked.connect(self.change_passphrase)
            form.addRow("", change)
            self.rekey_button = QPushButton(self.tr("Change data key…"))
            self.rekey_button.clicked.connect(self.change_data_key)
            form.addRow("", self.rekey_button)

    def _backup_folder_row(self) -> QWidget:
        """The automatic backups' folder, with the advice to pick another drive."""
        self.backup_folder = QLineEdit()
        self.backup_folder.setPlaceholderText(str(self.settings.backup_folder))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_backups)
        advice = QLabel(
            self.tr(
                "Choose another drive, such as your home share (H:), so that a lost or broken "
                "laptop does not take the backups with it. Backups are encrypted; 7 daily and "
                "4 weekly are kept."
            )
        )
        advice.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.backup_folder, 1)
        row.addWidget(browse)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(advice)
        return box

    def _browse_backups(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"))
        if folder:
            self.backup_folder.setText(folder)
            self.mark_dirty()

    def _fill_settings(self) -> None:
        st = self.settings
        self.interval.setValue(st.get(s.MEETING_INTERVAL_DAYS))
        self.warning.setValue(st.get(s.WARNING_DAYS))
        self.margin.setValue(st.get(s.PROPOSAL_MARGIN_DAYS))
        self.gallring.setValue(st.get(s.GALLRING_MONTHS))
        self.idle.setValue(st.get(s.IDLE_LOCK_MINUTES))
        self.meeting_idle.setValue(st.get(s.MEETING_IDLE_LOCK_MINUTES))
        self.templates.setText(st.get(s.TEMPLATE_FOLDER))
        self.backup_folder.setText(st.get(s.BACKUP_FOLDER))
        self.pnr_in_docs.setChecked(st.get(s.PERSONNUMMER_IN_DOCUMENTS))
        self.small_counts.setChecked(st.get(s.REPORT_SMALL_COUNTS))
        self.language.setCurrentIndex(max(0, self.language.findData(st.get(s.LANGUAGE))))
        self.dirty = False

    def _fill_profile(self, profile: ProfileData | None) -> None:
        if profile is None or self.dirty:
            return
        self.name.setText(profile.name)
        self.role.set_value(profile.role)
        self.forvaltning.setText(profile.forvaltning)
        self.phone.setText(profile.phone)
        self.email.setText(profile.email)
        self.dirty = False

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Template folder"))
        if folder:
            self.templates.setText(folder)
            self.mark_dirty()

    def build_write(self) -> WriteFn:
        from sigdesk.caseload import ProfileData, save_profile

        data = ProfileData(
            self.name.text(),
            self.role.value(),
            self.forvaltning.text(),
            self.phone.text(),
            self.email.text(),
        )
        return lambda session: save_profile(session, data)

    def _on_saved(self, changes: object) -> None:
        st = self.settings
        st.set(s.MEETING_INTERVAL_DAYS, self.interval.value())
        st.set(s.WARNING_DAYS, self.warning.value())
        st.set(s.PROPOSAL_MARGIN_DAYS, self.margin.value())
        st.set(s.GALLRING_MONTHS, self.gallring.value())
        st.set(s.IDLE_LOCK_MINUTES, self.idle.value())
        st.set(s.MEETING_IDLE_LOCK_MINUTES, self.meeting_idle.value())
        st.set(s.TEMPLATE_FOLDER, self.templates.text().strip())
        st.set(s.BACKUP_FOLDER, self.backup_folder.text().strip())
        st.set(s.PERSONNUMMER_IN_DOCUMENTS, self.pnr_in_docs.isChecked())
        st.set(s.REPORT_SMALL_COUNTS, self.small_counts.isChecked())
        st.set(s.LANGUAGE, self.language.currentData())
        try:
            st.save()
        except OSError as exc:
            self.general.show_message(
                self.tr("The settings could not be saved ({error}).").format(error=exc.strerror)
            )
            self.saving = False
            self.buttons.setEnabled(True)
            return
        self.settings_saved.emit()
        super()._on_saved(changes)  # type: ignore[arg-type]

    def change_passphrase(self) -> QWidget:
        from sigdesk.ui.dialogs.passphrase import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.ops, parent=self)
        dialog.open()
        return dialog

    def change_data_key(self) -> QWidget:
        from sigdesk.ui.dialogs.passphrase import RekeyDialog

        dialog = RekeyDialog(self.ops, parent=self)
        dialog.open()
        return dialog


def _load_profile(session: object) -> ProfileData | None:
    from sigdesk.caseload import get_profile

    return get_profile(session)  # type: ignore[arg-type]
