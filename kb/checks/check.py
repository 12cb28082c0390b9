"""Every content rule, as one function over the site model: check_site(site) -> problems.

The command-line checker (kb-check, kb/commands/check.py) prints them; the MkDocs hook fails
the build with them. Codes and their meanings: kb/model/diagnostics.py.
"""
import posixpath
import re
from collections import defaultdict

from kb import render
from kb.checks import copywriting, encoding, manifest, numbers, placeholders, study_numbers, synonyms, third_party, zh_numbers, zh_spacing
from kb.model import claims, kinds, redirects, source_status
from kb.model.content import Page, Site
from kb.model.diagnostics import Problem

EXTERNAL = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.I)
# A data file that does not parse or is not UTF-8: reported first, as the root cause of what follows.
ROOT_CAUSES = {"KB001", "KB003", "KB004"}


def check_site(site: Site) -> list[Problem]:
    problems = list(site.problems)
    anchor_cache = {}
    for page in site.pages.values():
        problems += check_page(site, page, anchor_cache)
    problems += check_translations(site)
    problems += check_terms(site)
    problems += check_bibliography_use(site)
    problems += redirects.site_redirect_problems(site)
    problems += zh_spacing.check_zh_spacing(site) + zh_numbers.check_zh_numbers(site)
    problems += numbers.check_numbers(site) + source_status.status_problems(site.bibliography)
    problems += study_numbers.check_studies(site)
    problems += claims.check_claims(site)
    problems += copywriting.check_copywriting(site)
    problems += third_party.check_sources(site)
    problems += synonyms.check_synonyms(site)
    problems += encoding.check_encodings(site.root)
    problems += placeholders.check_placeholders(site.root)
    return sorted(set(problems), key=lambda p: (p.code not in ROOT_CAUSES, p))


def check_all(site: Site) -> tuple[list[Problem], str]:
    """What kb-check and the build both refuse: every content rule, then (once the content
    is sound, so that the list is not noise) drift of links/manifest.txt. Returns the
    problems and a hint naming the command that updates the manifest ('' if none).

    The build fails on drift rather than rewriting the manifest: the manifest is a promise
    committed with the content, and a build in CI runs on a checkout whose rewrite would be
    lost, publishing anchors nobody promised without telling the author who forgot them.
    """
    problems = check_site(site)
    if problems:
        return problems, ""
    redirect_list, _ = redirects.load_redirects(site.root)
    return manifest.drift(site, {r.old: r.new for r in redirect_list})


def summary(site: Site, problems: list) -> str:
    """'kb-check: 101 pages × 2 languages, 23 claims, 70 terms, 0 problems'."""
    pages = len(site.pages_in(site.languages[0])) if site.languages else 0
    claim_ids = {claim.id for page in site.pages.values() for claim in page.parsed.claims}
    counts = [(pages, "page"), (len(claim_ids), "claim"), (len(site.terms), "term"), (len(problems), "problem")]
    pages_text, *rest = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts]
    return f"kb-check: {pages_text} × {len(site.languages)} languages, " + ", ".join(rest)


