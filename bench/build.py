"""Builds and build times. The site is built only through `make build` (whatever the
Makefile does to build both languages), and its output is read from <root>/site/.
Also: the content checker's time, and the generated 10x corpus."""
import contextlib
import datetime
import io
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import yaml

from bench import ROOT, LANG_PREFIXES, BenchmarkError, log
from bench.report import Figure, Results, seconds
from kb.devtools.config import read_config

VENV = ROOT / ".venv"
COPIES = 9  # extra copies of every term and article: the corpus becomes 10x
MAX_CORPUS_RATIO = 12.0
MAX_CHECKER_SECONDS = 1.0
# Pages the 10x corpus adds; none is in the nav.
CORPUS_NOT_IN_NAV = ("/*/glossary/*-copy*.md", "/*/articles/*-copy*.md", "/*/synthetic-terms.md")


def timed_run(command: list, cwd: Path, env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=1800)
    return time.perf_counter() - start, result


def make(root: Path, target: str) -> list:
    """`make <target>` in root with this repository's .venv; a copy of the sources
    (the corpus) must not try to set up a .venv of its own."""
    command = ["make", "--no-print-directory", "-C", str(root), target, f"VENV={VENV}"]
    if Path(root).resolve() != ROOT:
        command += ["-o", f"{VENV}/bin/.installed"]
    return command


def build_site(root: Path = ROOT, site_url: str | None = None) -> float:
    """`make build` in root (strict, both languages) with SITE_URL set when given; the
    output is root/site. Returns the wall-clock time; raises BenchmarkError on failure."""
    elapsed, result = timed_run(make(root, "build"), root, {"SITE_URL": site_url} if site_url else None)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        complaints = [line for line in output if line.startswith(("WARNING", "ERROR"))]
        raise BenchmarkError(f"`make build` in {root} failed:\n" + "\n".join(complaints or output[-30:]))
    return elapsed


def measure_builds(results: Results, site_url: str, runs: int) -> Path:
    """Build the real site `runs` times for site_url; the last build is the one measured."""
    times = []
    for run in range(1, runs + 1):
        times.append(build_site(ROOT, site_url))
        log(f"make build {run}/{runs}: {times[-1]:.2f} s")
    results.add(Figure(f"Real site: `make build` (strict, both languages), median of {runs}", seconds(times)))
    return ROOT / "site"


# --- Content checker ---------------------------------------------------------------------

def measure_checker(results: Results, runs: int):
    times = []
    for _ in range(runs):
        elapsed, result = timed_run(make(ROOT, "check"), ROOT)
        if result.returncode != 0:
            raise BenchmarkError("`make check` reports problems:\n" + result.stdout[-3000:])
        times.append(elapsed)
    from kb.checks.check import check_site
    from kb.model.content import load_site

    load_site(ROOT)  # imports and first-touch caches out of the way
    in_process = []
    for _ in range(runs):
        start = time.perf_counter()
        check_site(load_site(ROOT))
        in_process.append(time.perf_counter() - start)
    median = statistics.median(times)
    results.add(
        Figure(f"Checker `make check`, median of {runs}", seconds(times), f"< {MAX_CHECKER_SECONDS:g} s", median < MAX_CHECKER_SECONDS),
        Figure(f"Checker in-process (load_site + check_site), median of {runs}", seconds(in_process)),
    )


# --- 10x corpus ----------------------------------------------------------------------------

def source_files() -> list[str]:
    """The repository's files as git sees them (tracked, or new and not ignored)."""
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [name for name in listing.split("\0") if name and (ROOT / name).is_file()]


def copy_sources(dest: Path):
    for name in source_files():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)  # copy2 keeps mtimes: make sees nothing new


def synthetic_term(term, n: int) -> dict:
    # No space after full-width punctuation (甲下线状出血（裂片状出血）copy2), as the copywriting
    # rule wants of any Chinese text.
    item = {"id": f"{term.id}-copy{n}",
            **{code: f"{name}{'' if name[-1] in '）」』》' else ' '}copy{n}" for code, name in term.names.items()}}
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


SYNTHETIC_TITLES = {"zh": "合成术语"}  # the generated index page's title; others: English


def synthetic_index_page(lang: str, ids: list) -> str:
    title = SYNTHETIC_TITLES.get(lang, "Synthetic terms")
    links = "\n".join(f"- [[{term_id}]]" for term_id in ids)
    return (f"---\ndescription: {title} of the generated 10x benchmark corpus.\n"
            f"reviewed: {datetime.date.today().isoformat()}\n---\n\n# {title} {{#synthetic-terms}}\n\n{links}\n")


def corpus_config(dest: Path):
    """Add the generated pages to not_in_nav of the copied mkdocs.yml (a later key
    overrides an earlier one), so that --strict accepts them."""
    text = (dest / "mkdocs.yml").read_text("utf-8")
    existing = read_config(dest / "mkdocs.yml").get("not_in_nav") or ""
    patterns = [line for line in str(existing).splitlines() if line.strip()] + list(CORPUS_NOT_IN_NAV)
    addition = "\n# Added by bench/build.py for the 10x corpus.\nnot_in_nav: |\n" + "".join(f"  {p}\n" for p in patterns)
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
        "# Generated by bench/build.py: the 10x corpus.\n" + yaml.safe_dump(items, allow_unicode=True, sort_keys=False), "utf-8")
    ids = [item["id"] for item in items]
    for lang in LANG_PREFIXES:
        (dest / "docs" / lang / "synthetic-terms.md").write_text(synthetic_index_page(lang, ids), "utf-8")
    return ids


