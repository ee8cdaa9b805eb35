"""Form fields that check what is typed where it is typed, with the message beside them.

`DateField` takes ISO dates (2026-11-22) and may be left empty; `PersonnummerField`
checks the number with the same parser the services use; `EmailField` likewise.
Each owns a red message label that the form places right under it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from sigdesk.errors import ValidationError
from sigdesk.ui.i18n import fmt_date, weekday
from sigdesk.ui.style import FIELD_ERROR


class FieldMessage(QLabel):
    """The red line under a field; hidden while empty, unless its space is reserved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(FIELD_ERROR)
        self.setWordWrap(True)
        self.reserved = False
        self.hide()

    def reserve_space(self) -> None:
        """Keep one line free while empty, so the fields below stay put when it speaks."""
        self.reserved = True
        reserve_line(self)
        self.show()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text) or self.reserved)


def reserve_line(label: QLabel, lines: int = 1) -> None:
    """An empty label keeps the height of `lines` lines of text."""
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines)


class CheckedLineEdit(QLineEdit):
    """A line edit with its own message label and a check run as the user types."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = FieldMessage()
        self._problem = ""
        self.textChanged.connect(self._check_quietly)
        self.editingFinished.connect(self.recheck)

    def problem_of(self, text: str) -> str:
        """Override: the message for `text`, or "" when it is fine."""
        return ""

    def _check_quietly(self) -> None:
        # While typing, clear a shown message as soon as the text becomes valid.
        self._problem = self.problem_of(self.text())
        if not self._problem:
            self.message.show_message("")
        self.validity_changed.emit(not self._problem)

    def recheck(self) -> str:
        """Check now and show the message; returns it ("" when fine)."""
        self._problem = self.problem_of(self.text())
        self.message.show_message(self._problem)
        return self._problem

    @property
    def is_valid(self) -> bool:
        return not self.problem_of(self.text())


class DateField(CheckedLineEdit):
    """An ISO date, optional unless `required`; the weekday shows beside a valid date."""

    def __init__(self, *, required: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.required = required
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setMaxLength(10)
        self.day_name = QLabel()
        self.textChanged.connect(self._show_weekday)

    def problem_of(self, text: str) -> str:
        from sigdesk.validation import DateProblemKind, date_problem

        text = text.strip()
        if not text:
            return self.tr("Enter a date.") if self.required else ""
        problem = date_problem(text)
        if problem is None:
            return ""
        if problem.kind is DateProblemKind.DAY:
            return self.tr("The date {date} does not exist: the month has {n} days.").format(
                date=text, n=problem.days_in_month
            )
        if problem.kind is DateProblemKind.MONTH:
            return self.tr("The date {date} does not exist: the month must be 01–12.").format(
                date=text
            )
        return self.tr("Write the date as YYYY-MM-DD, e.g. 2026-11-22.")

    def _show_weekday(self) -> None:
        value = self.value_or_none()
        self.day_name.setText(weekday(value) if value else "")

    def value_or_none(self) -> date | None:
        from sigdesk.validation import date_problem

        text = self.text().strip()
        if not text or date_problem(text) is not None:
            return None
        return date.fromisoformat(text)

    def set_value(self, value: date | None) -> None:
        self.setText(fmt_date(value))


class ServiceCheckedField(CheckedLineEdit):
    """A field checked by a service function that raises `ValidationError`."""

    def __init__(self, check: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check

    def problem_of(self, text: str) -> str:
        if not text.strip():
            return ""
        try:
            self._check(text)
        except ValidationError as exc:
            return exc.field_message
        return ""


def personnummer_field(today: Callable[[], date]) -> ServiceCheckedField:
    from sigdesk.idnumber import parse_id_number

    field = ServiceCheckedField(lambda text: parse_id_number(text, today=today()))
    field.setPlaceholderText("ÅÅÅÅMMDD-NNNN")
    return field


def email_field() -> ServiceCheckedField:
    from sigdesk.validation import email

    return ServiceCheckedField(lambda text: email("E-post", text))


def phone_field() -> ServiceCheckedField:
    from sigdesk.validation import phone

    return ServiceCheckedField(lambda text: phone("Telefon", text))


class EnumCombo(QComboBox):
    """A catalogue (a StrEnum with Swedish `.label`s) as a combo box; optionally empty.

    The members are kept on the Python side: Qt would hand a StrEnum back as a plain str.
    """

    def __init__(
        self,
        options: Iterable[Any],
        *,
        empty: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._options: list[Any] = []
        if empty is not None:
            self.addItem(empty)
            self._options.append(None)
        for option in options:
            self.addItem(option.label)
            self._options.append(option)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._options[index] if index >= 0 else None

    def set_value(self, value: Any) -> None:
        for i, option in enumerate(self._options):
            if option == value:
                self.setCurrentIndex(i)
                return
