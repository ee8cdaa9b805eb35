"""The handover file: a versioned header in the clear, the payload encrypted.

    MAGIC (16 bytes) · format (u32, big-endian) · header length (u32) · header · ciphertext

The header is UTF-8 JSON and holds nothing about the youths: when and by which
sigdesk the file was made, the Argon2id parameters and salt, the AEAD (AES-256-GCM)
and its nonce, a check value of the derived key (it tells a wrong passphrase from a
damaged file), the word list's id and the ciphertext's length. The ciphertext is the
zlib-compressed JSON payload, sealed under the key Argon2id derives from the one-time
passphrase; the magic, format and header are its associated data, so a changed header
fails as a damaged file. A file of a newer format is refused before any passphrase.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sigdesk import __version__
from sigdesk.errors import SigdeskError
from sigdesk.handover.words import WORDLIST_ID, HandoverPassphraseError, checked_phrase
from sigdesk.store.keystore import DEFAULT_KDF, KdfParams

MAGIC = b"SIGDESK-HANDOVER"
HANDOVER_FORMAT = 1
HANDOVER_SUFFIX = ".sigdesk-handover"
_PREFIX = struct.Struct(">16sII")
_MAX_HEADER = 64 * 1024
_MAX_PAYLOAD = 1 << 30
#: Bounds on the KDF cost a header may ask for (a damaged header must not hang the app).
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_ITERATIONS = 64
_CHECK_LABEL = b"sigdesk-handover-key-check"


class HandoverFileError(SigdeskError):
    """The handover file cannot be used; nothing was changed."""


class NotAHandoverError(HandoverFileError):
    """The file is not a sigdesk handover file."""


class HandoverDamagedError(HandoverFileError):
    """The handover file is truncated or damaged: a problem found."""

    exit_code = 1


class HandoverNewerError(HandoverFileError):
    """The handover file was made by a newer sigdesk."""


@dataclass(frozen=True)
class Envelope:
    """A handover file read as far as it goes without the passphrase."""

    format: int
    created: datetime
    app_version: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    check: bytes
    wordlist: str
    associated: bytes
    ciphertext: bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _key_check(key: bytes) -> bytes:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).digest()[:16]


def seal(payload: bytes, *, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> bytes:
    """The whole file's bytes: `payload` compressed and encrypted under `passphrase`."""
    salt, nonce = os.urandom(16), os.urandom(12)
    key = kdf.derive(passphrase, salt)
    compressed = zlib.compress(payload, 6)
    ciphertext_size = len(compressed) + 16  # the GCM tag
    header = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "kdf": {
            "name": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": _b64(salt),
        },
        "aead": "AES-256-GCM",
        "nonce": _b64(nonce),
        "key_check": _b64(_key_check(key)),
        "wordlist": WORDLIST_ID,
        "ciphertext_size": ciphertext_size,
    }
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    associated = _PREFIX.pack(MAGIC, HANDOVER_FORMAT, len(header_bytes)) + header_bytes
    return associated + AESGCM(key).encrypt(nonce, compressed, associated)


