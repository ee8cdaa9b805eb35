"""Handover (överlämning, SPEC §7): selected youths moved to a colleague's caseload.

The sender writes one encrypted file with everything of the youths (`send`), locked by
a one-time passphrase of six Swedish words (`words`), shown once. The receiver opens
it with that passphrase, sees a preview, and imports it in one transaction (`receive`).
The file format (`container`) is versioned; a file from a newer sigdesk is refused.
"""

from __future__ import annotations

from sigdesk.handover.container import (
    HANDOVER_SUFFIX,
    HandoverDamagedError,
    HandoverFileError,
    HandoverNewerError,
    NotAHandoverError,
)
from sigdesk.handover.receive import (
    HandoverAlreadyReceivedError,
    HandoverPreview,
    ImportResult,
    NothingToImportError,
    PreviewActor,
    PreviewYouth,
    ReceivedHandover,
    import_handover,
    open_handover,
    preview,
)
from sigdesk.handover.send import (
    ClosedAfterHandover,
    HandoverExport,
    close_handed_over,
    delete_handed_over,
    export_handover,
)
from sigdesk.handover.words import HandoverPassphraseError, new_passphrase

__all__ = [
    "HANDOVER_SUFFIX",
    "ClosedAfterHandover",
    "HandoverAlreadyReceivedError",
    "HandoverDamagedError",
    "HandoverExport",
    "HandoverFileError",
    "HandoverNewerError",
    "HandoverPassphraseError",
    "HandoverPreview",
    "ImportResult",
    "NotAHandoverError",
    "NothingToImportError",
    "PreviewActor",
    "PreviewYouth",
    "ReceivedHandover",
    "close_handed_over",
    "delete_handed_over",
    "export_handover",
    "import_handover",
    "new_passphrase",
    "open_handover",
    "preview",
]
