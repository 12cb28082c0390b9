"""Studies as data (data/studies.yaml): its checks, fed the bad input each exists to catch
(NUM001 into the data file, NUM003, STU001, STU002, KB002), the geometry of the forest
plots and the dose ladder against the records, and golden files of the rendered table,
plot and ladder (tests/golden/studies/; regenerate with UPDATE_GOLDEN=1 and review)."""
import math
import os
import re

import pytest
from bs4 import BeautifulSoup

from helpers import REPO
from kb.checks.check import check_site
from kb.model.content import load_site
from kb.model.studies import site_studies
from kb.render import dose_ladder, forest, plot_axis, study_table

ZH = "docs/zh/articles/vitamin-k-with-vitamin-d.md"
EN = "docs/en/articles/vitamin-k-with-vitamin-d.md"
EXTRACTS = """\
alpha2020:
  - where: abstract
    text: 244 women took 180 µg a day for 3 years; OR 0.76 (95% CI 0.58 to 1.01).
beta-web:
  - where: page
    text: A dose of 0.5 mg.
"""
STUDIES = """\
studies:
  - id: alpha-trial
    key: alpha2020
    tags: [bone]
    name: {zh: 阿尔法试验, en: Alpha trial}
    design: rct
    population: {zh: 女性, en: women}
    n: 244
    intervention: [{form: MK-7, dose: 180, unit: µg, per: day}]
    duration: {value: 3, unit: years}
    endpoints: {zh: 骨折, en: fracture}
    results:
      - endpoint: {zh: 骨折, en: fracture}
        measure: OR
        estimate: 0.76
        low: 0.58
        high: 1.01
    finding: {zh: 无显著差异, en: no significant difference}
doses:
  - id: beta-dose
    key: beta-web
    kind: safety
    label: {zh: 贝塔剂量, en: beta dose}
    amount: 0.5
    unit: mg
"""
GOLDEN = REPO / "tests" / "golden" / "studies"


@pytest.fixture
def site_root(fixture_site):
    (fixture_site / "data/extracts.yaml").write_text(EXTRACTS, "utf-8")
    (fixture_site / "data/studies.yaml").write_text(STUDIES, "utf-8")
    return fixture_site


