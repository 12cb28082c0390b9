"""Preview cards and share images as drawn: every card of the real site in both languages,
checked from the lines the drawing laid out (their boxes and colours), not from the
strings it was given; line breaking fed the titles that broke it before; the share
image's QR code read back by a real decoder (zxing-cpp)."""
import dataclasses
import unicodedata

import pytest
import yaml
import zxingcpp
from uniseg.linebreak import line_break

from helpers import REPO
from kb.finish import preview_cards, share_image
from kb.finish.contrast import contrast_ratio
from kb.finish.line_breaking import wrap
from kb.finish.preview_cards import SQUARE, Card
from kb.model import claims
from kb.model.content import load_site
from kb.render import share

SITE_URL = "https://vitamin-k-evidence.github.io/"
SITE_NAMES = {"zh": "维生素 K 证据库", "en": "Vitamin K Evidence Base"}
ADDRESSES = {"zh": "vitamin-k-evidence.github.io", "en": "vitamin-k-evidence.github.io/en"}
# Stand-ins at the longest a conclusion may be (issue 25: 60 Han characters / 25 English
# words), for claims whose conclusion is not written yet.
LONGEST_CONCLUSION = {
    "zh": "现有随机试验没有发现常规同补维生素 K2 能减少骨折或心血管事件，观察性研究的关联不能证明因果关系，服用华法林的人另有注意事项。",
    "en": "Randomised trials found no fewer fractures or heart events from routinely adding K2 to D3;"
          " observational links alone do not show cause and effect.",
}
# What may not start a line (UAX #14 classes, and closing quotes) and may not end one.
NO_LINE_START = {"CL", "CP", "EX", "IS", "NS"}
NO_LINE_END = {"OP"}


def starts_badly(line: str) -> bool:
    first = line[0]
    return str(line_break(first)) in NO_LINE_START or unicodedata.category(first) in ("Pe", "Pf")


def ends_badly(line: str) -> bool:
    last = line[-1]
    return str(line_break(last)) in NO_LINE_END or unicodedata.category(last) in ("Ps", "Pi")


