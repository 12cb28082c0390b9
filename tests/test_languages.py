"""A third language is one entry in the table (kb/model/languages.py) plus its words, its
config, its pages and its fields in data/: a copy of the project with French added that way
builds end to end, and every language-dependent output carries the third language.

The copy of kb/ is put first on PYTHONPATH, ahead of the installed (editable) project, so
the build runs exactly the code a maintainer adding a language would have: the one table
edited, nothing else in kb/ touched except the new language's name in the others' words.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import BUILD_FILES, FIXTURE, REPO

FRENCH = ('FR = Language(code="fr", html_lang="fr", hreflang="fr", og_locale="fr_FR", prefix="fr/",\n'
          '              browser_locale="fr-FR")\n')


def add_french_to_the_table(root):
    table = root / "kb" / "model" / "languages.py"
    text = table.read_text("utf-8")
    assert text.count("LANGUAGES = (ZH, EN)") == 1
    table.write_text(text.replace("LANGUAGES = (ZH, EN)", FRENCH + "LANGUAGES = (ZH, EN, FR)"), "utf-8")
    labels = root / "kb" / "model" / "labels"
    (labels / "fr.py").write_text((labels / "en.py").read_text("utf-8").replace(
        '"lang_en": "English",', '"lang_en": "anglais",\n    "lang_fr": "français",'), "utf-8")
    for code, name in (("zh", "法文"), ("en", "French")):  # its name in the other languages
        words = labels / f"{code}.py"
        text = words.read_text("utf-8")
        words.write_text(text.replace('    "lang_en":', f'    "lang_fr": "{name}",\n    "lang_en":', 1), "utf-8")


def add_french_config(root):
    config = (root / "mkdocs.yml").read_text("utf-8")
    data = yaml.safe_load(config.replace("!ENV", ""))  # only to read the English entry
    english = next(entry for entry in data["plugins"]["i18n"]["languages"] if entry["locale"] == "en")
    french = {**english, "locale": "fr", "name": "Français", "site_name": "Base de preuves"}
    entry = yaml.safe_dump([french], allow_unicode=True, sort_keys=False)
    indent = " " * 8
    block = "".join(indent + line + "\n" for line in entry.splitlines())
    end = config.index("\nnav:")
    config = config[:end].rstrip("\n") + "\n" + block + config[end:]
    switcher = ("    - name: Français\n      link: {link}\n      lang: fr\n")
    config = config.replace("      link: en/\n      lang: en\n", "      link: en/\n      lang: en\n" + switcher.format(link="fr/"), 1)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    english_config = (root / "mkdocs.en.yml").read_text("utf-8")
    (root / "mkdocs.en.yml").write_text(english_config.replace(
        "      link: ./\n      lang: en\n", "      link: ./\n      lang: en\n" + switcher.format(link="../fr/")), "utf-8")
    (root / "mkdocs.fr.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_dir: site/fr\n"
        'site_url: !ENV [SITE_URL_FR, "https://vitamin-k-evidence.github.io/fr/"]\n'
        "extra:\n  alternate:\n"
        "    - {name: 中文, link: ../, lang: zh-Hans}\n"
        "    - {name: English, link: ../en/, lang: en}\n"
        "    - {name: Français, link: ./, lang: fr}\n"
        "plugins:\n  i18n:\n    build_only_locale: fr\n", "utf-8")


def add_french_content(root):
    shutil.copytree(root / "docs" / "en", root / "docs" / "fr")

    def with_french(mapping):
        if isinstance(mapping, dict) and "en" in mapping and "zh" in mapping:
            mapping["fr"] = mapping["en"]
        return mapping

    for name in ("data/verdicts.yaml", "data/glossary/terms.yaml", "data/claims.yaml"):
        file = root / name
        data = yaml.safe_load(file.read_text("utf-8"))

        def walk(node):
            if isinstance(node, dict):
                for value in node.values():
                    walk(value)
                with_french(node)
            elif isinstance(node, list):
                for value in node:
                    walk(value)
        walk(data)
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory):
    root = tmp_path_factory.mktemp("three-languages") / "project"
    shutil.copytree(FIXTURE, root)
    for item in (*BUILD_FILES, "kb"):
        src = REPO / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / item, **(
            {"ignore": shutil.ignore_patterns("__pycache__")} if src.is_dir() else {}))
    add_french_to_the_table(root)
    add_french_config(root)
    add_french_content(root)
    env = {**os.environ, "PYTHONPATH": str(root), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    build = subprocess.run([sys.executable, "-m", "kb.commands.build", "--root", str(root), "--quiet"],
                           cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stdout + build.stderr
    return root / "site"


def soup(site, path):
    return BeautifulSoup((site / path).read_text("utf-8"), "html.parser")


def test_the_third_language_is_built_under_its_prefix_with_its_html_lang(three_languages):
    page = soup(three_languages, "fr/articles/vitamin-k-with-vitamin-d/index.html")
    assert page.html["lang"] == "fr"
    assert page.find("meta", property="og:locale")["content"] == "fr_FR"
    # Finished like the other languages: policy, inline CSS, its own card.
    assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert page.find("style") and not page.find("link", rel="stylesheet")
    assert (three_languages / "fr/articles/vitamin-k-with-vitamin-d/card.png").is_file()
    assert (three_languages / "fr/assets/preview-fr.png").is_file()


def test_every_language_names_the_third_as_an_alternate(three_languages):
    for prefix in ("", "en/", "fr/"):
        home = soup(three_languages, prefix + "index.html")
        locales = {meta["content"] for meta in home.find_all("meta", property="og:locale:alternate")}
        assert len(locales) == 2 and locales < {"zh_CN", "en_US", "fr_FR"}, (prefix, locales)
        sitemap = (three_languages / prefix / "sitemap.xml").read_text("utf-8")
        for hreflang in ("zh-Hans", "en", "fr", "x-default"):
            assert f'hreflang="{hreflang}"' in sitemap, (prefix, hreflang)
    assert "/fr/glossary/alpha-term/" in (three_languages / "en" / "sitemap.xml").read_text("utf-8")


def test_the_third_language_has_its_own_search_index_feed_and_structured_data(three_languages):
    index = json.loads((three_languages / "fr" / "search.json").read_text("utf-8"))
    urls = {record["url"] for record in index["pages"]}
    assert "claims/first-claim/" in urls and not any(url.startswith(("en/", "fr/")) for url in urls)
    assert not any(url.startswith("fr/") for url in
                   (r["url"] for r in json.loads((three_languages / "search.json").read_text("utf-8"))["pages"]))
    assert "<feed" in (three_languages / "fr" / "changes.xml").read_text("utf-8")
    term = soup(three_languages, "fr/glossary/alpha-term/index.html")
    data = json.loads(term.find("script", type="application/ld+json").string)
    assert data["inLanguage"] == "fr" and "甲术语" in data["alternateName"]


def test_the_verdict_table_names_the_third_language_in_each(three_languages):
    assert "法文标签" in soup(three_languages, "about/index.html").get_text()  # the fixture's about page has it
    assert "French label" in soup(three_languages, "en/about/index.html").get_text()
