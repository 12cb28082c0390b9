"""How a study record's values read in a page's language: numbers as the record writes
them, doses, intervals and results. Shared by the table, the plots and the ladder."""
from kb.model.labels import label


def shown(value) -> str:
    """A number as the record writes it (quoted in YAML where a trailing zero matters: "1.90")."""
    return value if isinstance(value, str) else f"{value:g}"


def dose_text(arm: dict, lang: str) -> str:
    doses = arm["dose"] if isinstance(arm["dose"], list) else [arm["dose"]]
    amount = label("list_sep", lang).join(shown(d) for d in doses)
    text = label("dose_per_day" if arm["per"] == "day" else "dose_once", lang,
                 form=arm["form"], dose=amount, unit=label("unit_" + arm["unit"], lang))
    if arm.get("with"):
        text += label("clause_sep", lang) + arm["with"][lang]
    return text


def interval_text(result: dict, lang: str) -> str:
    return label("range", lang, low=shown(result["low"]), high=shown(result["high"]))


def result_text(result: dict, lang: str) -> str:
    """'all-cause mortality: HR 1.46 (1.12–1.90)', '全因死亡：HR 1.46（1.12～1.90）'."""
    status = label("paren", lang, text=label("status_corrected", lang)) if result.get("status") == "corrected" else ""
    sep = "：" if lang == "zh" else ": "
    return f'{result["endpoint"][lang]}{sep}{effect_text(result, lang)}{status}'


def effect_text(result: dict, lang: str) -> str:
    """'HR 1.46 (1.12–1.90)', 'HR 1.46（1.12～1.90）'."""
    return f'{result["measure"]} {shown(result["estimate"])}{label("paren", lang, text=interval_text(result, lang))}'
