"""`sigdesk handover export|import` as real processes between two caseload files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import sha256
from tests.core.test_cli import PASS, sigdesk


@pytest.fixture(scope="module")
def two_caseloads(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, str]:
    folder = tmp_path_factory.mktemp("handover")
    sender, receiver = folder / "avsandare.sigdesk", folder / "mottagare.sigdesk"
    for path, seed in ((sender, "3"), (receiver, "4")):
        made = sigdesk("demo-data", str(path), "--youths", "4", "--seed", seed, passphrase=PASS)
        assert made.returncode == 0, made.stderr
    out = folder / "till-kollega.sigdesk-handover"
    sent = sigdesk(
        "handover", "export", str(sender), "--youth", "1", "--youth", "2",
        "--out", str(out), "--close", passphrase=PASS,
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    return sender, receiver, out, sent.stdout


def test_export_prints_the_passphrase_alone_and_closes_when_asked(
    two_caseloads: tuple[Path, Path, Path, str],
) -> None:
    sender, _, out, stdout = two_caseloads
    lines = stdout.splitlines()
    assert len(lines) == 1 and len(lines[0].split()) == 6
    assert out.stat().st_mode & 0o777 == 0o600
    listed = sigdesk("deadlines", str(sender), "--json", passphrase=PASS)
    assert listed.returncode == 0
    assert '"youth_id": 1,' not in listed.stdout  # closed: no deadline any more


def test_import_bad_input_then_success_then_twice(
    two_caseloads: tuple[Path, Path, Path, str], tmp_path: Path
) -> None:
    _, receiver, out, stdout = two_caseloads
    phrase = stdout.strip()
    before = sha256(receiver)

    wrong = sigdesk(
        "handover", "import", str(out), str(receiver), passphrase=PASS,
        SIGDESK_HANDOVER_PASSPHRASE=" ".join(reversed(phrase.split())),
    )  # fmt: skip
    assert wrong.returncode == 2
    assert wrong.stderr.count("\n") == 1 and "stämmer inte" in wrong.stderr
    missing = sigdesk("handover", "import", str(out), str(receiver), passphrase=PASS)
    assert missing.returncode == 2 and "SIGDESK_HANDOVER_PASSPHRASE" in missing.stderr
    truncated = tmp_path / "kort.sigdesk-handover"
    truncated.write_bytes(out.read_bytes()[:-50])
    short = sigdesk(
        "handover", "import", str(truncated), str(receiver), passphrase=PASS,
        SIGDESK_HANDOVER_PASSPHRASE=phrase,
    )  # fmt: skip
    assert short.returncode == 1 and "avkortad" in short.stderr
    assert sha256(receiver) == before

    phrase_file = tmp_path / "fras.txt"
    phrase_file.write_text(phrase + "\n", encoding="utf-8")
    done = sigdesk(
        "handover", "import", str(out), str(receiver),
        "--handover-passphrase-file", str(phrase_file), passphrase=PASS,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Tog emot 2 ungdomar" in done.stdout
    assert done.stdout.count("Ungdom: ") == 2 and "Aktör: " in done.stdout
    listed = sigdesk("check", str(receiver), passphrase=PASS)
    assert "6 ungdomar" in listed.stdout

    twice = sigdesk(
        "handover", "import", str(out), str(receiver), passphrase=PASS,
        SIGDESK_HANDOVER_PASSPHRASE=phrase,
    )  # fmt: skip
    assert twice.returncode == 2 and "redan emot" in twice.stderr
    assert "Traceback" not in twice.stderr


def test_export_refuses_an_existing_file_and_the_caseload(
    two_caseloads: tuple[Path, Path, Path, str],
) -> None:
    sender, _, out, _ = two_caseloads
    kept = sha256(out)
    again = sigdesk(
        "handover", "export", str(sender), "--youth", "3", "--out", str(out), passphrase=PASS
    )
    assert again.returncode == 2 and "--force" in again.stderr and again.stdout == ""
    assert sha256(out) == kept
    onto = sigdesk(
        "handover", "export", str(sender), "--youth", "3", "--out", str(sender), passphrase=PASS
    )
    assert onto.returncode == 2 and "aldrig" in onto.stderr


def test_export_with_delete_removes_the_youth(
    two_caseloads: tuple[Path, Path, Path, str], tmp_path: Path
) -> None:
    sender, _, _, _ = two_caseloads
    out = tmp_path / "en.sigdesk-handover"
    done = sigdesk(
        "handover", "export", str(sender), "--youth", "4", "--out", str(out), "--delete",
        passphrase=PASS,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Raderade 1 ungdom" in done.stderr and out.exists()
    listed = sigdesk("youths", str(sender), "--all", "--json", passphrase=PASS)
    assert listed.returncode == 0 and '"youth_id": 4,' not in listed.stdout
    both = sigdesk(
        "handover", "export", str(sender), "--youth", "3", "--out", str(tmp_path / "b"),
        "--close", "--delete", passphrase=PASS,
    )  # fmt: skip
    assert both.returncode == 2 and both.stdout == ""
