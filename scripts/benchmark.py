#!/usr/bin/env python3
"""Measure the site's speed and size; print the figures and write them to BENCHMARK.md.

Figures: strict build time of the real site and of a generated corpus ten times larger,
content-checker time, what the first and second page views download (gzipped, as seen by
headless Chromium), search index sizes, and Lighthouse mobile scores. Each figure is
compared with its target. A measurement script, not a test: it is not part of pytest.

Usage: python scripts/benchmark.py [--quick]     (or: make bench)
  --quick  skip the 10x corpus and Lighthouse
"""
import argparse
import contextlib
import datetime
import functools
import gzip
import http.server
import importlib.metadata
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
REPORT = ROOT / "BENCHMARK.md"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep Chromium from calling home on a machine with no internet.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PACKAGES = (
    "mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "Markdown",
    "jieba", "pypinyin", "bibtexparser", "jsonschema", "PyYAML", "playwright",
)
BUILD_RUNS = 3
CHECKER_RUNS = 5
COPIES = 9  # extra copies of every term and article: the corpus becomes 10x
KB = 1024  # sizes are reported in KB of 1024 bytes

# Targets (KB are gzipped bytes / 1024).
MAX_CORPUS_RATIO = 12.0
MAX_CHECKER_SECONDS = 1.0
MAX_TERM_FIRST_VIEW_KB = 120
MAX_SECOND_VIEW_KB = 15

ARTICLE = "articles/mk4-vs-mk7-interview/"
LANG_PREFIXES = {"zh": "", "en": "en/"}
KINDS = ("HTML", "CSS", "JavaScript", "search index", "font", "image", "other")
# Files a static host sends as they are: already compressed.
UNCOMPRESSED_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".gz", ".zip"}
COMPRESSIBLE_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")


class BenchmarkError(Exception):
    pass


@dataclass
class Figure:
    name: str
    value: str
    target: str = "—"
    passed: bool | None = None  # None: no target

    @property
    def result(self) -> str:
        return "—" if self.passed is None else ("pass" if self.passed else "**FAIL**")


@dataclass
class Results:
    load_at_start: tuple = field(default_factory=os.getloadavg)
    figures: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # extra Markdown sections (headings + text)
    skipped: list = field(default_factory=list)

    def add(self, *figures):
        self.figures.extend(figures)

    def skip(self, what: str):
        print(f"skipped: {what}", file=sys.stderr)
        self.skipped.append(what)


# --- Helpers ---------------------------------------------------------------------------

def ensure_site_packages():
    """Re-run under the project's .venv when this interpreter lacks the build packages."""
    try:
        import mkdocs  # noqa: F401
        import yaml  # noqa: F401
    except ImportError:
        if VENV_PYTHON.exists() and Path(sys.executable) != VENV_PYTHON:
            os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]])
        raise SystemExit("mkdocs is not importable: run `make bench` (it installs .venv first)")


def log(message: str):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def seconds(values) -> str:
    return f"{statistics.median(values):.2f} s (runs: {', '.join(f'{v:.2f}' for v in values)})"


def load(averages) -> str:
    return ", ".join(f"{x:.2f}" for x in averages)


def kb(size: int) -> str:
    return f"{size / KB:.1f} KB"


def mkdocs_env(site_url: str | None = None) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return env


def timed_run(command: list, cwd: Path, env: dict) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    return time.perf_counter() - start, result


def gzip_size(path: Path) -> int:
    """Bytes a server sends for a file: gzip level 6, except formats already compressed."""
    data = path.read_bytes()
    if path.suffix.lower() in UNCOMPRESSED_SUFFIXES:
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


# --- 1, 2: build times -----------------------------------------------------------------

