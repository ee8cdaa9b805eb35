"""The address book, each youth's network and consent coverage."""

from __future__ import annotations

from datetime import date

import pytest

from sigdesk.actors import (
    ActorData,
    add_actor,
    add_to_network,
    list_actors,
    missing_required_actors,
    network_of,
    remove_from_network,
    update_actor,
)
from sigdesk.caseload import GuardianData, YouthData, add_guardian, add_youth
from sigdesk.catalogues import ActorType, ConsentGiver, YouthStatus
from sigdesk.changes import ChangeKind
from sigdesk.consent import consents_of, coverage_on, record_consent, withdraw_consent
from sigdesk.errors import ValidationError
from sigdesk.store.db import Caseload
from tests.conftest import TODAY


@pytest.fixture
def setup(caseload: Caseload) -> dict[str, int]:
    with caseload.session_scope() as s:
        ids = {
            "youth": add_youth(
                s,
                YouthData(
                    "Alva",
                    "Holm",
                    birth_date=date(2011, 6, 1),
                    status=YouthStatus.ACTIVE,
                    start_date=date(2026, 9, 1),
                ),
                today=TODAY,
            ).created_id,
            "police": add_actor(
                s, ActorData(ActorType.POLICE, "Polisen Söderort", "Kim Berg")
            ).created_id,
            "school": add_actor(s, ActorData(ActorType.SCHOOL, "Farstaskolan")).created_id,
            "bup": add_actor(s, ActorData(ActorType.BUP, "BUP Söder")).created_id,
        }
        ids["guardian"] = add_guardian(s, ids["youth"] or 0, GuardianData("Eva Holm")).created_id
    return {k: v or 0 for k, v in ids.items()}


def test_network_and_required_actors(caseload: Caseload, setup: dict[str, int]) -> None:
    with caseload.session_scope() as s:
        add_to_network(s, setup["youth"], setup["police"], today=TODAY)
        add_to_network(s, setup["youth"], setup["bup"], today=TODAY)
        network = network_of(s, setup["youth"])
        assert missing_required_actors(network) == [ActorType.SCHOOL]
        with pytest.raises(ValidationError):
            add_to_network(s, setup["youth"], setup["police"], today=TODAY)
    with caseload.session_scope() as s:
        changes = update_actor(
            s, setup["police"], ActorData(ActorType.POLICE, "Polisen Söderort", "Ny Person")
        )
        assert changes.youth_ids == {setup["youth"]} and changes.touches(ChangeKind.NETWORK)
        remove_from_network(s, setup["youth"], setup["bup"])
        assert [a.organisation for a in network_of(s, setup["youth"])] == ["Polisen Söderort"]
        assert len(list_actors(s)) == 3  # the address book keeps every actor


def test_consent_covers_named_network_actors(caseload: Caseload, setup: dict[str, int]) -> None:
    youth = setup["youth"]
    with caseload.session_scope() as s:
        for actor in ("police", "school", "bup"):
            add_to_network(s, youth, setup[actor], today=TODAY)
        record_consent(
            s,
            youth,
            given_by=ConsentGiver.GUARDIAN,
            guardian_id=setup["guardian"],
            signed_on=date(2026, 9, 1),
            valid_until=date(2026, 12, 31),
            actor_ids=[setup["police"], setup["school"]],
            today=TODAY,
        )
    with caseload.session_scope() as s:
        cover = coverage_on(s, youth, date(2026, 11, 1))
        assert cover.covered_actor_ids == {setup["police"], setup["school"]}
        assert cover.uncovered_actor_ids == {setup["bup"]}
        assert coverage_on(s, youth, date(2027, 1, 1)).covered_actor_ids == set()
        assert coverage_on(s, youth, date(2026, 8, 31)).covered_actor_ids == set()
        consent_id = consents_of(s, youth)[0].id
        assert consents_of(s, youth)[0].guardian_name == "Eva Holm"
        withdraw_consent(s, consent_id, on=date(2026, 11, 10), today=TODAY)
    with caseload.session_scope() as s:
        assert coverage_on(s, youth, date(2026, 11, 9)).covered_actor_ids
        assert coverage_on(s, youth, date(2026, 11, 10)).covered_actor_ids == set()


def test_at_18_only_the_youths_own_consent_counts(
    caseload: Caseload, setup: dict[str, int]
) -> None:
    with caseload.session_scope() as s:
        adult = (
            add_youth(
                s, YouthData("Vuxen", "Holm", birth_date=date(2008, 12, 1)), today=TODAY
            ).created_id
            or 0
        )
        gid = add_guardian(s, adult, GuardianData("Eva Holm")).created_id
        add_to_network(s, adult, setup["police"], today=TODAY)
        record_consent(
            s,
            adult,
            given_by=ConsentGiver.GUARDIAN,
            guardian_id=gid,
            signed_on=date(2026, 1, 1),
            actor_ids=[setup["police"]],
            today=TODAY,
        )
    with caseload.session_scope() as s:
        assert coverage_on(s, adult, date(2026, 11, 30)).covered_actor_ids == {setup["police"]}
        assert coverage_on(s, adult, date(2026, 12, 1)).covered_actor_ids == set()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"actor_ids": []}, "Aktörer"),
        ({"actor_ids": ["bup"]}, "Aktörer"),  # not in the network
        ({"given_by": ConsentGiver.GUARDIAN}, "Lämnat av"),
        ({"signed_on": date(2027, 1, 1)}, "Undertecknat"),
        ({"valid_until": date(2026, 1, 1)}, "Giltigt till"),
    ],
)
def test_invalid_consent_is_not_saved(
    caseload: Caseload,
    setup: dict[str, int],
    kwargs: dict,
    field: str,  # type: ignore[type-arg]
) -> None:
    youth = setup["youth"]
    with caseload.session_scope() as s:
        add_to_network(s, youth, setup["police"], today=TODAY)
    args = {
        "given_by": ConsentGiver.YOUTH,
        "signed_on": date(2026, 9, 1),
        "actor_ids": [setup["police"]],
    } | kwargs
    args["actor_ids"] = [setup[a] if isinstance(a, str) else a for a in args["actor_ids"]]
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        record_consent(s, youth, today=TODAY, **args)
    assert info.value.field == field
    with caseload.session_scope() as s:
        assert consents_of(s, youth) == []
