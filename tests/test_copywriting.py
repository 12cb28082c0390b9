"""Chinese copywriting lint (kb/checks/copywriting.py, AutoCorrect) and the typographic rules of
generated text (kb/render/typography.py): each fed bad input, with the exact message."""
from helpers import ZH_INDEX, append, problems

from kb.render import typography
from kb.model.content import load_site
from kb.checks.copywriting import changes
from kb.model.glossary import Term
from kb.render import render_page
from kb.render.terms import shown_aliases


def test_missing_space_between_han_and_latin(fixture_site):
    append(fixture_site, ZH_INDEX, "\n维生素K2很重要。\n")
    assert problems(fixture_site) == [
        f"{ZH_INDEX}:10: TXT001 Chinese copywriting: '维生素K2很重要。' should be '维生素 K2 很重要。'",
    ]


def test_term_link_text_is_linted_as_readers_see_it(fixture_site):
    append(fixture_site, ZH_INDEX, "\n见[[alpha-term|AT]]术语。\n")
    assert problems(fixture_site) == [
        f"{ZH_INDEX}:10: TXT001 Chinese copywriting: '见AT术语。' should be '见 AT 术语。'",
    ]


def test_space_before_a_full_width_quote(fixture_site):
    append(fixture_site, ZH_INDEX, "\n他说 “a little more”。\n")
    assert problems(fixture_site) == [
        f"{ZH_INDEX}:10: TXT001 Chinese copywriting: '他说 “a l' should be '他说“a l'",
    ]


def test_site_markers_names_and_code_pass(fixture_site):
    append(fixture_site, ZH_INDEX, (
        "\n一个论断 [@alpha2020]。标签上写作“甲萘醌-4”。代码 `维生素K2` 不查。\n"
        "\n::: claim third-claim supported\n[[alpha-term]]与 MK-7 有关[@alpha2020]。\n:::\n"
    ))
    found = [p for p in problems(fixture_site) if " TXT001 " in p]
    assert found == []


def test_disable_comment_and_english_pages_are_left_alone(fixture_site):
    append(fixture_site, ZH_INDEX, "\n<!-- autocorrect-disable -->\n\n维生素K2 与维生素 K2 等价。\n\n<!-- autocorrect-enable -->\n")
    append(fixture_site, "docs/en/index.md", "\nVitamin K2（维生素K2）is named 维生素K2.\n")
    assert problems(fixture_site) == []


def test_changes_show_each_edit_with_context():
    assert changes("和AKP的", "和 AKP 的") == [("和AKP的", "和 AKP 的")]
    assert changes("甲乙丙丁戊己庚辛壬癸和AKP", "甲乙 丙丁戊己庚辛壬癸和 AKP") == [("甲乙丙丁戊己", "甲乙 丙丁戊己"), ("辛壬癸和AKP", "辛壬癸和 AKP")]


# --- Generated text --------------------------------------------------------------------

def test_citation_is_glued_to_the_word_before_it(fixture_site):
    site = load_site(fixture_site)
    page = site.page("zh", "index.md")
    html = render_page(site, page, "一个论断 [@alpha2020]。")
    assert "一个论断<sup class=\"kb-cite\" data-search-exclude>\u2060[<a " in html


def test_chinese_lists_use_the_chinese_separator():
    assert typography.join_list(["维生素 K2", "MK-7"], "zh") == "维生素 K2、MK-7"
    assert typography.join_list(["MK-4", "MK4"], "en") == "MK-4, MK4"
    assert typography.join_list(["a", "b"], "en", "; ") == "a; b"


def test_no_space_after_a_full_width_label():
    assert typography.after_label("最后审核：") == ""
    assert typography.after_label("Last reviewed:") == " "


def test_term_page_lists_aliases_spaced_and_without_mere_spellings_of_the_name():
    term = Term(id="vitamin-k2", names={"zh": "维生素 K2", "en": "vitamin K2"}, abbr=["MK-n"],
                aliases={"zh": ["维生素K2", "维他命K2", "甲基萘醌-4", "mk-n", "维他命 K2"], "en": ["Vitamin K2", "menaquinone"]},
                related=[], sources=[], note=None, path="data/glossary/x.yaml", line=1)
    # 维生素K2 is the name typed without spaces, mk-n the abbreviation, 维他命 K2 a repeat:
    # all are kept for search, none is another name. The hyphen of a name stays.
    assert shown_aliases(term, "zh") == ["维他命 K2", "甲基萘醌-4", "menaquinone"]
    assert shown_aliases(term, "en") == ["menaquinone", "维他命 K2", "甲基萘醌-4"]