def build_site(root: Path, site_dir: Path, site_url: str | None = None) -> float:
    """One `mkdocs build --strict`, wall clock; raises BenchmarkError if it fails."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)]
    elapsed, result = timed_run(command, root, mkdocs_env(site_url))
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        complaints = [line for line in output if line.startswith(("WARNING", "ERROR"))]
        raise BenchmarkError(f"strict build of {root} failed:\n" + "\n".join(complaints or output[-30:]))
    return elapsed


def build_times(root: Path, site_dir: Path, site_url: str | None, runs: int = BUILD_RUNS) -> list[float]:
    times = []
    for run in range(1, runs + 1):
        times.append(build_site(root, site_dir, site_url))
        log(f"build {root.name} {run}/{runs}: {times[-1]:.2f} s")
    return times


def synthetic_term(term, n: int) -> dict:
    item = {"id": f"{term.id}-copy{n}", "zh": f"{term.names['zh']} copy{n}", "en": f"{term.names['en']} copy{n}"}
    if term.abbr:
        item["abbr"] = list(term.abbr)
    aliases = {lang: names for lang, names in term.aliases.items() if names}
    if aliases:
        item["aliases"] = aliases
    for key in ("related", "sources"):
        if getattr(term, key):
            item[key] = list(getattr(term, key))
    if term.note:
        item["note"] = dict(term.note)
    return item


def synthetic_index_page(lang: str, ids: list) -> str:
    title = "合成术语" if lang == "zh" else "Synthetic terms"
    links = "\n".join(f"- [[{term_id}]]" for term_id in ids)
    return (
        f"---\ndescription: {title} of the generated 10x benchmark corpus.\n"
        f"reviewed: {datetime.date.today().isoformat()}\n---\n\n"
        f"# {title} {{#synthetic-terms}}\n\n{links}\n"
    )


# Pages the 10x corpus adds; none is in the nav.
CORPUS_NOT_IN_NAV = ("/*/glossary/*-copy*.md", "/*/articles/*-copy*.md", "/*/synthetic-terms.md")


def corpus_config(dest: Path):
    """The repository's mkdocs.yml, with the generated pages added to not_in_nav (a later
    key overrides an earlier one in mkdocs.yml), so that --strict accepts them."""
    import yaml

    class TagIgnoringLoader(yaml.SafeLoader):
        """Reads mkdocs.yml without resolving its tags (!ENV and the like)."""

    TagIgnoringLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    existing = (yaml.load(text, Loader=TagIgnoringLoader) or {}).get("not_in_nav") or ""
    patterns = [line for line in str(existing).splitlines() if line.strip()] + list(CORPUS_NOT_IN_NAV)
    addition = "\n# Added by scripts/benchmark.py for the 10x corpus.\nnot_in_nav: |\n" + "".join(f"  {p}\n" for p in patterns)
    (dest / "mkdocs.yml").write_text(text.rstrip("\n") + "\n" + addition, "utf-8")


def multiply_terms(dest: Path, site) -> list:
    """COPIES synthetic terms per glossary term: metadata in one extra yaml file, pages
    copied from the original's; returns the synthetic ids."""
    import yaml

    items = []
    for term in site.terms.values():
        for n in range(1, COPIES + 1):
            items.append(synthetic_term(term, n))
            for lang in LANG_PREFIXES:
                docs = dest / "docs" / lang / "glossary"
                shutil.copy2(docs / f"{term.id}.md", docs / f"{term.id}-copy{n}.md")
    (dest / "data" / "glossary" / "zz-synthetic.yaml").write_text(
        "# Generated by scripts/benchmark.py: the 10x corpus.\n" + yaml.safe_dump(items, allow_unicode=True, sort_keys=False), "utf-8")
    ids = [item["id"] for item in items]
    for lang in LANG_PREFIXES:
        (dest / "docs" / lang / "synthetic-terms.md").write_text(synthetic_index_page(lang, ids), "utf-8")
    return ids


def multiply_articles(dest: Path) -> int:
    """COPIES copies of every article per language; returns the number of articles."""
    originals = []
    for lang in LANG_PREFIXES:
        originals = sorted((dest / "docs" / lang / "articles").glob("*.md"))
        for article in originals:
            for n in range(1, COPIES + 1):
                shutil.copy2(article, article.with_name(f"{article.stem}-copy{n}.md"))
    return len(originals)


