"""Rules of the search synonym table (data/search_synonyms.yaml, kb/model/synonyms.py):
every target is a term or a page (with the heading or claim its anchor names), and no word
is already a name of a term or a word of another entry: the glossary stays the one source
of names, and a word means one thing."""
from kb.model import claims
from kb.model.content import Site, url_of
from kb.model.diagnostics import Problem
from kb.model.normalise import normalise
from kb.model.synonyms import FILE


def check_synonyms(site: Site) -> list[Problem]:
    problems = []
    names = _term_names(site)
    seen: dict = {}  # (language, normalised word) -> line of its first entry
    for entry in site.synonyms:
        for target, line in zip(entry.targets, entry.target_lines):
            reason = target_problem(site, target)
            if reason:
                problems.append(Problem(FILE, line, "SYN001", reason))
        for lang, words in entry.words.items():
            for word, line in zip(words, entry.word_lines[lang]):
                key = normalise(word)
                if key in names:
                    problems.append(Problem(FILE, line, "SYN002", f"'{word}' is already a name of term '{names[key]}' (data/glossary/); the table adds only words that are not names"))
                elif (lang, key) in seen:
                    problems.append(Problem(FILE, line, "SYN002", f"'{word}' is already a word of the entry on line {seen[lang, key]}"))
                else:
                    seen[lang, key] = line
    return problems


def target_problem(site: Site, target: str) -> str | None:
    """Why a target points at nothing, or None."""
    if "/" not in target and "#" not in target:
        if target in site.terms or target in site.unparsed_terms:
            return None
        return f"'{target}' is not a term id (data/glossary/) nor a page path (such as claims/<id>/)"
    path, _, anchor = target.partition("#")
    pages = [page for page in site.pages.values() if page.lang == site.languages[0] and url_of(page.path) == path]
    if not pages:
        return f"'{target}' points at no page of the site"
    page = pages[0]
    if anchor and anchor not in anchors(site, page):
        return f"'{target}': page '{path}' has no heading or claim with id '{anchor}'"
    return None


def anchors(site: Site, page) -> set:
    ids = {h.id for h in page.parsed.headings if h.id} | {c.id for c in page.parsed.claims}
    if claims.is_claim_page(page):
        ids.add(claims.claim_id_of(page))
    return ids


def _term_names(site: Site) -> dict:
    """Every name, abbreviation and alias of every term, normalised -> term id."""
    names = {}
    for term in site.terms.values():
        for name in [*term.names.values(), *term.abbr, *(a for aliases in term.aliases.values() for a in aliases)]:
            names.setdefault(normalise(name), term.id)
    return names
