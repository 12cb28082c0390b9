"""The link contract: every published page and anchor (links/manifest.txt) keeps resolving,
in the built site or through a redirect of data/redirects.yaml; redirects are validated
(RED001-RED003, KB001/KB002) and become small redirect pages in both languages that keep
the visitor's #anchor."""
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from helpers import BUILD_FILES, REPO, run_mkdocs_build
from kb.checks import manifest
from kb.finish import redirect_pages
from kb.model import redirects
from kb.checks.check import check_site
from kb.model.content import load_site, url_of
from kb.model.languages import LANGUAGES, url_in

FIXTURE = REPO / "tests" / "fixtures" / "site"
REDIRECTS = "data/redirects.yaml"
OLD = "articles/mk4-vs-mk7-interview/"
NEW = "articles/mk4-mk7-interview/"
SITE_URL = "https://example.org/kb/"  # a sub-path, as on a GitHub project page
UPDATE = ["-m", "kb.commands.update_manifest"]
PROBLEM_LINE = re.compile(r"^[\w./-]+:\d+: [A-Z]+\d{3} ")


def real_redirects() -> dict:
    found, problems = redirects.load_redirects(REPO)
    assert problems == [], "\n".join(map(str, problems))
    return {r.old: r.new for r in found}


def real_manifest() -> list:
    file = REPO / manifest.MANIFEST_FILE
    assert file.is_file(), f"{manifest.MANIFEST_FILE} is missing: run `kb-update-manifest`"
    entries, problems = manifest.read(file)
    assert problems == [], "\n".join(map(str, problems))
    return entries


# --- The real site ---------------------------------------------------------------------

def test_manifest_is_sorted_and_well_formed():
    entries = real_manifest()
    assert entries, f"{manifest.MANIFEST_FILE} is empty: run `kb-update-manifest`"
    text = (REPO / manifest.MANIFEST_FILE).read_text("utf-8")
    assert text == manifest.format_manifest(e.url for e in entries), (
        f"{manifest.MANIFEST_FILE} was edited by hand: regenerate it with `kb-update-manifest`"
    )


def test_every_manifest_entry_resolves(site):
    problems = manifest.unresolved(real_manifest(), manifest.collect(site), real_redirects())
    assert problems == [], (
        "\n".join(map(str, problems))
        + "\nThese published links no longer resolve. Add a redirect to data/redirects.yaml for a"
        " renamed page, or restore the anchor; drop them only knowingly, with"
        " `kb-update-manifest --allow-removals`."
    )


def test_manifest_is_up_to_date(site):
    new = manifest.missing(real_manifest(), manifest.collect(site))
    assert new == [], (
        f"{len(new)} URL(s) of the built site are not in {manifest.MANIFEST_FILE} (first: {new[:5]}); "
        "run `kb-update-manifest` and commit the result"
    )


def test_manifest_lists_every_page_in_both_languages(site):
    listed = {entry.url for entry in real_manifest()}
    for (lang_code, path) in load_site(REPO).pages:
        lang = next(l for l in LANGUAGES if l.code == lang_code)
        url = manifest.written(url_in(lang, url_of(path)))
        assert url in listed, f"{url} (docs/{lang_code}/{path})"


def test_real_redirects_are_valid_and_published(site):
    for old, new in real_redirects().items():
        for lang in LANGUAGES:
            file = site / url_in(lang, old) / "index.html"
            assert file.is_file(), file
            assert 'var target = "' in file.read_text("utf-8")


# --- Redirect validation (the checker and the build share it) ---------------------------

