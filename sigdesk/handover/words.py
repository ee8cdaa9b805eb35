"""The handover's one-time passphrase: six words drawn with `secrets` from a shipped list.

The list (words_sv.txt, 2,048 common Swedish words of 3–8 lower-case letters) gives
11 bits a word, 66 bits for six, before Argon2id. No two words are alike when å, ä and
ö are written a, a and o, so a receiver without a Swedish keyboard can type them so.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from functools import cache
from importlib import resources

from sigdesk.errors import SigdeskError

WORD_COUNT = 6
#: Names this list in the file's header; another list (a later version) skips the word check.
WORDLIST_ID = "sv-2048-1"
_FOLD = str.maketrans("åäö", "aao")
_SEPARATORS = re.compile(r"[\s\-_,.;:/·]+")


class HandoverPassphraseError(SigdeskError):
    """The one-time passphrase is mistyped or does not open the handover file."""


@cache
def word_list() -> tuple[str, ...]:
    text = resources.files("sigdesk.handover").joinpath("words_sv.txt").read_text("utf-8")
    return tuple(text.split())


@cache
def _by_folded() -> dict[str, str]:
    return {word.translate(_FOLD): word for word in word_list()}


def new_passphrase() -> str:
    """Six words, each drawn at random (`secrets`) from the list, separated by spaces."""
    words = word_list()
    return " ".join(secrets.choice(words) for _ in range(WORD_COUNT))


def normalised(text: str) -> str:
    """The phrase as typed, in one form: NFC, lower case, single spaces between words
    (hyphens, commas, dots and line breaks count as spaces)."""
    cleaned = unicodedata.normalize("NFC", text).casefold().strip()
    return " ".join(part for part in _SEPARATORS.split(cleaned) if part)


def checked_phrase(text: str, *, wordlist_id: str = WORDLIST_ID) -> str:
    """The typed phrase, normalised and with each word in its listed spelling.

    A phrase of another length, or with a word that is not in the list, is refused with
    a message that says what to look at (before any slow key derivation). A file made
    with another word list is not checked word by word.
    """
    phrase = normalised(text)
    words = phrase.split(" ") if phrase else []
    if not words:
        raise HandoverPassphraseError("Skriv lösenfrasen för överlämningen (sex ord).")
    if wordlist_id != WORDLIST_ID:
        return phrase
    if len(words) != WORD_COUNT:
        raise HandoverPassphraseError(
            f"Lösenfrasen har sex ord; det här är {len(words)}.",
            hint="Kontrollera att inget ord fattas eller har kommit till.",
        )
    known = _by_folded()
    spelled = []
    for position, word in enumerate(words, start=1):
        listed = known.get(word.translate(_FOLD))
        if listed is None:
            raise HandoverPassphraseError(
                f"Ord {position} i lösenfrasen finns inte i ordlistan: troligen felstavat.",
                hint="Jämför med lösenfrasen du fick.",
            )
        spelled.append(listed)
    return " ".join(spelled)
