"""The caseload's data key, wrapped in two slots of a key file beside the caseload.

The 256-bit data key is random and is what SQLCipher uses (as a raw key). It is never
stored in plain text: the key file holds it encrypted (AES-256-GCM) twice —

* the *keyring* slot, under a random wrapping key kept in the OS keyring (unlock
  without a prompt);
* the *passphrase* slot, under a key derived from the worker's passphrase with
  Argon2id (memory-hard, tuned to 0.5–1 s: about 0.85 s on the slower of these
  2-core machines, 0.55 s on the faster).

Any keyring that is missing, locked, returns nothing, is plain text, or holds a key
that does not fit leads to the passphrase — never to a new caseload. Changing the
passphrase rewrites only the key file, atomically; the database is not touched.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sigdesk.config import key_file_path
from sigdesk.errors import (
    CaseloadExistsError,
    DiskFullError,
    KeyFileDamagedError,
    KeyFileMissingError,
    KeyFileWriteError,
    KeyringUnavailableError,
    KeyringWrongKeyError,
    KeyRotationPendingError,
    NoCaseloadError,
    PassphraseRequiredError,
    ValidationError,
    WrongPassphraseError,
)
from sigdesk.logs import Safe
from sigdesk.store.fileutil import atomic_write_bytes, is_disk_full

log = logging.getLogger(__name__)

KEY_FILE_FORMAT = 1
KEYRING_SERVICE = "sigdesk"
DATA_KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 8


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; stored in the key file so a later tuning still opens old files."""

    memory_kib: int = 131072  # 128 MiB
    iterations: int = 7  # 0.5–0.9 s on these 2-core machines (SPEC §7: 0.5–1 s)
    lanes: int = 4

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        kdf = Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))


DEFAULT_KDF = KdfParams()


# --- the keyring, behind one small interface ------------------------------------------


def keyring_problem() -> str | None:
    """Why the current keyring backend must not be used, or None when it is safe.

    Refused: keyring's *fail* backend (raises), its *null* backend (returns None for
    everything, which would look like a first run), and any backend from keyrings.alt
    or named plain text (secrets base64-encoded in a file).
    """
    import keyring
    from keyring.backends import chainer, fail

    backend = keyring.get_keyring()
    backends = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    if not backends:
        return "ingen nyckelring finns"
    for b in backends:
        module = type(b).__module__
        name = type(b).__name__.lower()
        if isinstance(b, fail.Keyring) or module.startswith("keyring.backends.null"):
            return "ingen nyckelring finns"
        if module.startswith("keyrings.alt") or "plaintext" in name:
            return "nyckelringen sparar i klartext och används inte"
    return None


