"""The cite box: a page's title, permanent URL and review date, with the three forms
forum readers paste (plain link, Markdown, BBCode for Discuz!-style forums)."""
import datetime
import html

from kb.labels import label

E = html.escape


def review_date(iso: str, lang: str) -> str:
    """'2026-11-24' -> '2026年11月24日' / '24 November 2026'."""
    day = datetime.date.fromisoformat(iso)
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def link_forms(title: str, url: str) -> dict:
    return {
        "plain": url,
        "markdown": f"[{title}]({url})",
        "bbcode": f"[url={url}]{title}[/url]",
    }


def reviewed_line(iso: str, lang: str) -> str:
    return (
        f'<p class="kb-reviewed" data-search-exclude><span>{label("reviewed", lang)}</span> '
        f'<time datetime="{E(iso)}">{E(review_date(iso, lang))}</time>'
        f' · <a class="kb-reviewed__cite" href="#cite">{label("cite_link", lang)}</a></p>'  # cite from the top
    )


def cite_box(title: str, url: str, iso: str, lang: str) -> str:
    forms = link_forms(title, url)
    buttons = "".join(
        f'<button type="button" class="kb-copy md-button" data-kb-copy="{E(text)}">{label("copy_" + kind, lang)}</button>'
        for kind, text in forms.items()
    )
    return (
        f'<section class="kb-citebox" id="cite" aria-labelledby="cite-title" data-search-exclude>\n'
        f'<h2 class="kb-citebox__title" id="cite-title" data-search-exclude>{label("cite_this_page", lang)}</h2>\n'
        f'<p class="kb-citebox__page"><strong>{E(title)}</strong><br>'
        f'<code class="kb-citebox__url">{E(url)}</code><br>'
        f'{label("reviewed", lang)} <time datetime="{E(iso)}">{E(review_date(iso, lang))}</time></p>\n'
        f'<p class="kb-citebox__buttons">{buttons}</p>\n'
        f'<p class="kb-citebox__hint">{label("cite_hint", lang)}</p>\n'
        "</section>"
    )
