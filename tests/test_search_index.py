"""What site search knows of a page (kb/finish/search_index.py): fixture pages for each rule, then
the index of the built site in both languages."""
import json

from lxml import html as lxml_html

from helpers import REPO
from kb.finish import search_index
from kb.model import labels
from kb.model.content import load_site
from kb.model.languages import LANGUAGES

CLAIM_PAGE = """<html><body><article class="md-content__inner md-typeset">
<h1 id="warfarin-consistency">服用华法林时，维生素 K 摄入要保持稳定</h1>
<p class="kb-reviewed" data-search-exclude><span>最后审核：</span><time>2026年11月24日</time></p>
<p class="kb-claim__head kb-claim--supported"><span class="kb-verdict kb-verdict--supported">有证据支持</span>
<span class="kb-claim__meaning">有质量尚可的研究直接支持。</span></p>
<div class="kb-claimcite" data-search-exclude><button>复制链接</button></div>
<p><strong>结论：</strong>关键是稳定<sup class="kb-cite" data-search-exclude>[<a href="#ref-a">1</a>]</sup>，而非回避。</p>
<div class="kb-claim__questions"><p>读者常这样问：</p><ul><li>吃华法林还能补K2吗？</li><li>服用抗凝药可以吃维生素K吗？</li></ul></div>
<script type="application/ld+json">{"@type": "ClaimReview"}</script>
<section class="kb-citebox" id="cite" data-search-exclude><h2 id="cite-title">引用本页</h2></section>
<ol class="kb-references"><li id="ref-a">Violi F (2016). Medicine.</li></ol>
</article></body></html>"""

TERM_PAGE = """<html><body><article class="md-content__inner md-typeset">
<h1 id="mk-4">Menaquinone-4</h1>
<p class="kb-names"><span class="kb-names__label">Chinese</span> <span lang="zh-Hans">甲基萘醌-4</span><br><span class="kb-names__label">Abbreviations</span> MK-4<br><span class="kb-names__label">Also called</span> MK4; menatetrenone; 甲萘醌-4、四烯甲萘醌</p>
<p class="kb-definition" id="definition"><strong>Definition</strong> The form of vitamin K2 with the shortest side chain.</p>
<h2 id="note">Common confusion<a class="headerlink" href="#note">¶</a></h2>
<p>Not menadione.</p>
<h2 data-search-exclude id="related">Related terms</h2><ul><li>vitamin K3</li></ul>
</article></body></html>"""

ARTICLE_PAGE = """<html><body><article class="md-content__inner md-typeset">
<h1 id="top">MK-4 vs MK-7</h1>
<p>Intro text.</p>
<div class="admonition"><p class="admonition-title">Not medical advice</p><p>See a doctor.</p></div>
<h2 id="what-was-said">What was said</h2>
<p>Two forms.</p>
<div class="kb-claim kb-claim--inaccurate"><h3 id="claim-x">A claim</h3><p>Claim text.</p></div>
<p>After the claim.</p>
<section><h3 id="deeper">Deeper</h3><p>Nested heading text.</p></section>
</article></body></html>"""


def test_a_claim_page_gives_its_text_without_boilerplate_or_what_the_model_says():
    record = search_index.page_record(CLAIM_PAGE, "claims/warfarin-consistency/")
    assert record["url"] == "claims/warfarin-consistency/"
    text = json.dumps(record["sections"], ensure_ascii=False)
    assert record["sections"] == [["", "", "结论：关键是稳定，而非回避。"]], text
    for left_out in ("最后审核", "复制链接", "[1]", "ClaimReview", "引用本页", "Violi", "读者常这样问", "有质量尚可",
                     "有证据支持", "吃华法林还能补K2吗"):  # the verdict and questions come from the model
        assert left_out not in text


def test_a_term_page_gives_its_sections_without_its_names():
    record = search_index.page_record(TERM_PAGE, "glossary/mk-4/")
    assert "menatetrenone" not in json.dumps(record, ensure_ascii=False)
    assert record["sections"] == [
        ["", "", "The form of vitamin K2 with the shortest side chain."],
        ["note", "Common confusion", "Not menadione."],
    ]


def test_what_the_model_knows_comes_from_the_model():
    site = load_site(REPO)
    zh, en = search_index.model_facts(site, "zh"), search_index.model_facts(site, "en")
    claim = zh["claims/warfarin-consistency/"]
    assert claim["verdict"] == ["supported", "有证据支持"] and en["claims/warfarin-consistency/"]["verdict"][1] == "Supported"
    assert claim["questions"] == site.claims["warfarin-consistency"].questions["zh"]
    assert claim["title"] == site.claims["warfarin-consistency"].title["zh"]
    term = en["glossary/mk-4/"]
    assert term["title"] == "Menaquinone-4" and {"MK-4", "menatetrenone", "甲基萘醌-4"} <= set(term["names"])
    assert "Marevan" in en["glossary/warfarin/"]["also"] and "软化血管" in zh["glossary/vascular-calcification/"]["also"]
    assert "拜瑞妥" in zh["articles/vitamin-k-with-vitamin-d/"]["also"]
    assert search_index.query_synonyms(site, "zh")["软化血管"] == ["血管钙化"]
    assert search_index.query_synonyms(site, "en")["hardening of the arteries"] == ["vascular calcification"]


