"""Översikt's view of a youth's SIG periods: the closure banner and the period history."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sigdesk.caseload import YouthDetail
from sigdesk.ui.i18n import fmt_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.lifecycle import ClosedPeriod


@dataclass(frozen=True)
class OverviewDetail(YouthDetail):
    """The youth as Översikt shows it: the detail, and its SIG periods (oldest first)."""

    periods: tuple[ClosedPeriod, ...] = ()

    @property
    def current_closure(self) -> ClosedPeriod | None:
        last = self.periods[-1] if self.periods else None
        return last if last is not None and last.closed_on is not None else None

    @property
    def followup_done(self) -> bool:
        closure = self.current_closure
        return closure is not None and closure.followup_done_on is not None


def load_overview(session: Session, youth_id: int) -> OverviewDetail:
    """Runs on the worker: the youth's detail with its periods."""
    from sigdesk.caseload import youth_detail
    from sigdesk.lifecycle import periods_of

    detail = youth_detail(session, youth_id)
    values = {f.name: getattr(detail, f.name) for f in fields(detail)}
    return OverviewDetail(**values, periods=tuple(periods_of(session, youth_id=youth_id)))


# Marked for lupdate; translated when shown.
_TEXTS = (
    QT_TRANSLATE_NOOP("Periods", "Closed on {day}: {reason}"),
    QT_TRANSLATE_NOOP("Periods", "Comment: {comment}"),
    QT_TRANSLATE_NOOP("Periods", "Followed up on {day}: {outcome}"),
    QT_TRANSLATE_NOOP("Periods", "Follow-up after closure due on {day}."),
    QT_TRANSLATE_NOOP("Periods", "No SIG period yet (no start date)."),
    QT_TRANSLATE_NOOP("Periods", "{n}. {start} – ongoing"),
    QT_TRANSLATE_NOOP("Periods", "{n}. {start} – {end}: {reason}"),
    QT_TRANSLATE_NOOP("Periods", "; followed up: {outcome}"),
    QT_TRANSLATE_NOOP("Periods", "; reopened on {day}"),
)


def _tr(text: str) -> str:
    assert text in _TEXTS, text
    return QCoreApplication.translate("Periods", text)


def closed_text(detail: OverviewDetail) -> str:
    """The banner of a closed youth: when, why, the comment, and the follow-up after it."""
    closure = detail.current_closure
    if closure is None or closure.reason is None:
        return ""
    lines = [
        _tr("Closed on {day}: {reason}").format(
            day=fmt_date(closure.closed_on), reason=closure.reason.label
        )
    ]
    if closure.comment:
        lines.append(_tr("Comment: {comment}").format(comment=closure.comment))
    if closure.followup_done_on is not None and closure.followup_result is not None:
        done = _tr("Followed up on {day}: {outcome}").format(
            day=fmt_date(closure.followup_done_on), outcome=closure.followup_result.label
        )
        if closure.followup_comment:
            done += f" — {closure.followup_comment}"
        lines.append(done)
    elif closure.followup_on is not None:
        lines.append(
            _tr("Follow-up after closure due on {day}.").format(day=fmt_date(closure.followup_on))
        )
    return "\n".join(lines)


def periods_text(periods: tuple[ClosedPeriod, ...]) -> str:
    """One line per SIG period, oldest first."""
    if not periods:
        return _tr("No SIG period yet (no start date).")
    lines = []
    for n, p in enumerate(periods, start=1):
        start = fmt_date(p.started_on) if p.started_on else "?"
        if p.closed_on is None:
            lines.append(_tr("{n}. {start} – ongoing").format(n=n, start=start))
            continue
        line = _tr("{n}. {start} – {end}: {reason}").format(
            n=n,
            start=start,
            end=fmt_date(p.closed_on),
            reason=p.reason.label if p.reason else "",
        )
        if p.followup_result is not None:
            line += _tr("; followed up: {outcome}").format(outcome=p.followup_result.label)
        if p.reopened_on is not None:
            line += _tr("; reopened on {day}").format(day=fmt_date(p.reopened_on))
            if p.reopen_note:
                line += f" ({p.reopen_note})"
        lines.append(line)
    return "\n".join(lines)
