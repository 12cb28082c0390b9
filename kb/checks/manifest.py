"""The link manifest: every page and anchor readers link to, so that none silently vanishes.

links/manifest.txt lists, one per line and sorted, the site-relative URL of every page of
the site in every language (`glossary/osteocalcin/`, `en/glossary/osteocalcin/`; the
Chinese home page is `./`) and of every id inside its article content
(`en/glossary/osteocalcin/#definition`): headings, claims, terms, bibliography entries,
term-page sections, cite boxes. It leaves out each page's reference-list entries
(`#ref-<key>`, the targets of the page's own citation numbers): citing a source new to a
page adds one, and that must not make the manifest out of date; readers link to the
bibliography entry (`references/#<key>`) instead.

kb-update-manifest (kb/commands/update_manifest.py) writes it from the content model;
kb-check and the build (kb/checks/check.py callers) report drift; the tests check that
every entry still resolves in a built site (or is covered by data/redirects.yaml). It is
never edited by hand.
"""
from dataclasses import dataclass
from pathlib import Path

from kb.model.diagnostics import Problem, read_text
from kb.model.languages import split_url, url_in

MANIFEST_FILE = "links/manifest.txt"
# The command that rewrites the manifest, as messages print it (one place to change it).
UPDATE_COMMAND = ".venv/bin/kb-update-manifest"
ARTICLE = "article.md-content__inner"
HOME = "./"  # how the manifest writes the root URL ('' would be an empty line)
# The ids of a page's reference-list entries (kb/render/html/reference_list.md): not listed.
REFERENCE_ENTRY = "ref-"


@dataclass(frozen=True)
class Entry:
    line: int
    url: str


def page_url(site_dir: Path, file: Path) -> str:
    """Site-relative URL of a built index.html: 'en/glossary/x/', '' for the root."""
    folder = file.relative_to(site_dir).parent.as_posix()
    return "" if folder == "." else folder + "/"


def collect(site_dir: Path) -> dict[str, list[str]]:
    """{page URL: ids inside its article content, in document order} of a built site.

    Pages are the index.html files with Material's article content; redirect pages and
    404.html are not pages.
    """
    from bs4 import BeautifulSoup  # imported here: only a built site needs it, and the checker runs without one

    site_dir = Path(site_dir)
    pages = {}
    for file in sorted(site_dir.rglob("index.html")):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        article = soup.select_one(ARTICLE)
        if article is None:
            continue
        ids = []
        for element in article.find_all(id=True):
            if element["id"] not in ids:
                ids.append(element["id"])
        pages[page_url(site_dir, file)] = ids
    return pages


def written(url: str) -> str:
    """A URL as the manifest writes it (the root page as './')."""
    path, hash_, anchor = url.partition("#")
    return (path or HOME) + hash_ + anchor


def is_listed(url: str) -> bool:
    """Whether the manifest promises a URL: every page and anchor but reference-list entries."""
    return not url.partition("#")[2].startswith(REFERENCE_ENTRY)


def urls(pages: dict[str, list[str]]) -> list[str]:
    """Every manifest line of a collected site, sorted."""
    lines = set()
    for page, ids in pages.items():
        lines.add(written(page))
        lines.update(written(f"{page}#{ident}") for ident in ids)
    return sorted(line for line in lines if is_listed(line))


def parse(text: str, path: str = MANIFEST_FILE) -> tuple[list[Entry], list[Problem]]:
    """The entries of a manifest, and LNK102 problems for lines that are not entries."""
    entries, problems, seen = [], [], {}
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url:
            continue
        reason = None
        if url != line or any(c.isspace() for c in url):
            reason = "whitespace in the line"
        elif url.startswith("/") or "://" in url:
            reason = "not a site-relative URL (no leading slash or host)"
        elif url in seen:
            reason = f"duplicate of line {seen[url]}"
        elif not url.partition("#")[0].endswith("/"):
            reason = "a page URL ends with '/'"
        if reason:
            problems.append(Problem(path, number, "LNK102", f"'{url}': {reason}; regenerate the file with {UPDATE_COMMAND}"))
            continue
        seen[url] = number
        entries.append(Entry(number, url))
    return entries, problems


