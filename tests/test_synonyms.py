"""The search synonym table (data/search_synonyms.yaml, kb/checks/synonyms.py): a word that
points at nothing, or that is already a name, is a `path:line: CODE` error; the real table
passes and adds readers' words the glossary does not have."""
from helpers import REPO, edit, only, problems
from kb.model.content import load_site
from kb.model.normalise import normalise

SYNONYMS = "data/search_synonyms.yaml"


def test_fixture_table_is_clean(fixture_site):
    assert problems(fixture_site) == []


def test_a_target_that_is_no_term(fixture_site):
    edit(fixture_site, SYNONYMS, "to: [alpha-term]", "to: [gamma-term]")
    assert only(fixture_site) == (f"{SYNONYMS}:2: SYN001 'gamma-term' is not a term id (data/glossary/) "
                                  "nor a page path (such as claims/<id>/)")


def test_a_target_that_is_no_page(fixture_site):
    edit(fixture_site, SYNONYMS, '"claims/first-claim/"', '"claims/no-such-claim/"')
    assert only(fixture_site) == f"{SYNONYMS}:5: SYN001 'claims/no-such-claim/' points at no page of the site"


def test_a_target_anchor_that_is_on_no_heading_or_claim(fixture_site):
    edit(fixture_site, SYNONYMS, "#bone", "#no-such-heading")
    assert only(fixture_site) == (f"{SYNONYMS}:5: SYN001 'articles/vitamin-k-with-vitamin-d/#no-such-heading': page "
                                  "'articles/vitamin-k-with-vitamin-d/' has no heading or claim with id 'no-such-heading'")


def test_a_word_that_is_already_a_term_name(fixture_site):
    edit(fixture_site, SYNONYMS, "en: [alpha saying]", "en: [alpha saying, Alpha-Term]")
    assert only(fixture_site) == (f"{SYNONYMS}:4: SYN002 'Alpha-Term' is already a name of term 'alpha-term' "
                                  "(data/glossary/); the table adds only words that are not names")


def test_a_word_of_two_entries(fixture_site):
    edit(fixture_site, SYNONYMS, "en: [first thing]", "en: [first thing, alpha saying]")
    assert only(fixture_site) == f"{SYNONYMS}:7: SYN002 'alpha saying' is already a word of the entry on line 4"


def test_an_entry_without_a_target(fixture_site):
    edit(fixture_site, SYNONYMS, "- to: [alpha-term]\n", "- too: [alpha-term]\n")
    found = problems(fixture_site)
    assert found and all(p.startswith(f"{SYNONYMS}:2: KB002") for p in found), found


def test_the_real_table_adds_only_words_that_are_not_names():
    site = load_site(REPO)
    names = {normalise(n) for t in site.terms.values()
             for n in [*t.names.values(), *t.abbr, *(a for aliases in t.aliases.values() for a in aliases)]}
    words = [w for entry in site.synonyms for ws in entry.words.values() for w in ws]
    assert len(words) > 100 and not {normalise(w) for w in words} & names
    targets = {t for entry in site.synonyms for t in entry.targets}
    assert {"vascular-calcification", "warfarin", "osteoporosis"} <= targets
