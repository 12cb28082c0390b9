"""Numbers in Chinese text: a range not written with the wave dash (ZHN001) and a mass
written µg / mg (ZHN002) are reported with the form to write instead; dates, link targets
and the wave dash itself are not."""

from helpers import REPO, ZH_INDEX
from kb.checks.check import check_site
from kb.checks.zh_numbers import range_problems, unit_problems
from kb.model.content import load_site


def write_paragraph(root, text):
    file = root / ZH_INDEX
    file.write_text(file.read_text("utf-8") + "\n" + text + "\n", "utf-8")


def reported(root, code):
    return sorted(str(p) for p in check_site(load_site(root)) if f" {code} " in str(p))


def test_ranges_and_units_written_otherwise_are_reported(fixture_site):
    write_paragraph(fixture_site, "每天服用 3–5 小时后，血中水平升至 7 至 8 倍；剂量 50 µg 或 45 mg。")
    assert reported(fixture_site, "ZHN001") == [
        f"{ZH_INDEX}:10: ZHN001 range '3–5' written with '–': write ranges in Chinese text with the wave dash, as in '3～5' (GB/T 15834)",
        f"{ZH_INDEX}:10: ZHN001 range '7 至 8' written with '至': write ranges in Chinese text with the wave dash, as in '7～8' (GB/T 15834)",
    ]
    assert reported(fixture_site, "ZHN002") == [
        f"{ZH_INDEX}:10: ZHN002 '45 mg': write '45 毫克' in Chinese text, not 'mg'",
        f"{ZH_INDEX}:10: ZHN002 '50 µg': write '50 微克' in Chinese text, not 'µg'",
    ]


def test_the_house_style_passes(fixture_site):
    write_paragraph(fixture_site, "每天 10～20 微克，3～5 小时，0.58～1.01，45 毫克。")
    assert reported(fixture_site, "ZHN001") == reported(fixture_site, "ZHN002") == []


def test_dates_links_and_names_are_not_ranges():
    assert range_problems("审阅于 2026-11-24，见[研究](https://doi.org/10.1186/1475-2891-11-93)和 `1-2`。") == []
    assert range_problems("甲萘醌-4 与 MK-7 不同。") == []
    assert unit_problems("以微克（µg）计，1 毫克等于 1000 微克。") == []


def test_numbers_of_standards_are_not_ranges():
    assert range_problems("以卫生行业标准 WS/T 578.4-2018 发布，按 GB/T 15834-2011 书写。") == []
    assert range_problems("每天 3-5 次") != []


def test_a_unit_after_the_first_number_and_a_negative_bound_are_read():
    assert range_problems("3 小时-5 小时") == ["range '3 小时-5' written with '-': write ranges in Chinese text with the wave dash, as in '3～5' (GB/T 15834)"]
    assert range_problems("0.2 至 −0.7") == ["range '0.2 至 −0.7' written with '至': write ranges in Chinese text with the wave dash, as in '0.2～−0.7' (GB/T 15834)"]


def test_real_content_passes():
    site = load_site(REPO)
    assert [p for p in check_site(site) if p.code in {"ZHN001", "ZHN002"}] == []