def read(file: Path, path: str = MANIFEST_FILE) -> tuple[list[Entry], list[Problem]]:
    file = Path(file)
    if not file.is_file():
        return [], []
    return parse(read_text(file), path)


def format_manifest(lines) -> str:
    return "".join(f"{line}\n" for line in sorted(set(lines)))


def why_unresolved(url: str, pages: dict[str, list[str]], redirects: dict[str, str]) -> str | None:
    """Why a manifest URL does not resolve in a built site, or None when it does.

    It resolves if its page exists and has the anchor, or if data/redirects.yaml maps the
    page's language-neutral path to a page that exists and has the anchor.
    """
    path, _, anchor = url.partition("#")
    if path == HOME:
        path = ""
    if path in pages:
        target = path
        where = f"page '{written(path)}'"
    else:
        lang, neutral = split_url(path)
        if neutral not in redirects:
            return f"no page '{written(path)}' in the built site, and no redirect for '{neutral}' in data/redirects.yaml"
        target = url_in(lang, redirects[neutral])
        where = f"redirect target '{written(target)}'"
        if target not in pages:
            return f"'{written(path)}' redirects to '{written(target)}', which is not a page of the built site"
    if anchor and anchor not in pages[target]:
        return f"no id '{anchor}' in the {where}"
    return None


def unresolved(entries: list[Entry], pages: dict[str, list[str]], redirects: dict[str, str],
               path: str = MANIFEST_FILE) -> list[Problem]:
    """LNK101 for every manifest entry that no longer resolves (a reference-list entry
    left from an older manifest is no longer a promise: kb-update-manifest drops it)."""
    problems = []
    for entry in entries:
        if not is_listed(entry.url):
            continue
        reason = why_unresolved(entry.url, pages, redirects)
        if reason:
            problems.append(Problem(path, entry.line, "LNK101", f"'{entry.url}' no longer resolves: {reason}"))
    return problems


def missing(entries: list[Entry], pages: dict[str, list[str]]) -> list[str]:
    """URLs of the built site that the manifest does not list yet."""
    listed = {entry.url for entry in entries}
    return [url for url in urls(pages) if url not in listed]


def expected_pages(site) -> dict[str, list[str]]:
    """{page URL: ids} the build will produce, from the content model (no build): the
    same shape as collect() of a built site (tests/test_rendering.py checks they agree)."""
    from kb import render  # imported here: rendering is only needed for this check
    from kb.model.languages import BY_CODE

    return {
        url_in(BY_CODE[lang], page.url): sorted(render.anchors(site, page))
        for (lang, _), page in site.pages.items()
    }


def drift(site, redirects: dict[str, str], file: Path | None = None) -> tuple[list[Problem], str]:
    """Problems for URLs a build would add to the manifest (LNK103) or that it no longer
    resolves (LNK101), and a hint naming the command that updates it ('' when up to date).
    A site without a manifest file publishes no promise, so has no drift."""
    file = Path(file) if file else Path(site.root) / MANIFEST_FILE
    if not file.is_file():
        return [], ""
    entries, problems = read(file)
    pages = expected_pages(site)
    problems += unresolved(entries, pages, redirects)
    problems += [
        Problem(MANIFEST_FILE, 0, "LNK103", f"'{url}' is not listed yet (a new page or anchor)")
        for url in missing(entries, pages)
    ]
    if not problems:
        return [], ""
    hint = f"{MANIFEST_FILE} is out of date: run {UPDATE_COMMAND}"
    if any(p.code == "LNK101" for p in problems):
        hint += " after adding a redirect in data/redirects.yaml for each LNK101 line (or, knowingly, with --allow-removals)"
    return sorted(problems), hint


def add_new(site, promised=(), file: Path | None = None) -> list[str]:
    """Add what the content model would publish and the manifest lacks, and the URLs
    `promised` (site-relative, as written here); never drop a line. For kb-new: the new
    item's placeholders need not be filled in for its URLs to be known. Returns the added URLs."""
    file = Path(file) if file else Path(site.root) / MANIFEST_FILE
    entries, _ = read(file)
    listed = {entry.url for entry in entries}
    added = missing(entries, expected_pages(site))
    added += [url for url in promised if url not in listed and url not in added]
    if added:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(format_manifest([entry.url for entry in entries] + added), "utf-8")
    return added