@pytest.fixture
def root(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    return root


def with_redirects(root: Path, text: str) -> list[str]:
    (root / REDIRECTS).write_text(text, "utf-8")
    return [str(p) for p in check_site(load_site(root))]


def test_no_redirects_file_means_no_redirects(root):
    assert not (root / REDIRECTS).exists()
    assert redirects.load_redirects(root) == ([], [])
    assert with_redirects(root, "# nothing yet\n{}\n") == []
    assert with_redirects(root, "# only a comment\n") == []


def test_valid_redirects_pass(root):
    text = "old-interview/: articles/mk4-vs-mk7-interview/\nold-home/: ''\nglossary/old/: glossary/alpha-term/\n"
    assert with_redirects(root, text) == []
    found, _ = redirects.load_redirects(root)
    assert [(r.old, r.new, r.line) for r in found] == [
        ("old-interview/", "articles/mk4-vs-mk7-interview/", 1), ("old-home/", "", 2), ("glossary/old/", "glossary/alpha-term/", 3),
    ]


def test_redirect_target_missing(root):
    assert with_redirects(root, "# moved\nold/: articles/nowhere/\n") == [
        f"{REDIRECTS}:2: RED001 redirect 'old/': the target 'articles/nowhere/' is not a page of the site"
    ]


def test_redirect_chain(root):
    text = "a/: b/\nb/: articles/vitamin-k-with-vitamin-d/\n"
    assert with_redirects(root, text) == [
        f"{REDIRECTS}:1: RED002 redirect chain: 'a/' -> 'b/' -> 'articles/vitamin-k-with-vitamin-d/': "
        "the target 'b/' is itself redirected; point 'a/' straight at 'articles/vitamin-k-with-vitamin-d/'"
    ]


def test_redirect_loop(root):
    assert with_redirects(root, "a/: b/\nb/: c/\nc/: a/\n") == [
        f"{REDIRECTS}:1: RED002 redirect loop: 'a/' -> 'b/' -> 'c/' -> 'a/'; point each old path at a live page"
    ]


def test_redirect_to_itself_is_a_loop(root):
    assert with_redirects(root, "a/: a/\n") == [
        f"{REDIRECTS}:1: RED002 redirect loop: 'a/' -> 'a/'; point each old path at a live page"
    ]


def test_redirect_chain_into_a_loop(root):
    found = with_redirects(root, "x/: a/\na/: b/\nb/: a/\n")
    assert found == [
        f"{REDIRECTS}:1: RED002 redirect chain: 'x/' -> 'a/' -> 'b/' -> 'a/' ends in a loop; point 'x/' at a live page",
        f"{REDIRECTS}:2: RED002 redirect loop: 'a/' -> 'b/' -> 'a/'; point each old path at a live page",
    ]


def test_redirect_shadows_a_live_page(root):
    assert with_redirects(root, "about/: articles/vitamin-k-with-vitamin-d/\n") == [
        f"{REDIRECTS}:1: RED003 redirect 'about/' shadows a live page at that path (zh, en); remove the redirect or the page"
    ]


def test_malformed_redirects_yaml(root):
    found = with_redirects(root, "old/: articles/vitamin-k-with-vitamin-d/\nnew/: [articles/\n")
    assert len(found) == 1 and found[0].startswith(f"{REDIRECTS}:3: KB001 malformed YAML:"), found


def test_redirect_target_of_the_wrong_type(root):
    assert with_redirects(root, "ok/: about/\nold/: [about/, glossary/]\n") == [
        f"{REDIRECTS}:2: KB002 redirects: ['about/', 'glossary/'] is not of type 'string' (at old/)"
    ]


def test_redirects_must_be_a_mapping(root):
    assert with_redirects(root, "- old/\n- about/\n") == [
        f"{REDIRECTS}:1: KB002 redirects: ['old/', 'about/'] is not of type 'object'"
    ]


@pytest.mark.parametrize("line, message", [
    ("/old/: about/", "redirects: old path '/old/': write it without the leading slash or host, e.g. 'articles/old-name/'"),
    ("en/old/: about/", "redirects: old path 'en/old/': drop the 'en/' prefix: a redirect applies to every language"),
    ("old/#bone: about/", "redirects: old path 'old/#bone': leave the '#anchor' out: a redirect maps pages, and the visitor's anchor is kept"),
    ("old: about/", "redirects: old path 'old': end it with a slash, e.g. 'articles/old-name/'"),
    ("old.md: about/", "redirects: old path 'old.md': write the page URL, not its file, e.g. 'articles/old-name/'"),
    ("Old Name/: about/", "redirects: old path 'Old Name/': use lower-case letters, digits, '-', '_' and '.' between slashes"),
    ("old/: about", "redirects: target 'about' of 'old/': end it with a slash, e.g. 'articles/old-name/'"),
    ("old/: https://example.org/", "redirects: target 'https://example.org/' of 'old/': write it without the leading slash or host, e.g. 'articles/old-name/'"),
])
def test_redirect_paths_are_language_neutral_page_urls(root, line, message):
    assert with_redirects(root, f"# x\n{line}\n") == [f"{REDIRECTS}:2: KB002 {message}"]


def test_redirect_listed_twice(root):
    assert with_redirects(root, "old/: about/\nold/: glossary/\n") == [
        f"{REDIRECTS}:2: KB002 redirects: 'old/' is listed twice (first on line 1)"
    ]


def test_checker_cli_reports_redirect_problems(root):
    (root / REDIRECTS).write_text("old/: articles/nowhere/\nabout/: glossary/\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "kb.commands.check", "--root", str(root)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{REDIRECTS}:1: RED001 redirect 'old/': the target 'articles/nowhere/' is not a page of the site",
        f"{REDIRECTS}:2: RED003 redirect 'about/' shadows a live page at that path (zh, en); remove the redirect or the page",
    ]


# --- Redirect pages ----------------------------------------------------------------------

@pytest.mark.parametrize("lang, old, new, target", [
    ("zh", "old/", "", "../"),
    ("en", "old/", "", "../"),
    ("zh", "articles/old/", "glossary/alpha-term/", "../../glossary/alpha-term/"),
    ("en", "a/b/c/", "a/", "../../"),
])
def test_redirect_page_links_relatively(lang, old, new, target):
    page = BeautifulSoup(redirect_pages.redirect_page(lang, old, new, SITE_URL), "html.parser")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert page.find("a")["href"] == target
    prefix = "en/" if lang == "en" else ""
    assert page.find("link", rel="canonical")["href"] == SITE_URL + prefix + new


def test_redirect_pages_never_replace_a_built_page(tmp_path):
    redirect = redirects.Redirect("old/", "about/", 3)
    written = redirect_pages.write_redirect_pages(tmp_path, [redirect], SITE_URL)
    assert written == [tmp_path / "old/index.html", tmp_path / "en/old/index.html"]
    # A rebuild over an earlier build (mkdocs --dirty) replaces its redirect pages...
    assert redirect_pages.write_redirect_pages(tmp_path, [redirect], SITE_URL) == written
    # ...but never a page the build wrote.
    (tmp_path / "en/old/index.html").write_text("<article>a page</article>", "utf-8")
    with pytest.raises(ValueError, match=r"data/redirects.yaml:3: RED003 redirect 'old/' would overwrite"):
        redirect_pages.write_redirect_pages(tmp_path, [redirect], SITE_URL)


# --- Renaming a page in a built copy of the fixture site ---------------------------------

def copy_buildable_fixture(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest)
    for item in BUILD_FILES:
        src = REPO / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / item)
    return dest


