"""Small typographic rules of generated text, shared by the renderer and the copywriting lint.

- A citation number is glued to the word before it: no space (a space lets "[5]。" wrap to
  the start of a line), and a word joiner (U+2060) inside the superscript forbids a line
  break before it without putting a character into the searchable text.
- Lists inside a sentence use the language's separator (Chinese: 、).
- A label ending in full-width punctuation (最后审核：) is not followed by a space: the
  punctuation already carries its own blank half.
"""
import re

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
