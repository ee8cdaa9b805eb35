"""Small building blocks shared by the views: tables, banners, empty states, button rows."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from sigdesk.ui.style import BANNER_DANGER, BANNER_INFO, BANNER_WARNING


def make_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table that fits these short lists."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setTabKeyNavigation(False)
    return view


class Banner(QLabel):
    """A coloured notice (warning, danger or info); hidden while empty."""

    STYLES: ClassVar[dict[str, str]] = {
        "warning": BANNER_WARNING,
        "danger": BANNER_DANGER,
        "info": BANNER_INFO,
    }

    def __init__(self, kind: str = "warning", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_kind(kind)
        self.hide()

    def set_kind(self, kind: str) -> None:
        self.setStyleSheet(self.STYLES[kind])

    def show_text(self, text: str, kind: str | None = None) -> None:
        if kind is not None:
            self.set_kind(kind)
        self.setText(text)
        self.setVisible(bool(text))


class EmptyState(QLabel):
    """Grey centred text that says what to do when a list is empty."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color:#5f6b76; padding:16px;")


def button_row(*buttons: QPushButton, stretch_first: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    if stretch_first:
        row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    if not stretch_first:
        row.addStretch(1)
    return row


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("Common", "Yes" if value else "No")


# Marked here so that lupdate sees both words.
_YES_NO = (QT_TRANSLATE_NOOP("Common", "Yes"), QT_TRANSLATE_NOOP("Common", "No"))


def ask(parent: QWidget, title: str, question: str) -> bool:
    """A yes/no question (No is the default); tests replace this function."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
