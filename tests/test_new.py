"""kb-new: a new claim, term or article on a copy of the fixture site writes every file in
both languages, with placeholders the checker lists as NEW001 (exact messages), adds the
new URLs to the manifest, and passes the checker once the placeholders are filled in."""
import re
import shutil
import subprocess
import sys

import pytest

from helpers import CLAIMS, EN_ARTICLE, EN_INDEX, REPO, TERMS, ZH_ARTICLE, ZH_INDEX, edit, problems
from kb.checks import manifest
from kb.model.content import load_site

ARTICLE = "articles/vitamin-k-with-vitamin-d"


@pytest.fixture
def site_root(fixture_site):
    """The fixture copy with mkdocs.yml (the nav) and an up-to-date manifest."""
    shutil.copy(REPO / "mkdocs.yml", fixture_site / "mkdocs.yml")
    manifest.add_new(load_site(fixture_site))
    assert problems(fixture_site) == []
    return fixture_site


def kb_new(root, *args):
    return subprocess.run([sys.executable, "-m", "kb.commands.new", "--root", str(root), *args],
                          capture_output=True, text=True, timeout=60)


def fill(root, path, *replacements):
    """Replace each placeholder of a file, in order, by the given words."""
    file = root / path
    words = iter(replacements)
    text = re.sub(r'"TODO: [^"]*"|TODO: [^{\n]*?(?= \{#|$)', lambda m: next(words), file.read_text("utf-8"), flags=re.M)
    assert next(words, None) is None, "more replacements than placeholders"
    assert "TODO: " not in text
    file.write_text(text, "utf-8")


def drift(root) -> list[str]:
    return [str(p) for p in manifest.drift(load_site(root), {})[0]]


def test_new_claim(site_root):
    result = kb_new(site_root, "claim", "second-claim", "--article", ARTICLE, "--verdict", "contested")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:5] == [
        f"wrote {ZH_ARTICLE}", f"wrote {EN_ARTICLE}", f"wrote {CLAIMS}",
        "wrote docs/zh/claims/second-claim.md", "wrote docs/en/claims/second-claim.md",
    ]
    assert (site_root / "docs/en/claims/second-claim.md").read_text("utf-8") == "::: claim-page\n"
    found = problems(site_root)
    assert f"{EN_ARTICLE}:15: NEW001 fill in the placeholder: state the claim as its claimant makes it: who, where, in their words" in found
    assert f"{ZH_ARTICLE}:15: NEW001 fill in the placeholder: 用中文写下这条说法：谁、在哪里、怎么说的（尽量转述原话）" in found
    assert any(p.endswith("NEW001 fill in the placeholder: the claim as readers would quote it, short (its heading, preview card and cite-link text)") for p in found)
    assert {p.split(" ")[1] for p in found} == {"NEW001", "CLM004"}  # and nothing else to do
    # Filled in, as the editor would: the blocks in both articles and the data entry.
    fill(site_root, ZH_ARTICLE, "Keith 称，两者一样。", "一项研究不支持这一点[@alpha2020]。")
    fill(site_root, EN_ARTICLE, "Keith said both are the same.", "A study does not support this [@alpha2020].")
    fill(site_root, CLAIMS, "两者一样", "Both are the same", "一样吗", "有区别吗", "哪个好",
         "are they the same", "is there a difference", "which is better", "Keith", "Keith", "alpha2020",
         "证据不支持。", "The evidence does not support it.")
    assert problems(site_root) == [] and drift(site_root) == []


def test_new_term_says_that_a_page_must_link_it(site_root):
    result = kb_new(site_root, "term", "gamma-term", "--topic", "terms")
    assert result.returncode == 0, result.stderr
    assert "[[gamma-term]] (kb-check reports TRM005 until a page links it)" in result.stdout
    found = problems(site_root)
    assert "docs/zh/glossary/gamma-term.md:2: NEW001 fill in the placeholder: 一句话定义（用作页面描述和悬停提示）" in found
    assert any(p.endswith("TRM005 term 'gamma-term' is mentioned by no page (link it with [[gamma-term]] where it is used)") for p in found)
    fill(site_root, TERMS, "丙术语", "gamma term")
    fill(site_root, "docs/zh/glossary/gamma-term.md", "丙术语是一个例子。", "丙术语是例子[@alpha2020]。")
    fill(site_root, "docs/en/glossary/gamma-term.md", "The gamma term is an example.", "The gamma term is an example [@alpha2020].")
    edit(site_root, ZH_INDEX, "见[[alpha-term]]", "见[[alpha-term]]、[[gamma-term]]")
    edit(site_root, EN_INDEX, "See [[alpha-term]]", "See [[alpha-term]], [[gamma-term]]")
    assert problems(site_root) == [] and drift(site_root) == []


def test_new_article_with_its_nav_entry(site_root):
    result = kb_new(site_root, "article", "articles/new-one")
    assert result.returncode == 0, result.stderr
    found = problems(site_root)
    assert "docs/en/articles/new-one.md:6: NEW001 fill in the placeholder: the article's title" in found
    assert any(p.endswith("NEW001 fill in the placeholder: the English H1 of articles/new-one.md") for p in found)
    config = (site_root / "mkdocs.yml").read_text("utf-8")
    assert '      - "TODO: nav label, the Chinese H1 of articles/new-one.md": articles/new-one.md\n' in config
    fill(site_root, "docs/zh/articles/new-one.md", "新文章。", "新文章", "正文。")
    fill(site_root, "docs/en/articles/new-one.md", "A new article.", "New article", "Text.")
    (site_root / "mkdocs.yml").write_text(config.replace('"TODO: nav label, the Chinese H1 of articles/new-one.md"', "新文章")
                                          .replace('"TODO: the English H1 of articles/new-one.md"', "New article"), "utf-8")
    assert problems(site_root) == [] and drift(site_root) == []
    assert "      - 新文章: articles/new-one.md\n" in (site_root / "mkdocs.yml").read_text("utf-8")


@pytest.mark.parametrize("args, message", [
    (["claim", "first-claim", "--article", ARTICLE, "--verdict", "supported"],
     "kb-new: claim id 'first-claim' is already used (claim ids are unique site-wide); nothing was written"),
    (["claim", "new-claim", "--article", ARTICLE, "--verdict", "maybe"],
     "kb-new: unknown verdict 'maybe' (known: supported, contested; data/verdicts.yaml); nothing was written"),
    (["claim", "new-claim", "--article", "articles/nowhere", "--verdict", "supported"],
     "kb-new: no article docs/zh/articles/nowhere.md (write the article first: kb-new article articles/nowhere); nothing was written"),
    (["claim", "New_Claim", "--article", ARTICLE, "--verdict", "supported"],
     "kb-new: claim id 'New_Claim' is not ASCII kebab-case (e.g. mk7-just-converted-to-mk4); nothing was written"),
    (["term", "alpha-term", "--topic", "terms"],
     "kb-new: term 'alpha-term' exists already (data/glossary/terms.yaml); nothing was written"),
    (["term", "gamma-term", "--topic", "bones"],
     "kb-new: no topic 'bones' in data/glossary/ (topics: terms); nothing was written"),
    (["article", "about"], "kb-new: docs/zh/about.md exists already; nothing was written"),
])
def test_refuses_with_a_message_and_writes_nothing(site_root, args, message):
    before = {path: path.read_bytes() for path in site_root.rglob("*") if path.is_file()}
    result = kb_new(site_root, *args)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [message]
    assert {path: path.read_bytes() for path in site_root.rglob("*") if path.is_file()} == before
