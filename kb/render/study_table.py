"""`::: studies <ids or tags>`: a table of the selected studies (data/studies.yaml) in the
page's language, followed by a forest plot of their effects with intervals.

Narrow screens get stacked rows (kb.css): each study becomes a block whose cells carry
their column's name (data-label). A scroll container with the study name fixed was the
alternative; at 390 px it shows the name and about one more column of seven, so a reader
scrolls each row sideways and loses the other values of the study they are reading.
Stacked, every value of a study is on screen with its label. CSS display changes can
drop a table's semantics in some browsers, so the rows and cells keep explicit roles.
"""
import html

from kb.model import claims
from kb.model.labels import WORDS, label
from kb.model.studies import site_studies
from kb.render import forest
from kb.render.citations import citation
from kb.render.study_words import dose_text, result_text, shown

E = html.escape
COLUMNS = ("col_study", "col_design", "col_n", "col_population", "col_intervention", "col_endpoints", "col_result")


def _cells(site, page, study, numbers: dict) -> list:
    lang, data = page.lang, study.data
    sep = label("clause_sep", lang)
    cite = str(citation(site, page, [study.key], numbers)) if study.key in numbers else ""
    status = (f'<span class="kb-studies__status">{E(label("status_" + data["status"], lang))}</span>'
              if data.get("status") else "")
    ties = f'<span class="kb-studies__ties">{E(data["funding"][lang])}</span>' if data.get("funding") else ""
    design = label("design_" + data["design"], lang)
    if data.get("duration"):
        duration = data["duration"]
        key = "duration_" + duration["unit"]
        key += "_1" if duration["value"] == 1 and key + "_1" in WORDS[lang] else ""  # 1 week, 1 year
        design += label("list_sep", lang) + label(key, lang, n=shown(duration["value"]))
    arms = [dose_text(arm, lang) for arm in data.get("intervention", [])]
    what = sep.join(arms) if arms else study.words("exposure", lang)
    if data.get("comparator"):
        what += sep + label("versus", lang, what=data["comparator"][lang])
    results = [result_text(r, lang) for r in study.results]
    outcome = "".join(f"<span class=\"kb-studies__effect\">{E(r)}</span>" for r in results) + E(study.words("finding", lang))
    return [
        f'{E(study.words("name", lang))}{cite}{status}{ties}',
        E(design), E(shown(data["n"])) if data.get("n") else "–", E(study.words("population", lang)),
        E(what), E(study.words("endpoints", lang)), outcome,
    ]


def caption(selection: list, chosen: list, lang: str) -> str:
    """Named by the tags selected or, for a list of ids, by the tags all of them share."""
    tags = [w for w in selection if any(w in s.tags for s in chosen)]
    if not tags:
        tags = [t for t in chosen[0].tags if all(t in s.tags for s in chosen)]
    names = [label(f"studies_tag_{word}", lang) for word in tags if f"studies_tag_{word}" in WORDS[lang]]
    return label("studies_caption", lang, what=label("list_sep", lang).join(names) if names else label("studies_listed", lang))


def table(site, page, studies: list, title: str, numbers: dict) -> str:
    lang = page.lang
    heads = [label(c, lang) for c in COLUMNS]
    head = "".join(f'<th scope="col" role="columnheader">{E(h)}</th>' for h in heads)
    rows = []
    for study in studies:
        cells = _cells(site, page, study, numbers)
        row = f'<th scope="row" role="rowheader">{cells[0]}</th>' + "".join(
            f'<td role="cell" data-label="{E(h)}">{c}</td>' for h, c in zip(heads[1:], cells[1:]))
        rows.append(f'<tr role="row">{row}</tr>')
    return (f'<table class="kb-studies" role="table"><caption>{E(title)}</caption>'
            f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>'
            f'<tbody role="rowgroup">{"".join(rows)}</tbody></table>')


def studies_block(site, page, selection, numbers: dict, ids_only: bool = False, title: str | None = None) -> str:
    """The table of the selected studies and, where they report effects with intervals,
    their forest plots. Raw HTML on lines of its own, so Markdown leaves it alone."""
    if ids_only:
        return ""  # gives the page no ids
    chosen, _ = site_studies(site).select(list(selection))  # unknown words: STU002
    if not chosen:
        return ""
    if title is None and claims.is_claim_page(page):
        title = label("studies_cited", page.lang)
    title = title or caption(list(selection), chosen, page.lang)
    parts = [table(site, page, chosen, title, numbers), forest.forest_plots(chosen, page.lang)]
    # Left out of the search index: the sentences around it state the same facts, and rows
    # of numbers would only dilute the ranking of the page's words.
    return '\n\n<div class="kb-evidence" markdown="0" data-search-exclude>' + "".join(parts) + "</div>\n\n"
