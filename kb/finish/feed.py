"""An Atom feed per language of the claim changes (kb/render/changes.py), built with feedgen.

Written after the build into <site>/changes.xml and <site>/en/changes.xml. Entry ids are
tag: URIs made of the site's host, the change date, the language and the claim id, so a
rebuild never makes a feed reader see an old change as new. Output is reproducible: every
date comes from the data, none from the clock.
"""
import datetime
from pathlib import Path
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from kb.model import languages
from kb.render.changes import FEED_FILE, change_items
from kb.render.claim_history import claim_url
from kb.model.labels import label
from kb.model.languages import BY_CODE

CHANGES_PAGE = "changes.md"


def _moment(iso: str) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date.fromisoformat(iso), datetime.time(), datetime.timezone.utc)


def feed_url(site_url: str, lang: str) -> str:
    return languages.absolute(site_url, BY_CODE[lang].prefix + FEED_FILE)


def entry_id(site_url: str, lang: str, claim_id: str, date: str) -> str:
    # One entry per claim per day: the checker (HIS004) keeps a claim's dates increasing.
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{date}:{lang}/claims/{claim_id}"


def entry_title(site, change, lang: str, statement: str) -> str:
    """'<old> → <new>: <claim>' or 'Revised (<verdict>): <claim>'; a restated claim's old
    verdict is followed by the old title it judged (kb/render/claim_history.py says why)."""
    verdict = lambda key: site.verdicts.get(key, {}).get(lang, key)  # noqa: E731
    if change.old == change.new:
        key = "feed_restated" if change.restated_from else "feed_revised"
        what = label(key, lang, verdict=verdict(change.new))
    elif change.restated_from.get(lang):
        what = f"{verdict(change.old)}{label('word_gap', lang)}{label('quoted', lang, text=change.restated_from[lang])} → {verdict(change.new)}"
    else:
        what = f"{verdict(change.old)} → {verdict(change.new)}"
    return f"{what}{label('colon', lang)}{statement}"


def build_feed(site, lang: str, site_url: str) -> bytes:
    items = change_items(site, lang)
    page = site.page(lang, CHANGES_PAGE)
    page_url = languages.absolute(site_url, BY_CODE[lang].prefix + "changes/")
    fallback = str(page.front.get("reviewed", "1970-01-01")) if page else "1970-01-01"
    feed = FeedGenerator()
    feed.id(page_url)
    feed.title(label("feed_title", lang))
    feed.subtitle(label("feed_subtitle", lang))
    feed.author({"name": label("feed_author", lang)})
    feed.link(href=feed_url(site_url, lang), rel="self", type="application/atom+xml")
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.language(BY_CODE[lang].html_lang)
    feed.updated(_moment(items[0].change.date if items else fallback))
    for item in items:  # newest first, as readers list them
        change = item.change
        entry = feed.add_entry(order="append")
        entry.id(entry_id(site_url, lang, item.claim_id, change.date))
        entry.title(entry_title(site, change, lang, item.statement))
        entry.link(href=claim_url(site_url, item.page, item.claim_id), rel="alternate", type="text/html")
        entry.summary(change.reason.get(lang, ""))
        entry.published(_moment(change.date))
        entry.updated(_moment(change.date))
    return feed.atom_str(pretty=True)


def write_feed(site, build_dir: Path, site_url: str, lang: str) -> Path:
    """Write one language's feed into the root of that language's build; return the file."""
    file = Path(build_dir) / FEED_FILE
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(build_feed(site, lang, site_url))
    return file
