"""Small typographic rules of generated text, shared by the renderer and the copywriting lint.

- A citation number is glued to the word before it: no space (a space lets "[5]。" wrap to
  the start of a line), and a word joiner (U+2060) inside the superscript forbids a line
  break before it without putting a character into the searchable text.
- Lists inside a sentence use the language's separator (Chinese: 、).
- A label ending in full-width punctuation (最后审核：) is not followed by a space: the
  punctuation already carries its own blank half.
- Chinese text is spaced and punctuated as AutoCorrect (autocorrect-py, configured by
  kb/checks/autocorrect.yml) wants it: the copywriting lint (kb/checks/copywriting.py)
  checks pages by it, and generated text such as a term's aliases is written by it.
"""
import re
from functools import lru_cache
from pathlib import Path

WORD_JOINER = "\u2060"
CITATION_START = '<sup class="kb-cite"'
_SPACE_BEFORE_CITATION = re.compile(r"[ \t]+(?=" + re.escape(CITATION_START) + ")")
_FULL_WIDTH_END = re.compile(r"[\u3000-\u303f\uff00-\uffef]$")
SEPARATORS = {"zh": "、"}  # other languages: the separator the caller gives


def glue_citations(text: str) -> str:
    """Drop the spaces written before citation superscripts."""
    return _SPACE_BEFORE_CITATION.sub("", text)


def join_list(items, lang: str, separator: str = ", ") -> str:
    return SEPARATORS.get(lang, separator).join(items)


def after_label(label_text: str) -> str:
    """The space that follows a label: none after full-width punctuation."""
    return "" if _FULL_WIDTH_END.search(label_text) else " "


AUTOCORRECT_CONFIG = Path(__file__).parents[1] / "checks" / "autocorrect.yml"  # AutoCorrect's own format
LINTED_LANGS = ("zh",)  # languages whose text AutoCorrect checks and corrects
NAME_HYPHEN = re.compile(r"(?<=[\u3400-\u9fff])-(?=[0-9])")
KEPT_HYPHEN = "\u2011"  # non-breaking hyphen: AutoCorrect leaves it alone


@lru_cache(maxsize=1)
def autocorrect():
    # Imported late: only the checker and term pages need it. The configuration is global
    # inside the library, so it is loaded once.
    import autocorrect_py

    autocorrect_py.load_config(AUTOCORRECT_CONFIG.read_text("utf-8"))
    return autocorrect_py


def corrected(text: str) -> str:
    """Chinese text as the lint wants it written (names such as 甲萘醌-4 keep their
    hyphen), for generated text it never reads, such as a term's aliases (kb/render/terms.py)."""
    return autocorrect().format(NAME_HYPHEN.sub(KEPT_HYPHEN, text)).replace(KEPT_HYPHEN, "-")
