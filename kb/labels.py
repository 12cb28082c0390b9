"""Interface words of generated content, per language."""
LABELS = {
    "references": {"zh": "参考文献", "en": "References"},
    "definition": {"zh": "定义", "en": "Definition"},
    "other_name": {"zh": "英文", "en": "Chinese"},  # the name in the other language
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
    "copied": {"zh": "已复制", "en": "Copied"},
    "moved_title": {"zh": "页面已移动", "en": "Page moved"},
    "moved_to": {"zh": "本页已移至 {link}。", "en": "This page has moved to {link}."},
    "reviewed": {"zh": "最后审核：", "en": "Last reviewed:"},
    "cite_this_page": {"zh": "引用本页", "en": "Cite this page"},
    "copy_plain": {"zh": "复制链接", "en": "Copy link"},
    "copy_markdown": {"zh": "复制 Markdown", "en": "Copy Markdown"},
    "copy_bbcode": {"zh": "复制 BBCode", "en": "Copy BBCode"},
    "cite_link": {"zh": "引用", "en": "Cite"},
    "cite_claim": {"zh": "引用此论断", "en": "Cite this claim"},
    "claim_page": {"zh": "论断页面", "en": "Claim page"},
    "read_in_context": {"zh": "在原文中阅读：", "en": "Read it in context:"},
    "claim_questions": {"zh": "读者常这样问：", "en": "Readers ask it as:"},
    "claims_filter": {"zh": "按结论筛选", "en": "Filter by verdict"},
    "claims_all": {"zh": "全部", "en": "All"},
    "claims_count": {"zh": "共 {n} 条论断", "en": "{n} claims"},
    "cite_hint": {
        "zh": "BBCode 适用于 Discuz! 等论坛；每个标题和论断旁的链接按钮可复制指向该处的链接。把网址中的 /en/ 去掉或加上即可在中英文版本之间切换。",
        "en": "BBCode suits Discuz!-style forums; the link button beside every heading and claim copies a link to that spot. Adding or removing /en/ in the address switches between the English and Chinese versions.",
    },
}


def label(name: str, lang: str, **values) -> str:
    return LABELS[name][lang].format(**values)