def make_corpus(dest: Path) -> dict:
    """Copy the site sources into dest and multiply terms and articles to 10x."""
    from kb.content import load_site

    for name in ("overrides", "kb", "data", "docs"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    corpus_config(dest)
    site = load_site(dest)
    ids = multiply_terms(dest, site)
    articles = multiply_articles(dest)
    return {"terms": len(site.terms), "synthetic terms": len(ids), "articles": articles}


def check_corpus(root: Path):
    from kb.check import check_site
    from kb.content import load_site

    problems = check_site(load_site(root))
    if problems:
        raise BenchmarkError("the 10x corpus fails the content checker:\n" + "\n".join(map(str, problems[:20])))


def paired_build_times(corpus: Path, work: Path, runs: int = BUILD_RUNS) -> tuple[list, list]:
    """Real and 10x builds in alternation, so both see the same load on a shared machine."""
    real, big = [], []
    for run in range(1, runs + 1):
        real.append(build_site(ROOT, work / "real-site"))
        big.append(build_site(corpus, work / "site"))
        log(f"paired build {run}/{runs}: real {real[-1]:.2f} s, 10x {big[-1]:.2f} s")
    return real, big


def measure_corpus(results: Results):
    with tempfile.TemporaryDirectory(prefix="kb-bench-10x-") as tmp:
        corpus = Path(tmp) / "corpus"
        counts = make_corpus(corpus)
        check_corpus(corpus)
        log(f"10x corpus: {counts}")
        real, big = paired_build_times(corpus, Path(tmp))
        pages = sum(1 for _ in (Path(tmp) / "site").rglob("*.html"))
    ratio = statistics.median(big) / statistics.median(real)
    results.add(
        Figure(f"10x corpus: strict build, median of {len(big)} ({pages} HTML files)", seconds(big)),
        Figure("10x corpus build / real build (alternating builds)",
               f"{ratio:.1f}x ({statistics.median(big):.2f} s / {statistics.median(real):.2f} s; real runs: "
               + ", ".join(f"{t:.2f}" for t in real) + ")",
               f"≤ {MAX_CORPUS_RATIO:g}x", ratio <= MAX_CORPUS_RATIO),
    )
    results.sections.append((
        "10x corpus",
        f"Generated in a temporary directory from this repository's sources: {counts['terms']} terms "
        f"+ {counts['synthetic terms']} synthetic ones (`<id>-copyN`, pages copied from the originals, "
        f"same citations), {counts['articles']} articles + {COPIES} copies each per language, and one "
        "page per language linking every synthetic term; its mkdocs.yml adds those pages to `not_in_nav` "
        "(the nav lists only the originals). It passes the content checker and builds with "
        "--strict. The ratio compares it with builds of the real site run in alternation with it, so "
        "that both see the same load when the machine is shared.",
    ))


# --- 3: checker ------------------------------------------------------------------------

def checker_times(runs: int = CHECKER_RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        elapsed, result = timed_run([sys.executable, "scripts/check_content.py"], ROOT, mkdocs_env())
        if result.returncode != 0:
            raise BenchmarkError("scripts/check_content.py reports problems:\n" + result.stdout[-3000:])
        times.append(elapsed)
    return times


def in_process_checker_times(runs: int = CHECKER_RUNS) -> list[float]:
    from kb.check import check_site
    from kb.content import load_site

    load_site(ROOT)  # imports and first-touch caches out of the way
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_site(load_site(ROOT))
        times.append(time.perf_counter() - start)
    return times


def measure_checker(results: Results):
    times = checker_times()
    median = statistics.median(times)
    results.add(
        Figure(f"Checker `python scripts/check_content.py`, median of {len(times)}", seconds(times),
               f"< {MAX_CHECKER_SECONDS:g} s", median < MAX_CHECKER_SECONDS),
        Figure(f"Checker in-process (load_site + check_site), median of {CHECKER_RUNS}", seconds(in_process_checker_times())),
    )


# --- Local server: gzip and Cache-Control, as a static host sends them -------------------

class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site like a static host: directory index, 404.html, gzip for text,
    Cache-Control (one year for fingerprinted assets, 10 minutes otherwise, as GitHub Pages)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def resolve(self) -> tuple[int, Path | None, str | None]:
        """(status, file, redirect location) for the request path."""
        url_path = urlsplit(self.path).path
        path = Path(self.translate_path(url_path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return 301, None, url_path + "/"
            path = path / "index.html"
        if path.is_file():
            return 200, path, None
        return 404, Path(self.directory) / "404.html", None

    def respond(self, send_body: bool):
        status, path, location = self.resolve()
        if location:
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = path.read_bytes() if path.is_file() else b"Not found"
        content_type = self.guess_type(str(path))
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if FINGERPRINTED.search(path.name) else "public, max-age=600")
        if content_type.startswith(COMPRESSIBLE_TYPES):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class StaticHostServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # browsers drop idle keep-alives
            super().handle_error(request, client_address)


def open_server(site_dir: Path) -> StaticHostServer:
    """Bound to a free port now (so the site can be built for it), served later."""
    handler = functools.partial(StaticHostHandler, directory=str(site_dir))
    return StaticHostServer(("127.0.0.1", 0), handler)


@contextlib.contextmanager
def serving(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()


# --- 4: page views in headless Chromium -------------------------------------------------

def classify(url: str) -> str:
    path = urlsplit(url).path.lower()
    suffix = Path(path).suffix
    if path.endswith("search_index.json"):
        return "search index"
    if path.endswith("/") or suffix in (".html", ".htm"):
        return "HTML"
    if suffix == ".css":
        return "CSS"
    if suffix in (".js", ".mjs"):
        return "JavaScript"
    if suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot"):
        return "font"
    if suffix in (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"):
        return "image"
    return "other"


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
    """Open the search box as a reader would; the site fetches the index (and lunr's
    language scripts) only then, not after load (overrides/main.html)."""
    before = len(seen)
    button = page.locator("label.md-header__button[for=__search]")
    if button.count() and button.first.is_visible():
        button.first.click()
    else:
        page.locator("input.md-search__input").first.focus()
    settle(page)
    return requested_since(seen, before)


def record_page(browser, lang: str, name: str, url: str, second_url: str | None, summary) -> list:
    """Views of one page in a fresh browser context: first view, first view with search
    opened, and (term page) a second page view in the same context."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN" if lang == "zh" else "en-US")
    try:
        page = context.new_page()
        seen = []
        page.on("request", lambda request: seen.append(request.url))
        first = load_page(page, url, seen)
        views = [summary(f"{name} ({lang}), first view", first),
                 summary(f"{name} ({lang}), first view + search opened", first + open_search(page, seen))]
        if second_url:
            views.append(summary(f"term → term ({lang}), second view", load_page(page, second_url, seen)))
        return views
    finally:
        context.close()


def record_views(base_url: str, site_dir: Path, pages: dict, second_term: str) -> list[View]:
    from playwright.sync_api import sync_playwright

    summary = functools.partial(summarise, base_url=base_url, site_dir=site_dir)
    views = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for lang, prefix in LANG_PREFIXES.items():
                for name, path in pages.items():
                    second = base_url + prefix + f"glossary/{second_term}/" if name == "term" else None
                    views += record_page(browser, lang, name, base_url + prefix + path, second, summary)
        finally:
            browser.close()
    return views


def choose_terms() -> tuple[str, str]:
    """The term page measured (osteocalcin if it exists) and the one navigated to next."""
    from kb.content import load_site

    terms = load_site(ROOT).terms
    if not terms:
        raise BenchmarkError("no glossary terms: nothing to measure as a term page")
    first = "osteocalcin" if "osteocalcin" in terms else next(iter(terms))
    others = [t for t in terms[first].related if t in terms and t != first] or [t for t in terms if t != first]
    return first, (others[0] if others else first)


def pages_to_measure(term: str) -> dict:
    """Language-neutral URLs of the three pages measured: a term, an article, the home page."""
    return {"term": f"glossary/{term}/", "article": ARTICLE, "home": ""}


def transfer_section(views: list, terms: tuple) -> tuple:
    head = "| view | " + " | ".join(KINDS) + " | total | requests |\n|---|" + "---:|" * (len(KINDS) + 2)
    rows = [
        f"| {v.name} | " + " | ".join(kb(v.by_kind[k]) for k in KINDS) + f" | **{kb(v.total)}** | {len(v.urls)} |"
        for v in views
    ]
    missing = sorted({url for v in views for url in v.missing})
    notes = [
        f"Term page: `glossary/{terms[0]}/`; second view navigates to `glossary/{terms[1]}/` in the same "
        "browser context and counts only URLs not requested before (the HTTP cache serves the rest).",
        "The site fetches the search index (and lunr's language scripts) only when search is first "
        "opened (overrides/main.html defers Material's eager fetch), so each page is measured twice: "
        "as loaded (network idle "
        "+ 1 s), and after opening the search box (header search button). The term-page target "
        "(incl. search index) applies to the second figure.",
        "Sizes are the built files gzipped at level 6 (files already compressed, e.g. PNG or WOFF2, "
        "counted as they are); requests are the distinct http URLs seen by `page.on(\"request\")` until "
        "network idle + 1 s; KB = 1024 bytes.",
    ]
    if missing:
        notes.append("Requested but not in the built site (404 or another host): " + ", ".join(f"`{u}`" for u in missing))
    return ("Transfer per page view (gzipped)", head + "\n" + "\n".join(rows) + "\n\n" + "\n\n".join(notes))


def measure_transfer(results: Results, base_url: str, site_dir: Path):
    if not os.path.exists(CHROMIUM):
        results.skip(f"page-view transfer sizes (no Chromium at {CHROMIUM}; `make browser` installs it)")
        return
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        results.skip("page-view transfer sizes (the playwright package is not installed)")
        return
    terms = choose_terms()
    views = record_views(base_url, site_dir, pages_to_measure(terms[0]), terms[1])
    for view in views:
        if view.name.startswith("term (") and "search opened" in view.name:
            figure = Figure(f"Transfer: {view.name} (incl. search index)", kb(view.total), f"≤ {MAX_TERM_FIRST_VIEW_KB} KB", view.total <= MAX_TERM_FIRST_VIEW_KB * KB)
        elif "second view" in view.name:
            figure = Figure(f"Transfer: {view.name}", kb(view.total), f"≤ {MAX_SECOND_VIEW_KB} KB", view.total <= MAX_SECOND_VIEW_KB * KB)
        else:
            figure = Figure(f"Transfer: {view.name}", kb(view.total))
        results.add(figure)
    results.sections.append(transfer_section(views, terms))


# --- 5: search index --------------------------------------------------------------------

def measure_search_index(results: Results, site_dir: Path):
    for lang, prefix in LANG_PREFIXES.items():
        path = site_dir / prefix / "search" / "search_index.json"
        if not path.is_file():
            results.skip(f"search index size ({lang}): {path.relative_to(site_dir)} not built")
            continue
        results.add(Figure(f"Search index ({lang}) `{prefix}search/search_index.json`, raw / gzipped",
                           f"{kb(path.stat().st_size)} / {kb(gzip_size(path))}"))


# --- 6: Lighthouse -----------------------------------------------------------------------

def lighthouse_available(results: Results) -> bool:
    if not os.path.exists(CHROMIUM):
        results.skip(f"Lighthouse (no Chromium at {CHROMIUM})")
        return False
    if not shutil.which("node"):
        results.skip("Lighthouse (Node.js is not installed)")
        return False
    if not LIGHTHOUSE.exists():
        if not shutil.which("npm"):
            results.skip("Lighthouse (node_modules missing and npm is not installed)")
            return False
        # npm install, not npm ci: a Lighthouse dependency asks for another one's "latest"
        # tag, which puts the lock file out of step with npm ci whenever that tag moves;
        # --no-save leaves the committed lock file as it is.
        log("installing Lighthouse into node_modules (npm install, versions from package-lock.json)")
        install = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-save"], cwd=ROOT, capture_output=True, text=True)
        if install.returncode != 0 or not LIGHTHOUSE.exists():
            results.skip("Lighthouse (npm install failed: " + install.stderr.strip()[-300:] + ")")
            return False
    return True


LIGHTHOUSE_RUNS = 3


def run_lighthouse(url: str, output: Path) -> dict:
    command = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}",
        "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES), "--form-factor=mobile", "--quiet",
    ]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not output.exists():
        raise BenchmarkError(f"Lighthouse failed on {url}: {result.stderr.strip()[-500:]}")
    return json.loads(output.read_text("utf-8"))


def audit_items(audit: dict) -> list[str]:
    """What an audit points at: resource paths or element selectors (insights nest tables)."""
    found = []
    items = audit.get("details", {}).get("items", [])
    for item in [sub for i in items for sub in (i.get("items", []) if i.get("type") == "table" else [i])]:
        url = item.get("url") or (item.get("source") or {}).get("url")
        node = item.get("node") or {}
        target = urlsplit(url).path if url else node.get("selector")
        if target and target not in found:
            found.append(target)
    return found


def failed_audits(report: dict, category: str) -> list[tuple]:
    """(id, title, weight in the category score, score, display value, items) of the
    category's scored audits below 1; weight 0: diagnostics and insights, which do not
    move the score."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") not in ("informative", "manual", "notApplicable"):
            failed.append((audit["id"], audit["title"], ref.get("weight", 0), audit["score"],
                           audit.get("displayValue", ""), audit_items(audit)))
    return failed


def lighthouse_section(scores: dict, failures: dict, version: str) -> tuple:
    head = "| page | " + " | ".join(LIGHTHOUSE_CATEGORIES) + " |\n|---|" + "---:|" * len(LIGHTHOUSE_CATEGORIES)
    rows = [f"| {page} | " + " | ".join(str(s[c]) for c in LIGHTHOUSE_CATEGORIES) + " |" for page, s in scores.items()]
    text = head + "\n" + "\n".join(rows) + "\n\n"
    text += (f"Lighthouse {version}, `--form-factor=mobile` (simulated throttling), the median of three runs per page (by performance score), against "
             "the local server, which gzips text and sends Cache-Control as a static host does (one year, "
             "immutable, for Material's fingerprinted bundles; 10 minutes, what GitHub Pages sends, for "
             "everything else). The site was built with SITE_URL set to that server, so "
             "canonical and hreflang links point at the served origin.\n\n")
    if failures:
        text += ("**Failed audits** (score below 1, in a category scoring below 100 on that page; weight: "
                 "share in the category score, 0 for diagnostics and insights):\n\n"
                 "| category | audit id | title | weight | pages (score, value) | points at |\n|---|---|---|---:|---|---|\n")
        for (category, audit_id, title, weight), found in sorted(failures.items(), key=lambda item: (item[0][0], -item[0][3], item[0][1])):
            targets = ", ".join(f"`{t}`" for t in found["items"][:5]) + (" …" if len(found["items"]) > 5 else "")
            text += (f"| {category} | `{audit_id}` | {title.replace('|', '/')} | {weight:g} | "
                     + "; ".join(found["pages"]) + f" | {targets.replace('|', '/')} |\n")
    else:
        text += "No failed audits: every score is 100.\n"
    return ("Lighthouse (mobile)", text)


def category_scores(report: dict) -> dict:
    """0-100 per category (a category Lighthouse could not score counts as 0)."""
    return {c: round((report["categories"][c]["score"] or 0) * 100) for c in LIGHTHOUSE_CATEGORIES}


def collect_failures(report: dict, scores: dict, page: str, failures: dict):
    """Add the page's failed audits of every category below 100 to `failures`."""
    for category in LIGHTHOUSE_CATEGORIES:
        if scores[category] == 100:
            continue
        for audit_id, title, weight, score, value, items in failed_audits(report, category):
            found = failures.setdefault((category, audit_id, title, weight), {"pages": [], "items": []})
            found["pages"].append(f"{page} ({score:.2f}{', ' + value.replace(chr(160), ' ') if value else ''})")
            found["items"] += [item for item in items if item not in found["items"]]


def measure_lighthouse(results: Results, base_url: str):
    if not lighthouse_available(results):
        return
    version = json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    pages = pages_to_measure(choose_terms()[0])
    all_scores, failures = {}, {}
    with tempfile.TemporaryDirectory(prefix="kb-bench-lh-") as tmp:
        for lang, prefix in LANG_PREFIXES.items():
            for name, path in pages.items():
                label = f"{name} ({lang}) `/{prefix}{path}`"
                log(f"Lighthouse {label}")
                try:
                    # Three runs, the median report by performance: on a shared machine one
                    # run's Total Blocking Time swings by more than any change to the site.
                    reports = [
                        run_lighthouse(base_url + prefix + path, Path(tmp) / f"{lang}-{name}-{run}.json")
                        for run in range(LIGHTHOUSE_RUNS)
                    ]
                except (BenchmarkError, subprocess.TimeoutExpired) as exc:
                    results.skip(f"Lighthouse {label}: {exc}")
                    continue
                reports.sort(key=lambda r: category_scores(r)["performance"])
                report = reports[len(reports) // 2]
                scores = all_scores[label] = category_scores(report)
                collect_failures(report, scores, f"{name} {lang}", failures)
                results.add(Figure(f"Lighthouse {label}: " + " / ".join(LIGHTHOUSE_CATEGORIES),
                                   " / ".join(str(scores[c]) for c in LIGHTHOUSE_CATEGORIES),
                                   "100 each", all(s == 100 for s in scores.values())))
    if all_scores:
        results.sections.append(lighthouse_section(all_scores, failures, version))


# --- Report ------------------------------------------------------------------------------

def command_version(command: list) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "not installed"


def environment(load_at_start: tuple) -> list[tuple]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.M)
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    lighthouse = ROOT / "node_modules" / "lighthouse" / "package.json"
    ram = f"{int(memory.group(1)) / 1024 / 1024:.0f} GiB RAM" if memory else "unknown RAM"
    return [
        ("Date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("Machine", f"nproc {len(os.sched_getaffinity(0))}, {model.group(1) if model else 'unknown CPU'}, {ram}"),
        ("System", platform.platform()),
        ("Load average (1, 5, 15 min)", f"{load(load_at_start)} at start, {load(os.getloadavg())} at end "
                                          "(other work on the machine slows the timings)"),
        ("Python", platform.python_version()),
        ("Packages", ", ".join(versions)),
        ("Browser", command_version([CHROMIUM, "--version"]) if os.path.exists(CHROMIUM) else "Chromium not installed"),
        ("Node.js", command_version(["node", "--version"]) if shutil.which("node") else "not installed"),
        ("Lighthouse", json.loads(lighthouse.read_text())["version"] if lighthouse.exists() else "not installed"),
    ]


def render_report(results: Results, quick: bool) -> str:
    lines = ["# Benchmark", "", "Speed and size figures of the site, written by `scripts/benchmark.py` "
             f"(`make bench`{', run with --quick' if quick else ''}). Regenerate rather than edit.", ""]
    lines += [f"- **{key}:** {value}" for key, value in environment(results.load_at_start)]
    lines += ["", "| # | figure | value | target | result |", "|---:|---|---|---|---|"]
    lines += [f"| {n} | {f.name} | {f.value} | {f.target} | {f.result} |" for n, f in enumerate(results.figures, 1)]
    for title, text in results.sections:
        lines += ["", f"## {title}", "", text.rstrip()]
    if results.skipped:
        lines += ["", "## Not measured", ""] + [f"- {what}" for what in results.skipped]
    return "\n".join(lines) + "\n"


# --- Main ----------------------------------------------------------------------------------

def measure(results: Results, quick: bool):
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        site_dir = Path(tmp) / "site"
        server = open_server(site_dir)
        base_url = f"http://127.0.0.1:{server.server_address[1]}/"
        real_times = build_times(ROOT, site_dir, base_url)
        results.add(Figure(f"Real site: `mkdocs build --strict`, median of {len(real_times)}", seconds(real_times)))
        if quick:
            results.skip("10x corpus build (--quick)")
        else:
            measure_corpus(results)
        measure_checker(results)
        with serving(server):
            measure_transfer(results, base_url, site_dir)
            measure_search_index(results, site_dir)
            if quick:
                results.skip("Lighthouse (--quick)")
            else:
                measure_lighthouse(results, base_url)
        server.server_close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 10x corpus and Lighthouse")
    args = parser.parse_args(argv)
    ensure_site_packages()
    sys.path.insert(0, str(ROOT))
    results = Results()
    try:
        measure(results, args.quick)
    except BenchmarkError as exc:
        print(f"benchmark.py: {exc}", file=sys.stderr)
        return 2
    report = render_report(results, args.quick)
    REPORT.write_text(report, "utf-8")
    print(report)
    print(f"written to {REPORT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