def read_envelope(path: Path) -> Envelope:
    """Read and check the file's frame and header (no passphrase needed).

    Raises NotAHandoverError, HandoverNewerError, HandoverDamagedError (truncated or a
    header that cannot be read), or HandoverFileError when the file cannot be read.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise HandoverFileError(
            f"Överlämningsfilen kan inte läsas: {path} ({exc.strerror})."
        ) from None
    if len(data) < _PREFIX.size or not data.startswith(MAGIC):
        raise NotAHandoverError(f"{path} är ingen överlämningsfil från sigdesk.")
    _, version, header_size = _PREFIX.unpack_from(data)
    if version > HANDOVER_FORMAT:
        raise HandoverNewerError(
            f"Överlämningsfilen är gjord med en nyare version av sigdesk (format {version}).",
            hint="Uppdatera sigdesk och försök igen.",
        )
    if version < 1 or header_size > _MAX_HEADER:
        raise _damaged(path)
    associated = data[: _PREFIX.size + header_size]
    if len(associated) < _PREFIX.size + header_size:
        raise _truncated(path)
    try:
        return _parse_header(version, associated, data[len(associated) :])
    except _LengthMismatch as exc:
        raise (_truncated(path) if exc.short else _damaged(path)) from None
    except (ValueError, KeyError, TypeError):
        raise _damaged(path) from None


def _parse_header(version: int, associated: bytes, ciphertext: bytes) -> Envelope:
    header: dict[str, Any] = json.loads(associated[_PREFIX.size :].decode("utf-8"))
    kdf_fields = header["kdf"]
    if kdf_fields["name"] != "argon2id" or header["aead"] != "AES-256-GCM":
        raise ValueError("unknown algorithm")
    kdf = KdfParams(
        memory_kib=int(kdf_fields["memory_kib"]),
        iterations=int(kdf_fields["iterations"]),
        lanes=int(kdf_fields["lanes"]),
    )
    if not (8 * kdf.lanes <= kdf.memory_kib <= _MAX_MEMORY_KIB):
        raise ValueError("memory")
    if not (1 <= kdf.iterations <= _MAX_ITERATIONS and 1 <= kdf.lanes <= 64):
        raise ValueError("cost")
    size = int(header["ciphertext_size"])
    if not 16 <= size <= _MAX_PAYLOAD:
        raise ValueError("size")
    if len(ciphertext) != size:
        raise _LengthMismatch(len(ciphertext) < size)
    return Envelope(
        format=version,
        created=datetime.fromisoformat(header["created"]),
        app_version=str(header["app_version"]),
        kdf=kdf,
        salt=base64.b64decode(kdf_fields["salt"], validate=True),
        nonce=base64.b64decode(header["nonce"], validate=True),
        check=base64.b64decode(header["key_check"], validate=True),
        wordlist=str(header["wordlist"]),
        associated=associated,
        ciphertext=ciphertext,
    )


class _LengthMismatch(ValueError):
    def __init__(self, short: bool) -> None:
        super().__init__("length")
        self.short = short


def _damaged(path: Path) -> HandoverDamagedError:
    return HandoverDamagedError(
        f"Överlämningsfilen {Path(path).name} är skadad och kan inte läsas.",
        hint="Be avsändaren om en ny fil.",
    )


def _truncated(path: Path) -> HandoverDamagedError:
    return HandoverDamagedError(
        f"Överlämningsfilen {Path(path).name} är avkortad (inte hela filen kom fram).",
        hint="Be avsändaren om en ny fil.",
    )


def open_envelope(envelope: Envelope, *, passphrase: str, path: Path) -> bytes:
    """The payload, decrypted and decompressed; the slow step (one Argon2id derivation).

    Raises HandoverPassphraseError (mistyped or wrong) or HandoverDamagedError.
    """
    phrase = checked_phrase(passphrase, wordlist_id=envelope.wordlist)
    key = envelope.kdf.derive(phrase, envelope.salt)
    if not hmac.compare_digest(_key_check(key), envelope.check):
        raise HandoverPassphraseError(
            "Lösenfrasen stämmer inte för den här överlämningsfilen.",
            hint="Kontrollera orden och försök igen.",
        )
    try:
        compressed = AESGCM(key).decrypt(envelope.nonce, envelope.ciphertext, envelope.associated)
        return zlib.decompress(compressed)
    except (InvalidTag, zlib.error):
        raise _damaged(path) from None


__all__ = [
    "HANDOVER_FORMAT",
    "HANDOVER_SUFFIX",
    "Envelope",
    "HandoverDamagedError",
    "HandoverFileError",
    "HandoverNewerError",
    "HandoverPassphraseError",
    "NotAHandoverError",
    "open_envelope",
    "read_envelope",
    "seal",
]
