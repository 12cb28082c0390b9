"""What readers download: transfer per page view (gzipped, as requested by headless
Chromium), search index sizes, and the first-view and second-view budgets."""
import gzip
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bench import KB, LANG_PREFIXES, ROOT, BenchmarkError
from kb.devtools.browser import CHROMIUM, chromium, chromium_available, phone_context
from bench.report import Figure, Results, kb
from kb.finish import search_index

MAX_TERM_FIRST_VIEW_KB = 120
MAX_SECOND_VIEW_KB = 15
# A page whose HTML fits in a new connection's first TCP round trip (initial congestion window
# of 10 segments of 1,460 bytes, RFC 6928) costs one round trip less to show: 150 ms on the
# slow 4G of Lighthouse's mobile runs. The window also carries the response headers (about
# 240 bytes from kb/commands/serve.py), so the HTML's budget is 14 KB.
FIRST_ROUND_TRIP_BYTES = 14 * KB
ARTICLE = "articles/mk4-vs-mk7-interview/"
KINDS = ("HTML", "CSS", "JavaScript", "search index", "font", "image", "other")
# Files a static host sends as they are: already compressed.
UNCOMPRESSED_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".gz", ".zip"}


def gzip_size(path: Path) -> int:
    """Bytes the server sends for a file: gzip level 6, except formats already compressed."""
    data = path.read_bytes()
    if path.suffix.lower() in UNCOMPRESSED_SUFFIXES:
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def choose_terms() -> tuple[str, str]:
    """The term page measured (osteocalcin if it exists) and the one navigated to next."""
    from kb.model.content import load_site

    terms = load_site(ROOT).terms
    if not terms:
        raise BenchmarkError("no glossary terms: nothing to measure as a term page")
    first = "osteocalcin" if "osteocalcin" in terms else next(iter(terms))
    others = [t for t in terms[first].related if t in terms and t != first] or [t for t in terms if t != first]
    return first, (others[0] if others else first)


def benchmark_pages(term: str) -> dict:
    """Language-neutral URLs of the pages measured: a term, an article, the home page."""
    return {"term": f"glossary/{term}/", "article": ARTICLE, "home": ""}


def classify(url: str) -> str:
    path = urlsplit(url).path.lower()
    suffix = Path(path).suffix
    if path.endswith("/" + search_index.FILE):
        return "search index"
    if path.endswith("/") or suffix in (".html", ".htm"):
        return "HTML"
    kinds = {".css": "CSS", ".js": "JavaScript", ".mjs": "JavaScript"}
    kinds.update(dict.fromkeys((".woff", ".woff2", ".ttf", ".otf", ".eot"), "font"))
    kinds.update(dict.fromkeys((".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"), "image"))
    return kinds.get(suffix, "other")


def local_file(url: str, base_url: str, site_dir: Path) -> Path | None:
    """The built file a URL of the local server maps to, or None (missing or external)."""
    if not url.startswith(base_url):
        return None
    path = site_dir / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


@dataclass
class View:
    name: str
    urls: list
    by_kind: dict = field(default_factory=dict)  # kind -> gzipped bytes
    missing: list = field(default_factory=list)  # requested, not in the site (or external)

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def summarise(name: str, urls: list, base_url: str, site_dir: Path) -> View:
    view = View(name, urls, {kind: 0 for kind in KINDS})
    for url in urls:
        path = local_file(url, base_url, site_dir)
        if path is None:
            view.missing.append(url)
        else:
            view.by_kind[classify(url)] += gzip_size(path)
    return view


