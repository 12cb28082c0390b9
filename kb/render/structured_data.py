"""schema.org JSON-LD for every page: ClaimReview for each claim, DefinedTerm and
DefinedTermSet for the glossary, Article for articles, WebSite/WebPage otherwise.

Emitted as a `<script type="application/ld+json">` block at the end of the page's Markdown
(Python-Markdown passes a raw <script> block through unchanged; Material's search skips
<script>). It is a data block, never executed, so a Content-Security-Policy without
'unsafe-inline' does not block it.
"""
import json

from kb.model import bibliography, claims, kinds
from kb.render.claim_pages import claim_url
from kb.model.languages import BY_CODE, absolute, others, url_in

SCHEMA = "https://schema.org"


def page_url(site_url: str, lang: str, neutral_url: str) -> str:
    return absolute(site_url, url_in(BY_CODE[lang], neutral_url))


def organisation(site_url: str, lang: str, site_name: str) -> dict:
    return {"@type": "Organization", "name": site_name, "url": page_url(site_url, lang, "")}


def appearance(site, reference: str) -> list:
    """Where the claim was made, as data/claims.yaml states it: a bibliography entry (its
    title and link) or a URL."""
    if not reference:
        return []
    entry = site.bibliography.entries.get(reference) if site.bibliography else None
    if entry is None:
        return [{"@type": "CreativeWork", "url": reference}]
    links = bibliography.links(entry)
    url = next((href for name, href in links if name == "URL"), links[0][1] if links else None)
    work = {"@type": "CreativeWork", "name": entry.title}
    if url:
        work["url"] = url
    return [work]


def claim_review(site, lang: str, claim_id: str, site_url: str, site_name: str) -> dict | None:
    """The ClaimReview of one claim: the assertion (claimReviewed) made by its claimant where
    it appeared (itemReviewed, a Claim), the verdict (reviewRating) and the one-line
    conclusion (reviewBody)."""
    article, claim = claims.find(site, lang, claim_id)
    if claim is None:
        return None
    verdict = site.verdicts.get(claim.verdict, {})
    record = site.claims.get(claim_id)
    item = {"@type": "Claim", "appearance": appearance(site, record.appearance if record else "")}
    claimant = claims.text(site, claim_id, "claimant", lang)
    if claimant:
        item["author"] = {"@type": record.claimant_type, "name": claimant}
    review = {
        "@context": SCHEMA,
        "@type": "ClaimReview",
        "url": claim_url(site_url, lang, claim_id).partition("#")[0],
        "claimReviewed": claims.title(site, claim_id, lang),
        "reviewRating": {
            "@type": "Rating",
            "alternateName": verdict.get(lang, claim.verdict),
            "ratingExplanation": verdict.get("meaning", {}).get(lang, ""),
        },
        "itemReviewed": item,
        "author": organisation(site_url, lang, site_name),
        "datePublished": str(article.front.get("reviewed", "")),
        "inLanguage": BY_CODE[lang].hreflang,
    }
    answer = claims.conclusion(site, claim_id, lang)
    if answer:
        review["reviewBody"] = answer
    return review


def page_items(site, page, site_url: str, site_name: str) -> list:
    lang, code = page.lang, BY_CODE[page.lang].hreflang
    url = page_url(site_url, lang, page.url)
    title = site.title(lang, page.path)
    reviewed = str(page.front.get("reviewed", ""))
    author = organisation(site_url, lang, site_name)
    kind = kinds.of(page)  # which schema.org type each kind of page gets: kb/model/kinds.py
    if kind is kinds.CLAIM:
        review = claim_review(site, lang, claims.claim_id_of(page), site_url, site_name)
        return [review] if review else []
    if kind is kinds.TERM and page.term_id in site.terms:
        term = site.terms[page.term_id]
        return [{
            "@context": SCHEMA, "@type": kind.json_ld, "name": term.name(lang), "url": url,
            "termCode": term.id, "description": str(page.front.get("definition", "")),
            "alternateName": [*(term.name(other.code) for other in others(lang)), *term.abbr, *term.aliases[lang]],
            "inDefinedTermSet": page_url(site_url, lang, kinds.GLOSSARY_DIR), "inLanguage": code,
        }]
    if kind is kinds.GLOSSARY:
        return [{
            "@context": SCHEMA, "@type": kind.json_ld, "name": title, "url": url, "inLanguage": code,
            "hasDefinedTerm": [
                {"@type": "DefinedTerm", "name": t.name(lang), "termCode": t.id,
                 "url": page_url(site_url, lang, f"{kinds.GLOSSARY_DIR}{t.id}/")}
                for t in site.terms.values()
            ],
        }]
    if kind is kinds.ARTICLE:
        article = {
            "@context": SCHEMA, "@type": kind.json_ld, "headline": title, "url": url, "inLanguage": code,
            "description": str(page.front.get("description", "")), "dateModified": reviewed,
            "author": author, "publisher": author,
        }
        reviews = [claim_review(site, lang, c.id, site_url, site_name) for c in page.parsed.claims]
        return [article, *[r for r in reviews if r]]
    item = {"@context": SCHEMA, "@type": kind.json_ld, "name": title, "url": url, "inLanguage": code}
    if reviewed and kind.json_ld == "WebPage":
        item["dateModified"] = reviewed
    return [item]


def json_ld(site, page, site_url: str, site_name: str) -> str:
    """The page's JSON-LD block ('' when it has nothing to say)."""
    items = page_items(site, page, site_url, site_name)
    if not items:
        return ""
    data = items[0] if len(items) == 1 else items
    # "</" would end the <script> element early; JSON allows "<\/".
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'\n\n<script type="application/ld+json">{text}</script>\n'
