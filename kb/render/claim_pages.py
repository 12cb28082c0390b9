"""What a claim looks like to readers: the claim block inside its article, the claim's own
page (/claims/<id>/) and the claims index (/claims/).

Plain functions returning Markdown/HTML; kb/render.py calls them for claim blocks and the
`::: claims-index` directive, and the hook expands a `::: claim-page` stub into the
claim's source before rendering it like any page (citations, terms, references).
"""
import dataclasses
import html
import posixpath

from kb.model import claims, markup
from kb.model.studies import site_studies
from kb.render import claim_history, share
from kb.model.labels import label
from kb.model.languages import BY_CODE, absolute, relative_url, url_in

E = html.escape


def claim_url(site_url: str, lang: str, claim_id: str) -> str:
    """The URL a claim is cited by: its own page, with its id as anchor (the page's H1)."""
    return absolute(site_url, url_in(BY_CODE[lang], claims.page_url(claim_id))) + "#" + claim_id


def cite_tools(site, lang: str, claim, site_url: str, folded: bool = False) -> str:
    """Copy buttons for the plain URL, Markdown and BBCode of one claim. `folded` puts them
    behind one "Cite this claim" disclosure, as under each claim of an article: up to 17
    rows of three buttons would crowd a phone screen (and lay out boxes no one asked for).

    data-clipboard-text is handled by Material's own clipboard (its bundle binds
    ClipboardJS to every [data-clipboard-text] element and shows its "copied" notice).
    Without JavaScript the disclosure is hidden (kb-js-only); the claim's page link, whose
    cite box shows every form as text, stays.
    """
    text = claims.link_text(site, claim.id, claim.verdict, lang)
    forms = claims.cite_forms(text, claim_url(site_url, lang, claim.id))
    buttons = "".join(
        f'<button type="button" class="md-button kb-claimcite__copy" data-kb-form="{kind}" '
        f'data-clipboard-text="{E(value)}">{label("copy_" + kind, lang)}</button>'
        for kind, value in forms.items()
    )
    if folded:
        return (
            f'<details class="kb-claimcite kb-js-only" data-search-exclude><summary class="kb-claimcite__label">'
            f'{label("cite_claim", lang)}</summary>{buttons}</details>'
        )
    return (
        f'<div class="kb-claimcite kb-js-only" data-search-exclude><span class="kb-claimcite__label">'
        f'{label("cite_claim", lang)}</span> {buttons}</div>'
    )


def _heading_level(page, claim) -> int:
    """One level below the heading the claim sits under, so the outline has no gaps."""
    above = [h.level for h in page.parsed.headings if h.line < claim.line]
    return min((above[-1] if above else 1) + 1, 6)


def conclusion_line(site, lang: str, claim_id: str) -> str:
    """The claim's one-line conclusion, shown under its verdict ('' if it has none)."""
    text = claims.conclusion(site, claim_id, lang)
    if not text:
        return ""
    space = label("word_gap", lang)
    return f'<p class="kb-claim__conclusion"><strong>{label("claim_conclusion", lang)}</strong>{space}{E(text, quote=False)}</p>\n'


def block_open(site, page, claim) -> str:
    """Start of a claim block: its title (the assertion) as a real heading (listed in the
    table of contents, id = claim id), then its verdict and the one-line conclusion."""
    verdict = claims.verdict_label(site, claim.verdict, page.lang)
    title = html.escape(claims.title(site, claim.id, page.lang), quote=False)
    hashes = "#" * _heading_level(page, claim)
    return (
        f'<div class="kb-claim kb-claim--{E(claim.verdict)}" markdown="1">\n\n'
        f'{hashes} {title} {{#{claim.id} .kb-claim__title}}\n\n'
        f'<p class="kb-claim__head"><span class="kb-verdict kb-verdict--{E(claim.verdict)}">{E(verdict)}</span></p>\n'
        f'{conclusion_line(site, page.lang, claim.id)}'
    )


def block_close(site, page, claim, site_url: str, repository: str = "") -> str:
    """End of a claim block: its cite tools, a link to its page, its history (collapsed)
    and the "report a problem" link (kb/render/claim_history.py)."""
    href = relative_url(page.url, claims.page_url(claim.id))
    return (
        f'\n\n{cite_tools(site, page.lang, claim, site_url, folded=True)}\n'
        f'<p class="kb-claim__more" data-search-exclude><a href="{E(href)}">{label("claim_page", page.lang)} →</a></p>\n'
        f'{claim_history.claim_footer(site, page, claim, site_url, repository)}\n\n'
        "</div>"
    )


def _claim_lines(article, claim) -> list:
    """The source lines inside a claim block (without its ':::' lines)."""
    lines = article.body.split("\n")
    start = claim.line - article.body_line + 1
    end = start
    while end < len(lines) and not markup.BLOCK_CLOSE.match(lines[end]):
        end += 1
    return lines[start:end]


