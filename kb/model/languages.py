"""The site languages and how their URLs relate.

Chinese is the default language, served at the site root; English mirrors every path
under /en/. Every page exists in both languages, so the alternate of a page is always
the same path under the other prefix.
"""
import posixpath
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Language:
    code: str  # folder in docs/ and the search-index language
    html_lang: str  # <html lang> (overrides/partials/languages/custom.html for zh-Hans)
    hreflang: str  # hreflang alternates and switcher: zh-Hans says "Simplified Chinese"
    og_locale: str  # Open Graph locale
    prefix: str  # URL prefix: "" for the default language
    collation: str = "name"  # how term lists sort: "name" (case-folded) or "pinyin"
    capitalise_titles: bool = False  # a term's name as a page title starts with a capital
    browser_locale: str = ""  # the locale a browser driving the site uses; default html_lang
    # How long one line a reader takes in at a glance may be (a claim's conclusion, on cards
    # and in search results): so many words, or for Chinese so many Han characters.
    glance_limit: int = 25
    glance_unit: str = "words"  # or "Han characters"

    @property
    def locale(self) -> str:
        """The locale of a browser reading the site in this language (kb/devtools/browser.py)."""
        return self.browser_locale or self.html_lang


ZH = Language(code="zh", html_lang="zh-Hans", hreflang="zh-Hans", og_locale="zh_CN", prefix="",
              browser_locale="zh-CN", collation="pinyin", glance_limit=60, glance_unit="Han characters")
EN = Language(code="en", html_lang="en", hreflang="en", og_locale="en_US", prefix="en/",
              browser_locale="en-US", capitalise_titles=True)
# The one table of languages: everything else (kb/, bench/, the hook, kb-build) reads it.
# A new language is one entry here, its interface words (kb/model/labels/<code>.py, and its
# name in the other languages' words: lang_<code>), its config (mkdocs.<code>.yml and an
# entry in mkdocs.yml's i18n languages and extra.alternate), its pages (docs/<code>/) and
# its fields in data/ (the loaders ask for them); tests/test_languages.py builds a fixture
# site with a third language this way.
LANGUAGES = (ZH, EN)
DEFAULT = ZH
BY_CODE = {lang.code: lang for lang in LANGUAGES}
CODES = tuple(lang.code for lang in LANGUAGES)


def others(code: str) -> list[Language]:
    """The site's languages other than one, in site order."""
    return [lang for lang in LANGUAGES if lang.code != code]


def split_url(url: str) -> tuple[Language, str]:
    """Split a site-relative page URL ("en/glossary/inr/") into its language and path."""
    url = url.lstrip("/")
    for lang in LANGUAGES:
        if lang.prefix and (url == lang.prefix.rstrip("/") or url.startswith(lang.prefix)):
            return lang, url[len(lang.prefix):]
    return DEFAULT, url


def url_in(lang: Language, path: str) -> str:
    """The site-relative URL of a language-neutral path in one language."""
    return lang.prefix + path.lstrip("/")


@cache  # pure, and a build asks for the same few hundred pairs thousands of times
def relative_url(from_url: str, to_url: str) -> str:
    """Page-relative link between two site-relative page URLs ('a/b/' style, '' = root),
    so the site works from any sub-path."""
    rel = posixpath.relpath(to_url.rstrip("/") or ".", from_url.rstrip("/") or ".")
    return "./" if rel == "." else rel + "/"


def site_root(home_url: str, lang: Language) -> str:
    """The whole site's address, from one language build's site_url (its home page)."""
    home = home_url.rstrip("/") + "/"
    if lang.prefix and home.endswith("/" + lang.prefix):
        return home[: -len(lang.prefix)]
    return home


def absolute(site_url: str, relative_url: str) -> str:
    return site_url.rstrip("/") + "/" + relative_url.lstrip("/")


def alternates(site_url: str, url: str) -> list[dict]:
    """hreflang alternates of a page: one per language plus x-default (the default language)."""
    _, path = split_url(url)
    links = [
        {"hreflang": lang.hreflang, "href": absolute(site_url, url_in(lang, path))}
        for lang in LANGUAGES
    ]
    links.append({"hreflang": "x-default", "href": absolute(site_url, url_in(DEFAULT, path))})
    return links
