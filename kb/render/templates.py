"""The Jinja2 templates of generated HTML (kb/render/html/), and the ids a fragment emits.

Templates autoescape everything; a value that is already HTML is passed as Markup.
Template comments are written {* ... *}: "{#" starts a Markdown heading id.
"""
import re
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from kb.model.bibliography import clean, sentence
from kb.model.labels import label
from kb.render.typography import after_label, join_list

TEMPLATES = Path(__file__).resolve().parent / "html"
# Ids a generated fragment gives the page: HTML id attributes and Markdown heading
# attribute lists ("## Title {#id ...}"), which the attr_list extension turns into ids.
_HTML_ID = re.compile(r'\sid="([^"]+)"')
_HEADING_ID = re.compile(r"(?m)^#{1,6} .*\{[^}\n]*#([A-Za-z0-9_:.\-]+)[^}\n]*\}\s*$")


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        auto_reload=False,  # templates do not change during a build
        # Markdown heading ids are written "{#id}", Jinja's default comment opener.
        comment_start_string="{*",
        comment_end_string="*}",
    )
    env.filters["sentence"] = sentence
    env.globals["clean"] = clean
    env.globals["join_list"] = join_list
    env.globals["after_label"] = after_label
    return env


def render(name: str, lang: str, **values) -> Markup:
    """Render kb/render/html/<name> for a page in `lang`; label() is bound to that language."""
    words = lambda key, **more: label(key, lang, **more)  # noqa: E731
    html = environment().get_template(name).render(lang=lang, label=words, **values)
    return Markup(html.strip("\n"))


def emitted_ids(fragment: str) -> set:
    """The ids a generated fragment puts on the page."""
    return set(_HTML_ID.findall(fragment)) | set(_HEADING_ID.findall(fragment))
