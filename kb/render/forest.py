"""Forest plots of study results (data/studies.yaml) as inline SVG: one row per result,
point (a square; a diamond spanning the interval for a pooled estimate) and 95% CI on a
shared axis, log scale for ratios (no effect at 1), linear for differences (no effect at
0). Results later corrected are drawn hollow and dashed and say so in words.

Why hand-written SVG: kb/render/plot_axis.py. Colours are classes styled in kb.css with
Material's variables, so dark mode works; text is <text>, in the page's fonts. The plot is
role="img" with a <title> and a <desc> that reads out every row, and the table before it
holds the same values.
"""
import html

from kb.model.labels import label
from kb.model.studies import RATIOS
from kb.render.plot_axis import WIDTH, difference_axis, ratio_axis, tick_text
from kb.render.study_words import effect_text, result_text

E = html.escape
ROW = 50            # height of a row: name line, endpoint line, interval
TOP = 4
AXIS = 44           # axis line, tick labels and the axis title


def rows_by_measure(studies: list) -> dict:
    """measure -> [(study, result)], measures in order of first appearance."""
    found = {}
    for study in studies:
        for result in study.results:
            found.setdefault(result["measure"], []).append((study, result))
    return found


def _value(number) -> float:
    return float(number)


def _row(axis, index: int, study, result, lang: str) -> str:
    y = TOP + index * ROW
    mid = y + 38
    est, low, high = (_value(result[k]) for k in ("estimate", "low", "high"))
    corrected = result.get("status") == "corrected" or study.data.get("status") == "retracted"
    kind = " kb-plot--corrected" if corrected else ""
    status = ""
    if result.get("status") == "corrected":
        status = " · " + label("status_corrected", lang)
    elif study.data.get("status") == "retracted":
        status = " · " + label("status_retracted", lang)
    numbers = effect_text(result, lang)
    parts = [
        f'<g class="kb-plot__row{kind}">',
        f'<text x="0" y="{y + 13}" class="kb-plot__name">{E(study.words("name", lang))}</text>',
        f'<text x="{WIDTH}" y="{y + 13}" text-anchor="end">{E(numbers)}</text>',
        f'<text x="0" y="{y + 28}" class="kb-plot__note">{E(result["endpoint"][lang] + status)}</text>',
    ]
    x_low, x_est, x_high = axis.x(low), axis.x(est), axis.x(high)
    if study.data["design"] == "meta-analysis":  # a pooled estimate: the diamond spans its interval
        parts.append(f'<path class="kb-plot__pooled" data-estimate="{x_est}" '
                     f'd="M{x_low} {mid}L{x_est} {mid - 6}L{x_high} {mid}L{x_est} {mid + 6}Z"/>')
    else:
        parts.append(f'<line class="kb-plot__ci" x1="{x_low}" x2="{x_high}" y1="{mid}" y2="{mid}"/>')
        parts.append(f'<rect class="kb-plot__point" data-estimate="{x_est}" x="{x_est - 4}" y="{mid - 4}" width="8" height="8"/>')
    parts.append("</g>")
    return "".join(parts)


def forest_svg(measure: str, rows: list, lang: str) -> str:
    values = [_value(r[k]) for _, r in rows for k in ("low", "high")]
    ratio = measure in RATIOS
    axis, ticks = ratio_axis(values) if ratio else difference_axis(values)
    name = label("measure_" + measure, lang)
    height = TOP + len(rows) * ROW + AXIS
    base = TOP + len(rows) * ROW + 4
    null_x = axis.x(1 if ratio else 0)
    title = label("forest_title", lang, measure=name)
    axis_title = label("forest_axis_log" if ratio else "forest_axis_linear", lang, measure=name)
    sep = label("clause_sep", lang)
    desc = sep.join(
        f'{study.words("name", lang)}{"，" if lang == "zh" else ", "}{result_text(r, lang)}'
        for study, r in rows) + ("。" if lang == "zh" else ".")
    # The line of no effect runs through each row's interval band only, clear of its words.
    body = [f'<line class="kb-plot__null" x1="{null_x}" x2="{null_x}" y1="{TOP + i * ROW + 31}" y2="{TOP + i * ROW + 47}"/>'
            for i in range(len(rows))]
    body += [_row(axis, i, study, result, lang) for i, (study, result) in enumerate(rows)]
    body.append(f'<line class="kb-plot__axis" x1="{axis.x(axis.low)}" x2="{axis.x(axis.high)}" y1="{base}" y2="{base}"/>')
    for tick in ticks:
        x = axis.x(tick)
        body.append(f'<line class="kb-plot__axis" x1="{x}" x2="{x}" y1="{base}" y2="{base + 4}"/>'
                    f'<text x="{x}" y="{base + 17}" text-anchor="middle" class="kb-plot__note">{tick_text(tick)}</text>')
    body.append(f'<text x="{WIDTH / 2:g}" y="{base + 35}" text-anchor="middle" class="kb-plot__note">{E(axis_title)}</text>')
    return (f'<svg class="kb-plot" role="img" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
            f'data-measure="{measure}" data-axis-low="{axis.low:.6g}" data-axis-high="{axis.high:.6g}" data-log="{int(ratio)}">'
            f'<title>{E(title)}</title><desc>{E(desc)}</desc>{"".join(body)}</svg>')


def forest_plots(studies: list, lang: str) -> str:
    """One figure per effect measure among the studies' results; "" when there is none."""
    figures = []
    for measure, rows in rows_by_measure(studies).items():
        caption = label("forest_title", lang, measure=label("measure_" + measure, lang))
        figures.append(f'<figure class="kb-figure">{forest_svg(measure, rows, lang)}<figcaption>{E(caption)}</figcaption></figure>')
    return "".join(figures)