def build(root: Path, name: str):
    result = run_mkdocs_build(root.parent / name, root=root, extra_env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.output
    return result.site


def rename(root: Path, old: str, new: str):
    for lang in ("zh", "en"):
        (root / f"docs/{lang}/{old[:-1]}.md").rename(root / f"docs/{lang}/{new[:-1]}.md")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert f"{old[:-1]}.md" in text
    config.write_text(text.replace(f"{old[:-1]}.md", f"{new[:-1]}.md"), "utf-8")


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """Three builds of the fixture: before the rename, after it, after adding the redirect."""
    root = copy_buildable_fixture(tmp_path_factory.mktemp("renamed") / "root")
    before = build(root, "before")
    published = manifest.format_manifest(manifest.urls(manifest.collect(before)))
    rename(root, OLD, NEW)
    after = build(root, "after")
    (root / REDIRECTS).write_text(f"# renamed\n{OLD}: {NEW}\n", "utf-8")
    redirected = build(root, "redirected")
    return {"root": root, "before": before, "after": after, "redirected": redirected, "manifest": published}


def entries_of(text):
    entries, problems = manifest.parse(text)
    assert problems == []
    return entries


def test_manifest_lists_pages_and_every_kind_of_anchor(renamed):
    listed = set(renamed["manifest"].splitlines())
    for url in [
        "./", "./#home", "en/", "en/#home", "about/", "en/about/",
        "articles/vitamin-k-with-vitamin-d/#bone",  # heading
        "en/articles/vitamin-k-with-vitamin-d/#first-claim",  # claim
        "references/#alpha2020", "en/references/#beta-web",  # bibliography entries
        "glossary/alpha-term/#definition", "en/glossary/alpha-term/#appears-in",  # term page
        "en/glossary/#term-beta-term",  # glossary index
        f"{OLD}#interview", f"en/{OLD}#interview",
    ]:
        assert url in listed, url
    # Ids Material puts outside the article are not part of the contract, nor a page's
    # reference-list entries (citing a new source must not make the manifest out of date).
    assert not any("#__" in url for url in listed)
    assert not any("#ref-" in url for url in listed)
    assert "404.html" not in renamed["manifest"]


def test_renaming_a_page_breaks_the_manifest(renamed):
    pages = manifest.collect(renamed["after"])
    found = [str(p) for p in manifest.unresolved(entries_of(renamed["manifest"]), pages, {})]
    lines = renamed["manifest"].splitlines()
    gone = [url for url in lines if url.startswith((OLD, f"en/{OLD}"))]
    assert len(found) == len(gone) >= 4
    line = lines.index(f"en/{OLD}#interview") + 1
    assert (
        f"links/manifest.txt:{line}: LNK101 'en/{OLD}#interview' no longer resolves: no page 'en/{OLD}' "
        f"in the built site, and no redirect for '{OLD}' in data/redirects.yaml"
    ) in found


def test_a_redirect_repairs_the_manifest(renamed):
    root = renamed["root"]
    found, problems = redirects.load_redirects(root)
    assert problems == [] and check_site(load_site(root)) == []
    mapping = {r.old: r.new for r in found}
    entries = entries_of(renamed["manifest"])
    assert manifest.unresolved(entries, manifest.collect(renamed["redirected"]), mapping) == []
    # The renamed page's URLs are new entries; the redirect pages themselves are not pages.
    new = manifest.missing(entries, manifest.collect(renamed["redirected"]))
    assert f"en/{NEW}#interview" in new and not any(url.startswith((OLD, f"en/{OLD}")) for url in new)


def test_a_redirect_must_keep_the_anchor_too(renamed):
    pages = manifest.collect(renamed["redirected"])
    pages[f"en/{NEW}"] = [i for i in pages[f"en/{NEW}"] if i != "interview"]
    [problem] = manifest.unresolved([manifest.Entry(7, f"en/{OLD}#interview")], pages, {OLD: NEW})
    assert str(problem) == (
        f"links/manifest.txt:7: LNK101 'en/{OLD}#interview' no longer resolves: "
        f"no id 'interview' in the redirect target 'en/{NEW}'"
    )


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda l: l.code)
def test_redirect_pages_exist_in_both_languages(renamed, lang):
    site = renamed["redirected"]
    file = site / url_in(lang, OLD) / "index.html"
    page = BeautifulSoup(file.read_text("utf-8"), "html.parser")
    assert page.html["lang"] == lang.html_lang
    assert page.find("link", rel="canonical")["href"] == SITE_URL + url_in(lang, NEW)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    target = "../mk4-mk7-interview/"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    # The script keeps the visitor's #anchor (a meta refresh alone would drop it) and
    # runs before the refresh.
    script = page.find("script")
    assert script.string == f'var target = "{target}";\nlocation.replace(target + location.hash);'
    assert script.sourceline < page.find("meta", attrs={"http-equiv": "refresh"}).sourceline
    old_url = SITE_URL + url_in(lang, OLD)
    assert urljoin(old_url, target) + "#interview" == SITE_URL + url_in(lang, NEW) + "#interview"
    # A visible link in the page's language, to a page that exists.
    link = page.find("body").find("a")
    assert link["href"] == target and (file.parent / target / "index.html").resolve().is_file()
    assert link.get_text() == {"zh": "访谈", "en": "Interview"}[lang.code]
    assert page.find("body").get_text().strip().startswith({"zh": "本页已移至", "en": "This page has moved to"}[lang.code])


