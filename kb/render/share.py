"""Sharing a claim where link previews do not reach (WeChat reads no Open Graph tags from a
static page): the claim page's QR code as inline SVG and a link to its share image
(kb/finish/share_image.py draws the PNG next to the page's card). Both are made at build
time and work without JavaScript or any request to another site.
"""
import html

import segno

from kb.model import claims
from kb.model.labels import label
from kb.model.languages import BY_CODE, absolute, url_in

E = html.escape
IMAGE_FILE = "share.png"  # next to the claim page's index.html and card.png
QR_ERROR = "m"  # 15% of the code may be lost (a creased screenshot) and it still reads


def qr_code(url: str) -> segno.QRCode:
    """The one QR encoding of a claim's address (the page's SVG and the share image)."""
    return segno.make(url, error=QR_ERROR, micro=False)


def page_address(site_url: str, lang: str, claim_id: str) -> str:
    """The claim page's address, without an anchor: a shorter URL is a smaller, easier QR code."""
    return absolute(site_url, url_in(BY_CODE[lang], claims.page_url(claim_id)))


def qr_svg(url: str, name: str) -> str:
    """The QR code of `url` as one line of SVG, sized by CSS, named for screen readers.
    White modules are painted: the code must stay dark on light in a dark colour scheme."""
    svg = qr_code(url).svg_inline(
        scale=1, dark="#000", light="#fff", omitsize=True, svgclass="kb-share__qr", lineclass=None)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{E(name)}" ', 1)


def download_name(lang: str, claim_id: str) -> str:
    return f"{claim_id}.png" if not BY_CODE[lang].prefix else f"{claim_id}-{lang}.png"  # the default language plain


def share_block(lang: str, claim_id: str, site_url: str) -> str:
    url = page_address(site_url, lang, claim_id)
    return (
        f'<div class="kb-share" data-search-exclude><p class="kb-share__title"><strong>{label("share_title", lang)}</strong> '
        f'{E(label("share_text", lang))}</p>{qr_svg(url, label("share_qr", lang, url=url))}'
        f'<p><a class="kb-share__image" href="{IMAGE_FILE}" download="{E(download_name(lang, claim_id))}">'
        f'{E(label("share_image", lang))}</a></p></div>'
    )
