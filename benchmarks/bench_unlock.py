"""RELIABILITY 4 / issue report: unlock time by keyring and by passphrase (medians).

Run: .venv/bin/python -m benchmarks.bench_unlock
"""

from __future__ import annotations

import os

import keyring

from benchmarks.common import PASSPHRASE, bench_env, demo_caseload, median_ms
from sigdesk.store import keystore
from sigdesk.store.open import open_caseload


def main() -> None:
    path = demo_caseload(2000)
    os.environ.update(bench_env())
    from tests.keyrings import FileKeyring

    keyring.set_keyring(FileKeyring())
    by_keyring, _ = median_ms(lambda: keystore.unlock(path), runs=10)
    by_pass, _ = median_ms(lambda: keystore.unlock(path, passphrase=PASSPHRASE), runs=5, warmup=1)
    open_med, _ = median_ms(lambda: open_caseload(path).close(), runs=10)
    kdf = keystore.DEFAULT_KDF
    print(f"Argon2id: {kdf.memory_kib // 1024} MiB, {kdf.iterations} iterations, {kdf.lanes} lanes")
    print(f"unlock by keyring:    median {by_keyring:.1f} ms")
    print(f"unlock by passphrase: median {by_pass:.0f} ms (target 500-1000 ms)")
    print(f"open 2,000-youth caseload via keyring (unlock + key + schema check): {open_med:.1f} ms")
    print(f"caseload file: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
