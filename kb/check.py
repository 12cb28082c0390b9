"""Every content rule, as one function over the site model: check_site(site) -> problems.

The command-line checker (scripts/check_content.py) prints them; the MkDocs hook fails
the build with them. Codes and their meanings: kb/diagnostics.py.
"""
import posixpath
import re
from collections import defaultdict

from kb import claims, redirects, render
from kb.content import LANG_CODES, Page, Site
from kb.diagnostics import Problem

EXTERNAL = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.I)


def check_site(site: Site) -> list[Problem]:
    problems = list(site.problems)
    for page in site.pages.values():
        problems += check_page(site, page)
    problems += check_translations(site)
    problems += check_terms(site)
    problems += check_bibliography_use(site)
    problems += redirects.site_redirect_problems(site)
    problems += claims.check_claims(site)
    return sorted(set(problems))


def check_page(site: Site, page: Page) -> list[Problem]:
    problems = [Problem(page.display, s.line, s.code, s.message) for s in page.parsed.syntax]
    parsed = page.parsed
    add = lambda line, code, message: problems.append(Problem(page.display, line, code, message))  # noqa: E731

    for citation in parsed.citations:
        for key in citation.keys:
            if key not in site.bibliography.entries:
                add(citation.line, "CIT001", f"unknown citation key '{key}' (not in data/references.bib)")
    for term in parsed.terms:
        if term.id not in site.terms:
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
        if page.term_id and heading.level == 1:
            add(heading.line, "PAG006", "term pages get their title from data/glossary/; remove this H1")
    seen = {}
    for ident, line in [(h.id, h.line) for h in parsed.headings if h.id] + [(c.id, c.line) for c in parsed.claims]:
        if ident in seen:
            add(line, "CLM002", f"id '{ident}' is already used on line {seen[ident]}")
        else:
            seen[ident] = line
    if page.term_id and page.term_id not in site.terms:
        add(1, "TRM006", f"term page '{page.term_id}' has no entry in data/glossary/")
    problems += check_links(site, page)
    return problems


def check_links(site: Site, page: Page) -> list[Problem]:
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
        if anchor and anchor not in render.anchors(site, target_page):
            problems.append(Problem(page.display, link.line, "LNK002", f"link to '{target}': no anchor '#{anchor}' in docs/{page.lang}/{target_page.path}"))
    return problems


def check_translations(site: Site) -> list[Problem]:
    problems = []
    paths = defaultdict(dict)
    for (lang, path), page in site.pages.items():
        paths[path][lang] = page
    for path, by_lang in sorted(paths.items()):
        missing = [lang for lang in LANG_CODES if lang not in by_lang]
        if missing:
            page = next(iter(by_lang.values()))
            problems.append(Problem(page.display, 1, "PAG001", f"no translation: docs/{missing[0]}/{path} is missing"))
            continue
        problems += compare_translations(*(by_lang[lang] for lang in LANG_CODES))
    return problems


def compare_translations(first: Page, second: Page) -> list[Problem]:
    """Report what one language has and the other lacks, at the line where it appears."""
    problems = []
    aspects = [
        ("PAG002", "claim", lambda p: [(c.id, c.line) for c in p.parsed.claims]),
        ("PAG003", "citation key", lambda p: [(k, c.line) for c in p.parsed.citations for k in c.keys]),
        ("PAG004", "term link", lambda p: [(t.id, t.line) for t in p.parsed.terms]),
        ("PAG005", "heading id", lambda p: [(h.id, h.line) for h in p.parsed.headings if h.id]),
    ]
    for code, what, items in aspects:
        for page, other in ((first, second), (second, first)):
            theirs = {ident for ident, _ in items(other)}
            reported = set()
            for ident, line in items(page):
                if ident not in theirs and ident not in reported:
                    reported.add(ident)
                    problems.append(Problem(page.display, line, code, f"{what} '{ident}' is missing from {other.display}"))
    verdicts = {c.id: c.verdict for c in second.parsed.claims}
    for claim in first.parsed.claims:
        if claim.id in verdicts and verdicts[claim.id] != claim.verdict:
            problems.append(Problem(first.display, claim.line, "PAG002", f"claim '{claim.id}' is '{claim.verdict}' here but '{verdicts[claim.id]}' in {second.display}"))
    return problems


def check_terms(site: Site) -> list[Problem]:
    problems = []
    mentioned = defaultdict(set)
    for page in site.pages.values():
        for term in page.parsed.terms:
            if term.id != page.term_id:
                mentioned[term.id].add(page.path)
    for term in site.terms.values():
        for lang in LANG_CODES:
            page = site.page(lang, f"glossary/{term.id}.md")
            if page is None:
                problems.append(Problem(term.path, term.line, "TRM002", f"term '{term.id}' has no page docs/{lang}/glossary/{term.id}.md"))
            elif not str(page.front.get("definition", "")).strip():
                problems.append(Problem(page.display, 1, "TRM002", f"term '{term.id}' has no definition in its front matter"))
        for related in term.related:
            if related not in site.terms:
                problems.append(Problem(term.path, term.field_lines.get("related", term.line), "TRM003", f"term '{term.id}': unknown related id '{related}'"))
        for key in term.sources:
            if key not in site.bibliography.entries:
                problems.append(Problem(term.path, term.field_lines.get("sources", term.line), "CIT001", f"term '{term.id}': unknown source key '{key}'"))
        if not mentioned.get(term.id):
            problems.append(Problem(term.path, term.line, "TRM005", f"term '{term.id}' is mentioned by no page (link it with [[{term.id}]] where it is used)"))
    return problems


def check_bibliography_use(site: Site) -> list[Problem]:
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
