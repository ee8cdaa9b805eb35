"""The period picker: this year so far (the default), a year, a half-year, a quarter, a month,
or any days from–to. It emits `period_changed(start, end)` for a valid period only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from sigdesk.errors import SigdeskError
from sigdesk.stats import check_period
from sigdesk.stats.periods import PeriodKind, period_of
from sigdesk.ui.forms import DateField

SO_FAR, CUSTOM = "hittills", "valfri"
MONTHS = (
    QT_TRANSLATE_NOOP("PeriodPicker", "January"),
    QT_TRANSLATE_NOOP("PeriodPicker", "February"),
    QT_TRANSLATE_NOOP("PeriodPicker", "March"),
    QT_TRANSLATE_NOOP("PeriodPicker", "April"),
    QT_TRANSLATE_NOOP("PeriodPicker", "May"),
    QT_TRANSLATE_NOOP("PeriodPicker", "June"),
    QT_TRANSLATE_NOOP("PeriodPicker", "July"),
    QT_TRANSLATE_NOOP("PeriodPicker", "August"),
    QT_TRANSLATE_NOOP("PeriodPicker", "September"),
    QT_TRANSLATE_NOOP("PeriodPicker", "October"),
    QT_TRANSLATE_NOOP("PeriodPicker", "November"),
    QT_TRANSLATE_NOOP("PeriodPicker", "December"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PeriodPicker", text)


class PeriodPicker(QWidget):
    period_changed = Signal(object, object)  # start, end (dates, both days included)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.kind = QComboBox()
        kinds = (
            (SO_FAR, self.tr("This year so far")),
            (PeriodKind.YEAR, self.tr("Year")),
            (PeriodKind.HALF_YEAR, self.tr("Half-year")),
            (PeriodKind.QUARTER, self.tr("Quarter")),
            (PeriodKind.MONTH, self.tr("Month")),
            (CUSTOM, self.tr("From – to")),
        )
        for code, text in kinds:
            self.kind.addItem(text, str(code))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.part = QComboBox()
        self.part.setAccessibleName(self.tr("Part of the year"))
        self.start_field = DateField(required=True)
        self.end_field = DateField(required=True)
        self.start_field.setAccessibleName(self.tr("First day"))
        self.end_field.setAccessibleName(self.tr("Last day (included)"))
        self.start_field.set_value(date(today.year, 1, 1))
        self.end_field.set_value(today)
        self.dash = QLabel("–")
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setStyleSheet("color: #b00020;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.year, self.part, self.start_field, self.dash):
            layout.addWidget(widget)
        layout.addWidget(self.end_field)
        layout.addWidget(self.problem, 1)
        self._current: tuple[date, date] | None = None
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self._changed)
        self.part.currentIndexChanged.connect(self._changed)
        self.start_field.textChanged.connect(self._changed)
        self.end_field.textChanged.connect(self._changed)
        self._kind_changed()

    def choose(self, kind: str, *, year: int | None = None, index: int = 1) -> None:
        """Pick a kind of period (a `PeriodKind` value, SO_FAR or CUSTOM) and its part."""
        self.kind.setCurrentIndex(self.kind.findData(str(kind)))
        if year is not None:
            self.year.setValue(year)
        if self.part.count():
            self.part.setCurrentIndex(index - 1)

    def choose_days(self, start: date, end: date) -> None:
        self.choose(CUSTOM)
        self.start_field.set_value(start)
        self.end_field.set_value(end)

    def _kind_changed(self) -> None:
        code = self.kind.currentData()
        parts: list[str] = []
        if code == PeriodKind.HALF_YEAR:
            parts = [self.tr("First half"), self.tr("Second half")]
        elif code == PeriodKind.QUARTER:
            parts = [self.tr("Quarter {n}").format(n=n) for n in range(1, 5)]
        elif code == PeriodKind.MONTH:
            parts = [_tr(m) for m in MONTHS]
        self.part.blockSignals(True)
        self.part.clear()
        self.part.addItems(parts)
        if code == PeriodKind.MONTH:
            self.part.setCurrentIndex(self.today.month - 1)
        elif code == PeriodKind.QUARTER:
            self.part.setCurrentIndex((self.today.month - 1) // 3)
        elif code == PeriodKind.HALF_YEAR:
            self.part.setCurrentIndex((self.today.month - 1) // 6)
        self.part.blockSignals(False)
        custom = code == CUSTOM
        self.year.setVisible(code not in (SO_FAR, CUSTOM))
        self.part.setVisible(bool(parts))
        for widget in (self.start_field, self.dash, self.end_field):
            widget.setVisible(custom)
        self._changed()

    def period(self) -> tuple[date, date] | None:
        """The chosen `[start, end]`, or None (and the reason shown) while it is not valid."""
        code = self.kind.currentData()
        self.problem.setText("")
        if code == SO_FAR:
            return date(self.today.year, 1, 1), self.today
        if code != CUSTOM:
            index = self.part.currentIndex() + 1 if self.part.count() else 1
            return period_of(PeriodKind(code), year=self.year.value(), index=index)
        start, end = self.start_field.value_or_none(), self.end_field.value_or_none()
        if start is None or end is None:
            shown = self.start_field.problem_of(self.start_field.text())
            self.problem.setText(shown or self.end_field.problem_of(self.end_field.text()))
            return None
        try:
            check_period(start=start, end=end)
        except SigdeskError:
            self.problem.setText(self.tr("The first day is after the last day."))
            return None
        return start, end

    def _changed(self) -> None:
        period = self.period()
        if period is not None and period != self._current:
            self._current = period
            self.period_changed.emit(*period)