def _keyring_get(username: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    if keyring_problem() is not None:
        return None
    try:
        value: str | None = keyring.get_password(KEYRING_SERVICE, username)
    except (KeyringError, OSError) as exc:  # locked, dbus gone, user said no
        log.info("keyring read failed: %s", type(exc).__name__)
        return None
    return value


def _keyring_set(username: str, secret: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    problem = keyring_problem()
    if problem is not None:
        raise KeyringUnavailableError(f"Nyckelringen kan inte användas: {problem}.")
    try:
        keyring.set_password(KEYRING_SERVICE, username, secret)
    except (KeyringError, OSError) as exc:
        raise KeyringUnavailableError(
            f"Nyckelringen kan inte användas ({type(exc).__name__})."
        ) from exc


def _keyring_delete(username: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    if keyring_problem() is not None:
        return
    with contextlib.suppress(KeyringError, OSError):
        keyring.delete_password(KEYRING_SERVICE, username)


# --- the key file ---------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _random_bytes(n: int) -> bytes:
    # `secrets` (hmac, OpenSSL's hashlib) is imported only when a key is made, not to unlock.
    import secrets

    return secrets.token_bytes(n)


# cryptography is imported where a slot is sealed or opened, not with this module: the
# window's start reads the keyring's answer from a child process (sigdesk/store/early.py).


def _seal(wrapping_key: bytes, data_key: bytes, aad: bytes) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = _random_bytes(12)
    return {
        "nonce": _b64(nonce),
        "ciphertext": _b64(AESGCM(wrapping_key).encrypt(nonce, data_key, aad)),
    }


def _open(wrapping_key: bytes, slot: dict[str, Any], aad: bytes) -> bytes:
    """Decrypt a slot; raises InvalidTag for a wrong key or a tampered slot."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(wrapping_key).decrypt(_unb64(slot["nonce"]), _unb64(slot["ciphertext"]), aad)


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _keyring_wrong_key() -> KeyringWrongKeyError:
    return KeyringWrongKeyError(
        "Nyckelringen har en nyckel som inte passar den här ärendefilen.",
        hint="Ange lösenfrasen.",
    )


def _new_caseload_id() -> str:
    import uuid  # only when a caseload is made

    return str(uuid.uuid4())


@dataclass
class KeyFile:
    """The parsed key file: an id for the keyring entry and the two wrapped copies."""

    path: Path
    caseload_id: str
    slots: dict[str, dict[str, Any]]
    #: A new data key during a rotation (`sigdesk.store.rekey`), wrapped like `slots`.
    pending: dict[str, dict[str, Any]] | None = None

    def _aad(self, slot: str) -> bytes:
        return f"sigdesk:{self.caseload_id}:{slot}".encode()

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise KeyFileDamagedError(f"Nyckelfilen kan inte läsas ({exc.strerror}).") from exc
        return cls.parse(path, raw)

    @classmethod
    def parse(cls, path: Path, raw: bytes) -> KeyFile:
        """The key file at `path` from its bytes `raw`."""
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != KEY_FILE_FORMAT:
                raise ValueError("unknown format")
            caseload_id = str(doc["caseload_id"]).lower()
            if not _UUID.fullmatch(caseload_id):
                raise ValueError("caseload_id is not a UUID")
            slots = doc["slots"]
            if not isinstance(slots, dict) or "passphrase" not in slots:
                raise ValueError("no passphrase slot")
            pending = doc.get("pending")
            if pending is not None and not isinstance(pending, dict):
                raise ValueError("pending is not a set of slots")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeyFileDamagedError(
                "Nyckelfilen är skadad eller inte en sigdesk-nyckelfil.",
                hint="Återställ den från en säkerhetskopia.",
            ) from exc
        return cls(path=path, caseload_id=caseload_id, slots=slots, pending=pending)

    def save(self, *, overwrite: bool = True) -> None:
        doc: dict[str, Any] = {
            "format": KEY_FILE_FORMAT,
            "caseload_id": self.caseload_id,
            "slots": self.slots,
        }
        if self.pending is not None:
            doc["pending"] = self.pending
        data = json.dumps(doc, indent=2).encode("utf-8")
        try:
            atomic_write_bytes(self.path, data, overwrite=overwrite)
        except FileExistsError:
            raise
        except OSError as exc:
            if is_disk_full(exc):
                raise DiskFullError("nyckelfilen kunde inte sparas (den gamla gäller)") from exc
            raise KeyFileWriteError(
                f"Nyckelfilen {self.path.name} kan inte sparas ({exc.strerror or exc}).",
                hint="Den gamla nyckelfilen gäller; inget har ändrats.",
            ) from exc

    # slots

    def set_passphrase(self, data_key: bytes, passphrase: str, kdf: KdfParams) -> None:
        salt = _random_bytes(16)
        slot: dict[str, Any] = _seal(
            kdf.derive(passphrase, salt), data_key, self._aad("passphrase")
        )
        slot.update(
            kdf="argon2id",
            salt=_b64(salt),
            memory_kib=kdf.memory_kib,
            iterations=kdf.iterations,
            lanes=kdf.lanes,
        )
        self.slots["passphrase"] = slot

    def open_with_passphrase(self, passphrase: str) -> bytes:
        return self.open_slot("passphrase", self.passphrase_wrapping_key(passphrase))

    def passphrase_wrapping_key(self, passphrase: str) -> bytes:
        """The key the passphrase slot is sealed with (Argon2id: the slow step)."""
        slot = self.slots["passphrase"]
        try:
            kdf = KdfParams(
                memory_kib=int(slot["memory_kib"]),
                iterations=int(slot["iterations"]),
                lanes=int(slot["lanes"]),
            )
            salt = _unb64(slot["salt"])
        except (KeyError, ValueError, TypeError) as exc:
            raise KeyFileDamagedError("Nyckelfilens lösenfrasdel är skadad.") from exc
        return kdf.derive(passphrase, salt)

    def open_slot(self, name: str, wrapping_key: bytes, *, pending: bool = False) -> bytes:
        """The data key in slot `name` (of `pending` when asked) under `wrapping_key`."""
        from cryptography.exceptions import InvalidTag

        slots = (self.pending or {}) if pending else self.slots
        try:
            return _open(wrapping_key, slots[name], self._aad(name))
        except (InvalidTag, KeyError, ValueError, TypeError) as exc:
            if name != "passphrase":
                raise _keyring_wrong_key() from None
            if isinstance(exc, InvalidTag):
                raise WrongPassphraseError("Fel lösenfras.") from None
            raise KeyFileDamagedError("Nyckelfilens lösenfrasdel är skadad.") from exc

    def keyring_wrapping_key(self) -> bytes | None:
        """The keyring slot's wrapping key from the OS keyring, or None."""
        if "keyring" not in self.slots:
            return None
        secret = _keyring_get(self.caseload_id)
        try:
            return None if secret is None else bytes.fromhex(secret)
        except ValueError:
            raise _keyring_wrong_key() from None

    def stage(self, new_key: bytes, *, passphrase_key: bytes, keyring_key: bytes | None) -> None:
        """Wrap `new_key` as pending, beside the current slots (a rotation's first step)."""
        slot = dict(self.slots["passphrase"])
        slot.update(_seal(passphrase_key, new_key, self._aad("passphrase")))
        self.pending = {"passphrase": slot}
        if keyring_key is not None:
            self.pending["keyring"] = _seal(keyring_key, new_key, self._aad("keyring"))

    def promote(self) -> None:
        """The pending key becomes the current one (a rotation's last step)."""
        if self.pending is None:
            return
        self.slots["passphrase"] = self.pending["passphrase"]
        if "keyring" in self.pending:
            self.slots["keyring"] = self.pending["keyring"]
        else:
            self.slots.pop("keyring", None)  # it wraps the old key: the passphrase opens
        self.pending = None

    def set_keyring(self, data_key: bytes) -> None:
        """Wrap the data key under a new random key stored in the OS keyring."""
        wrapping_key = _random_bytes(32)
        _keyring_set(self.caseload_id, wrapping_key.hex())
        self.slots["keyring"] = _seal(wrapping_key, data_key, self._aad("keyring"))

    def open_with_keyring(self) -> bytes | None:
        """The data key via the keyring, or None when the keyring cannot give it.

        Raises KeyringWrongKeyError when the keyring answers with a key that does not
        fit; the caller then asks for the passphrase.
        """
        wrapping_key = self.keyring_wrapping_key()
        return None if wrapping_key is None else self.open_slot("keyring", wrapping_key)


# --- what the rest of sigdesk calls -----------------------------------------------------


def validate_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            "Lösenfras", f"Lösenfrasen måste ha minst {MIN_PASSPHRASE_LENGTH} tecken."
        )


def create_key_file(
    caseload: Path, passphrase: str, *, use_keyring: bool = True, kdf: KdfParams = DEFAULT_KDF
) -> tuple[bytes, bool]:
    """Make a new data key and its key file; returns (data key, stored in keyring).

    The keyring slot is optional: with no safe keyring the caseload opens with the
    passphrase only. Refuses to replace an existing key file.
    """
    validate_passphrase(passphrase)
    data_key = _random_bytes(DATA_KEY_BYTES)
    key_file = KeyFile(path=key_file_path(caseload), caseload_id=_new_caseload_id(), slots={})
    key_file.set_passphrase(data_key, passphrase, kdf)
    in_keyring = False
    if use_keyring:
        try:
            key_file.set_keyring(data_key)
            in_keyring = True
        except KeyringUnavailableError as exc:
            # the message is one of keyring_problem()'s fixed texts, never user data
            log.warning("caseload key not stored in a keyring: %s", Safe(exc.message))
    try:
        key_file.save(overwrite=False)
    except FileExistsError:
        raise CaseloadExistsError(f"Det finns redan en nyckelfil på {key_file.path}.") from None
    return data_key, in_keyring


def load_key_file(caseload: Path) -> KeyFile:
    """The key file of a caseload, with a clear error when it or the caseload is missing."""
    path = key_file_path(caseload)
    try:
        return KeyFile.load(path)
    except FileNotFoundError:
        if caseload.exists():
            raise KeyFileMissingError(
                f"Nyckelfilen {path.name} saknas bredvid ärendefilen.",
                hint="Lägg tillbaka den (från en säkerhetskopia); utan den kan filen inte öppnas.",
            ) from None
        raise NoCaseloadError(f"Det finns ingen ärendefil på {caseload}.") from None


def unlock(caseload: Path, *, passphrase: str | None = None) -> bytes:
    """The data key: from the passphrase when given, else from the keyring.

    Raises PassphraseRequiredError when the keyring cannot give the key (missing,
    locked, empty, plain text), KeyringWrongKeyError when it gives a wrong one.
    """
    key_file = load_key_file(caseload)
    if passphrase is not None:
        return key_file.open_with_passphrase(passphrase)
    return key_or_passphrase(key_file.open_with_keyring())


def key_or_passphrase(keyring_key: bytes | None) -> bytes:
    """The keyring's data key, or PassphraseRequiredError when the keyring gave none."""
    if keyring_key is None:
        raise PassphraseRequiredError(
            "Nyckelringen kan inte låsa upp ärendefilen.", hint="Ange lösenfrasen."
        )
    return keyring_key


def change_passphrase(caseload: Path, *, old: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """Rewrap the data key under a new passphrase; the database is not rewritten."""
    validate_passphrase(new)
    key_file = load_key_file(caseload)
    if key_file.pending is not None:
        raise KeyRotationPendingError(
            "En byte av datanyckel avbröts och är inte avslutad.",
            hint="Öppna ärendefilen en gång (det avslutar bytet) och byt sedan lösenfras.",
        )
    data_key = key_file.open_with_passphrase(old)
    key_file.set_passphrase(data_key, new, kdf)
    key_file.save()


def store_in_keyring(caseload: Path, data_key: bytes) -> None:
    """(Re)create the keyring slot, e.g. after a passphrase unlock on a new laptop."""
    key_file = load_key_file(caseload)
    key_file.set_keyring(data_key)
    key_file.save()


def forget_keyring(caseload: Path) -> None:
    """Remove the keyring entry and slot; the passphrase still opens the caseload."""
    key_file = load_key_file(caseload)
    _keyring_delete(key_file.caseload_id)
    if key_file.slots.pop("keyring", None) is not None:
        key_file.save()
