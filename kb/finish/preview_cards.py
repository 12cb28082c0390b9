"""Preview cards (Open Graph / Twitter images) for articles and claims, drawn with Pillow.

A card is 1200x630. Chat apps crop it to a square thumbnail, so every word stays inside the
centred 630x630 square; the two sides outside it only carry the verdict's colour (the
site's green on other cards). In the square: the site name, the verdict label (a pill in
the verdict's colour, from data/verdicts.yaml, its words at >= 4.5:1 contrast), the title
(for a claim: the assertion under review), the conclusion (what the evidence says) and
the site's short address, in the page's language. Lines break by the Unicode rules
(kb/finish/line_breaking.py), so no line starts with "，" or ends with "（".
Other pages share their language's default card (site name and description), drawn the
same way, so no card is committed. It is drawn offline with Noto Sans CJK (Debian
fonts-noto-cjk, installed by scripts/install_browser.sh) and cached under .cache/cards/
by a hash of everything drawn, so a rebuild only copies files.

`draw` also returns every line it drew with its box, so tests check what is on the card,
not what was asked for (tests/test_cards.py).
"""
import dataclasses
import hashlib
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFont

from kb.finish.contrast import contrast_ratio
from kb.finish.line_breaking import wrap
from kb.model import claims, kinds

RENDERER_VERSION = "2"  # bump when the drawing changes, so cached cards are redrawn
SIZE = (1200, 630)
SQUARE = ((SIZE[0] - SIZE[1]) // 2, 0, (SIZE[0] + SIZE[1]) // 2, SIZE[1])  # what a square crop keeps
MARGIN = 40  # inside the square: a crop that trims a little still keeps every word
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONT_FILES = {"bold": "NotoSansCJK-Bold.ttc", "regular": "NotoSansCJK-Regular.ttc"}
FAMILY = "Noto Sans CJK SC"  # the Simplified Chinese forms of the shared Han characters
PAPER, INK, MUTED, BRAND = "#ffffff", "#1c2925", "#46605a", "#2f5d50"
MIN_CONTRAST = 4.5  # WCAG AA, normal text
TITLE_SIZES = (56, 52, 48, 44, 40, 36, 32)  # the largest whose lines fit is used
LINE_HEIGHT = 1.4
FILE_NAME = "card.png"


class FontMissing(Exception):
    pass


@dataclass(frozen=True)
class Card:
    """What one card shows. `verdict_colour` is the verdict's badge colour."""
    lang: str
    site_name: str
    address: str
    title: str
    conclusion: str = ""
    verdict_label: str = ""
    verdict_colour: str = ""


@dataclass(frozen=True)
class DrawnText:
    """One line as drawn: its role (site, verdict, title, conclusion, address), its
    words, its ink box (left, top, right, bottom) and its colours."""
    role: str
    text: str
    box: tuple
    fill: str
    background: str


@lru_cache(maxsize=None)
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / FONT_FILES[weight]
    if not path.is_file():
        raise FontMissing(
            f"{path} not found: preview cards need Debian's fonts-noto-cjk "
            "(apt-get install fonts-noto-cjk, or run scripts/install_browser.sh as root)"
        )
    for index in range(10):
        candidate = ImageFont.truetype(str(path), size, index=index)
        if candidate.getname()[0] == FAMILY:
            return candidate
    raise FontMissing(f"{path} holds no '{FAMILY}' face")


def short_address(site_url: str) -> str:
    """'https://vitamin-k-evidence.github.io/en/' -> 'vitamin-k-evidence.github.io/en'."""
    parts = urlsplit(site_url)
    return (parts.netloc + parts.path).rstrip("/")


def text_on(background: str) -> str:
    """White or ink, whichever reads better on `background` (a verdict's colour)."""
    return max((PAPER, INK), key=lambda colour: contrast_ratio(colour, background))


class _Pen:
    """Draws lines of text and remembers each one's box."""

    def __init__(self, image):
        self.pen = ImageDraw.Draw(image)
        self.drawn = []

    def line(self, role, text, xy, face, fill, background=PAPER):
        self.pen.text(xy, text, font=face, fill=fill)
        self.drawn.append(DrawnText(role, text, self.pen.textbbox(xy, text, font=face), fill, background))


def _fit(title: str, conclusion: str, width: int, height: int):
    """(title face, title lines, conclusion face, conclusion lines): the largest type whose
    lines fit in `height`; at the smallest, the lines that fit, the last one cut with '…'."""
    for size in TITLE_SIZES:
        title_face, small = font("bold", size), font("regular", max(24, round(size * 0.6)))
        title_lines = wrap(title, title_face.getlength, width)
        conclusion_lines = wrap(conclusion, small.getlength, width) if conclusion else []
        if _height(title_face, title_lines, small, conclusion_lines) <= height:
            return title_face, title_lines, small, conclusion_lines
    while _height(title_face, title_lines, small, conclusion_lines) > height and (conclusion_lines or len(title_lines) > 1):
        if len(conclusion_lines) > 1 or (conclusion_lines and len(title_lines) <= 1):
            conclusion_lines = _shorten(conclusion_lines, small, width)
        else:
            title_lines = _shorten(title_lines, title_face, width)
    return title_face, title_lines, small, [line for line in conclusion_lines if line]


def _shorten(lines, face, width):
    """One line fewer, the new last line ending with '…'."""
    kept = lines[:-1]
    if kept:
        last = kept[-1]
        while last and face.getlength(last + "…") > width:
            last = last[:-1]
        kept[-1] = last + "…"
    return kept


def _height(title_face, title_lines, small, conclusion_lines) -> int:
    gap = small.size if conclusion_lines else 0
    return (len(title_lines) * round(title_face.size * LINE_HEIGHT) + gap
            + len(conclusion_lines) * round(small.size * LINE_HEIGHT))


def draw(card: Card) -> tuple[Image.Image, list[DrawnText]]:
    """The card, and every line drawn on it with its box."""
    image = Image.new("RGB", SIZE, PAPER)
    pen = _Pen(image)
    side = card.verdict_colour or BRAND
    pen.pen.rectangle((0, 0, SQUARE[0] - 1, SIZE[1]), fill=side)
    pen.pen.rectangle((SQUARE[2], 0, SIZE[0], SIZE[1]), fill=side)
    left, right = SQUARE[0] + MARGIN, SQUARE[2] - MARGIN
    top, bottom, width = SQUARE[1] + MARGIN, SQUARE[3] - MARGIN, right - left
    pen.line("site", card.site_name, (left, top), font("regular", 28), BRAND)
    y = top + 58
    if card.verdict_label:
        face, size = font("bold", 34), 34
        while face.getlength(card.verdict_label) > width - 48 and size > 20:
            size -= 2
            face = font("bold", size)
        pill = (left, y, left + round(face.getlength(card.verdict_label)) + 48, y + 62)
        pen.pen.rounded_rectangle(pill, radius=31, fill=card.verdict_colour)
        ink = text_on(card.verdict_colour)
        ascent, descent = face.getmetrics()
        pen.line("verdict", card.verdict_label, (left + 24, y + (62 - ascent - descent) // 2), face, ink, card.verdict_colour)
        y += 62 + 30
    address_face = font("regular", 24)
    address_top = bottom - sum(address_face.getmetrics())
    pen.pen.line((left, address_top - 18, right, address_top - 18), fill=BRAND, width=2)
    pen.line("address", card.address, (left, address_top), address_face, MUTED)
    title_face, title_lines, small, conclusion_lines = _fit(card.title, card.conclusion, width, address_top - 36 - y)
    for line in title_lines:
        pen.line("title", line, (left, y), title_face, INK)
        y += round(title_face.size * LINE_HEIGHT)
    y += small.size if conclusion_lines else 0
    for line in conclusion_lines:
        pen.line("conclusion", line, (left, y), small, MUTED)
        y += round(small.size * LINE_HEIGHT)
    return image, pen.drawn


def cache_file(cache_dir: Path, kind: str, *drawn) -> Path:
    """Where an image drawn from `drawn` (strings) is cached."""
    key = "\x1f".join([RENDERER_VERSION, kind, *drawn])
    return Path(cache_dir) / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}.png"


def save(image: Image.Image, file: Path) -> Path:
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_suffix(".tmp")
    image.save(partial, "PNG", optimize=True)
    partial.replace(file)
    return file


def cached_card(cache_dir: Path, **card) -> Path:
    """The card's PNG in the cache, drawn only when nothing drawn the same is there."""
    card = Card(**card)
    file = cache_file(cache_dir, "card", *dataclasses.astuple(card))
    return file if file.is_file() else save(draw(card)[0], file)


def publish(cache_dir: Path, target_dir: Path, name: str = FILE_NAME, draw_into=cached_card, **card) -> str:
    """Copy a cached image into the built site (a page's own card next to its index.html);
    return its file name."""
    target = Path(target_dir) / name
    if not target.is_file():  # the site directory is emptied at the start of a build
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(draw_into(cache_dir, **card), target)
    return name


def page_card(site, page, site_name: str, site_description: str, site_url: str) -> tuple[dict, bool]:
    """(what the page's card shows, whether it is the page's own): articles and claims have
    their own; other pages share their language's default (site name and description)."""
    card = {"lang": page.lang, "site_name": site_name, "address": short_address(site_url)}
    if not kinds.of(page).own_card:  # which kinds of page have their own: kb/model/kinds.py
        return {**card, "title": site_description}, False
    card["title"] = site.title(page.lang, page.path)
    if claims.is_claim_page(page):
        _, claim = claims.find(site, page.lang, claims.claim_id_of(page))
        record = site.claims.get(claim.id)
        card.update(verdict_label=claims.verdict_label(site, claim.verdict, page.lang),
                    verdict_colour=site.verdicts.get(claim.verdict, {}).get("colour", BRAND),
                    conclusion=(record.conclusion.get(page.lang, "") if record else ""))
    return card, True
