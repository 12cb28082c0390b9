"""Where a line of card text may end: the Unicode line breaking algorithm (UAX #14), which
already holds the Chinese rules (kinsoku) a card must follow: no line starts with closing
punctuation (，。？！、）” …: classes CL, CP, EX, IS, NS and closing quotes) and no line
ends with opening punctuation (（“《: classes OP and opening quotes).

`uniseg` (pure Python, Unicode's own data tables) implements the algorithm; a hand-made
list of "characters that may not start a line" would miss the ones nobody thought of.
The lines are filled greedily: a unit the algorithm keeps whole (a Latin word, 'MK-7', a
Han character with the punctuation glued to it) moves to the next line when it does not
fit. Only a unit wider than a whole line (a long URL) is cut inside, between characters.
"""
from typing import Callable

from uniseg.linebreak import line_break_units


def wrap(text: str, measure: Callable[[str], float], width: float) -> list[str]:
    """`text` in lines no wider than `width` (as `measure` says), broken only where UAX #14
    allows; trailing spaces do not count and are dropped."""
    lines, current = [], ""
    for unit in line_break_units(text):
        if measure((current + unit).rstrip()) <= width:
            current += unit
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        for piece in _cut(unit, measure, width):
            if current:
                lines.append(current.rstrip())
            current = piece
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _cut(unit: str, measure, width) -> list[str]:
    """A unit no line can hold, in pieces that fit (at least one character each)."""
    pieces, piece = [], ""
    for character in unit:
        if piece and measure((piece + character).rstrip()) > width:
            pieces.append(piece)
            piece = ""
        piece += character
    return pieces + [piece]