def check_page(site: Site, page: Page, anchor_cache: dict | None = None) -> list[Problem]:
    problems = [Problem(page.display, s.line, s.code, s.message) for s in page.parsed.syntax]
    parsed = page.parsed
    add = lambda line, code, message: problems.append(Problem(page.display, line, code, message))  # noqa: E731

    for citation in parsed.citations:
        for key in citation.keys:
            if key not in site.bibliography.entries and key not in site.bibliography.unparsed_keys:
                add(citation.line, "CIT001", f"unknown citation key '{key}' (not in data/references.bib)")
    for term in parsed.terms:
        if term.id not in site.terms and term.id not in site.unparsed_terms:
            add(term.line, "TRM001", f"unknown term id '{term.id}' (not in data/glossary/)")
    for claim in parsed.claims:
        if site.verdicts and claim.verdict not in site.verdicts:
            add(claim.line, "CLM001", f"unknown verdict '{claim.verdict}' for claim '{claim.id}' (known: {', '.join(site.verdicts)})")
        if not claim.keys:
            add(claim.line, "CLM004", f"claim '{claim.id}' cites no source")
    for heading in parsed.headings:
        if heading.id is None:
            add(heading.line, "PAG006", f"heading '{heading.text}' has no explicit id (write '{{#ascii-id}}')")
        elif not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", heading.id):
            add(heading.line, "PAG006", f"heading id '{heading.id}' is not ASCII kebab-case")
        elif heading.id.startswith(manifest.REFERENCE_ENTRY):  # kb/render/html/reference_list.md; not in the link manifest
            add(heading.line, "PAG006", f"heading id '{heading.id}': ids starting with '{manifest.REFERENCE_ENTRY}' belong to reference-list entries")
        if page.term_id and heading.level == 1:
            add(heading.line, "PAG006", "term pages get their title from data/glossary/; remove this H1")
    seen = {}
    for ident, line in [(h.id, h.line) for h in parsed.headings if h.id] + [(c.id, c.line) for c in parsed.claims]:
        if ident in seen:
            add(line, "CLM002", f"id '{ident}' is already used on line {seen[ident]}")
        else:
            seen[ident] = line
    if page.term_id and page.term_id not in site.terms and page.term_id not in site.unparsed_terms:
        add(1, "TRM006", f"term page '{page.term_id}' has no entry in data/glossary/")
    problems += check_links(site, page, anchor_cache)
    return problems


def check_links(site: Site, page: Page, anchor_cache: dict | None = None) -> list[Problem]:
    """Links between pages and to anchors; anchors are the ids the renderer emits, and
    a page is rendered only when some link targets one of its anchors."""
    anchor_cache = {} if anchor_cache is None else anchor_cache
    problems = []
    for link in page.parsed.links:
        target = link.target
        if EXTERNAL.match(target) or target.startswith("//"):
            continue
        path, _, anchor = target.partition("#")
        if path:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
            if not resolved.endswith(".md"):
                if not (site.root / "docs" / page.lang / resolved).exists():
                    problems.append(Problem(page.display, link.line, "LNK001", f"link to '{target}': no such file (link to the .md source)"))
                continue
            target_page = site.page(page.lang, resolved)
            if target_page is None:
                problems.append(Problem(page.display, link.line, "LNK001", f"link to '{target}': no page docs/{page.lang}/{resolved}"))
                continue
        else:
            target_page = page
        if anchor and target_page.path not in anchor_cache.setdefault(target_page.lang, {}):
            anchor_cache[target_page.lang][target_page.path] = render.anchors(site, target_page)
        if anchor and anchor not in anchor_cache[target_page.lang][target_page.path]:
            problems.append(Problem(page.display, link.line, "LNK002", f"link to '{target}': no anchor '#{anchor}' in docs/{page.lang}/{target_page.path}"))
    return problems


def check_translations(site: Site) -> list[Problem]:
    """Every page exists in every language and matches the default language's version."""
    problems = []
    paths = defaultdict(dict)
    for (lang, path), page in site.pages.items():
        paths[path][lang] = page
    default = site.languages[0]
    for path, by_lang in sorted(paths.items()):
        present = next(by_lang[lang] for lang in site.languages if lang in by_lang)
        for lang in site.languages:
            if lang not in by_lang:
                problems.append(Problem(present.display, 1, "PAG001", f"no translation: docs/{lang}/{path} is missing"))
        if default in by_lang:
            problems += compare_translations([by_lang[default]] + [by_lang[lang] for lang in site.languages[1:] if lang in by_lang],
                                             set(site.claims))
    return problems


