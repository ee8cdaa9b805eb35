"""Handover between two real caseload files: round trip, matching, and every bad input."""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sigdesk import demo
from sigdesk.caseload import youth_detail
from sigdesk.catalogues import (
    ActorType,
    ClosureReason,
    DeletionReason,
    EventKind,
    YouthStatus,
)
from sigdesk.handover import (
    HandoverAlreadyReceivedError,
    HandoverDamagedError,
    HandoverNewerError,
    HandoverPassphraseError,
    NotAHandoverError,
    NothingToImportError,
    close_handed_over,
    container,
    delete_handed_over,
    export_handover,
    import_handover,
    open_handover,
    preview,
)
from sigdesk.handover import payload as pl
from sigdesk.handover.words import WORD_COUNT, checked_phrase, word_list
from sigdesk.lifecycle import meetings_to_cancel
from sigdesk.models import Actor, Base, Event, Youth, YouthDeletion
from sigdesk.store import keystore
from sigdesk.store.db import Caseload
from sigdesk.store.open import create_caseload
from sigdesk.store.outputs import OutputExistsError, ProtectedFileError
from tests.conftest import PASSPHRASE, TEST_KDF, TODAY, sha256
from tests.rowhash import table_hashes


@pytest.fixture
def sender(caseload: Caseload) -> Caseload:
    with caseload.session_scope() as session:
        demo.build(session, youths=8, seed=7, today=TODAY)
    return caseload


@pytest.fixture
def receiver(tmp_path: Path, memory_keyring: object) -> Iterator[Caseload]:
    opened = create_caseload(tmp_path / "kollega.sigdesk", passphrase=PASSPHRASE, kdf=TEST_KDF)
    yield opened
    opened.close()


def _ids(caseload: Caseload, *, status: YouthStatus | None = None) -> list[int]:
    with caseload.session_scope() as session:
        query = select(Youth.id).order_by(Youth.id)
        if status is not None:
            query = query.where(Youth.status == status)
        return list(session.scalars(query))


def _export(caseload: Caseload, ids: list[int], out: Path) -> Any:
    with caseload.session_scope() as session:
        return export_handover(session, youth_ids=ids, out=out, kdf=TEST_KDF)


def _receive(caseload: Caseload, path: Path, passphrase: str) -> Any:
    received = open_handover(path, passphrase=passphrase)
    with caseload.session_scope() as session:
        return import_handover(session, received, today=TODAY)


