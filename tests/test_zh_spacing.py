"""Chinese spacing next to term links: a space between Han text and a link shown in Han
is reported (ZHS001) and counted; Latin link text next to Han keeps its space."""

from helpers import REPO, ZH_INDEX
from kb.checks.check import check_site
from kb.model.content import load_site
from kb.checks.zh_spacing import stray_spaces


def write_line(root, text):
    file = root / ZH_INDEX
    source = file.read_text("utf-8")
    old = "见[[alpha-term]]与[[beta-term|乙]]，"
    assert old in source
    file.write_text(source.replace(old, text, 1), "utf-8")


def test_space_before_and_after_a_han_link_is_reported(fixture_site):
    write_line(fixture_site, "见 [[alpha-term]] 与 [[beta-term|乙]]，")
    found = [str(p) for p in check_site(load_site(fixture_site)) if " ZHS001 " in str(p)]
    message = "between Han text and a term link shown in Han (write them together)"
    assert sorted(found) == sorted(f"{ZH_INDEX}:8: ZHS001 space at column {c} {message}" for c in (2, 17, 19))


def test_latin_link_text_keeps_its_space():
    terms = {}
    assert stray_spaces("绿叶蔬菜提供 [[vitamin-k1|K1]] 和 [[mk-7|MK-7]] 等", terms) == []
    assert stray_spaces("见 [[alpha|甲]] 与", terms) == [(1, 1), (13, 1)]


def test_real_content_has_no_stray_spaces():
    site = load_site(REPO)
    count = sum(len(stray_spaces(page.body, site.terms)) for page in site.pages.values() if page.lang == "zh")
    assert count == 0
