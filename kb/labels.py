"""Interface words of generated content, per language."""
LABELS = {
    "references": {"zh": "参考文献", "en": "References"},
    "definition": {"zh": "定义", "en": "Definition"},
    "english_name": {"zh": "英文", "en": "Chinese"},
    "abbreviations": {"zh": "缩写", "en": "Abbreviations"},
    "also_called": {"zh": "又称", "en": "Also written"},
    "related": {"zh": "相关术语", "en": "Related terms"},
    "appears_in": {"zh": "出现于", "en": "Appears in"},
    "appears_nowhere": {"zh": "暂无页面引用此术语。", "en": "No page refers to this term yet."},
    "claim": {"zh": "论断", "en": "claim"},
    "note": {"zh": "常见混淆", "en": "Common confusion"},
    "cited_by": {"zh": "引用页面", "en": "Cited by"},
    "in_bibliography": {"zh": "书目", "en": "bibliography"},
    "verdict": {"zh": "结论标签", "en": "Verdict"},
    "verdict_en": {"zh": "英文标签", "en": "Chinese label"},
    "meaning": {"zh": "含义", "en": "Meaning"},
    "filter_label": {"zh": "筛选术语", "en": "Filter terms"},
    "filter_placeholder": {"zh": "中文、英文、缩写或拼音，如 ggs、MK7", "en": "Chinese, English, abbreviation or pinyin, e.g. MK7, ucOC"},
    "filter_none": {"zh": "没有匹配的术语。", "en": "No matching term."},
    "terms_count": {"zh": "共 {n} 个术语", "en": "{n} terms"},
    "copy_link": {"zh": "复制链接", "en": "Copy link"},
}


def label(name: str, lang: str, **values) -> str:
    return LABELS[name][lang].format(**values)