def settle(page):
    """Wait for network idle, then 1 s more for late requests."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)


def requested_since(seen: list, before: int) -> list:
    """http(s) URLs requested after position `before` that were not requested earlier."""
    earlier, new = set(seen[:before]), []
    for url in seen[before:]:
        if url.startswith("http") and url not in earlier and url not in new:
            new.append(url)
    return new


def load_page(page, url: str, seen: list) -> list:
    before = len(seen)
    page.goto(url, wait_until="networkidle")
    settle(page)
    return requested_since(seen, before)


def open_search(page, seen: list) -> list:
    """Open the search box as a reader would (the index may be fetched only then)."""
    before = len(seen)
    page.locator("[data-kb-search-open]").click()  # overrides/assets/kb-search.js
    page.locator("[data-kb-search-input]").press_sequentially("K2")  # the first query loads the index
    settle(page)
    return requested_since(seen, before)


def record_views(base_url: str, site_dir: Path, pages: dict, second_term: str) -> list[View]:
    """Per language and page, in a fresh browser context: first view, first view with
    search opened, and (term page) a second page view in the same context."""
    views = []
    with chromium() as browser:
        for lang, prefix in LANG_PREFIXES.items():
            for name, path in pages.items():
                context = phone_context(browser, lang)
                try:
                    page, seen = context.new_page(), []
                    page.on("request", lambda request, seen=seen: seen.append(request.url))
                    first = load_page(page, base_url + prefix + path, seen)
                    label = f"{name} ({lang}), first view"
                    views.append(summarise(label, first, base_url, site_dir))
                    views.append(summarise(label + " + search opened", first + open_search(page, seen), base_url, site_dir))
                    if name == "term":
                        second = load_page(page, base_url + prefix + f"glossary/{second_term}/", seen)
                        views.append(summarise(f"term → term ({lang}), second view", second, base_url, site_dir))
                finally:
                    context.close()
    return views


def transfer_section(views: list, terms: tuple) -> tuple:
    head = "| view | " + " | ".join(KINDS) + " | total | requests |\n|---|" + "---:|" * (len(KINDS) + 2)
    rows = [f"| {v.name} | " + " | ".join(kb(v.by_kind[k]) for k in KINDS) + f" | **{kb(v.total)}** | {len(v.urls)} |"
            for v in views]
    missing = sorted({url for v in views for url in v.missing})
    notes = [
        f"Term page: `glossary/{terms[0]}/`; the second view navigates to `glossary/{terms[1]}/` in the same "
        "browser context and counts only URLs not requested before (the HTTP cache serves the rest).",
        "Each page is measured as loaded (network idle + 1 s) and again after opening the search box "
        "(header search button), since the search index may be fetched only then. The term-page "
        "budget (incl. search index) applies to the second figure.",
        "Sizes are the built files gzipped at level 6 (files already compressed, e.g. PNG or WOFF2, "
        "counted as they are); requests are the distinct http URLs seen by `page.on(\"request\")`; KB = 1024 bytes.",
    ]
    if missing:
        notes.append("Requested but not in the built site (404 or another host): " + ", ".join(f"`{u}`" for u in missing))
    return ("Transfer per page view (gzipped)", head + "\n" + "\n".join(rows) + "\n\n" + "\n\n".join(notes))


def measure_transfer(results: Results, base_url: str, site_dir: Path):
    if not chromium_available():
        results.skip(f"page-view transfer sizes (no Chromium at {CHROMIUM}; `make browser` installs it)")
        return
    terms = choose_terms()
    views = record_views(base_url, site_dir, benchmark_pages(terms[0]), terms[1])
    for view in views:
        if view.name.startswith("term (") and "search opened" in view.name:
            figure = Figure(f"Transfer: {view.name} (incl. search index)", kb(view.total),
                            f"≤ {MAX_TERM_FIRST_VIEW_KB} KB", view.total <= MAX_TERM_FIRST_VIEW_KB * KB)
        elif "second view" in view.name:
            figure = Figure(f"Transfer: {view.name}", kb(view.total), f"≤ {MAX_SECOND_VIEW_KB} KB", view.total <= MAX_SECOND_VIEW_KB * KB)
        else:
            figure = Figure(f"Transfer: {view.name}", kb(view.total))
        results.add(figure)
    results.sections.append(transfer_section(views, terms))


def measure_first_round_trip(results: Results, site_dir: Path):
    """Does the measured term page's HTML arrive in the first round trip, and how many term pages do?"""
    term = choose_terms()[0]
    for lang, prefix in LANG_PREFIXES.items():
        glossary = site_dir / prefix / "glossary"
        pages = sorted(glossary.glob("*/index.html"))
        if not pages:
            results.skip(f"term page HTML ({lang}): no term pages under {prefix}glossary/")
            continue
        sizes = {p.parent.name: gzip_size(p) for p in pages}
        fitting = sum(size <= FIRST_ROUND_TRIP_BYTES for size in sizes.values())
        if term not in sizes:
            results.skip(f"term page HTML ({lang}): {prefix}glossary/{term}/ not built")
            continue
        measured = sizes[term]
        results.add(Figure(
            f"HTML of `{prefix}glossary/{term}/`, gzipped; term pages within it: {fitting} of {len(sizes)}",
            f"{measured:,} B", f"≤ {FIRST_ROUND_TRIP_BYTES:,} B (first round trip)", measured <= FIRST_ROUND_TRIP_BYTES))


def measure_search_index(results: Results, site_dir: Path):
    """Each language's search index (kb/finish/search_index.py), on disk and as served (gzip)."""
    for lang, prefix in LANG_PREFIXES.items():
        index = site_dir / prefix / search_index.FILE
        if not index.is_file():
            results.skip(f"search index size ({lang}): {prefix}{search_index.FILE} not built")
            continue
        data = index.read_bytes()
        results.add(Figure(f"Search index ({lang}) `{prefix}{search_index.FILE}`, raw / gzipped",
                           f"{kb(len(data))} / {kb(len(gzip.compress(data, 6)))}"))