def _canonical(caseload: Caseload, youth_ids: list[int]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the youths, table by table, with ids replaced: a row's own id and
    references by its position in its table; actors by (type, organisation, contact)."""
    with caseload.session_scope() as session:
        data = pl.collect(session, youth_ids)
    actors = {
        a["id"]: (a["actor_type"], a["organisation"], a["contact_person"], a["phone"], a["email"])
        for a in data.actors.dicts()
    }
    result: dict[str, list[tuple[Any, ...]]] = {}
    for entry in data.youths:
        positions: dict[str, dict[int, int]] = {}
        for name in pl.YOUTH_TABLES:
            if "id" in entry[name].columns:
                positions[name] = {r["id"]: i for i, r in enumerate(entry[name].dicts())}
        for name, rows in entry.items():
            tbl = pl.table(name)
            for row in rows.dicts():
                canon = []
                for column in tbl.columns:
                    value = row[column.name]
                    if column.name == "id":
                        value = positions[name][value]
                    elif column.foreign_keys and value is not None:
                        target = next(iter(column.foreign_keys)).column.table.name
                        value = actors[value] if target == "actor" else positions[target][value]
                    canon.append((column.name, value))
                result.setdefault(name, []).append(tuple(canon))
    return result


def test_every_table_is_carried_or_left_out_on_purpose() -> None:
    tables = set(Base.metadata.tables) | {"alembic_version"}
    assert tables == set(pl.YOUTH_TABLES) | {"actor"} | set(pl.LEFT_OUT)


def test_round_trip_carries_every_row_of_the_youths(
    sender: Caseload, receiver: Caseload, tmp_path: Path
) -> None:
    chosen = [
        *_ids(sender, status=YouthStatus.ACTIVE)[:3],
        *_ids(sender, status=YouthStatus.CLOSED)[:1],
        *_ids(sender, status=YouthStatus.PROPOSED)[:1],
    ]
    assert len(chosen) >= 4
    before = _canonical(sender, chosen)
    out = tmp_path / "till-kollega.sigdesk-handover"
    sent = _export(sender, chosen, out)
    assert len(sent.passphrase.split(" ")) == WORD_COUNT
    assert sent.passphrase not in repr(sent)
    assert out.stat().st_mode & 0o777 == 0o600

    result = _receive(receiver, out, sent.passphrase)
    assert result.imported == sent.names and not result.left_out
    assert result.actors_matched == 0 and result.actors_added > 0

    after = _canonical(receiver, list(result.youth_ids))
    events = after.pop("event")
    sent_events = before.pop("event")
    assert after == before
    # The receiver's log has the sender's history, then one row for the handover.
    received = [e for e in events if dict(e)["kind"] == EventKind.HANDOVER_RECEIVED.value]
    assert len(received) == len(chosen)
    assert [e for e in events if e not in received] == sent_events
    # The services read the same youth on both sides.
    with sender.session_scope() as a, receiver.session_scope() as b:
        for old, new in zip(chosen, result.youth_ids, strict=True):
            assert youth_detail(a, old).data == youth_detail(b, new).data
    # The sender's log notes the export.
    with sender.session_scope() as session:
        kinds = session.scalars(select(Event.kind).where(Event.youth_id == chosen[0]))
        assert EventKind.HANDOVER_SENT in list(kinds)


def test_the_file_holds_no_name_or_personnummer_in_the_clear(
    sender: Caseload, tmp_path: Path
) -> None:
    ids = _ids(sender, status=YouthStatus.ACTIVE)[:3]
    out = tmp_path / "x.sigdesk-handover"
    sent = _export(sender, ids, out)
    raw = out.read_bytes()
    assert raw.startswith(container.MAGIC) and not raw.startswith(b"SQLite format 3")
    with sender.session_scope() as session:
        youths = [session.get(Youth, y) for y in ids]
        secrets = []
        for y in youths:
            assert y is not None and y.personnummer
            secrets += [y.first_name, y.last_name, y.personnummer, y.personnummer[2:]]
            secrets += [g.name for g in y.guardians]
        secrets += [a.contact_person for a in session.scalars(select(Actor)) if a.contact_person]
    for text in secrets:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert text.encode(encoding) not in raw, (text, encoding)
    for word in sent.passphrase.split():
        assert word.encode("utf-8") not in raw


def _sharing_an_actor(caseload: Caseload) -> tuple[int, int]:
    from sigdesk.models import NetworkMember

    with caseload.session_scope() as session:
        networks: dict[int, set[int]] = {}
        for m in session.scalars(select(NetworkMember)):
            networks.setdefault(m.youth_id, set()).add(m.actor_id)
    for a in networks:
        for b in networks:
            if a < b and networks[a] & networks[b]:
                return a, b
    raise AssertionError("no two youths share an actor")


def test_actors_are_matched_and_a_known_personnummer_is_left_out(
    sender: Caseload, receiver: Caseload, tmp_path: Path
) -> None:
    first, second = _sharing_an_actor(sender)
    # The colleague already has the first youth and one of its actors (other case, spaces).
    one = tmp_path / "en.sigdesk-handover"
    sent = _export(sender, [first], one)
    _receive(receiver, one, sent.passphrase)
    with receiver.session_scope() as session:
        actors_before = session.scalars(select(Actor)).all()
        count_before = len(actors_before)
        actors_before[0].organisation = f"  {actors_before[0].organisation.upper()} "
    both = tmp_path / "båda.sigdesk-handover"
    sent = _export(sender, [first, second], both)
    received = open_handover(both, passphrase=sent.passphrase)
    with receiver.session_scope() as session:
        shown = preview(session, received, today=TODAY)
    assert shown.youths[0].already_here is not None and shown.youths[1].already_here is None
    assert shown.importable == 1 and shown.received_before is None
    assert all(a.label for a in shown.actors)
    with receiver.session_scope() as session:
        result = import_handover(session, received, today=TODAY)
    assert len(result.imported) == 1 and len(result.left_out) == 1
    with receiver.session_scope() as session:
        actors = session.scalars(select(Actor)).all()
        keys = [(a.actor_type, a.organisation.strip().casefold(), a.contact_person) for a in actors]
        assert len(keys) == len(set(keys))  # nothing duplicated
        assert len(actors) == count_before + result.actors_added
        assert result.actors_matched >= 1
        assert session.query(Youth).count() == 2


def test_the_same_handover_twice_is_refused_and_changes_nothing(
    sender: Caseload, receiver: Caseload, tmp_path: Path
) -> None:
    out = tmp_path / "x.sigdesk-handover"
    # A youth without personnummer: only the handover's id can tell it was received.
    youth_id = _ids(sender, status=YouthStatus.ACTIVE)[0]
    with sender.session_scope() as session:
        row = session.get(Youth, youth_id)
        assert row is not None
        row.personnummer = None
    sent = _export(sender, [youth_id], out)
    _receive(receiver, out, sent.passphrase)
    hashes = table_hashes(receiver.path, receiver.key)
    received = open_handover(out, passphrase=sent.passphrase)
    with receiver.session_scope() as session:
        assert preview(session, received, today=TODAY).received_before is not None
    with pytest.raises(HandoverAlreadyReceivedError, match="redan emot"):
        _receive(receiver, out, sent.passphrase)
    assert table_hashes(receiver.path, receiver.key) == hashes


def test_all_youths_already_here_is_refused(
    sender: Caseload, receiver: Caseload, tmp_path: Path
) -> None:
    ids = _ids(sender, status=YouthStatus.ACTIVE)[:1]
    sent = _export(sender, ids, tmp_path / "a.sigdesk-handover")
    _receive(receiver, tmp_path / "a.sigdesk-handover", sent.passphrase)
    again = _export(sender, ids, tmp_path / "b.sigdesk-handover")
    with pytest.raises(NothingToImportError, match="finns redan"):
        _receive(receiver, tmp_path / "b.sigdesk-handover", again.passphrase)


@pytest.fixture
def handover_file(sender: Caseload, tmp_path: Path) -> tuple[Path, str]:
    out = tmp_path / "fil.sigdesk-handover"
    sent = _export(sender, _ids(sender, status=YouthStatus.ACTIVE)[:2], out)
    return out, sent.passphrase


def _other_words(phrase: str) -> str:
    words = phrase.split()
    words[-1] = next(w for w in word_list() if w != words[-1])
    return " ".join(words)


def test_a_wrong_passphrase_is_rejected(handover_file: tuple[Path, str]) -> None:
    path, phrase = handover_file
    with pytest.raises(HandoverPassphraseError, match="stämmer inte"):
        open_handover(path, passphrase=_other_words(phrase))


def test_a_mistyped_passphrase_says_what_to_check(handover_file: tuple[Path, str]) -> None:
    path, phrase = handover_file
    words = phrase.split()
    with pytest.raises(HandoverPassphraseError, match="sex ord; det här är 5"):
        open_handover(path, passphrase=" ".join(words[:5]))
    typo = [*words[:2], words[2] + "q", *words[3:]]
    with pytest.raises(HandoverPassphraseError, match="Ord 3") as raised:
        open_handover(path, passphrase=" ".join(typo))
    assert typo[2] not in str(raised.value)  # what was typed is never echoed in a message


def test_the_passphrase_may_be_typed_loosely(handover_file: tuple[Path, str]) -> None:
    path, phrase = handover_file
    loose = "  " + "-".join(phrase.upper().split()).translate(str.maketrans("ÅÄÖ", "AAO")) + "\n"
    assert open_handover(path, passphrase=loose).payload.youths


def test_word_list_is_long_unambiguous_and_clean() -> None:
    words = word_list()
    assert len(words) >= 2000 and len(set(words)) == len(words)
    folded = {w.translate(str.maketrans("åäö", "aao")) for w in words}
    assert len(folded) == len(words)
    assert all(3 <= len(w) <= 8 and w.isalpha() and w == w.lower() for w in words)
    assert checked_phrase("Hjarta  skog-bok,KAFFE tåg sommar") == "hjärta skog bok kaffe tåg sommar"


def test_a_truncated_file_is_refused(handover_file: tuple[Path, str], tmp_path: Path) -> None:
    path, phrase = handover_file
    short = tmp_path / "kort.sigdesk-handover"
    data = path.read_bytes()
    for size in (len(data) - 1, len(data) // 2, 40, 10):
        short.write_bytes(data[:size])
        with pytest.raises((HandoverDamagedError, NotAHandoverError)):
            open_handover(short, passphrase=phrase)
    short.write_bytes(data[: len(data) - 100])
    with pytest.raises(HandoverDamagedError, match="avkortad"):
        open_handover(short, passphrase=phrase)


@pytest.mark.parametrize("where", ["header", "ciphertext", "tag"])
def test_a_damaged_file_is_refused(
    handover_file: tuple[Path, str], tmp_path: Path, where: str
) -> None:
    path, phrase = handover_file
    data = bytearray(path.read_bytes())
    header_size = struct.unpack_from(">16sII", data)[2]
    offset = {"header": 24 + header_size - 3, "ciphertext": 24 + header_size + 5, "tag": -1}
    data[offset[where]] ^= 0x01
    damaged = tmp_path / "skadad.sigdesk-handover"
    damaged.write_bytes(bytes(data))
    with pytest.raises(HandoverDamagedError, match="skadad"):
        open_handover(damaged, passphrase=phrase)


def test_not_a_handover_file(tmp_path: Path, caseload_path: Path) -> None:
    for path in (caseload_path, tmp_path / "tom"):
        path.touch()
        with pytest.raises(NotAHandoverError, match="ingen överlämningsfil"):
            open_handover(path, passphrase="a b c d e f")


def test_a_file_from_a_newer_version_is_refused(
    handover_file: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = handover_file
    data = bytearray(path.read_bytes())
    struct.pack_into(">I", data, 16, container.HANDOVER_FORMAT + 1)
    newer = tmp_path / "nyare.sigdesk-handover"
    newer.write_bytes(bytes(data))
    with pytest.raises(HandoverNewerError, match="nyare version"):
        open_handover(newer, passphrase="fel ord")  # refused before any passphrase


def test_a_payload_from_a_newer_schema_is_refused(tmp_path: Path) -> None:
    phrase = " ".join(word_list()[:WORD_COUNT])
    document = b'{"format": 1, "schema": "9999", "handover_id": "x", "actors": {}, "youths": []}'
    newer = tmp_path / "nyare.sigdesk-handover"
    newer.write_bytes(container.seal(document, passphrase=phrase, kdf=TEST_KDF))
    with pytest.raises(HandoverNewerError):
        open_handover(newer, passphrase=phrase)


def test_an_unknown_code_is_refused_as_newer_and_nothing_is_imported(
    sender: Caseload, receiver: Caseload, tmp_path: Path
) -> None:
    with sender.session_scope() as session:
        data = pl.collect(session, _ids(sender, status=YouthStatus.ACTIVE)[:2])
    rows = [list(r) for r in data.youths[1]["youth"].rows]
    rows[0][data.youths[1]["youth"].columns.index("track")] = "sig_framtid"
    changed = dict(data.youths[1])
    changed["youth"] = pl.TableRows(data.youths[1]["youth"].columns, tuple(map(tuple, rows)))
    newer = pl.Payload(data.handover_id, data.schema, data.actors, (data.youths[0], changed))
    phrase = " ".join(word_list()[10 : 10 + WORD_COUNT])
    path = tmp_path / "kod.sigdesk-handover"
    path.write_bytes(container.seal(newer.to_bytes(), passphrase=phrase, kdf=TEST_KDF))
    hashes = table_hashes(receiver.path, receiver.key)
    with pytest.raises(HandoverNewerError):
        _receive(receiver, path, phrase)
    assert table_hashes(receiver.path, receiver.key) == hashes


def test_export_follows_the_output_rules(sender: Caseload, tmp_path: Path) -> None:
    ids = _ids(sender)[:1]
    existing = tmp_path / "finns.sigdesk-handover"
    existing.write_bytes(b"kvar")
    with pytest.raises(OutputExistsError):
        _export(sender, ids, existing)
    assert existing.read_bytes() == b"kvar"
    key_file = keystore.key_file_path(sender.path)
    kept = sha256(sender.path), sha256(key_file)
    for protected in (sender.path, key_file):
        with pytest.raises(ProtectedFileError):
            _export(sender, ids, protected)
    assert (sha256(sender.path), sha256(key_file)) == kept  # RELIABILITY 25
    with sender.session_scope() as session:
        kinds = list(session.scalars(select(Event.kind).where(Event.youth_id == ids[0])))
    assert EventKind.HANDOVER_SENT not in kinds  # nothing written, nothing logged
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_close_handed_over_cancels_the_planned_meetings(sender: Caseload) -> None:
    active = _ids(sender, status=YouthStatus.ACTIVE)[:3]
    closed = _ids(sender, status=YouthStatus.CLOSED)[:1]
    with sender.session_scope() as session:
        planned_before = sum(len(meetings_to_cancel(session, youth_id=y)) for y in active)
        result = close_handed_over(session, youth_ids=active + closed, today=TODAY)
    assert planned_before > 0
    assert result.closed == tuple(active)
    assert [y for y, _ in result.not_closed] == closed
    with sender.session_scope() as session:
        for youth_id in active:
            detail = youth_detail(session, youth_id)
            assert detail.closure_reason is ClosureReason.HANDED_OVER
            assert detail.closed_on == TODAY
            assert meetings_to_cancel(session, youth_id=youth_id) == []


def test_delete_handed_over_leaves_a_nameless_log_row(sender: Caseload, tmp_path: Path) -> None:
    ids = _ids(sender, status=YouthStatus.ACTIVE)[:2]
    _export(sender, ids, tmp_path / "x.sigdesk-handover")
    result = delete_handed_over(sender, youth_ids=ids)
    assert result.deleted == 2
    with sender.session_scope() as session:
        assert session.scalars(select(Youth).where(Youth.id.in_(ids))).all() == []
        reasons = list(session.scalars(select(YouthDeletion.reason)))
    assert reasons == [DeletionReason.HANDED_OVER] * 2


def test_actor_types_survive(sender: Caseload, receiver: Caseload, tmp_path: Path) -> None:
    ids = _ids(sender, status=YouthStatus.ACTIVE)[:1]
    sent = _export(sender, ids, tmp_path / "a.sigdesk-handover")
    _receive(receiver, tmp_path / "a.sigdesk-handover", sent.passphrase)
    with receiver.session_scope() as session:
        kinds = {a.actor_type for a in session.scalars(select(Actor))}
    assert ActorType.POLICE in kinds and ActorType.SCHOOL in kinds
