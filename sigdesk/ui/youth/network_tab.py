"""Nätverk & samtycke: the youth's actors, the polis/skola warning, and the consent matrix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.changes import ChangeKind
from sigdesk.ui.i18n import fmt_date
from sigdesk.ui.rows_model import Column, RowsModel
from sigdesk.ui.widgets import Banner, EmptyState, heading, make_table
from sigdesk.ui.youth.base import DetailTab
from sigdesk.ui.youth.consent_matrix import (
    INFO_COLUMNS,
    ConsentMatrix,
    ConsentMatrixModel,
    build_matrix,
)

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from sigdesk.actors import ActorRow
    from sigdesk.caseload import GuardianRow
    from sigdesk.consent import ConsentRow
    from sigdesk.ui.ops import Ops


@dataclass(frozen=True)
class NetworkData:
    network: list[ActorRow]
    missing: list[str]  # Swedish labels of required actor types not in the network
    consents: list[ConsentRow]
    guardians: tuple[GuardianRow, ...]
    covered: frozenset[int]
    matrix: ConsentMatrix
    today: date
    lapsed: tuple[str, ...] = ()  # consents expired or withdrawn and not replaced (Swedish)


_C = "ConsentColumns"


class NetworkTab(DetailTab):
    kinds = (ChangeKind.NETWORK, ChangeKind.CONSENT, ChangeKind.ACTOR, ChangeKind.GUARDIAN)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.missing_banner = Banner("danger")
        self.consent_banner = Banner("warning")
        self.matrix = ConsentMatrixModel(self)
        self.network_table = make_table(self.matrix)
        self.network_table.doubleClicked.connect(self.edit_actor)
        self.network_table.setWordWrap(True)
        self.network_table.horizontalHeader().setStretchLastSection(False)
        self.network_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.empty = EmptyState(
            self.tr(
                "No actors in the network yet. Add the police and the school first "
                "(Add from address book or New actor), then record consent."
            )
        )
        self.add_button = QPushButton(self.tr("&Add from address book…"))
        self.new_button = QPushButton(self.tr("&New actor…"))
        self.edit_actor_button = QPushButton(self.tr("Edit actor…"))
        self.remove_button = QPushButton(self.tr("Remove from network"))
        self.add_button.clicked.connect(self.pick_actors)
        self.new_button.clicked.connect(self.new_actor)
        self.edit_actor_button.clicked.connect(self.edit_actor)
        self.remove_button.clicked.connect(self.remove_actor)
        self.consents = RowsModel(_C, self._consent_columns(), self)
        self.consent_table = make_table(self.consents)
        self.record_button = QPushButton(self.tr("&Record consent…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw consent…"))
        self.record_button.clicked.connect(self.record_consent)
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        self.coverage = QLabel()
        self._layout()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing_banner)
        layout.addLayout(
            self._head(
                self.tr("Network and consent"),
                self.add_button,
                self.new_button,
                self.edit_actor_button,
                self.remove_button,
            )
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.network_table, 3)
        layout.addWidget(self.coverage)
        layout.addWidget(self.consent_banner)
        layout.addLayout(
            self._head(self.tr("Consent forms"), self.record_button, self.withdraw_button)
        )
        layout.addWidget(self.consent_table, 2)

    def _fit_matrix(self) -> None:
        """No sideways scrolling at 1366 px: each consent column is as wide as its two
        short lines; the actor and contact columns share the rest and wrap."""
        header = self.network_table.horizontalHeader()
        for column in range(self.matrix.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column < INFO_COLUMNS
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)

    @staticmethod
    def _head(title: str, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(heading(title))
        row.addStretch(1)
        for b in buttons:
            row.addWidget(b)
        return row

    def _consent_columns(self) -> list[Column[ConsentRow]]:
        return [
            Column(
                QT_TRANSLATE_NOOP("ConsentColumns", "Given by"),
                lambda c: c.guardian_name or c.given_by.label,
            ),
            Column(QT_TRANSLATE_NOOP("ConsentColumns", "Signed"), lambda c: fmt_date(c.signed_on)),
            Column(
                QT_TRANSLATE_NOOP("ConsentColumns", "Valid until"),
                lambda c: fmt_date(c.valid_until),
            ),
            Column(
                QT_TRANSLATE_NOOP("ConsentColumns", "Withdrawn"), lambda c: fmt_date(c.withdrawn_on)
            ),
            Column(QT_TRANSLATE_NOOP("ConsentColumns", "Actors"), lambda c: str(len(c.actor_ids))),
            Column(QT_TRANSLATE_NOOP("ConsentColumns", "Form"), lambda c: c.form_version),
        ]

    @staticmethod
    def load(session: Session, youth_id: int, today: date) -> Any:
        return load_network(session, youth_id, today)

    def clear(self) -> None:
        self.consents.set_rows([])
        self.matrix.set_matrix(ConsentMatrix((), (), {}))
        self.empty.hide()
        self.missing_banner.show_text("")
        self.consent_banner.show_text("")
        self.coverage.clear()

    def show_data(self, data: NetworkData) -> None:
        self.matrix.set_matrix(data.matrix, data.covered)
        self._fit_matrix()
        self.network_table.setVisible(bool(data.network))
        self.empty.setVisible(not data.network)
        self.consents.set_rows(data.consents)
        self.consent_table.resizeColumnsToContents()
        if data.missing:
            self.missing_banner.show_text(
                self.tr(
                    "{who} missing from the network. Police and school must take part in SIG."
                ).format(who=" och ".join(data.missing))
            )
        else:
            self.missing_banner.show_text("")
        uncovered = [a for a in data.network if a.id not in data.covered]
        if not data.network:
            self.coverage.setText(
                self.tr("Add the actors of the network first, then record consent.")
            )
            self.consent_banner.show_text("")
        else:
            self.coverage.setText(
                self.tr("A valid consent covers {n} of {total} actors today ({day}).").format(
                    n=len(data.network) - len(uncovered),
                    total=len(data.network),
                    day=fmt_date(data.today),
                )
            )
            lines = list(data.lapsed)
            if uncovered:
                lines.append(
                    self.tr("No valid consent for: {actors}").format(
                        actors="; ".join(a.label for a in uncovered)
                    )
                )
            self.consent_banner.show_text("\n".join(lines))
        self.withdraw_button.setEnabled(bool(data.consents))
        self.record_button.setEnabled(bool(data.network))

    # --- actions --------------------------------------------------------------------

    def selected_actor(self) -> ActorRow | None:
        index = self.network_table.currentIndex()
        return self.matrix.actor_at(index.row()) if index.isValid() else None

    def pick_actors(self) -> None:
        """Open the address-book picker with the actors not yet in this network."""
        youth_id = self.youth_id
        if youth_id is None:
            return
        from sigdesk.actors import list_actors

        in_network = {a.id for a in self.matrix.matrix.actors}
        self.ops.query(
            lambda s: [a for a in list_actors(s) if a.id not in in_network],
            lambda candidates: self._open_picker(youth_id, candidates),
            owner=self,
        )

    def _open_picker(self, youth_id: int, candidates: list[ActorRow]) -> QWidget:
        from sigdesk.ui.dialogs.people import NetworkPickerDialog

        dialog = NetworkPickerDialog(
            self.ops, youth_id, candidates=candidates, parent=self.window_for_dialogs()
        )
        dialog.new_actor.clicked.connect(dialog.reject)
        dialog.new_actor.clicked.connect(self.new_actor)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def new_actor(self) -> QWidget | None:
        if self.youth_id is None:
            return None
        from sigdesk.ui.dialogs.people import ActorDialog

        dialog = ActorDialog(self.ops, add_to_youth=self.youth_id, parent=self.window_for_dialogs())
        dialog.open()
        return dialog

    def edit_actor(self) -> QWidget | None:
        actor = self.selected_actor()
        if actor is None:
            return None
        from sigdesk.ui.dialogs.people import ActorDialog

        dialog = ActorDialog(self.ops, actor=actor, parent=self.window_for_dialogs())
        dialog.open()
        return dialog

    def remove_actor(self) -> None:
        actor, youth_id = self.selected_actor(), self.youth_id
        if actor is None or youth_id is None:
            return
        from sigdesk.actors import remove_from_network
        from sigdesk.ui import widgets

        question = self.tr("Remove {actor} from this network?").format(actor=actor.label)
        if widgets.ask(self, self.tr("Remove from network"), question):
            actor_id = actor.id
            self.ops.write(lambda s: remove_from_network(s, youth_id, actor_id))

    def record_consent(self) -> QWidget | None:
        if self.youth_id is None or self.data is None:
            return None
        from sigdesk.ui.dialogs.consent import ConsentDialog

        dialog = ConsentDialog(
            self.ops,
            self.youth_id,
            guardians=self.data.guardians,
            network=self.data.network,
            parent=self.window_for_dialogs(),
        )
        dialog.open()
        return dialog

    def withdraw_consent(self) -> QWidget | None:
        consent = self.consents.row_at(self.consent_table.currentIndex())
        if consent is None and self.consents.rows:
            consent = next((c for c in self.consents.rows if c.withdrawn_on is None), None)
        if consent is None:
            return None
        from sigdesk.ui.dialogs.consent import WithdrawConsentDialog

        dialog = WithdrawConsentDialog(self.ops, consent.id, parent=self.window_for_dialogs())
        dialog.open()
        return dialog


def load_network(session: Session, youth_id: int, today: date) -> NetworkData:
    """Worker side: the network, consents and coverage of one youth on `today`."""
    from sigdesk.actors import missing_required_actors, network_of
    from sigdesk.caseload import youth_detail
    from sigdesk.consent import consents_of, coverage_on, lapsed_consents

    detail = youth_detail(session, youth_id)
    network = network_of(session, youth_id)
    consents = consents_of(session, youth_id)
    coverage = coverage_on(session, youth_id, today)
    matrix = build_matrix(
        youth_label=f"{detail.data.first_name} ({QCoreApplication.translate(_C, _YOUTH)})",
        guardians=detail.guardians,
        network=network,
        consents=consents,
        birth_date=detail.data.birth_date,
        today=today,
    )
    return NetworkData(
        network=network,
        missing=[t.label for t in missing_required_actors(network)],
        consents=consents,
        guardians=detail.guardians,
        covered=coverage.covered_actor_ids,
        matrix=matrix,
        today=today,
        lapsed=tuple(c.text() for c in lapsed_consents(session, youth_id, today)),
    )


_YOUTH = QT_TRANSLATE_NOOP("ConsentColumns", "the youth")
