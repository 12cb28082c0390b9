"""The "what changed" list: every claim history entry of data/claims.yaml, newest first,
each linking to its claim. Rendered for the `::: changes` block and read by kb/finish/feed.py."""
import html
import re
from dataclasses import dataclass

from kb.model import claims, markup
from kb.render.claim_history import change_summary
from kb.model.claim_data import claim_blocks
from kb.model.labels import label, review_date
from kb.model.languages import relative_url

E = html.escape
FEED_FILE = "changes.xml"  # per language: /changes.xml and /en/changes.xml

_LABEL_PREFIX = re.compile(r"^\*\*[^*]+?[:：]\s*\*\*\s*")  # **Claim:** / **结论：**
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass
class ChangeItem:
    claim_id: str
    change: object  # kb.model.claim_data.Change
    page: object  # kb.model.content.Page holding the claim in this language
    statement: str  # the claim's title (the assertion) as it stood after this change


def titles_in_force(site, record, lang: str) -> list:
    """(change, title) for each history entry, oldest first: the title the claim had after
    the change. Entries older than one that restated the claim keep the title they judged
    (its `restated_from`), so an old verdict never appears beside a title it did not judge."""
    title = claims.title(site, record.id, lang)
    paired = []
    for change in reversed(record.history):
        paired.append((change, title))
        title = change.restated_from.get(lang) or title
    return paired[::-1]


def plain_text(site, lang: str, text: str) -> str:
    text = _LABEL_PREFIX.sub("", text)

    def term(match):
        if match.group(2):
            return match.group(2)
        found = site.terms.get(match.group(1).strip())
        return found.name(lang) if found else match.group(1)

    text = markup.TERM.sub(term, text)
    text = re.sub(r"\s*" + markup.CITATION.pattern, "", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    return re.sub(r"\s+", " ", text.replace("**", "").replace("*", "")).strip()


def change_items(site, lang: str) -> list[ChangeItem]:
    """History entries of claims present in this language, newest first."""
    where = claim_blocks(site)
    items = []
    for record in site.claims.values():
        found = where.get(record.id, {}).get(lang)
        if found is None:
            continue
        page, _ = found
        items += [ChangeItem(record.id, change, page, title) for change, title in titles_in_force(site, record, lang)]
    # Newest first; one day's changes in claim-id order so the page and feed are stable.
    items.sort(key=lambda item: item.claim_id)
    items.sort(key=lambda item: item.change.date, reverse=True)
    return items


# Pages whose <head> announces the feed to feed readers: the home page and the changes
# page, where a reader subscribes. Not every page: Material's bundle fetches sitemap.xml
# (47 KB, parsed on the main thread) beside every <link rel="alternate"> of a page, a
# request that a term page or an article would otherwise make on each view.
FEED_ANNOUNCED_ON = ("", "changes/")


def announces_feed(page_url: str) -> bool:
    """Whether a page (by its URL below its language's root) links the feed in its head."""
    return page_url in FEED_ANNOUNCED_ON


def feed_href(page) -> str:
    """Page-relative link from a page to its language's feed."""
    return "../" * page.url.count("/") + FEED_FILE


def changes_list(site, page) -> str:
    lang = page.lang
    items = []
    for item in change_items(site, lang):
        change = item.change
        href = relative_url(page.url, item.page.url) + "#" + item.claim_id
        items.append(
            '<li class="kb-change">'
            f'<p class="kb-change__head"><time datetime="{E(change.date)}">{E(review_date(change.date, lang))}</time>'
            f' <a href="{E(href)}">{E(item.statement)}</a></p>'
            f'<p class="kb-change__verdicts">{change_summary(site, change, lang)}</p>'
            f'<p class="kb-change__reason">{E(change.reason.get(lang, ""))}</p></li>'
        )
    feed = (
        f'<p class="kb-changes__feed"><a href="{E(feed_href(page))}" type="application/atom+xml">'
        f'{label("changes_feed", lang)}</a></p>'
    )
    body = '<ol class="kb-changes">\n' + "\n".join(items) + "\n</ol>" if items else f'<p class="kb-changes__none">{label("changes_none", lang)}</p>'
    # The claims themselves are indexed; this digest of them is not.
    return f'<div class="kb-changes-block" data-search-exclude>\n{feed}\n{body}\n</div>'
