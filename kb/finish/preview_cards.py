"""Preview cards (Open Graph / Twitter images) for articles and claims, drawn with Pillow.

A card is 1200x630: the site name, the page title and, for a claim, its verdict label in
the verdict's colour, in the page's language. Other pages share their language's default
card (site name and description), drawn the same way, so no card is committed. It is drawn offline with Noto Sans CJK
(Debian fonts-noto-cjk, installed by scripts/install_browser.sh) and cached under
.cache/cards/ by a hash of everything drawn, so a rebuild only copies files.
"""
import hashlib
import re
import shutil
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kb.model import claims, kinds

RENDERER_VERSION = "1"  # bump when the drawing changes, so cached cards are redrawn
SIZE = (1200, 630)
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONT_FILES = {"bold": "NotoSansCJK-Bold.ttc", "regular": "NotoSansCJK-Regular.ttc"}
FAMILY = "Noto Sans CJK SC"  # the Simplified Chinese forms of the shared Han characters
BACKGROUND, TEXT, MUTED = "#2f5d50", "#ffffff", "#cfe3da"
# Same colours as the verdict classes of overrides/assets/kb.css.
VERDICT_COLOURS = {
    "supported": "#1b6e3a", "partly-supported": "#6b5a00", "contested": "#8a4b00",
    "unsupported": "#8f2d2d", "inaccurate": "#a11d1d", "incomplete": "#4a4f8c",
}
FILE_NAME = "card.png"


class FontMissing(Exception):
    pass


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


# A Latin word (with its trailing space) stays whole; every other character may break.
_TOKENS = re.compile(r"[\w'’.,:;!?%()\-\"“”µ]+\s*|\s+|.", re.ASCII)


def wrap(text: str, face, width: int) -> list[str]:
    lines, current = [], ""
    for token in _TOKENS.findall(text):
        if current and face.getlength((current + token).rstrip()) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    if current.strip():
        lines.append(current.rstrip())
    return lines


def draw(site_name: str, title: str, verdict_label: str | None, verdict_key: str | None) -> Image.Image:
    image = Image.new("RGB", SIZE, BACKGROUND)
    pen = ImageDraw.Draw(image)
    left, y, width = 80, 64, SIZE[0] - 160
    pen.text((left, y), site_name, font=font("regular", 34), fill=MUTED)
    y += 90
    if verdict_label:
        face = font("bold", 40)
        box = pen.textbbox((0, 0), verdict_label, font=face)
        pill = (left, y, left + box[2] - box[0] + 56, y + 72)
        pen.rounded_rectangle(pill, radius=36, fill=VERDICT_COLOURS.get(verdict_key, "#4d5a55"), outline=TEXT, width=3)
        pen.text((left + 28, y + 36), verdict_label, font=face, fill=TEXT, anchor="lm")
        y += 110
    size = 64
    lines = wrap(title, font("bold", size), width)
    while len(lines) > 4 and size > 40:
        size -= 6
        lines = wrap(title, font("bold", size), width)
    for line in lines[:5]:
        pen.text((left, y), line, font=font("bold", size), fill=TEXT)
        y += int(size * 1.35)
    pen.rectangle((0, SIZE[1] - 16, SIZE[0], SIZE[1]), fill=VERDICT_COLOURS.get(verdict_key, MUTED))
    return image


def cached_card(cache_dir: Path, lang: str, site_name: str, title: str,
                verdict_label: str | None = None, verdict_key: str | None = None) -> Path:
    """The card's PNG in the cache, drawn only when nothing drawn the same is there."""
    key = "\x1f".join([RENDERER_VERSION, lang, site_name, title, verdict_label or "", verdict_key or ""])
    file = Path(cache_dir) / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}.png"
    if not file.is_file():
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_suffix(".tmp")
        draw(site_name, title, verdict_label, verdict_key).save(partial, "PNG", optimize=True)
        partial.replace(file)
    return file


def publish(cache_dir: Path, target_dir: Path, name: str = FILE_NAME, **card) -> str:
    """Copy a card into the built site (a page's own card next to its index.html); return
    its file name."""
    target = Path(target_dir) / name
    if not target.is_file():  # the site directory is emptied at the start of a build
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached_card(cache_dir, **card), target)
    return name


def page_card(site, page, site_name: str, site_description: str) -> tuple[dict, bool]:
    """(what the page's card shows, whether it is the page's own): articles and claims have
    their own; other pages share their language's default (site name and description)."""
    if not kinds.of(page).own_card:  # which kinds of page have their own: kb/model/kinds.py
        return {"lang": page.lang, "site_name": site_name, "title": site_description}, False
    card = {"lang": page.lang, "site_name": site_name, "title": site.title(page.lang, page.path)}
    if claims.is_claim_page(page):
        _, claim = claims.find(site, page.lang, claims.claim_id_of(page))
        card.update(verdict_key=claim.verdict, verdict_label=claims.verdict_label(site, claim.verdict, page.lang))
    return card, True
