"""Decrypted copies of a caseload, for scanning for deleted data (RELIABILITY 24).

Two copies: `decrypted_pages` decrypts every page of the file and every frame of its
`-wal` with the raw data key (SQLCipher 4: AES-256-CBC per page, the IV in the page's
80-byte reserve, a 16-byte salt in front of page 1), so free pages, unused space in
pages and old WAL frames are all in it; `exported_plaintext` is SQLCipher's own
`sqlcipher_export()` to an unkeyed database (the live rows only).
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
SALT = 16
WAL_HEADER, FRAME_HEADER = 32, 24


def _decrypt_page(page: bytes, key: bytes, *, first: bool) -> bytes:
    start = SALT if first else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """Every page of the caseload and every frame of its `-wal`, decrypted."""
    data = path.read_bytes()
    out = bytearray()
    for n in range(len(data) // PAGE):
        out += _decrypt_page(data[n * PAGE : (n + 1) * PAGE], key, first=n == 0)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        frames = wal.read_bytes()[WAL_HEADER:]
        step = FRAME_HEADER + PAGE
        for at in range(0, len(frames) - step + 1, step):
            number = int.from_bytes(frames[at : at + 4], "big")
            page = frames[at + FRAME_HEADER : at + step]
            out += _decrypt_page(page, key, first=number == 1)
    return bytes(out)


def exported_plaintext(path: Path, key: bytes, out: Path) -> bytes:
    """`sqlcipher_export()` of the caseload to an unkeyed file; returns that file's bytes."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute(f"ATTACH DATABASE '{out}' AS plaintext KEY ''")
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()
    return out.read_bytes()


def hits(blob: bytes, canaries: list[str]) -> list[str]:
    """The canaries found in `blob`, in UTF-8 (and UTF-16, as SQLite may store text)."""
    found = []
    for canary in canaries:
        forms = (canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be"))
        if any(form in blob for form in forms):
            found.append(canary)
    return found