def multiply_articles(dest: Path) -> int:
    """COPIES copies of every article per language, each with its own claims (claim ids are
    unique site-wide: each copy's claims get ids, data/claims.yaml entries and claim pages
    of their own); returns the number of articles."""
    originals = []
    claims_file = dest / "data" / "claims.yaml"
    claim_data = yaml.safe_load(claims_file.read_text("utf-8")) or {}
    for lang in LANG_PREFIXES:
        originals = sorted((dest / "docs" / lang / "articles").glob("*.md"))
        for article in originals:
            text = article.read_text("utf-8")
            for n in range(1, COPIES + 1):
                copy, ids = renamed_claims(text, n)
                article.with_name(f"{article.stem}-copy{n}.md").write_text(copy, "utf-8")
                for claim_id, new_id in ids:
                    entry = {k: v for k, v in claim_data.get(claim_id, {}).items() if k != "history"}
                    claim_data.setdefault(new_id, entry)
                    (dest / "docs" / lang / "claims" / f"{new_id}.md").write_text("::: claim-page\n", "utf-8")
    claims_file.write_text(yaml.safe_dump(claim_data, allow_unicode=True, sort_keys=False), "utf-8")
    return len(originals)


def renamed_claims(text: str, n: int) -> tuple[str, list]:
    """An article copy whose claims (and links to them) carry `-copyN` ids; with the id pairs."""
    ids = []
    for claim_id in re.findall(r"^::: claim (\S+)", text, flags=re.MULTILINE):
        new_id = f"{claim_id}-copy{n}"
        text = re.sub(rf"(?<=::: claim ){re.escape(claim_id)}(?=\s)|(?<=#){re.escape(claim_id)}(?![\w-])", new_id, text)
        ids.append((claim_id, new_id))
    return text, ids


def make_corpus(dest: Path) -> dict:
    """Copy the repository's sources into dest and multiply terms and articles to 10x;
    the corpus must pass the content checker."""
    from kb.checks.check import check_all
    from kb.commands.update_manifest import model_pages, update
    from kb.checks.manifest import MANIFEST_FILE
    from kb.model.content import load_site

    copy_sources(dest)
    corpus_config(dest)
    site = load_site(dest)
    counts = {"terms": len(site.terms), "synthetic terms": len(multiply_terms(dest, site)), "articles": multiply_articles(dest)}
    # The build refuses manifest drift, so the corpus's generated pages are listed first,
    # as an author would with kb-update-manifest.
    with contextlib.redirect_stdout(io.StringIO()):  # it prints each of ~15,000 new lines
        pages = model_pages(dest)
        if pages is not None:
            update(dest, pages, dest / MANIFEST_FILE, allow_removals=False)
    problems, _ = check_all(load_site(dest))
    if problems:
        raise BenchmarkError("the 10x corpus fails the content checker:\n" + "\n".join(map(str, problems[:20])))
    return counts


def measure_corpus(results: Results, runs: int, site_url: str | None = None):
    """Real and 10x builds in alternation, so both see the same load on a shared machine.
    The real builds use site_url, so that site/ stays built for the local server."""
    with tempfile.TemporaryDirectory(prefix="kb-bench-10x-") as tmp:
        corpus = Path(tmp)
        counts = make_corpus(corpus)
        log(f"10x corpus: {counts}")
        real, big = [], []
        for run in range(1, runs + 1):
            real.append(build_site(ROOT, site_url))
            big.append(build_site(corpus))
            log(f"paired build {run}/{runs}: real {real[-1]:.2f} s, 10x {big[-1]:.2f} s")
        pages = sum(1 for _ in (corpus / "site").rglob("*.html"))
    ratio = statistics.median(big) / statistics.median(real)
    results.add(
        Figure(f"10x corpus: `make build`, median of {runs} ({pages} HTML files)", seconds(big)),
        Figure("10x corpus build / real build (alternating builds)",
               f"{ratio:.1f}x ({statistics.median(big):.2f} s / {statistics.median(real):.2f} s; real runs: "
               + ", ".join(f"{t:.2f}" for t in real) + ")", f"≤ {MAX_CORPUS_RATIO:g}x", ratio <= MAX_CORPUS_RATIO),
    )
    results.sections.append(("10x corpus", (
        f"Generated in a temporary directory from a copy of this repository's files: {counts['terms']} terms "
        f"+ {counts['synthetic terms']} synthetic ones (`<id>-copyN`, pages copied from the originals, same "
        f"citations), {counts['articles']} articles + {COPIES} copies each per language, and one page per "
        "language linking every synthetic term; its mkdocs.yml adds those pages to `not_in_nav`. It passes "
        "the content checker and builds with `make build` (strict). The ratio compares it with builds of the "
        "real site run in alternation with it, so that both see the same load on a shared machine.")))
