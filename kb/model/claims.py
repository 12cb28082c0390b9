"""Claims as first-class units: their data (data/claims.yaml), their pages, their rules.

A claim is an assertion someone makes, judged by a verdict. It is written once, as a
`::: claim <id> <verdict>` block in an article, in both languages. data/claims.yaml (loaded
by kb/model/claim_data.py) adds what the block does not carry: the `title` (the assertion
as its proponent makes it), its `claimant` and `appearance`, the one-line `conclusion`,
the `questions` forum readers ask it with, per language, and its history.
Each claim also has a page of its own, /claims/<id>/ and /en/claims/<id>/.

Why claim pages are committed one-line stubs (docs/<lang>/claims/<id>.md holding
`::: claim-page`) and not `File.generated` in the hook: mkdocs-static-i18n 1.3.1 rebuilds
every documentation File from its `src_path` under docs_dir (folder.create_i18n_file) and
only treats files whose abs_src_path lies in docs_dir as pages of a language
(reconfigure.reconfigure_files), so a generated page would lose its content or its
language. A stub is an ordinary page: static-i18n, the nav, search, the sitemap's
hreflang alternates, the link manifest and the translation checks all see it with no
special case. The checker (CLM009) keeps stubs and claims one to one.
"""
from kb.model import kinds
from kb.model.claim_data import CLAIMS_FILE, LANGS, check_fields, check_history
from kb.model.diagnostics import Problem
from kb.model.labels import label

PAGE_DIR = kinds.CLAIM_DIR
PAGE_DIRECTIVE = "claim-page"
INDEX_DIRECTIVE = "claims-index"


def is_claim_page(page) -> bool:
    return kinds.of(page) is kinds.CLAIM


def page_path(claim_id: str) -> str:
    return f"{PAGE_DIR}{claim_id}.md"


def page_url(claim_id: str) -> str:
    """Language-neutral URL of a claim's page."""
    return f"{PAGE_DIR}{claim_id}/"


def claim_id_of(page) -> str:
    return kinds.item_id(page.path)


def claims_in(site, lang: str) -> list:
    """(page, claim) for every claim block of a language, in site order."""
    return [(page, claim) for page in site.pages_in(lang) if not is_claim_page(page) for claim in page.parsed.claims]


def find(site, lang: str, claim_id: str):
    """(page, claim) of the block that states a claim, or (None, None)."""
    return next(((p, c) for p, c in claims_in(site, lang) if c.id == claim_id), (None, None))


def text(site, claim_id: str, key: str, lang: str):
    """A claim's title, questions, claimant or conclusion in one language, from
    data/claims.yaml (None if absent)."""
    record = site.claims.get(claim_id)
    return getattr(record, key).get(lang) if record else None


def title(site, claim_id: str, lang: str) -> str:
    return text(site, claim_id, "title", lang) or claim_id


def conclusion(site, claim_id: str, lang: str) -> str:
    """What the evidence says, one line ('' if absent: CLM010 reports it)."""
    return text(site, claim_id, "conclusion", lang) or ""


def verdict_label(site, verdict: str, lang: str) -> str:
    return site.verdicts.get(verdict, {}).get(lang, verdict)


def verdict_tag(site, verdict: str, lang: str) -> str:
    """'【不准确】' / '[Inaccurate] ': the verdict as it is pasted before a claim."""
    return label("verdict_tag", lang, verdict=verdict_label(site, verdict, lang))


def link_text(site, claim_id: str, verdict: str, lang: str) -> str:
    """'【不准确】骨钙素“形成”羟基磷灰石晶体？' / '[Inaccurate] Osteocalcin "forms" ...'."""
    return verdict_tag(site, verdict, lang) + title(site, claim_id, lang)


def cite_forms(text: str, url: str) -> dict:
    """What the three copy buttons of a claim (and of every page's cite box) put on the
    clipboard: plain URL, Markdown, BBCode (Discuz!-style).

    The plain URL ends with a space: forum posts glue Chinese text and punctuation straight
    after a pasted link, and link detectors would pull it into the URL. Every copied bare
    URL follows this rule (the heading link buttons of overrides/assets/kb.js too). Markdown link text escapes
    brackets (the English verdict tag is bracketed); BBCode has no escape, and forum
    BBCode parsers show an unknown tag such as [Inaccurate] as written.
    """
    markdown_text = text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return {
        "plain": url + " ",
        "markdown": f"[{markdown_text}]({url})",
        "bbcode": f"[url={url}]{text}[/url]",
    }


