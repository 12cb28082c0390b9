"""`::: dose-ladder`: one figure placing, on a log axis of µg a day, the doses the sources
discuss: the `doses` records of data/studies.yaml (intakes, foods, the interview's
amounts, the drug dose, the anticoagulant marker) and the daily doses of the trials in
`studies`, read from the same records as the tables.

One row per amount (trials with the same form and dose share a row), sorted by amount:
the label on its own line, so that it has the whole width of a phone screen, then the
point (or the points, or a bar for a range) with its amount written beside it. The
`safety` record also draws a dashed line across the whole ladder. Why hand-written SVG:
kb/render/plot_axis.py.
"""
import html

from kb.model.labels import label
from kb.model.studies import micrograms, site_studies
from kb.render.plot_axis import WIDTH, log_decades
from kb.render.study_words import shown

E = html.escape
ROW = 38
TOP = 4
AXIS = 40


def rungs(site, lang: str) -> list:
    """[{kind, label, amounts (as written), unit, ug (µg values)}], sorted by amount."""
    records = site_studies(site)
    found = []
    for dose in records.doses.values():
        amounts = dose.data["amount"] if isinstance(dose.data["amount"], list) else [dose.data["amount"]]
        found.append({"kind": dose.data["kind"], "label": dose.data["label"][lang], "amounts": amounts,
                      "unit": dose.data["unit"], "range": isinstance(dose.data["amount"], list), "id": dose.id})
    trials = {}
    for study in records.studies.values():
        for arm in study.data.get("intervention", []):
            if arm["per"] != "day":
                continue
            amounts = [a for a in (arm["dose"] if isinstance(arm["dose"], list) else [arm["dose"]]) if a > 0]
            group = trials.setdefault((arm["form"], tuple(amounts), arm["unit"]), [])
            group.append(study.words("name", lang))
    for (form, amounts, unit), names in trials.items():
        text = label("ladder_trial", lang, names=label("list_sep", lang).join(dict.fromkeys(names)), form=form)
        found.append({"kind": "trial", "label": text, "amounts": list(amounts), "unit": unit, "range": False, "id": ""})
    for rung in found:
        rung["ug"] = [micrograms(float(a), rung["unit"]) for a in rung["amounts"]]
    return sorted(found, key=lambda r: (min(r["ug"]), max(r["ug"]), r["label"]))


def amount_text(rung: dict, lang: str) -> str:
    unit = label("unit_" + rung["unit"], lang)
    if rung["range"]:
        return f'{label("range", lang, low=shown(rung["amounts"][0]), high=shown(rung["amounts"][-1]))} {unit}'
    return f'{label("list_sep", lang).join(shown(a) for a in rung["amounts"])} {unit}'


def _tick(value: float, lang: str) -> str:
    if value >= 1000:
        return f'{value / 1000:g} {label("unit_mg", lang)}'
    return f'{value:g} {label("unit_µg", lang)}'


def _width(text: str) -> float:
    """Rough width at 12 px: Han characters 12, others about 6.5 (for placing a label)."""
    return sum(12 if ord(ch) > 0x2E80 else 6.5 for ch in text)


def tick_labels(axis, ticks: list, lang: str) -> list[tuple[float, str, str]]:
    """(x, text-anchor, text) of the tick labels that fit: the first and last are kept inside
    the figure (anchored at their start and end), and a label that would overlap the one
    before it is left out (on a phone six decades leave about 55 px a decade, less than
    '100 毫克' needs beside an end-anchored '1000 毫克')."""
    placed = []
    for index, tick in enumerate(ticks):
        x, text = axis.x(tick), _tick(tick, lang)
        anchor = "start" if index == 0 else "end" if index == len(ticks) - 1 else "middle"
        left = x if anchor == "start" else x - _width(text) if anchor == "end" else x - _width(text) / 2
        if placed and left < placed[-1][3] + 6:
            if anchor != "end":
                continue
            placed.pop()  # the last label stays: it closes the axis
            while placed and left < placed[-1][3] + 6:
                placed.pop()
        placed.append((x, anchor, text, left + _width(text)))
    return [(x, anchor, text) for x, anchor, text, _ in placed]