TRANSLATION_ASPECTS = [
    ("PAG002", "claim", lambda p: [(c.id, c.line) for c in p.parsed.claims]),
    ("PAG003", "citation key", lambda p: [(k, c.line) for c in p.parsed.citations for k in c.keys]),
    ("PAG004", "term link", lambda p: [(t.id, t.line) for t in p.parsed.terms]),
    ("PAG005", "heading id", lambda p: [(h.id, h.line) for h in p.parsed.headings if h.id]),
]


def compare_translations(pages: list[Page], known_claims=frozenset()) -> list[Problem]:
    """Compare each translation with the default language's page (pages[0]): what one
    has and the other lacks is reported at the line where it appears. A claim id spelt
    differently in the two (known_claims: the ids data/claims.yaml has) is one problem,
    at the spelling to fix, naming both."""
    default, problems = pages[0], []
    for translation in pages[1:]:
        respelt = claims.respellings(default, translation, known_claims)
        for (kept_page, kept), (page, claim) in respelt:
            problems.append(Problem(page.display, claim.line, "PAG002",
                                    f"claim id '{claim.id}' is '{kept.id}' in {kept_page.display}:{kept.line}: "
                                    f"spell it '{kept.id}' in both languages"))
        paired = {claim.id for pair in respelt for _, claim in pair}
        for code, what, items in TRANSLATION_ASPECTS:
            for page, other in ((default, translation), (translation, default)):
                theirs = {ident for ident, _ in items(other)}
                reported = set() if code != "PAG002" else set(paired)
                for ident, line in items(page):
                    if ident not in theirs and ident not in reported:
                        reported.add(ident)
                        problems.append(Problem(page.display, line, code, f"{what} '{ident}' is missing from {other.display}"))
        verdicts = {c.id: c.verdict for c in translation.parsed.claims}
        for claim in default.parsed.claims:
            if claim.id in verdicts and verdicts[claim.id] != claim.verdict:
                problems.append(Problem(default.display, claim.line, "PAG002", f"claim '{claim.id}' is '{claim.verdict}' here but '{verdicts[claim.id]}' in {translation.display}"))
    return problems


def check_terms(site: Site) -> list[Problem]:
    problems = []
    mentioned = defaultdict(set)
    for page in site.pages.values():
        for term in page.parsed.terms:
            if term.id != page.term_id:
                mentioned[term.id].add(page.path)
    for term in site.terms.values():
        for lang in site.languages:
            page = site.page(lang, f"{kinds.GLOSSARY_DIR}{term.id}.md")
            if page is None:
                problems.append(Problem(term.path, term.line, "TRM002", f"term '{term.id}' has no page docs/{lang}/glossary/{term.id}.md"))
            elif not str(page.front.get("definition", "")).strip():
                problems.append(Problem(page.display, 1, "TRM002", f"term '{term.id}' has no definition in its front matter"))
        for related in term.related:
            if related not in site.terms and related not in site.unparsed_terms:
                problems.append(Problem(term.path, term.field_lines.get("related", term.line), "TRM003", f"term '{term.id}': unknown related id '{related}'"))
        for key in term.sources:
            if key not in site.bibliography.entries and key not in site.bibliography.unparsed_keys:
                problems.append(Problem(term.path, term.field_lines.get("sources", term.line), "CIT001", f"term '{term.id}': unknown source key '{key}'"))
        if not mentioned.get(term.id):
            problems.append(Problem(term.path, term.line, "TRM005", f"term '{term.id}' is mentioned by no page (link it with [[{term.id}]] where it is used)"))
    return problems


def check_bibliography_use(site: Site) -> list[Problem]:
    if site.unparsed_terms:  # a term in a file that failed to parse may cite any entry
        return []
    cited = set()
    for page in site.pages.values():
        cited.update(page.parsed.cited_keys)
    for term in site.terms.values():
        cited.update(term.sources)
    return [
        Problem(site.bibliography.path, entry.line, "BIB005", f"entry '{key}' is cited by no page")
        for key, entry in site.bibliography.entries.items()
        if key not in cited
    ]