def _relink(text: str, article, stub) -> str:
    """Rewrite relative links of the article's source for the claim page: an in-page
    anchor that names a claim goes to that claim's page, others to the article."""
    own_claims = {c.id for c in article.parsed.claims}

    def fix(match):
        target = match.group(2)
        if "://" in target or target.startswith(("/", "mailto:")):
            return match.group(0)
        path, _, anchor = target.partition("#")
        if not path and anchor in own_claims:
            new = f"{anchor}.md"
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(article.path), path or posixpath.basename(article.path)))
            new = posixpath.relpath(resolved, posixpath.dirname(stub.path)) + (f"#{anchor}" if anchor else "")
        return match.group(0).replace(f"({target}", f"({new}", 1)

    return markup.LINK.sub(fix, text)


def _questions(site, claim_id: str, lang: str) -> str:
    """The ways readers ask the claim (data/claims.yaml): shown, and so searchable, on its page."""
    asked = claims.text(site, claim_id, "questions", lang) or []
    mark = label("question_mark", lang)
    items = "".join(f"<li>{E(question)}{mark}</li>" for question in asked)
    return f'<div class="kb-claim__questions"><p>{label("claim_questions", lang)}</p><ul>{items}</ul></div>' if items else ""


def _evidence_lines(site, claim) -> list:
    """The studies the claim cites, as a `::: studies` block, and the dose ladder where
    data/studies.yaml names the claim among `ladder_claims`: directive lines, rendered by
    the same walk as any page's."""
    records = site_studies(site)
    lines = []
    cited = records.citing(claim.keys)
    if cited:
        lines += ["::: studies " + " ".join(s.id for s in cited), ""]
    if claim.id in records.ladder_claims:
        lines += ["::: dose-ladder", ""]
    return lines


def expand(site, stub, site_url: str, ids_only: bool = False):
    """(page model, Markdown source) of a claim page: the claim's title, verdict and
    meaning, its conclusion, its cite tools, its evidence paragraphs and a link to it in context. The
    returned model parses that source, so citations number and list as on any page.
    ids_only (the manifest check): without the share block, which holds no id and whose QR
    code is most of the time a claim page takes to render."""
    lang = stub.lang
    article, claim = claims.find(site, lang, claims.claim_id_of(stub))
    verdict = site.verdicts.get(claim.verdict, {})
    title = html.escape(claims.title(site, claim.id, lang), quote=False)
    context = relative_url(stub.url, article.url) + "#" + claim.id
    body = _relink("\n".join(_claim_lines(article, claim)), article, stub)
    source = "\n".join([
        f"# {title} {{#{claim.id}}}",
        "",
        f'<p class="kb-claim__head kb-claim--{E(claim.verdict)}"><span class="kb-verdict kb-verdict--{E(claim.verdict)}">'
        f'{E(verdict.get(lang, claim.verdict))}</span> <span class="kb-claim__meaning">{E(verdict.get("meaning", {}).get(lang, ""))}</span></p>',
        conclusion_line(site, lang, claim.id),
        cite_tools(site, lang, claim, site_url),
        "",
        body.strip(),
        "",
        *_evidence_lines(site, claim),
        _questions(site, claim.id, lang),
        "",
        f'<p class="kb-claim__context" data-search-exclude>{label("read_in_context", lang)} '
        f'<a href="{E(context)}">{E(site.title(lang, article.path))}</a></p>',
        "",
        "" if ids_only else share.share_block(lang, claim.id, site_url),
    ])
    model = dataclasses.replace(stub, body=source, body_line=1, parsed=markup.parse_body(source))
    return model, source


def claims_index(site, page) -> str:
    """Every claim of the page's language with its verdict, grouped for the verdict
    filter: a plain list without JavaScript, filtered by kb.js with it."""
    lang = page.lang
    items = []
    for article, claim in claims.claims_in(site, lang):
        href = relative_url(page.url, claims.page_url(claim.id))
        verdict = claims.verdict_label(site, claim.verdict, lang)
        items.append(
            f'<li data-kb-verdict="{E(claim.verdict)}"><span class="kb-verdict kb-verdict--{E(claim.verdict)}">{E(verdict)}</span> '
            f'<a href="{E(href)}">{E(claims.title(site, claim.id, lang))}</a> '
            f'<span class="kb-claims__from">· {E(site.title(lang, article.path))}</span></li>'
        )
    options = "".join(
        f'<option value="{E(key)}">{E(v.get(lang, key))}</option>' for key, v in site.verdicts.items()
    )
    return (
        f'<p class="kb-claims__filter kb-js-only" data-kb-claims-filter><label for="kb-claims-verdict">{label("claims_filter", lang)}</label> '
        f'<select id="kb-claims-verdict"><option value="">{label("claims_all", lang)}</option>{options}</select> '
        f'<span role="status">{E(label("claims_count", lang, n=len(items)))}</span></p>\n'
        '<ul class="kb-claims" data-kb-claims data-search-exclude>\n' + "\n".join(items) + "\n</ul>"
    )