def claim_text(root, zh: str, en: str):
    for path, old, new in ((ZH, "一个论断[@beta-web]。", zh), (EN, "A claim [@beta-web].", en)):
        file = root / path
        text = file.read_text("utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), "utf-8")


def problems(root) -> list[str]:
    return [str(p) for p in check_site(load_site(root)) if p.code.startswith(("NUM", "STU", "KB"))]


def test_records_whose_numbers_are_in_extracts_pass(site_root):
    assert problems(site_root) == []


def test_a_record_number_missing_from_the_extracts_is_reported_at_its_line(site_root):
    studies = site_root / "data/studies.yaml"
    studies.write_text(studies.read_text("utf-8").replace("n: 244", "n: 245"), "utf-8")
    assert problems(site_root) == [
        "data/studies.yaml:8: NUM001 number '245' of 'alpha-trial' (n) is not in an extract of alpha2020"]


def test_schema_and_keys_of_the_records(site_root):
    studies = site_root / "data/studies.yaml"
    text = studies.read_text("utf-8").replace("design: rct", "design: anecdote").replace("key: beta-web", "key: nosuch")
    studies.write_text(text, "utf-8")
    found = problems(site_root)
    assert any(p.startswith("data/studies.yaml:6: KB002 studies: 'anecdote' is not one of") for p in found), found
    studies.write_text(STUDIES.replace("key: beta-web", "key: nosuch"), "utf-8")
    assert problems(site_root) == ["data/studies.yaml:21: STU001 doses 'beta-dose': no key 'nosuch' in data/references.bib"]


def test_ladder_claims_must_name_stated_claims(site_root):
    studies = site_root / "data/studies.yaml"
    studies.write_text(STUDIES + "ladder_claims: [first-claim, nosuch-claim]\n", "utf-8")
    assert problems(site_root) == ["data/studies.yaml:26: STU001 ladder_claims: no page states a claim 'nosuch-claim'"]


def test_a_studies_block_naming_no_study(site_root):
    for path in (ZH, EN):
        file = site_root / path
        file.write_text(file.read_text("utf-8") + "\n::: studies bone nosuch\n", "utf-8")
    found = problems(site_root)
    assert f"{EN}:14: STU002 '::: studies': no study has the id or tag 'nosuch' (data/studies.yaml)" in found
    assert f"{ZH}:14: STU002 '::: studies': no study has the id or tag 'nosuch' (data/studies.yaml)" in found


def test_a_sentence_stating_another_interval_than_the_record(site_root):
    # 0.85 is in the extract (not NUM001), but the record's interval is 0.58 to 1.01.
    (site_root / "data/extracts.yaml").write_text(EXTRACTS.replace("(95% CI", "(0.85; 95% CI"), "utf-8")
    claim_text(site_root, "OR 0.76（95% CI 0.85 至 1.01）[@alpha2020]。", "OR 0.76 (95% CI 0.85 to 1.01) [@alpha2020].")
    assert sorted(problems(site_root)) == [
        f"{EN}:11: NUM003 effect 0.76 (0.85–1.01) differs from every result recorded for alpha2020 in data/studies.yaml (closest: 'alpha-trial' OR 0.76 (0.58–1.01))",
        f"{ZH}:11: NUM003 effect 0.76 (0.85–1.01) differs from every result recorded for alpha2020 in data/studies.yaml (closest: 'alpha-trial' OR 0.76 (0.58–1.01))",
    ]


def test_a_sentence_stating_the_recorded_effect_passes(site_root):
    claim_text(site_root, "OR 0.76（95% CI 0.58 至 1.01）[@alpha2020]。", "OR 0.76, 95% CI 0.58–1.01 [@alpha2020].")
    assert problems(site_root) == []


# --- Geometry: the SVG against the data ---------------------------------------------------

def real_site():
    return load_site(REPO)


def _svg(markup: str):
    return BeautifulSoup(markup, "html.parser").find("svg")


def test_forest_plot_points_whiskers_and_no_effect_line_match_the_records():
    site = real_site()
    chosen, _ = site_studies(site).select(["fracture", "heart", "bone-density"])
    for measure, rows in forest.rows_by_measure(chosen).items():
        svg = _svg(forest.forest_svg(measure, rows, "en"))
        axis = plot_axis.Axis(float(svg["data-axis-low"]), float(svg["data-axis-high"]), svg["data-log"] == "1")
        null = svg.find("line", class_="kb-plot__null")
        assert float(null["x1"]) == pytest.approx(axis.x(1 if measure in ("HR", "OR", "RR") else 0), abs=0.1)
        drawn = svg.find_all("g", class_="kb-plot__row")
        assert len(drawn) == len(rows)
        for group, (study, result) in zip(drawn, rows):
            est, low, high = (float(result[k]) for k in ("estimate", "low", "high"))
            mark = group.find(attrs={"data-estimate": True})
            assert float(mark["data-estimate"]) == pytest.approx(axis.x(est), abs=0.1)
            if mark.name == "rect":  # a study: the square's centre at the estimate, whiskers at the CI
                assert float(mark["x"]) + float(mark["width"]) / 2 == pytest.approx(axis.x(est), abs=0.1)
                ci = group.find("line", class_="kb-plot__ci")
                assert (float(ci["x1"]), float(ci["x2"])) == (pytest.approx(axis.x(low), abs=0.1), pytest.approx(axis.x(high), abs=0.1))
            else:  # a pooled estimate: the diamond's tips at the CI, its middle at the estimate
                xs = [float(v) for v in re.findall(r"[ML](-?[\d.]+) ", mark["d"])]
                assert xs == [pytest.approx(axis.x(low), abs=0.1), pytest.approx(axis.x(est), abs=0.1), pytest.approx(axis.x(high), abs=0.1), pytest.approx(axis.x(est), abs=0.1)]
            assert ("kb-plot--corrected" in group["class"]) == (result.get("status") == "corrected")


def test_ratio_axis_is_logarithmic():
    axis = plot_axis.Axis(0.5, 2, True)
    assert axis.x(1) == pytest.approx((axis.x(0.5) + axis.x(2)) / 2, abs=0.1)


def test_dose_ladder_places_each_amount_on_a_log_axis_and_reads_the_safety_marker_from_the_data():
    site = real_site()
    svg = _svg(dose_ladder.ladder_svg(site, "en"))
    axis = plot_axis.Axis(float(svg["data-axis-low"]), float(svg["data-axis-high"]), True)
    for point in svg.find_all("circle"):
        assert float(point["cx"]) == pytest.approx(axis.x(float(point["data-ug"])), abs=0.1)
    safety = [d for d in site_studies(site).doses.values() if d.data["kind"] == "safety"][0]
    limit = svg.find("line", class_="kb-ladder__limit")
    amounts = safety.data["amount"] if isinstance(safety.data["amount"], list) else [safety.data["amount"]]
    lowest = min(amounts) * (1000 if safety.data["unit"] == "mg" else 1)  # the line marks where it starts
    assert float(limit["x1"]) == pytest.approx(axis.x(lowest), abs=0.1)
    # every trial dose of the records is on the ladder
    drawn = {float(p["data-ug"]) for p in svg.find_all("circle")}
    for study in site_studies(site).studies.values():
        for arm in study.data.get("intervention", []):
            doses = arm["dose"] if isinstance(arm["dose"], list) else [arm["dose"]]
            for dose in doses:
                if arm["per"] == "day" and dose > 0:
                    assert dose * (1000 if arm["unit"] == "mg" else 1) in drawn


# --- Golden files: the rendered table, a forest plot and the ladder ------------------------

def _page(site, lang, path):
    return site.page(lang, path)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rendered_table_plot_and_ladder_match_their_golden_files(lang):
    site = real_site()
    page = _page(site, lang, "articles/vitamin-k-with-vitamin-d.md")
    from kb.render.citations import numbers
    parts = {
        "fracture-table-and-plot": study_table.studies_block(site, page, ["fracture"], numbers(site, page)),
        "dose-ladder": dose_ladder.dose_ladder(site, page),
    }
    for name, markup in parts.items():
        actual = BeautifulSoup(markup, "html.parser").prettify()
        golden = GOLDEN / f"{name}.{lang}.html"
        if os.environ.get("UPDATE_GOLDEN") == "1":
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(actual, "utf-8")
        assert golden.is_file(), f"{golden} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
        assert actual == golden.read_text("utf-8"), f"{golden.relative_to(REPO)} differs (see the module docstring)"


def test_table_is_accessible_markup():
    site = real_site()
    page = _page(site, "en", "articles/vitamin-k-with-vitamin-d.md")
    soup = BeautifulSoup(study_table.studies_block(site, page, ["heart"], {}), "html.parser")
    table = soup.find("table")
    assert table.caption.get_text().startswith("Studies:")
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    assert all(row.th["scope"] == "row" for row in table.tbody.find_all("tr"))
    assert "(n)" in table.thead.get_text() and "95% CI" in table.thead.get_text()
    for svg in soup.find_all("svg"):
        assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text()
        assert math.isfinite(float(svg["width"]))


def test_tick_labels_of_the_ladder_never_overlap():
    """Six decades on a phone: '100 毫克' beside an end-anchored '1000 毫克' overlapped."""
    from kb.model.labels import label  # noqa: F401  (labels load the words the ticks use)
    from kb.render.dose_ladder import _width, tick_labels
    from kb.render.plot_axis import log_decades
    for lang in ("zh", "en"):
        axis, ticks = log_decades(1, 100_000)
        placed = tick_labels(axis, ticks, lang)
        assert placed[0][1] == "start" and placed[-1][1] == "end"
        edges = []
        for x, anchor, text in placed:
            left = x if anchor == "start" else x - _width(text) if anchor == "end" else x - _width(text) / 2
            edges.append((left, left + _width(text)))
        assert all(right + 6 <= left for (_, right), (left, _) in zip(edges, edges[1:])), (lang, placed)