def test_build_fails_on_a_bad_redirect(tmp_path):
    root = copy_buildable_fixture(tmp_path / "root")
    (root / REDIRECTS).write_text("old/: articles/nowhere/\n", "utf-8")
    result = run_mkdocs_build(root / "site", root=root)
    assert result.returncode != 0
    assert f"{REDIRECTS}:1: RED001 redirect 'old/': the target 'articles/nowhere/' is not a page of the site" in result.output


# --- kb-update-manifest -------------------------------------------------------------

def run_update(*args):
    return subprocess.run([sys.executable, *UPDATE, *args], capture_output=True, text=True, timeout=600)


def test_update_refuses_to_drop_vanished_links(renamed, tmp_path):
    file = tmp_path / "manifest.txt"
    file.write_text(renamed["manifest"], "utf-8")
    # A root without data/redirects.yaml: the rename is not covered.
    result = run_update("--root", str(tmp_path), "--site", str(renamed["after"]), "--manifest", str(file))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(PROBLEM_LINE.match(line) and " LNK101 " in line and OLD in line for line in lines), lines
    assert "--allow-removals" in result.stderr
    assert file.read_text("utf-8") == renamed["manifest"]


def test_update_drops_vanished_links_only_when_allowed(renamed, tmp_path):
    file = tmp_path / "manifest.txt"
    file.write_text(renamed["manifest"], "utf-8")
    result = run_update("--root", str(tmp_path), "--site", str(renamed["after"]), "--manifest", str(file), "--allow-removals")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = file.read_text("utf-8").splitlines()
    assert f"en/{NEW}#interview" in lines and not any(OLD in line for line in lines)
    assert lines == sorted(lines)


