"""The one error hierarchy: every error carries a message that is safe to show a user.

Messages are Swedish (the users' language) and never contain case data, keys or
passphrases, so they can be logged and shown in a crash report as they are.
"""

from __future__ import annotations


class SigdeskError(Exception):
    """Root of every error sigdesk raises on purpose."""

    #: Exit code for the command line: 2 = usage or unlock problem, 1 = problem found.
    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        """The message and its hint on one line, for stderr and status bars."""
        return f"{self.message} {self.hint}" if self.hint else self.message


class ValidationError(SigdeskError):
    """Input that is not saved; `field` names the field the message belongs next to."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.field_message = message


class NotFoundError(SigdeskError):
    """A record the caller named does not exist."""


# --- opening a caseload -------------------------------------------------------------


class UnlockError(SigdeskError):
    """The caseload could not be unlocked; nothing on disk was changed."""


class NoCaseloadError(UnlockError):
    """There is no caseload at the path."""


class CaseloadExistsError(UnlockError):
    """Refusing to create a caseload where a file already is."""


class KeyFileMissingError(UnlockError):
    """The caseload exists but its key file does not."""


class KeyFileDamagedError(UnlockError):
    """The key file cannot be read."""


class KeyFileWriteError(SigdeskError):
    """The key file could not be written (not a full disk: that is DiskFullError)."""


class KeyRotationPendingError(SigdeskError):
    """An interrupted data-key rotation must be settled (by an open) first."""


class PassphraseRequiredError(UnlockError):
    """No key could be had without the passphrase (keyring missing, locked or empty)."""


class WrongPassphraseError(UnlockError):
    """The passphrase does not open the key file."""


class KeyringWrongKeyError(UnlockError):
    """The keyring holds a key that does not fit this caseload."""


class KeyringUnavailableError(SigdeskError):
    """No safe OS keyring is available (none, a null backend, or a plain-text one)."""


class CaseloadFileError(UnlockError):
    """The caseload file itself is not usable; subclasses say how."""

    exit_code = 1


class NotACaseloadError(CaseloadFileError):
    """The file is not a sigdesk caseload (plain SQLite, a Word file, empty…)."""


class TruncatedFileError(CaseloadFileError):
    """The file is shorter than a whole number of pages."""


class WrongKeyOrDamagedError(CaseloadFileError):
    """SQLCipher cannot read the first page: the key is wrong or the file is damaged."""


class NewerSchemaError(UnlockError):
    """The caseload was written by a newer sigdesk; it is refused without a write."""


class CipherVersionError(UnlockError):
    """The database module is not SQLCipher 4 (e.g. a plain sqlite3 loaded by mistake)."""


class DamagedCaseloadError(WrongKeyOrDamagedError):
    """A page of the caseload cannot be read (its checksum fails) while the others can:
    the file is damaged, the key is right."""


class DiskIOError(CaseloadFileError):
    """The disk answered a read or write with an I/O error (not a full disk)."""


# --- writing ------------------------------------------------------------------------


class DiskFullError(SigdeskError):
    """The disk or the user's quota is full: nothing was written, earlier data is intact."""

    def __init__(self, doing: str) -> None:
        super().__init__(
            f"Disken är full: {doing}.",
            hint="Frigör utrymme på disken och försök igen; det som sparats tidigare finns kvar.",
        )


# --- backups ------------------------------------------------------------------------


class BackupError(SigdeskError):
    """A backup could not be made or restored; nothing on disk was changed."""


class BackupTargetError(BackupError):
    """The chosen output is refused: it exists, or it is a caseload or its key file."""


class BackupFolderError(BackupError):
    """The backup or restore folder cannot be written (read-only, full, missing)."""


class NotABackupError(BackupError):
    """The file is not a sigdesk backup."""


class BackupDamagedError(BackupError):
    """The backup is truncated or damaged: a problem found."""

    exit_code = 1


class BackupNewerError(BackupError):
    """The backup was made by a newer sigdesk (format or schema)."""


class BackupOtherCaseloadError(BackupError):
    """The backup belongs to another caseload than the one it would replace."""
