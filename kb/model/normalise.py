"""How the glossary filter compares text, so that 维生素K2 = 维生素 K2, MK7 = MK-7 = mk 7,
and full-width ＭＫ－７ = MK-7.

The filter runs in the browser, so overrides/assets/kb.js has a JavaScript twin of this
function (kbNormalise); tests/browser/test_interactions.py asserts the two agree.
"""
import re
import unicodedata

# Characters dropped before comparing: spaces, hyphens and dashes, dots, middle dots,
# brackets and quotes (half- and full-width forms are unified by NFKC first).
IGNORED = re.compile(r"[\s\-‐‑‒–—_.·・()\[\]{}（）【】'\"’‘“”,，、/]+")


def normalise(text: str) -> str:
    return IGNORED.sub("", unicodedata.normalize("NFKC", text).lower())