def problems_of(card: Card, drawn) -> list:
    """What is wrong with a drawn card, as readable strings."""
    found = []
    roles = [d.role for d in drawn]
    for d in drawn:
        left, top, right, bottom = d.box
        if left < SQUARE[0] or right > SQUARE[2] or top < SQUARE[1] or bottom > SQUARE[3]:
            found.append(f"{d.role} {d.text!r} outside the square: {d.box}")
        if contrast_ratio(d.fill, d.background) < 4.5:
            found.append(f"{d.role} {d.text!r} contrast {contrast_ratio(d.fill, d.background):.2f}")
        if d.text and starts_badly(d.text):
            found.append(f"{d.role} line starts with {d.text[0]!r}: {d.text!r}")
        if d.text and ends_badly(d.text):
            found.append(f"{d.role} line ends with {d.text[-1]!r}: {d.text!r}")
    by_top = sorted(drawn, key=lambda d: d.box[1])
    for upper, lower in zip(by_top, by_top[1:]):
        if upper.box[3] > lower.box[1]:
            found.append(f"{upper.text!r} overlaps {lower.text!r}")
    joiner = "" if card.lang == "zh" else " "
    for role, text in (("title", card.title), ("conclusion", card.conclusion)):
        lines = [d.text for d in drawn if d.role == role]
        if text and "".join(lines).replace(" ", "") != text.replace(" ", "") and not lines[-1].endswith("…"):
            found.append(f"{role} drawn as {joiner.join(lines)!r}, not {text!r}")
    expected = ["site", "verdict"] if card.verdict_label else ["site"]
    if roles[:len(expected)] != expected or "address" not in roles or "title" not in roles:
        found.append(f"missing parts: {roles}")
    if card.conclusion and "conclusion" not in roles:
        found.append("no conclusion drawn")
    if [d.text for d in drawn if d.role == "address"] != [card.address]:
        found.append("address not drawn whole")
    return found


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` gives the default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def site_descriptions() -> dict:
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), _ConfigLoader)
    [english] = [lang for lang in config["plugins"]["i18n"]["languages"] if lang["locale"] == "en"]
    return {"zh": config["site_description"], "en": english["site_description"]}


def real_cards():
    """(lang, path, card) for every page of the real site with a card of its own, plus the
    default card of each language; claims without a conclusion get the longest one allowed."""
    site = load_site(REPO)
    cards = []
    descriptions = site_descriptions()
    for lang in ("zh", "en"):
        url = SITE_URL if lang == "zh" else SITE_URL + "en/"
        for page in site.pages_in(lang):
            card, own = preview_cards.page_card(site, page, SITE_NAMES[lang], descriptions[lang], url)
            if not own and page.path == "index.md":
                cards.append((lang, "(default card)", Card(**card)))
            if own:
                if claims.is_claim_page(page) and not card["conclusion"]:
                    card["conclusion"] = LONGEST_CONCLUSION[lang]
                cards.append((lang, page.path, Card(**card)))
    return site, cards


SITE, CARDS = real_cards()


def test_every_page_with_a_card_is_drawn():
    assert len([c for c in CARDS if c[1].startswith("claims/")]) == 2 * 24
    assert {c[0] for c in CARDS} == {"zh", "en"}


@pytest.mark.parametrize("lang, path, card", CARDS, ids=[f"{c[0]}:{c[1]}" for c in CARDS])
def test_real_card_as_drawn(lang, path, card):
    _, drawn = preview_cards.draw(card)
    assert problems_of(card, drawn) == []
    assert card.address == ADDRESSES[lang]
    if path.startswith("claims/"):
        claim_id = claims.claim_id_of(SITE.page(lang, path))
        _, claim = claims.find(SITE, lang, claim_id)
        verdict = SITE.verdicts[claim.verdict]
        assert card.verdict_colour == verdict["colour"] and card.verdict_label == verdict[lang]


def test_the_long_conclusion_stand_ins_are_at_the_limit():
    han = [c for c in LONGEST_CONCLUSION["zh"] if unicodedata.name(c).startswith("CJK UNIFIED")]
    assert 55 <= len(han) <= 60 and 20 <= len(LONGEST_CONCLUSION["en"].split()) <= 25


# --- Line breaking, fed what broke it ---------------------------------------------------

def test_wrap_moves_the_character_before_closing_punctuation_down_with_it():
    # Three characters a line: a naive break would start line 2 with "，".
    assert wrap("一二三，四五", len, 3) == ["一二", "三，四", "五"]
    assert wrap("一二（三四）", len, 3) == ["一二", "（三", "四）"]  # "（" never ends a line
    assert wrap("他说“骨钙素”", len, 3) == ["他说", "“骨钙", "素”"]  # quotes stay with their words


def test_wrap_keeps_latin_words_whole_and_cuts_only_what_no_line_holds():
    assert wrap("MK-7 的半衰期", len, 5) == ["MK-7", "的半衰期"]
    assert wrap("https://example.org/a-very-long-path", len, 12) == ["https://", "example.org/", "a-very-long-", "path"]
    assert wrap("https://example.org/averylongpathname", len, 12) == ["https://", "example.org/", "averylongpat", "hname"]


@pytest.mark.parametrize("title", [
    "一二三四五六七八九，十一二三四五六七八九？",  # "，" and "？" land at a line start when cut by width alone
    "MK-7 的半衰期大概是 MK-4 的两倍甚至更长，甚至更长更长更长？",
    "一二三四五六七八（九十一二三四五六七八）",  # "（" at a line end
    "“" * 3 + "骨钙素" * 12 + "”" * 3,
])
def test_bad_titles_are_drawn_by_the_rules(title):
    card = Card("zh", SITE_NAMES["zh"], ADDRESSES["zh"], title, "结论。" * 10, "不准确", "#a11d1d")
    _, drawn = preview_cards.draw(card)
    assert problems_of(card, drawn) == []
    assert len([d for d in drawn if d.role == "title"]) > 1


def test_a_title_too_long_for_the_square_is_cut_with_an_ellipsis_inside_it():
    card = Card("zh", SITE_NAMES["zh"], ADDRESSES["zh"], "骨钙素" * 60, "结论" * 60, "不准确", "#a11d1d")
    _, drawn = preview_cards.draw(card)
    assert problems_of(card, drawn) == []
    assert any(d.text.endswith("…") for d in drawn)


@pytest.mark.parametrize("colour", ["#123456", "#f5d000", "#a11d1d"])
def test_a_new_verdict_gets_its_colour_and_a_readable_label(colour):
    card = Card("en", SITE_NAMES["en"], ADDRESSES["en"], "A claim", "What is true.", "Newly judged", colour)
    image, drawn = preview_cards.draw(card)
    [verdict] = [d for d in drawn if d.role == "verdict"]
    assert verdict.background == colour and contrast_ratio(verdict.fill, colour) >= 4.5
    rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    assert image.getpixel((10, 10)) == rgb  # the sides outside the square
    assert image.getpixel((verdict.box[0] - 10, (verdict.box[1] + verdict.box[3]) // 2)) == rgb  # the pill


def test_cards_read_their_colours_from_the_verdicts_file(fixture_site):
    site = load_site(fixture_site)
    site.verdicts["supported"] = {**site.verdicts["supported"], "colour": "#0a0b0c"}
    card, own = preview_cards.page_card(site, site.page("en", "claims/first-claim.md"), "Site", "d", SITE_URL)
    assert own and card["verdict_colour"] == "#0a0b0c" and card["verdict_label"] == "Supported"
    assert card["conclusion"] == "The evidence supports the claim."  # the claim's one-line conclusion


# --- Share image ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_share_image_holds_the_card_and_a_qr_code_of_the_claim_page(lang):
    claim_id = "routine-combination-not-supported"
    url = share.page_address(SITE_URL, lang, claim_id)
    [card] = [c for l, p, c in CARDS if l == lang and p == f"claims/{claim_id}.md"]
    image, drawn = share_image.draw(card, url, "扫码打开这条论断" if lang == "zh" else "Scan to open this claim")
    assert image.size[0] == 1200 and image.size[1] > 630
    [code] = zxingcpp.read_barcodes(image)
    assert code.text == url and code.format == zxingcpp.BarcodeFormat.QRCode
    assert "".join(d.text for d in drawn if d.role == "url") == url
    assert all(d.box[2] <= 1200 and d.box[3] <= image.size[1] for d in drawn)
    assert [d for d in drawn if d.role == "title"] == [d for d in preview_cards.draw(card)[1] if d.role == "title"]


def test_inline_qr_svg_is_segnos_encoding_of_the_page_address():
    url = share.page_address(SITE_URL, "en", "no-toxicity")
    svg = share.qr_svg(url, f"QR code of this claim's page: {url}")
    assert svg.startswith('<svg role="img" aria-label="QR code of this claim&#x27;s page: https://') and svg.endswith("</svg>")
    code = share.qr_code(url)
    assert code.error == "M" and f'viewBox="0 0 {code.symbol_size()[0]} {code.symbol_size()[1]}"' in svg
    assert len(svg) < 3000