def test_update_keeps_redirected_links_and_adds_new_ones(renamed, tmp_path):
    file = tmp_path / "manifest.txt"
    file.write_text(renamed["manifest"], "utf-8")
    result = run_update("--root", str(renamed["root"]), "--site", str(renamed["redirected"]), "--manifest", str(file))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = file.read_text("utf-8").splitlines()
    assert set(renamed["manifest"].splitlines()) <= set(lines)
    assert f"{NEW}#interview" in lines and lines == sorted(lines)
    # A second run changes nothing.
    assert run_update("--root", str(renamed["root"]), "--site", str(renamed["redirected"]), "--manifest", str(file)).returncode == 0
    assert file.read_text("utf-8").splitlines() == lines


def test_update_reads_the_content_model_without_a_build(renamed, tmp_path):
    root = copy_buildable_fixture(tmp_path / "root")
    result = run_update("--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    text = (root / manifest.MANIFEST_FILE).read_text("utf-8")
    assert "en/glossary/alpha-term/#definition\n" in text and text.startswith("./\n")
    assert not (root / "site").exists()
    # The same lines as a built site gives (the fixture before its rename).
    assert text == renamed["manifest"]
    assert "+ en/glossary/alpha-term/#definition" in result.stderr.splitlines()


def test_update_refuses_content_the_checker_rejects(tmp_path):
    root = copy_buildable_fixture(tmp_path / "root")
    (root / "docs/en/about.md").unlink()
    result = run_update("--root", str(root))
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["docs/zh/about.md:1: PAG001 no translation: docs/en/about.md is missing"]
    assert "links/manifest.txt is unchanged" in result.stderr
    assert not (root / manifest.MANIFEST_FILE).exists()


def test_citing_a_new_source_keeps_the_manifest_up_to_date(tmp_path):
    root = copy_buildable_fixture(tmp_path / "root")
    assert run_update("--root", str(root)).returncode == 0
    for lang in ("zh", "en"):  # the home page cites alpha2020 already; beta-web is new to it
        page = root / f"docs/{lang}/index.md"
        page.write_text(page.read_text("utf-8").replace("[@alpha2020]", "[@alpha2020; @beta-web]"), "utf-8")
    assert check_site(load_site(root)) == []
    assert manifest.drift(load_site(root), {}) == ([], "")


def test_update_drops_old_reference_list_anchors(tmp_path):
    root = copy_buildable_fixture(tmp_path / "root")
    (root / "links").mkdir()
    (root / manifest.MANIFEST_FILE).write_text("./\nabout/#ref-alpha2020\n", "utf-8")
    result = run_update("--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "about/#ref-alpha2020" not in (root / manifest.MANIFEST_FILE).read_text("utf-8")
    assert "1 reference-list anchor(s) no longer listed" in result.stderr


def test_build_fails_on_manifest_drift_as_the_checker_does(tmp_path):
    root = copy_buildable_fixture(tmp_path / "root")
    assert run_update("--root", str(root)).returncode == 0
    file = root / manifest.MANIFEST_FILE
    file.write_text(file.read_text("utf-8").replace("about/\n", "", 1), "utf-8")
    message = "links/manifest.txt:0: LNK103 'about/' is not listed yet (a new page or anchor)"
    result = run_mkdocs_build(root / "site", root=root)
    assert result.returncode != 0 and message in result.output
    assert "links/manifest.txt is out of date: run .venv/bin/kb-update-manifest" in result.output
    checked = subprocess.run([sys.executable, "-m", "kb.commands.check", "--root", str(root)], capture_output=True, text=True)
    assert checked.returncode == 1 and checked.stdout.splitlines() == [message]


def test_update_reports_bad_redirects_and_malformed_lines(renamed, tmp_path):
    root = tmp_path / "root"
    (root / "data").mkdir(parents=True)
    (root / REDIRECTS).write_text("old/: [\n", "utf-8")
    result = run_update("--root", str(root), "--site", str(renamed["before"]))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith(f"{REDIRECTS}:2: KB001 malformed YAML")
    (root / REDIRECTS).write_text("{}\n", "utf-8")
    (root / "links").mkdir()
    (root / manifest.MANIFEST_FILE).write_text("./\n/about/\n./\n", "utf-8")
    result = run_update("--root", str(root), "--site", str(renamed["before"]))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "links/manifest.txt:2: LNK102 '/about/': not a site-relative URL (no leading slash or host); regenerate the file with .venv/bin/kb-update-manifest",
        "links/manifest.txt:3: LNK102 './': duplicate of line 1; regenerate the file with .venv/bin/kb-update-manifest",
    ]
