"""A stylesheet as rules, each selector with the page names it needs (kb/finish/page_css.py
decides from those names which rules a page keeps).

"Needs" is decided the way PurgeCSS decides it: a selector needs every class, id, element
and attribute name it mentions; names inside :not(), :has() and other functional
pseudo-classes are not needed, and :is()/:where() need one of their alternatives, so a rule
is never dropped for what they say. tinycss2 parses and serialises the CSS.
"""
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import tinycss2


@dataclass(frozen=True)
class Rule:
    """A style rule: per selector the names it requires, and its declarations as (name,
    text) pairs. An @media/@supports block has its rules in inner; @keyframes has its name
    in keyframes; other at-rules (@font-face, @page) are kept whole as text."""
    prelude: str
    selectors: tuple = ()  # a Selector per comma-separated selector
    declarations: tuple = ()
    inner: tuple = ()
    text: str = ""
    keyframes: str = ""


@dataclass(frozen=True)
class Selector:
    """What one selector needs of a page: all of `names`, and for each :is()/:where() in it
    at least one of its alternatives."""
    names: frozenset
    choices: tuple = ()  # per :is()/:where(), a tuple of Selectors
    text: str = ""

    def can_match(self, page: frozenset) -> bool:
        return self.names <= page and all(any(alt.can_match(page) for alt in alts) for alts in self.choices)

    def all_names(self):
        yield from self.names
        for alts in self.choices:
            for alt in alts:
                yield from alt.all_names()


_ALTERNATIVES = ("is", "where", "matches", "-webkit-any", "-moz-any")
# [attr^=value] and the like: the selector requires the name "[attr^=value", which a page
# has when one of its values of attr passes the test (_passed_value_tests).
VALUE_TESTS = {
    "^=": str.startswith, "$=": str.endswith, "*=": lambda value, part: part in value,
    "~=": lambda value, word: word in value.split(),
    "|=": lambda value, code: value == code or value.startswith(code + "-"),
}
VALUE_TEST = re.compile(r"(\[[^=^$*~|]+)([\^$*~|]=)(.*)", re.DOTALL)


def _required_names(tokens) -> Selector:
    """What one selector requires: ".class", "#id", "tag", "[attr" (or "[attr=value" for
    an exact value, "[attr^=value" for a test), and the alternatives of its :is()/:where()."""
    names, choices, previous = set(), [], None
    for token in tokens:
        after = previous.value if previous is not None and previous.type == "literal" else None
        if token.type == "hash":
            names.add("#" + token.value)
        elif token.type == "ident" and after == ".":
            names.add("." + token.value)
        elif token.type == "ident" and after != ":":  # not a pseudo-class or -element
            names.add(token.value.lower())
        elif token.type == "[] block":
            names.add(_attribute(token.content))
        elif token.type == "function" and token.lower_name in _ALTERNATIVES:
            choices.append(_selectors(token.arguments))
        # other functions (:not(), :has(), :nth-child() ...) and "*" require nothing
        previous = token if token.type != "whitespace" else None
    return Selector(frozenset(names), tuple(choices))


def _attribute(content) -> str:
    parts = [token for token in content if token.type != "whitespace"]
    name = "[" + parts[0].value.lower()
    if len(parts) == 3 and parts[2].type in ("ident", "string"):
        if parts[1] == "=" or (parts[1].type == "literal" and parts[1].value in VALUE_TESTS):
            return name + parts[1].value + parts[2].value
    return name


def _selectors(prelude) -> tuple:
    groups = [[]]
    for token in prelude:
        if token == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    return tuple(replace(_required_names(group), text=tinycss2.serialize(group).strip()) for group in groups)


def _declaration(item) -> tuple:
    value = tinycss2.serialize(item.value).strip()
    return item.lower_name, f"{item.name}:{value}{'!important' if item.important else ''}"


def _parse_rules(nodes) -> tuple:
    rules = []
    for node in nodes:
        if node.type == "qualified-rule":
            items = tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
            declarations = tuple(_declaration(item) for item in items if item.type == "declaration")
            rules.append(Rule(tinycss2.serialize(node.prelude).strip(), _selectors(node.prelude), declarations))
        elif node.type != "at-rule" or node.lower_at_keyword == "charset":
            continue  # the page is UTF-8 already
        elif node.lower_at_keyword in ("media", "supports") and node.content is not None:
            inner = _parse_rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
            rules.append(Rule("@" + node.at_keyword + tinycss2.serialize(node.prelude).rstrip(), inner=inner))
        else:
            name = tinycss2.serialize(node.prelude).strip() if node.lower_at_keyword.endswith("keyframes") else ""
            rules.append(Rule("@" + node.at_keyword, text=node.serialize(), keyframes=name))
    return tuple(rules)


@lru_cache(maxsize=None)
def parse_stylesheet(path: Path, mtime: float) -> tuple:
    """A stylesheet's rules (cached per file and modification time)."""
    return _parse_rules(tinycss2.parse_stylesheet(path.read_text("utf-8"), skip_comments=True, skip_whitespace=True))
