"""The figure and dimension codes of the statistics outputs (SPEC §8), in their order,
with the Swedish words the report prints for them."""

from __future__ import annotations

from sigdesk.catalogues import ActorType, ClosureReason, FollowupOutcome, Gender

GENDERS = tuple(g.value for g in Gender)
TRACKS = ("unga", "unga_vuxna")
DIMENSIONS = ("total", *(f"gender:{g}" for g in GENDERS), *(f"track:{t}" for t in TRACKS))

AGE_BANDS = ("under-12", "12-14", "15-17", "18-20", "21+")
#: Started youths with no birth date recorded: counted here, so the bands add up to `started`.
AGE_UNKNOWN = "uppgift_saknas"
ATTENDANCE = ("youth", "guardian", *(a.value for a in ActorType))

FIGURES: tuple[str, ...] = (
    "active",
    "started",
    "closed",
    *(f"closure_reason:{r.value}" for r in ClosureReason),
    *(f"age_band:{b}" for b in (*AGE_BANDS, AGE_UNKNOWN)),
    "meetings_held",
    "meetings_per_youth",
    "compliance",
    "breaches",
    "mean_interval_days",
    *(f"attendance:{a}" for a in ATTENDANCE),
    "delmal_reached",
    "after_closure:due",
    "after_closure:done",
    *(f"after_closure:{o.value}" for o in FollowupOutcome),
)

#: Figures that are a share or a mean: value = numerator ÷ denominator ("–" when it is 0).
RATE_PREFIXES = (
    "meetings_per_youth",
    "compliance",
    "mean_interval_days",
    "attendance:",
    "delmal_reached",
)


def is_rate(figure: str) -> bool:
    return figure.startswith(RATE_PREFIXES)


def age_band(age: int) -> str:
    if age < 12:
        return "under-12"
    if age <= 14:
        return "12-14"
    if age <= 17:
        return "15-17"
    return "18-20" if age <= 20 else "21+"


_GENDER_WORDS = {g.value: g.label for g in Gender}
_TRACK_WORDS = {"unga": "SIG unga", "unga_vuxna": "SIG unga vuxna"}
_ATTENDANCE_WORDS = {"youth": "Ungdomen", "guardian": "Vårdnadshavare"} | {
    a.value: a.label for a in ActorType
}
_FIGURE_WORDS = {
    "active": "Aktiva ungdomar",
    "started": "Påbörjade",
    "closed": "Avslutade",
    "meetings_held": "Genomförda nätverksmöten",
    "meetings_per_youth": "Möten per aktiv ungdom",
    "compliance": "Intervall inom femveckorsregeln",
    "breaches": "Överskridna intervall",
    "mean_interval_days": "Medelintervall mellan möten (dagar)",
    "delmal_reached": "Delmål uppnådda",
    "after_closure:due": "Uppföljningar som skulle göras",
    "after_closure:done": "Uppföljningar som gjordes",
}


def dimension_label(dimension: str) -> str:
    kind, _, code = dimension.partition(":")
    if kind == "gender":
        return _GENDER_WORDS.get(code, code)
    if kind == "track":
        return _TRACK_WORDS.get(code, code)
    return "Totalt"


def figure_label(figure: str) -> str:
    """The Swedish name of a figure, e.g. "Avslutsorsak: Mål uppfyllda"."""
    if figure in _FIGURE_WORDS:
        return _FIGURE_WORDS[figure]
    kind, _, code = figure.partition(":")
    if kind == "closure_reason":
        return ClosureReason.from_code(code).label
    if kind == "age_band":
        words = {AGE_UNKNOWN: "Ålder okänd", "under-12": "Under 12 år", "21+": "21 år och äldre"}
        return words.get(code, f"{code.replace('-', '–')} år")
    if kind == "attendance":
        return _ATTENDANCE_WORDS.get(code, code)
    if kind == "after_closure":
        return FollowupOutcome.from_code(code).label
    return figure


_GROUP_WORDS = {
    "closure_reason": "Avslutsorsak",
    "age_band": "Ålder vid start",
    "attendance": "Närvaro",
    "after_closure": "Efter avslut",
}


def long_label(figure: str) -> str:
    """The figure's name with its group, for a list of every figure ("Närvaro: Skola")."""
    kind = figure.partition(":")[0]
    if kind not in _GROUP_WORDS:
        return figure_label(figure)
    return f"{_GROUP_WORDS[kind]}: {figure_label(figure)}"