def attach(site) -> None:
    """Give each claim page its front matter (title, description, review date), taken from
    the claim and the article stating it. The title is the assertion; the description (and
    so a link preview's second line) is the verdict and the conclusion, so that a preview
    without the page still says what the evidence shows."""
    for page in site.pages.values():
        if not is_claim_page(page) or page.front:
            continue
        article, claim = find(site, page.lang, claim_id_of(page))
        if claim is None:
            continue
        answer = conclusion(site, claim.id, page.lang) or site.verdicts.get(claim.verdict, {}).get("meaning", {}).get(page.lang, "")
        page.front = {
            "title": title(site, claim.id, page.lang),
            "description": verdict_tag(site, claim.verdict, page.lang) + answer,
            "reviewed": article.front.get("reviewed", ""),
        }


def respellings(default, translation, known_ids) -> list[tuple]:
    """(kept, respelt) pairs of (page, claim) for a claim whose id differs between a page and
    its translation: the claims each lacks of the other's, paired in order when they are as
    many. The respelt one is the translation's, unless only its id has data in
    data/claims.yaml (then the default language's id is the typo)."""
    theirs = {claim.id for claim in translation.parsed.claims}
    ours = {claim.id for claim in default.parsed.claims}
    only_default = [claim for claim in default.parsed.claims if claim.id not in theirs]
    only_translation = [claim for claim in translation.parsed.claims if claim.id not in ours]
    if len(only_default) != len(only_translation):
        return []
    pairs = []
    for a, b in zip(only_default, only_translation):
        kept, respelt = (default, a), (translation, b)
        if b.id in known_ids and a.id not in known_ids:
            kept, respelt = respelt, kept
        pairs.append((kept, respelt))
    return pairs


def respelt_ids(site) -> set:
    """(language, claim id) of every claim id that is a respelling of its translation's
    (reported once, as PAG002, by kb/checks/check.py; no other rule reports it)."""
    found = set()
    for page in site.pages_in(site.languages[0]) if site.languages else ():
        for lang in site.languages[1:]:
            translation = site.page(lang, page.path)
            if translation is not None:
                found.update((p.lang, claim.id) for _, (p, claim) in respellings(page, translation, set(site.claims)))
    return found


def check_claims(site) -> list[Problem]:
    """CLM006-CLM009: titles and questions, unknown entries, site-wide ids, claim pages;
    then the history rules (kb/model/claim_data.py)."""
    problems = []
    data = site.claims
    known = {}
    respelt = respelt_ids(site)
    for lang in LANGS:
        seen = {}
        for page, claim in claims_in(site, lang):
            if (lang, claim.id) in respelt:
                continue
            if claim.id in seen:
                first = seen[claim.id]
                problems.append(Problem(page.display, claim.line, "CLM008",
                                        f"claim id '{claim.id}' is already used at {first[0].display}:{first[1].line} (claim ids are unique site-wide)"))
                continue
            seen[claim.id] = (page, claim)
            known.setdefault(claim.id, (page, claim))
            if site.page(lang, page_path(claim.id)) is None:
                problems.append(Problem(page.display, claim.line, "CLM009",
                                        f"claim '{claim.id}' has no page docs/{lang}/{page_path(claim.id)} (a one-line file: '::: {PAGE_DIRECTIVE}')"))
    # An unreadable file's parse or schema problem is reported already: no follow-ons.
    readable = not getattr(data, "unreadable", False)
    for claim_id, (page, claim) in known.items() if readable else ():
        entry = data.get(claim_id)
        if entry is None:
            problems.append(Problem(page.display, claim.line, "CLM006",
                                    f"claim '{claim_id}' has no entry in {CLAIMS_FILE} (needs title and questions in {' and '.join(LANGS)})"))
            continue
        for key in ("title", "questions"):
            for lang in LANGS:
                if not text(site, claim_id, key, lang):
                    problems.append(Problem(CLAIMS_FILE, entry.line, "CLM006",
                                            f"claim '{claim_id}' has no {key} in '{lang}'"))
    for claim_id, entry in data.items():
        if claim_id not in known:
            problems.append(Problem(CLAIMS_FILE, entry.line, "CLM007",
                                    f"entry '{claim_id}' names no claim (no '::: claim {claim_id}' block on any page)"))
    for page in site.pages.values():
        if not is_claim_page(page):
            continue
        if claim_id_of(page) not in known:
            problems.append(Problem(page.display, 1, "CLM009", f"claim page '{claim_id_of(page)}' names no claim on any page"))
        elif page.body.strip() != f"::: {PAGE_DIRECTIVE}":
            problems.append(Problem(page.display, 1, "CLM009", f"a claim page holds one line, '::: {PAGE_DIRECTIVE}' (it is generated from the claim)"))
    return problems + (check_fields(site, known) if readable else []) + check_history(site)