def ladder_svg(site, lang: str) -> str:
    rows = rungs(site, lang)
    if not rows:
        return ""
    every = [u for r in rows for u in r["ug"]]
    axis, ticks = log_decades(min(every), max(every))
    base = TOP + len(rows) * ROW + 4
    height = base + AXIS
    body = []
    for tick in ticks:
        x = axis.x(tick)
        body.append(f'<line class="kb-plot__grid" x1="{x}" x2="{x}" y1="{TOP}" y2="{base + 4}"/>')
    body += [f'<text x="{x}" y="{base + 17}" text-anchor="{anchor}" class="kb-plot__note">{E(text)}</text>'
             for x, anchor, text in tick_labels(axis, ticks, lang)]
    for index, rung in enumerate(rows):
        y = TOP + index * ROW
        mid = y + 27
        xs = [axis.x(u) for u in rung["ug"]]
        kind = rung["kind"]
        body.append(f'<g class="kb-ladder__{kind}">')
        body.append(f'<text x="0" y="{y + 12}">{E(rung["label"])}</text>')
        if kind == "safety":
            body.append(f'<line class="kb-ladder__limit" x1="{xs[0]}" x2="{xs[0]}" y1="{TOP}" y2="{base}"/>')
        if rung["range"]:
            body.append(f'<line class="kb-ladder__range" x1="{xs[0]}" x2="{xs[-1]}" y1="{mid}" y2="{mid}"/>')
        body += [f'<circle class="kb-ladder__point" data-ug="{u:g}" cx="{x}" cy="{mid}" r="4.5"/>' for u, x in zip(rung["ug"], xs)]
        text = amount_text(rung, lang)
        if xs[-1] + 10 + _width(text) <= WIDTH:
            body.append(f'<text x="{xs[-1] + 10}" y="{mid + 4}" class="kb-plot__note">{E(text)}</text>')
        elif xs[0] - 10 - _width(text) >= 0:
            body.append(f'<text x="{xs[0] - 10}" y="{mid + 4}" text-anchor="end" class="kb-plot__note">{E(text)}</text>')
        else:  # fits on neither side of its points: on the label's line, at the right edge
            body.append(f'<text x="{WIDTH}" y="{y + 12}" text-anchor="end" class="kb-plot__note">{E(text)}</text>')
        body.append("</g>")
    body.append(f'<line class="kb-plot__axis" x1="{axis.x(axis.low)}" x2="{axis.x(axis.high)}" y1="{base}" y2="{base}"/>')
    body.append(f'<text x="{WIDTH / 2:g}" y="{base + 35}" text-anchor="middle" class="kb-plot__note">{E(label("ladder_axis", lang))}</text>')
    sep = label("clause_sep", lang)
    desc = sep.join(label("ladder_desc_item", lang, label=r["label"], amount=amount_text(r, lang)) for r in rows)
    desc += "。" if lang == "zh" else "."
    title = label("ladder_title", lang)
    return (f'<svg class="kb-plot kb-ladder" role="img" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
            f'data-axis-low="{axis.low:g}" data-axis-high="{axis.high:g}" data-log="1">'
            f'<title>{E(title)}</title><desc>{E(desc)}</desc>{"".join(body)}</svg>')


def dose_ladder(site, page, ids_only: bool = False) -> str:
    if ids_only:
        return ""
    svg = ladder_svg(site, page.lang)
    if not svg:
        return ""
    caption = E(label("ladder_title", page.lang))
    return f'\n\n<figure class="kb-figure" markdown="0" data-search-exclude>{svg}<figcaption>{caption}</figcaption></figure>\n\n'
