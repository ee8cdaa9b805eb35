"""Rebuild sigdesk/handover/words_sv.txt, the handover passphrase's word list.

A maintenance script, not run by sigdesk. Needs `wordfreq` (pip) and the Debian
package `hunspell-sv` (Den stora svenska ordlistan, LGPL-3.0):

    python resources/wordlist/build_words.py > sigdesk/handover/words_sv.txt

Words: the dictionary's base forms of 3–8 lower-case letters (a–z, å, ä, ö; so no
proper nouns), ranked by how common they are in Swedish (wordfreq's Zipf frequency);
left out are the words in excluded.txt (function words, slang, swearing, words about
crime, illness, death, religion or politics, names and places), words common in
English, and any word that reads like an earlier one with å/ä/ö written a/a/o, so a
receiver without a Swedish keyboard is never ambiguous. The 2,048 most common remain.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from wordfreq import zipf_frequency

DICTIONARY = Path("/usr/share/hunspell/sv_SE.dic")
EXCLUDED = Path(__file__).with_name("excluded.txt")
COUNT = 2048
FOLD = str.maketrans("åäö", "aao")


def main() -> None:
    stems = set()
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines()[1:]:
        word = unicodedata.normalize("NFC", line.split("/")[0].strip())
        if re.fullmatch(r"[a-zåäö]{3,8}", word):
            stems.add(word)
    excluded = set(EXCLUDED.read_text(encoding="utf-8").split())
    ranked = sorted(stems, key=lambda w: (-zipf_frequency(w, "sv"), w))
    seen: set[str] = set()
    chosen: list[str] = []
    for word in ranked:
        folded = word.translate(FOLD)
        if word in excluded or zipf_frequency(word, "en") >= 3.0 or folded in seen:
            continue
        seen.add(folded)
        chosen.append(word)
        if len(chosen) == COUNT:
            break
    sys.stdout.write("".join(f"{w}\n" for w in sorted(chosen)))


if __name__ == "__main__":
    main()
