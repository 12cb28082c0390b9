"""A claim's share image: its preview card with, below it, the QR code of the claim's page
and that page's address, as one PNG a phone can save and send (WeChat shows no preview
of a static page's link; readers there share pictures and QR codes).

The QR code is the one the page shows as inline SVG (kb/render/share.py, segno),
drawn module by module; it is cached beside the cards (kb/finish/preview_cards.py).
"""
import dataclasses

from PIL import Image

from kb.finish import preview_cards
from kb.finish.line_breaking import wrap
from kb.finish.preview_cards import BRAND, INK, MUTED, PAPER, Card, DrawnText, _Pen, font
from kb.render.share import qr_code

PANEL_HEIGHT = 460
QR_SIZE = 380  # including the quiet zone


def draw(card: Card, url: str, scan_hint: str) -> tuple[Image.Image, list[DrawnText]]:
    """The card above a panel with the QR code of `url`, `scan_hint` and `url` itself."""
    card_image, drawn = preview_cards.draw(card)
    width, height = card_image.size
    image = Image.new("RGB", (width, height + PANEL_HEIGHT), PAPER)
    image.paste(card_image, (0, 0))
    pen = _Pen(image)
    pen.drawn = list(drawn)
    pen.pen.rectangle((0, height, width, height + 6), fill=card.verdict_colour or BRAND)
    code = qr_code(url)
    matrix = list(code.matrix_iter(border=4))
    scale = QR_SIZE // len(matrix)
    left, top = 60, height + (PANEL_HEIGHT - scale * len(matrix)) // 2 + 3
    for row, modules in enumerate(matrix):
        for column, dark in enumerate(modules):
            if dark:
                x, y = left + column * scale, top + row * scale
                pen.pen.rectangle((x, y, x + scale - 1, y + scale - 1), fill="#000000")
    text_left = left + scale * len(matrix) + 40
    text_width = width - 60 - text_left
    y = height + 90
    hint_face = font("bold", 34)
    for line in wrap(scan_hint, hint_face.getlength, text_width):
        pen.line("hint", line, (text_left, y), hint_face, INK)
        y += 50
    y += 20
    url_face = font("regular", 26)
    for line in wrap(url, url_face.getlength, text_width):
        pen.line("url", line, (text_left, y), url_face, MUTED)
        y += 38
    return image, pen.drawn


def cached_share_image(cache_dir, url: str, scan_hint: str, **card):
    """The share image's PNG in the cache, drawn only when nothing drawn the same is there."""
    card = Card(**card)
    file = preview_cards.cache_file(cache_dir, "share", url, scan_hint, *dataclasses.astuple(card))
    return file if file.is_file() else preview_cards.save(draw(card, url, scan_hint)[0], file)