def test_a_claims_conclusion_is_its_snippet_when_it_has_one():
    site = load_site(REPO)
    record = site.claims["warfarin-consistency"]
    record.conclusion = {"zh": "稳定摄入即可。", "en": ""}
    assert search_index.model_facts(site, "zh")["claims/warfarin-consistency/"]["conclusion"] == "稳定摄入即可。"
    assert search_index.model_facts(site, "en")["claims/warfarin-consistency/"]["conclusion"] == ""


def test_a_reader_word_is_keyed_as_the_search_script_spells_a_query():
    assert search_index.query_key("All-trans  MK-7") == "all-trans mk7"
    assert search_index.query_key("全反式MK-7") == "全反式mk7"


def test_an_article_is_split_at_headings_and_leaves_claim_blocks_to_their_pages():
    record = search_index.page_record(ARTICLE_PAGE, "articles/mk4-vs-mk7-interview/")
    assert record["sections"] == [
        ["", "", "Intro text. Not medical advice See a doctor."],
        ["what-was-said", "What was said", "Two forms. After the claim."],
        ["deeper", "Deeper", "Nested heading text."],
    ]


def test_a_page_without_an_article_has_no_record():
    assert search_index.page_record("<html><body><p>redirect</p></body></html>", "old/") is None


def test_pages_to_index_leave_out_other_languages_lists_and_redirects(tmp_path):
    for rel in ("index.html", "glossary/mk-4/index.html", "claims/index.html", "changes/index.html",
                "404.html", "old/index.html", "en/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<html><head></head><body></body></html>")
    (tmp_path / "old/index.html").write_text('<html><head><meta http-equiv="refresh" content="0; url=../"></head></html>')
    pages = [p.relative_to(tmp_path).as_posix() for p in search_index.language_pages(tmp_path, ["en/"])]
    assert pages == ["glossary/mk-4/index.html", "index.html"]
    assert [search_index.page_url(tmp_path, tmp_path / p) for p in pages] == ["glossary/mk-4/", ""]


def index_of(site, lang):
    return json.loads((site / lang.prefix / search_index.FILE).read_text("utf-8"))["pages"]


def test_each_language_indexes_its_own_pages_and_every_result_link_resolves(site):
    for lang in LANGUAGES:
        root = site / lang.prefix
        pages = index_of(site, lang)
        assert len(pages) > 90, lang.code
        for record in pages:
            file = root / record["url"] / "index.html"
            assert file.is_file(), (lang.code, record["url"])
            ids = set(lxml_html.fromstring(file.read_bytes()).xpath("//@id"))
            missing = [s[0] for s in record["sections"] if s[0] and s[0] not in ids]
            assert missing == [], (lang.code, record["url"], missing)
    zh, en = ({r["url"]: r for r in index_of(site, lang)} for lang in LANGUAGES)
    assert zh["claims/warfarin-consistency/"]["verdict"] == ["supported", "有证据支持"]
    assert en["claims/warfarin-consistency/"]["verdict"] == ["supported", "Supported"]
    assert "MK-4" in zh["glossary/mk-4/"]["names"] and "menatetrenone" in en["glossary/mk-4/"]["names"]
    assert not any(url.startswith("en/") for url in zh), "the Chinese index holds no English page"


def test_words_shown_with_results_come_with_the_index_not_with_every_page(site):
    """A term page must fit the first round trip (BENCHMARK.md): the words search shows
    beside results ("not covered", "closest pages", "suggest") are fetched with search.json
    when search is opened, in the index's language; the words needed before that stay on the page."""
    for lang in LANGUAGES:
        index = json.loads((site / lang.prefix / search_index.FILE).read_text("utf-8"))
        assert index["words"] == labels.search_result_labels(lang.code)
        page = lxml_html.fromstring((site / lang.prefix / "glossary" / "osteocalcin" / "index.html").read_bytes())
        on_page = json.loads(page.xpath('//script[@id="kb-labels"]')[0].text)
        assert set(on_page) == set(labels.BROWSER_KEYS)
        assert not set(on_page) & set(index["words"])
    zh = json.loads((site / search_index.FILE).read_text("utf-8"))["words"]
    assert zh["search_not_covered"] == "本站尚未涉及这个问题"
