"""Redirect pages for the retired paths of data/redirects.yaml (kb/model/redirects.py loads
and checks them): a small page at each old path, in each language, that sends the visitor
on to the replacement and keeps the #anchor of their URL. Written by the finishing pass
(kb/finish/pipeline.py) after the search index, so that search never lists them.
"""
import html
import json
from pathlib import Path

from kb.finish.csp import with_policy
from kb.model.content import url_of
from kb.model.labels import label
from kb.model.languages import BY_CODE, LANGUAGES, absolute, relative_url, url_in
from kb.model.redirects import Redirect, load_redirects, REDIRECTS_FILE

# The second line of a redirect page's script: it keeps the visitor's #anchor.
_SCRIPT_TAIL = "location.replace(target + location.hash);"


def redirect_page(lang: str, old: str, new: str, site_url: str | None, title: str | None = None) -> str:
    """The HTML of the redirect page at `old` (language-neutral) in one language."""
    language = BY_CODE[lang]
    target = relative_url(url_in(language, old), url_in(language, new))
    if not title:
        title = absolute(site_url, url_in(language, new)) if site_url else target
    link = f'<a href="{html.escape(target)}">{html.escape(title)}</a>'
    canonical = (
        f'<link rel="canonical" href="{html.escape(absolute(site_url, url_in(language, new)))}">\n'
        if site_url else ""
    )
    # The script runs before the refresh and keeps the visitor's #anchor, which a
    # meta refresh would drop.
    return (
        "<!doctype html>\n"
        f'<html lang="{language.html_lang}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{html.escape(label('moved_title', lang))}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f"{canonical}"
        f"<script>var target = {json.dumps(target)};\n"
        f"{_SCRIPT_TAIL}</script>\n"
        f'<meta http-equiv="refresh" content="0; url={html.escape(target)}">\n'
        "</head>\n"
        "<body>\n"
        f"<p>{label('moved_to', lang, link=link)}</p>\n"
        "</body>\n"
        "</html>\n"
    )


def write_redirect_pages(site_dir: Path, redirects: list[Redirect], site_url: str | None, titles=None,
                         languages=LANGUAGES) -> list[Path]:
    """Write every redirect page, in each of `languages`, into a built site; return the files.

    site_dir is the whole site's output (a language's pages under its prefix); a
    one-language build passes its own directory as that language's part of it.
    titles: optional {(lang code, language-neutral URL): page title} for the link text.
    Refuses (ValueError) to overwrite a file the build wrote (an earlier redirect page,
    left by a `--dirty` rebuild, is replaced).
    """
    titles = titles or {}
    written = []
    for redirect in redirects:
        for lang in languages:
            file = Path(site_dir) / url_in(lang, redirect.old) / "index.html"
            if file.exists() and _SCRIPT_TAIL not in file.read_text("utf-8"):  # not an earlier redirect page
                raise ValueError(f"{REDIRECTS_FILE}:{redirect.line}: RED003 redirect '{redirect.old}' would overwrite {file}")
            file.parent.mkdir(parents=True, exist_ok=True)
            title = titles.get((lang.code, redirect.new))
            page = redirect_page(lang.code, redirect.old, redirect.new, site_url, title)
            file.write_text(with_policy(page), "utf-8")
            written.append(file)
    return written


def publish(site, site_dir: Path, site_url: str | None, lang) -> list[Path]:
    """Write one language's redirect pages of data/redirects.yaml into that language's
    build output, `site_dir` (the hook calls this); site_url is the whole site's address."""
    redirects, problems = load_redirects(site.root)
    if problems:  # the build checks them first; never write half a set
        raise ValueError("\n".join(str(p) for p in problems))
    titles = {(lang, url_of(path)): site.title(lang, path) for lang, path in site.pages}
    whole_site = Path(site_dir)
    for _ in filter(None, lang.prefix.split("/")):  # site/en -> site
        whole_site = whole_site.parent
    return write_redirect_pages(whole_site, redirects, site_url, titles, languages=(lang,))
