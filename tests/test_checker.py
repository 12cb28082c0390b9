"""The content checker: every problem class, fed to it in a small fixture site, reported
as `path:line: CODE message`; the real content passes; the build refuses bad content."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import BIB, BUILD_FILES, EN_ARTICLE, EN_INDEX, REPO, TERMS, ZH_ARTICLE, ZH_INDEX, append, edit, only, problems, run_mkdocs_build
from kb.checks.check import check_site
from kb.model.content import load_site
from kb.model.diagnostics import CODES


def test_fixture_is_clean(fixture_site):
    assert problems(fixture_site) == []


# --- Citations and bibliography -------------------------------------------------------

def test_unknown_citation_key(fixture_site):
    edit(fixture_site, ZH_INDEX, "[@alpha2020]", "[@alpha2020; @nosuch2000]")
    edit(fixture_site, EN_INDEX, "[@alpha2020]", "[@alpha2020; @nosuch2000]")
    found = problems(fixture_site)
    assert f"{ZH_INDEX}:8: CIT001 unknown citation key 'nosuch2000' (not in data/references.bib)" in found
    assert f"{EN_INDEX}:8: CIT001 unknown citation key 'nosuch2000' (not in data/references.bib)" in found
    assert len(found) == 2


def test_malformed_citation_marker(fixture_site):
    edit(fixture_site, ZH_INDEX, "[@alpha2020]", "[@alpha2020; alpha]")
    found = problems(fixture_site)
    assert any(p.startswith(f"{ZH_INDEX}:8: CIT002 malformed citation '[@alpha2020; alpha]'") for p in found), found


def test_unclosed_citation(fixture_site):
    edit(fixture_site, ZH_INDEX, "[@alpha2020]", "[@alpha2020")
    edit(fixture_site, EN_INDEX, "[@alpha2020]", "[@alpha2020")
    found = problems(fixture_site)
    assert f"{ZH_INDEX}:8: CIT002 unclosed citation '[@alpha2020': no ']' closes it on this line" in found
    assert f"{EN_INDEX}:8: CIT002 unclosed citation '[@alpha2020': no ']' closes it on this line" in found


def test_unbalanced_bibtex_brace_is_one_problem_at_its_line(fixture_site):
    edit(fixture_site, BIB, "title   = {A trial of something},", "title   = {A trial of {something},")
    assert problems(fixture_site) == [f"{BIB}:4: KB003 malformed BibTeX: unbalanced braces in field 'title'"]


def test_entry_missing_required_field(fixture_site):
    edit(fixture_site, BIB, "  journal = {Journal of Examples},\n", "")
    assert only(fixture_site) == (
        f"{BIB}:1: BIB001 'alpha2020': missing a container: one of 'journal', 'howpublished', 'publisher'"
    )


def test_entry_missing_author_and_identifier(fixture_site):
    edit(fixture_site, BIB, "  author  = {Alpha, A. and Beta, B.},\n", "")
    edit(fixture_site, BIB, "  doi     = {10.1000/example.1},\n  pmid    = {12345678},\n", "")
    found = problems(fixture_site)
    assert f"{BIB}:1: BIB001 'alpha2020': missing required field 'author'" in found
    assert f"{BIB}:1: BIB001 'alpha2020': needs at least one of 'doi', 'pmid', 'url'" in found


def test_malformed_doi(fixture_site):
    edit(fixture_site, BIB, "{10.1000/example.1}", "{https://doi.org/10.1000/example.1}")
    assert only(fixture_site).startswith(f"{BIB}:8: BIB002 'alpha2020': malformed DOI 'https://doi.org/10.1000/example.1'")


def test_malformed_pmid(fixture_site):
    edit(fixture_site, BIB, "{12345678}", "{PMID12345678}")
    assert only(fixture_site).startswith(f"{BIB}:9: BIB003 'alpha2020': malformed PMID 'PMID12345678'")


def test_duplicate_bibliography_key(fixture_site):
    append(fixture_site, BIB, "\n@online{beta-web,\n  title = {Again},\n  howpublished = {X},\n  url = {https://example.org/x},\n}\n")
    assert only(fixture_site) == f"{BIB}:18: BIB004 duplicate key 'beta-web'"


def test_unknown_bibliography_field(fixture_site):
    edit(fixture_site, BIB, "  volume  = {1},", "  volumne = {1},")
    assert only(fixture_site) == f"{BIB}:6: KB002 'alpha2020': unknown field 'volumne'"


def test_entry_no_page_cites(fixture_site):
    append(fixture_site, BIB, "\n@online{gamma-web,\n  title = {Unused},\n  howpublished = {X},\n  url = {https://example.org/x},\n}\n")
    assert only(fixture_site) == f"{BIB}:18: BIB005 entry 'gamma-web' is cited by no page"


def test_malformed_bibtex_is_a_message_not_a_traceback(fixture_site):
    append(fixture_site, BIB, "\n@article{broken,\n  title = {Unclosed\n")
    found = problems(fixture_site)
    assert any(re.match(rf"{BIB}:18: KB003 malformed BibTeX", p) for p in found), found


# --- Glossary --------------------------------------------------------------------------

def test_unknown_term_id(fixture_site):
    edit(fixture_site, ZH_INDEX, "[[alpha-term]]", "[[alpha-term]][[gamma-term]]")
    edit(fixture_site, EN_INDEX, "[[alpha-term]]", "[[alpha-term]][[gamma-term]]")
    found = problems(fixture_site)
    assert f"{ZH_INDEX}:8: TRM001 unknown term id 'gamma-term' (not in data/glossary/)" in found
    assert len(found) == 2


def test_term_without_definition(fixture_site):
    edit(fixture_site, "docs/en/glossary/beta-term.md", "definition: The beta term is another example term.\n", "")
    found = problems(fixture_site)
    assert "docs/en/glossary/beta-term.md:1: TRM002 term 'beta-term' has no definition in its front matter" in found


def test_term_without_page_in_one_language(fixture_site):
    (fixture_site / "docs/en/glossary/beta-term.md").unlink()
    found = problems(fixture_site)
    assert f"{TERMS}:7: TRM002 term 'beta-term' has no page docs/en/glossary/beta-term.md" in found
    assert "docs/zh/glossary/beta-term.md:1: PAG001 no translation: docs/en/glossary/beta-term.md is missing" in found


def test_unknown_related_term(fixture_site):
    edit(fixture_site, TERMS, "related: [beta-term]", "related: [beta-term, delta-term]")
    assert only(fixture_site) == f"{TERMS}:5: TRM003 term 'alpha-term': unknown related id 'delta-term'"


def test_duplicate_term_id(fixture_site):
    append(fixture_site, TERMS, "- id: beta-term\n  zh: 乙\n  en: beta\n")
    assert only(fixture_site) == f"{TERMS}:13: TRM004 duplicate term id 'beta-term' (first defined at {TERMS}:7)"


def test_term_no_page_mentions(fixture_site):
    for lang in ("zh", "en"):
        edit(fixture_site, f"docs/{lang}/index.md", "[[beta-term|", "[[alpha-term|")
        edit(fixture_site, f"docs/{lang}/glossary/alpha-term.md", "[[beta-term]]", "[[alpha-term]]")
    assert only(fixture_site) == (
        f"{TERMS}:7: TRM005 term 'beta-term' is mentioned by no page (link it with [[beta-term]] where it is used)"
    )


def test_term_page_without_glossary_entry(fixture_site):
    for lang in ("zh", "en"):
        shutil.copy(fixture_site / f"docs/{lang}/glossary/beta-term.md", fixture_site / f"docs/{lang}/glossary/omega-term.md")
    found = problems(fixture_site)
    assert "docs/zh/glossary/omega-term.md:1: TRM006 term page 'omega-term' has no entry in data/glossary/" in found


def test_unknown_key_in_glossary_entry(fixture_site):
    edit(fixture_site, TERMS, "  abbr: [AT]", "  abbr: [AT]\n  alias: [AT2]")
    assert only(fixture_site) == f"{TERMS}:5: KB002 glossary entry: unknown key 'alias' (at 0)"


def test_malformed_glossary_yaml(fixture_site):
    edit(fixture_site, TERMS, "  abbr: [AT]", "  abbr: [AT")
    found = problems(fixture_site)
    assert found[0].startswith(f"{TERMS}:5: KB001 malformed YAML:"), found


def test_badly_indented_glossary_yaml_is_one_problem_at_its_line(fixture_site):
    # No follow-on "unknown term" or "no glossary entry" for the terms of that file.
    edit(fixture_site, TERMS, "  en: alpha term", "   en: alpha term")
    assert problems(fixture_site) == [f"{TERMS}:3: KB001 malformed YAML: mapping values are not allowed in this context"]


def test_parse_failures_come_first(fixture_site):
    edit(fixture_site, TERMS, "  en: alpha term", "   en: alpha term")
    for path in (ZH_INDEX, EN_INDEX):
        edit(fixture_site, path, "[@alpha2020]", "[@nosuch]")
    found = problems(fixture_site)
    assert found[0].startswith(f"{TERMS}:3: KB001") and len(found) == 3, found
    assert found[1].startswith(f"{EN_INDEX}:8: CIT001"), found


# --- Claims ----------------------------------------------------------------------------

def test_unknown_verdict(fixture_site):
    for path in (ZH_ARTICLE, EN_ARTICLE):
        edit(fixture_site, path, "first-claim supported", "first-claim probably-true")
    found = problems(fixture_site)
    assert f"{ZH_ARTICLE}:10: CLM001 unknown verdict 'probably-true' for claim 'first-claim' (known: supported, contested)" in found
    assert len(found) == 2


def test_verdict_without_colour(fixture_site):
    edit(fixture_site, "data/verdicts.yaml", '  colour: "#8a4b00"\n', "")
    assert only(fixture_site) == "data/verdicts.yaml:8: KB002 verdict: 'colour' is a required property (at contested)"


def test_verdict_with_malformed_colour(fixture_site):
    edit(fixture_site, "data/verdicts.yaml", 'colour: "#8a4b00"', 'colour: "orange"\n  colour_dark: "#fff"')
    assert problems(fixture_site) == [
        "data/verdicts.yaml:9: KB002 verdict: 'orange' does not match '^#[0-9a-fA-F]{6}$' (at contested/colour)",
        "data/verdicts.yaml:10: KB002 verdict: '#fff' does not match '^#[0-9a-fA-F]{6}$' (at contested/colour_dark)",
    ]


def test_duplicate_claim_id(fixture_site):
    for path in (ZH_ARTICLE, EN_ARTICLE):
        append(fixture_site, path, "\n::: claim first-claim contested\nx [@beta-web]\n:::\n")
    found = problems(fixture_site)
    assert f"{ZH_ARTICLE}:14: CLM002 id 'first-claim' is already used on line 10" in found


def test_claim_id_same_as_heading_id(fixture_site):
    for path in (ZH_ARTICLE, EN_ARTICLE):
        edit(fixture_site, path, "first-claim supported", "bone supported")
    found = problems(fixture_site)
    assert f"{EN_ARTICLE}:10: CLM002 id 'bone' is already used on line 8" in found


def test_unclosed_claim(fixture_site):
    edit(fixture_site, ZH_ARTICLE, "[@beta-web]。\n:::\n", "[@beta-web]。\n")
    assert only(fixture_site) == f"{ZH_ARTICLE}:10: CLM003 claim block 'first-claim' is never closed with ':::'"


def test_claim_without_citation(fixture_site):
    for path in (ZH_ARTICLE, EN_ARTICLE):
        append(fixture_site, path, "\n::: claim second-claim contested\nNo source here.\n:::\n")
    found = problems(fixture_site)
    assert f"{EN_ARTICLE}:14: CLM004 claim 'second-claim' cites no source" in found


def test_unknown_block_directive(fixture_site):
    append(fixture_site, ZH_ARTICLE, "\n::: claims-table\n")
    assert only(fixture_site).startswith(f"{ZH_ARTICLE}:14: CLM005 unknown block '::: claims-table'")


# --- Pages and translations ------------------------------------------------------------

def test_page_in_one_language_only(fixture_site):
    shutil.copy(fixture_site / ZH_INDEX, fixture_site / "docs/zh/extra.md")
    assert only(fixture_site) == "docs/zh/extra.md:1: PAG001 no translation: docs/en/extra.md is missing"


def test_claim_ids_differ_between_languages(fixture_site):
    # A typo in one language: one message, at the typo, naming both spellings (not "add
    # data and a page for the typo", CLM006/CLM009, nor two "missing" messages).
    edit(fixture_site, EN_ARTICLE, "first-claim supported", "frist-claim supported")
    assert problems(fixture_site) == [
        f"{EN_ARTICLE}:10: PAG002 claim id 'frist-claim' is 'first-claim' in {ZH_ARTICLE}:10: spell it 'first-claim' in both languages",
    ]


def test_claim_id_typo_in_the_default_language_is_found_by_its_data(fixture_site):
    # data/claims.yaml knows 'first-claim': the Chinese spelling is the one to fix.
    edit(fixture_site, ZH_ARTICLE, "first-claim supported", "first-clam supported")
    assert problems(fixture_site) == [
        f"{ZH_ARTICLE}:10: PAG002 claim id 'first-clam' is 'first-claim' in {EN_ARTICLE}:10: spell it 'first-claim' in both languages",
    ]


def test_a_claim_in_one_language_only(fixture_site):
    edit(fixture_site, EN_ARTICLE, "::: claim first-claim supported", "::: note")
    found = problems(fixture_site)
    assert f"{ZH_ARTICLE}:10: PAG002 claim 'first-claim' is missing from {EN_ARTICLE}" in found


def test_verdicts_differ_between_languages(fixture_site):
    edit(fixture_site, EN_ARTICLE, "first-claim supported", "first-claim contested")
    # The claim's history (data/claims.yaml) tells which of the two is wrong: HIS002.
    assert problems(fixture_site) == [
        f"{EN_ARTICLE}:10: HIS002 claim 'first-claim' is 'contested' here but its history in data/claims.yaml (line 17) ends at 'supported'",
        f"{ZH_ARTICLE}:10: PAG002 claim 'first-claim' is 'supported' here but 'contested' in {EN_ARTICLE}",
    ]


def test_citation_keys_differ_between_languages(fixture_site):
    edit(fixture_site, EN_INDEX, "[@alpha2020]", "[@beta-web]")
    found = problems(fixture_site)
    assert f"{ZH_INDEX}:8: PAG003 citation key 'alpha2020' is missing from {EN_INDEX}" in found
    assert f"{EN_INDEX}:8: PAG003 citation key 'beta-web' is missing from {ZH_INDEX}" in found


def test_term_links_differ_between_languages(fixture_site):
    edit(fixture_site, EN_INDEX, "[[beta-term|beta]]", "beta")
    assert only(fixture_site) == f"{ZH_INDEX}:8: PAG004 term link 'beta-term' is missing from {EN_INDEX}"


def test_heading_ids_differ_between_languages(fixture_site):
    edit(fixture_site, EN_ARTICLE, "## Bone {#bone}", "## Bone {#bones}")
    found = problems(fixture_site)
    assert f"{EN_ARTICLE}:8: PAG005 heading id 'bones' is missing from {ZH_ARTICLE}" in found


def test_translations_are_compared_with_the_default_language_for_any_number(fixture_site, monkeypatch):
    # A third language (Traditional Chinese) next to zh (default) and en.
    from kb.model import labels, languages

    hant = languages.Language("zh-hant", "zh-Hant", "zh-Hant", "zh_TW", "zh-hant/", collation="pinyin")
    monkeypatch.setitem(languages.BY_CODE, "zh-hant", hant)
    monkeypatch.setitem(labels.WORDS, "zh-hant", labels.WORDS["zh"])
    shutil.copytree(fixture_site / "docs" / "zh", fixture_site / "docs" / "zh-hant")
    three = ("zh", "en", "zh-hant")
    assert [str(p) for p in check_site(load_site(fixture_site, three))] == []
    edit(fixture_site, "docs/zh-hant/articles/vitamin-k-with-vitamin-d.md", "first-claim supported", "other-claim contested")
    (fixture_site / "docs" / "zh-hant" / "about.md").unlink()
    article = "docs/zh-hant/articles/vitamin-k-with-vitamin-d.md"
    assert [str(p) for p in check_site(load_site(fixture_site, three))] == [
        f"{article}:10: PAG002 claim id 'other-claim' is 'first-claim' in {ZH_ARTICLE}:10: spell it 'first-claim' in both languages",
        "docs/zh/about.md:1: PAG001 no translation: docs/zh-hant/about.md is missing",
    ]


def test_heading_id_of_a_reference_entry(fixture_site):
    for path in (ZH_ARTICLE, EN_ARTICLE):
        append(fixture_site, path, "\n## Refs {#ref-notes}\n")
    assert f"{ZH_ARTICLE}:14: PAG006 heading id 'ref-notes': ids starting with 'ref-' belong to reference-list entries" in problems(fixture_site)


def test_heading_without_explicit_id(fixture_site):
    for path in (ZH_ARTICLE, EN_ARTICLE):
        append(fixture_site, path, "\n## Safety\n")
    found = problems(fixture_site)
    assert f"{ZH_ARTICLE}:14: PAG006 heading 'Safety' has no explicit id (write '{{#ascii-id}}')" in found
    assert len(found) == 2


def test_missing_description(fixture_site):
    edit(fixture_site, EN_INDEX, "description: Home.\n", "")
    assert only(fixture_site) == f"{EN_INDEX}:2: PAG007 front matter: 'description' is a required property"


def test_malformed_front_matter(fixture_site):
    edit(fixture_site, EN_INDEX, "description: Home.", "description: [Home.")
    found = problems(fixture_site)
    assert found[0].startswith(f"{EN_INDEX}:3: KB001 malformed YAML:"), found


def test_impossible_review_date_is_a_problem_not_a_traceback(fixture_site):
    edit(fixture_site, ZH_INDEX, "reviewed: 2026-11-24", "reviewed: 2026-02-30")
    assert only(fixture_site) == f"{ZH_INDEX}:3: KB001 '2026-02-30' is not a real date (YYYY-MM-DD)"


def test_impossible_quoted_review_date(fixture_site):
    edit(fixture_site, EN_INDEX, "reviewed: 2026-11-24", "reviewed: '2026-02-30'")
    assert only(fixture_site) == f"{EN_INDEX}:3: PAG007 front matter: '2026-02-30' is not a 'date' (at reviewed)"


def test_unknown_front_matter_key(fixture_site):
    edit(fixture_site, EN_INDEX, "description: Home.", "description: Home.\nreviewd: 2026-01-01")
    assert only(fixture_site) == f"{EN_INDEX}:3: KB002 front matter: unknown key 'reviewd'"


def test_link_to_missing_page(fixture_site):
    edit(fixture_site, ZH_INDEX, "(articles/vitamin-k-with-vitamin-d.md#bone)", "(articles/vitamin-k.md)")
    assert only(fixture_site) == f"{ZH_INDEX}:8: LNK001 link to 'articles/vitamin-k.md': no page docs/zh/articles/vitamin-k.md"


def test_link_to_missing_anchor(fixture_site):
    edit(fixture_site, ZH_INDEX, "vitamin-d.md#bone)", "vitamin-d.md#heart)")
    assert only(fixture_site) == (
        f"{ZH_INDEX}:8: LNK002 link to 'articles/vitamin-k-with-vitamin-d.md#heart': "
        "no anchor '#heart' in docs/zh/articles/vitamin-k-with-vitamin-d.md"
    )


def test_links_to_generated_anchors_resolve(fixture_site):
    for lang in ("zh", "en"):
        append(fixture_site, f"docs/{lang}/index.md",
               "\n[a](articles/vitamin-k-with-vitamin-d.md#first-claim) [b](references.md#alpha2020)"
               " [c](glossary/alpha-term.md#appears-in) [d](#ref-alpha2020)\n")
    assert problems(fixture_site) == []


def test_generated_anchor_a_page_lacks_is_reported(fixture_site):
    # Only terms with a note get '#note': the checker's anchors are the renderer's ids.
    for lang in ("zh", "en"):
        append(fixture_site, f"docs/{lang}/index.md", "\n[n](glossary/beta-term.md#note)\n")
    assert problems(fixture_site) == []
    edit(fixture_site, ZH_INDEX, "beta-term.md#note", "alpha-term.md#note")
    assert only(fixture_site) == (
        f"{ZH_INDEX}:10: LNK002 link to 'glossary/alpha-term.md#note': no anchor '#note' in docs/zh/glossary/alpha-term.md"
    )


# --- Third-party loads in the sources ----------------------------------------------------

LOADS = "from another host; serve it from the site instead"


def test_third_party_loads_in_a_page(fixture_site):
    append(fixture_site, ZH_INDEX, (
        '\n<script src="https://cdn.example/x.js"></script>\n'
        '<iframe src="https://www.youtube.com/embed/x"></iframe>\n'
        '![pic](https://img.example/a.png)\n'
        '<a href="https://doi.org/10.1000/x">a link is fine</a>\n'
    ))
    assert problems(fixture_site) == [
        f"{ZH_INDEX}:10: EXT001 loads <script src=https://cdn.example/x.js> {LOADS}",
        f"{ZH_INDEX}:11: EXT001 loads <iframe src=https://www.youtube.com/embed/x> {LOADS}",
        f"{ZH_INDEX}:12: EXT001 loads image https://img.example/a.png {LOADS}",
    ]


def test_third_party_loads_in_overrides(fixture_site):
    (fixture_site / "overrides" / "assets").mkdir(parents=True)
    (fixture_site / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}\n'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">\n'
        '<img src="https://img.example/a.png">\n{% endblock %}\n', "utf-8")
    (fixture_site / "overrides" / "assets" / "x.css").write_text(
        "a { color: red; }\n@import 'https://cdn.example/x.css';\n"
        "@font-face { src: url(https://fonts.gstatic.com/a.woff2); }\n", "utf-8")
    (fixture_site / "overrides" / "assets" / "x.js").write_text(
        'var s = document.createElement("script");\ns.src = "https://cdn.example/y.js";\n', "utf-8")
    assert problems(fixture_site) == [
        f"overrides/assets/x.css:2: EXT001 loads url(https://cdn.example/x.css) {LOADS}",
        f"overrides/assets/x.css:3: EXT001 loads url(https://fonts.gstatic.com/a.woff2) {LOADS}",
        f"overrides/assets/x.js:2: EXT001 loads https://cdn.example/y.js {LOADS}",
        f"overrides/main.html:3: EXT001 loads <link rel=stylesheet href=https://fonts.googleapis.com/css?family=Roboto> {LOADS}",
        f"overrides/main.html:4: EXT001 loads <img src=https://img.example/a.png> {LOADS}",
    ]


def test_third_party_loads_in_mkdocs_yml(fixture_site):
    (fixture_site / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: !ENV [SITE_URL, 'https://x.example/']\ntheme:\n  name: material\n"
        "  font:\n    text: Roboto\nextra_css:\n  - assets/kb.css\n  - https://cdn.example/a.css\n"
        "extra_javascript:\n  - path: https://cdn.example/b.js\n    type: module\n", "utf-8")
    assert problems(fixture_site) == [
        "mkdocs.yml:5: EXT001 loads Google Fonts (theme.font) from another host; set 'font: false' under theme",
        f"mkdocs.yml:9: EXT001 loads extra_css https://cdn.example/a.css {LOADS}",
        f"mkdocs.yml:11: EXT001 loads extra_javascript https://cdn.example/b.js {LOADS}",
    ]


def test_markers_in_code_are_ignored(fixture_site):
    for lang in ("zh", "en"):
        append(fixture_site, f"docs/{lang}/index.md", "\n`[@nosuch]` and\n\n```\n[[nosuch]]\n::: claim x y\n```\n")
    assert problems(fixture_site) == []


def test_all_problems_reported_in_one_run(fixture_site):
    edit(fixture_site, ZH_INDEX, "[@alpha2020]", "[@nosuch]")
    edit(fixture_site, BIB, "{12345678}", "{x}")
    edit(fixture_site, ZH_ARTICLE, "first-claim supported", "first-claim maybe")
    codes = {p.split()[1] for p in problems(fixture_site)}
    assert {"CIT001", "BIB003", "CLM001"} <= codes


def test_every_problem_code_is_tested():
    # Redirect and manifest codes are tested in test_permalinks.py.
    source = "".join(file.read_text("utf-8") for file in sorted(Path(__file__).parent.glob("test_*.py")))
    untested = [code for code in CODES if f" {code} " not in source and f"{code}\"" not in source]
    assert untested == []


# --- Command line and build ------------------------------------------------------------

def run_checker(*args):
    return subprocess.run([sys.executable, "-m", "kb.commands.check", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


def test_checker_cli_prints_problems_and_fails(fixture_site):
    edit(fixture_site, ZH_INDEX, "[@alpha2020]", "[@nosuch]")
    edit(fixture_site, TERMS, "  abbr: [AT]", "  abbr: [AT")
    result = run_checker("--root", str(fixture_site))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    assert lines and all(re.match(r"^[\w./-]+:\d+: [A-Z]+\d{3} ", line) for line in lines), lines


def test_files_that_are_not_utf8_are_named_at_their_first_bad_byte(fixture_site):
    # An editor that saves Chinese as GBK, or a Latin-1 byte pasted into data or a template:
    # each file is named once, at the line of its first bad byte, all in one run, before
    # anything else that is wrong.
    page = fixture_site / ZH_INDEX
    page.write_bytes(page.read_text("utf-8").encode("gbk"))
    terms = fixture_site / TERMS
    terms.write_bytes(terms.read_bytes().replace(b"  abbr: [AT]", b"  abbr: [AT, caf\xe9]", 1))
    (fixture_site / "overrides").mkdir(exist_ok=True)
    (fixture_site / "overrides" / "main.html").write_bytes(b'{% extends "base.html" %}\n<p>\xa9 2026</p>\n')
    edit(fixture_site, EN_INDEX, "[@alpha2020]", "[@nosuch]")
    result = run_checker("--root", str(fixture_site))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        f"{TERMS}:4: KB004 not UTF-8 text (byte 0xe9): save the file as UTF-8",
        f"{ZH_INDEX}:2: KB004 not UTF-8 text (byte 0xca): save the file as UTF-8",  # 首 in GBK
        "overrides/main.html:2: KB004 not UTF-8 text (byte 0xa9): save the file as UTF-8",
    ]
    assert f"{EN_INDEX}:8: CIT001 unknown citation key 'nosuch' (not in data/references.bib)" in lines


def test_checker_cli_lists_every_code():
    result = run_checker("--codes")
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(CODES) and {"EXT001", "LNK103", "CIT002"} <= set(listed)


def test_checker_cli_passes_clean_fixture_and_says_so(fixture_site):
    result = run_checker("--root", str(fixture_site))
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == "kb-check: 12 pages × 2 languages, 1 claim, 2 terms, 0 problems"


def test_checker_cli_works_on_the_current_directory(fixture_site):
    assert subprocess.run([sys.executable, "-m", "kb.commands.check"], cwd=fixture_site,
                          capture_output=True, text=True, timeout=60).returncode == 0
    result = subprocess.run([sys.executable, "-m", "kb.commands.check"], cwd=fixture_site / "docs",
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == ".: not a site (no docs/ and data/ folders here); run the command in the repository or pass --root DIR\n"


def test_checker_reports_manifest_drift_and_the_update_command(fixture_site):
    from kb.checks import manifest

    pages = manifest.expected_pages(load_site(fixture_site))
    lines = [line for line in manifest.urls(pages) if line != "glossary/beta-term/#note"]
    (fixture_site / "links").mkdir()
    (fixture_site / manifest.MANIFEST_FILE).write_text(manifest.format_manifest(lines + ["about/#gone"]), "utf-8")
    result = run_checker("--root", str(fixture_site))
    assert result.returncode == 1
    gone_line = sorted(lines + ["about/#gone"]).index("about/#gone") + 1
    assert result.stdout.splitlines() == [
        "links/manifest.txt:0: LNK103 'glossary/beta-term/#note' is not listed yet (a new page or anchor)",
        f"links/manifest.txt:{gone_line}: LNK101 'about/#gone' no longer resolves: no id 'gone' in the page 'about/'",
    ]
    assert (
        "links/manifest.txt is out of date: run .venv/bin/kb-update-manifest after adding a redirect"
        in result.stderr
    )
    (fixture_site / manifest.MANIFEST_FILE).write_text(manifest.format_manifest(manifest.urls(pages)), "utf-8")
    assert run_checker("--root", str(fixture_site)).returncode == 0


def test_real_content_passes_the_checker():
    result = run_checker()
    assert result.returncode == 0, result.stdout


def test_build_fails_on_a_broken_citation(fixture_site):
    for item in BUILD_FILES:
        src = REPO / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, fixture_site / item)
    edit(fixture_site, ZH_INDEX, "[@alpha2020]", "[@nosuch2000]")
    edit(fixture_site, EN_INDEX, "[@alpha2020]", "[@nosuch2000]")
    build = run_mkdocs_build(fixture_site / "site", root=fixture_site)
    assert build.returncode != 0
    assert f"{ZH_INDEX}:8: CIT001 unknown citation key 'nosuch2000'" in build.output
    # The content check runs once per full build: each problem is reported once.
    assert build.output.count(f"{EN_INDEX}:8: CIT001 unknown citation key 'nosuch2000'") == 1


def test_a_key_written_twice_in_a_data_file_is_reported(tmp_path):
    """YAML keeps the second of two equal keys silently: two extract lists for one source (or
    two entries for one claim) would lose the first without a word."""
    from kb.model.yamldata import load_yaml
    text = "theuwissen2013:\n  - where: abstract\n    text: one\nother: 1\ntheuwissen2013:\n  - where: abstract\n    text: two\n"
    located, problems = load_yaml(text, "data/extracts.yaml")
    assert located is not None
    assert [str(p) for p in problems] == [
        "data/extracts.yaml:5: KB005 duplicate key 'theuwissen2013' (first at line 1): merge the two entries"]
